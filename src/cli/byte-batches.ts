import type { Readable } from 'node:stream';

/**
 * Consecutive lines of a caseload as the input's own bytes, cut at line ends and not yet decoded:
 * what the reading thread hands on, so that decoding, splitting and the blank-line test happen
 * where the lines are answered (a worker thread, when there are workers) and the reader does
 * little more than find line ends.
 */
export interface ByteBatch {
  /** Lines `first` to `first + count - 1`, each ending in LF (a last line without one is given one). A buffer of its own, so it can move to a worker. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly first: number;
  readonly count: number;
  /** The lines past the limit, in order: each is in `bytes` as an empty line, to be answered with the error record. */
  readonly tooLong: readonly number[];
}

export interface ByteBatchOptions {
  /** The most one line may take, not counting its line end; a longer line is skipped unread. */
  readonly maxBytes: number;
  /** A batch closes at this many lines, blank ones included. */
  readonly lines: number;
  /** ... or at this many bytes, so a run of long lines does not make a huge one. */
  readonly bytes: number;
}

const LF = 0x0a;
const CR = 0x0d;
const LINE_END = Buffer.from([LF]);

/**
 * The byte-level twin of readLines, with the same line rules: lines end at LF only, a line longer
 * than `maxBytes` (not counting an optional CR before its LF) is reported as soon as it passes the
 * limit and the rest of it is skipped unread, the last line needs no line end. A batch also closes
 * at the end of every chunk read, so a slow stream is answered line by line as it comes; reading
 * is paused while the caller awaits, so memory stays bounded by the batches in flight.
 */
export async function* readByteBatches(stream: Readable, options: ByteBatchOptions): AsyncGenerator<ByteBatch> {
  const { maxBytes } = options;
  // The batch being gathered, as ranges of the chunks read ([buffer, start, end] flat, in order).
  let ranges: (Uint8Array | number)[] = [];
  let size = 0;
  let first = 1;
  let count = 0;
  let tooLong: number[] = [];
  // The line being read when it began in an earlier chunk: its pieces so far.
  let parts: Uint8Array[] = [];
  let partSize = 0;
  let skipping = false;
  let line = 1;

  const add = (buffer: Uint8Array, start: number, end: number) => {
    const last = ranges.length - 3;
    // Whole lines that follow one another in a chunk make one range.
    if (last >= 0 && ranges[last] === buffer && ranges[last + 2] === start) ranges[last + 2] = end;
    else ranges.push(buffer, start, end);
    size += end - start;
  };
  const addLine = () => {
    if (count++ === 0) first = line;
  };
  const addTooLong = () => {
    addLine();
    tooLong.push(line);
    add(LINE_END, 0, 1);
  };
  const full = () => count >= options.lines || size >= options.bytes;
  const take = (): ByteBatch => {
    const bytes = new Uint8Array(size);
    let at = 0;
    for (let i = 0; i < ranges.length; i += 3) {
      const buffer = ranges[i] as Uint8Array;
      const start = ranges[i + 1] as number;
      const end = ranges[i + 2] as number;
      bytes.set(start === 0 && end === buffer.length ? buffer : buffer.subarray(start, end), at);
      at += end - start;
    }
    const batch: ByteBatch = { bytes, first, count, tooLong };
    ranges = [];
    size = 0;
    count = 0;
    tooLong = [];
    return batch;
  };
  /** The line just ended at `end` in `chunk` (its text from `start`, after any earlier parts): into the batch, or reported past the limit. */
  const endLine = (chunk: Uint8Array, start: number, end: number) => {
    const length = partSize + end - start;
    const last = end > start ? chunk[end - 1] : parts.length ? parts.at(-1)!.at(-1) : undefined;
    if ((last === CR ? length - 1 : length) > maxBytes) {
      addTooLong();
      return;
    }
    addLine();
    for (const part of parts) add(part, 0, part.length);
    add(chunk, start, end + 1);
  };

  for await (const read of stream) {
    const chunk: Uint8Array = typeof read === 'string' ? Buffer.from(read) : (read as Buffer);
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(LF, start);
      const end = newline === -1 ? chunk.length : newline;
      if (!skipping && partSize + end - start > maxBytes + 1) {
        // One byte of slack: a CR that turns out to end the line does not count.
        addTooLong();
        skipping = true;
        parts = [];
        partSize = 0;
      }
      if (newline === -1) {
        if (!skipping && end > start) {
          parts.push(chunk.subarray(start, end));
          partSize += end - start;
        }
        break;
      }
      if (!skipping) endLine(chunk, start, newline);
      skipping = false;
      parts = [];
      partSize = 0;
      line++;
      start = newline + 1;
      if (full()) yield take();
    }
    if (count) yield take();
  }
  if (!skipping && partSize > 0) {
    const last = parts.pop()!;
    partSize -= last.length;
    endLine(Buffer.concat([last, LINE_END]), 0, last.length);
    yield take();
  }
}
