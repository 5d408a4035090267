import type { Readable } from 'node:stream';

/** One line of a caseload, numbered from 1 as an editor numbers them (a lone CR does not start a line). */
export type CaseloadLine =
  | { readonly line: number; readonly text: string }
  /** Longer than the limit: discarded unread, so memory stays bounded whatever arrives. */
  | { readonly line: number; readonly tooLong: true }
  /** Nothing but JSON whitespace: no order, so nothing to answer. */
  | { readonly line: number; readonly blank: true };

const LF = 0x0a;
const CR = 0x0d;
const BLANK = /^[ \t\r]*$/;

/** Where a line's text ends, given where its LF is (or its input ends): before the CR of a CRLF. */
export const textEnd = (bytes: Uint8Array, start: number, end: number): number => (end > start && bytes[end - 1] === CR ? end - 1 : end);

/**
 * A line's text as every caseload reader gives it: its bytes up to `end` (see textEnd) decoded as
 * UTF-8, a BOM before line 1 dropped; undefined for a line of nothing but JSON whitespace.
 */
export function lineText(bytes: Buffer, start: number, end: number, line: number): string | undefined {
  let text = bytes.toString('utf8', start, end);
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return BLANK.test(text) ? undefined : text;
}

/**
 * NDJSON lines as they arrive, one array per chunk read: the lines that chunk completed. A caller
 * that acts at the end of each array answers a slow stream line by line and a fast one in bulk.
 *
 * Lines end at LF only (an optional CR before it is dropped); a CR anywhere else is JSON whitespace
 * and stays in the line, where readline would have split it and shifted every later line number.
 * A BOM before the first line is dropped. A line longer than `maxBytes` (not counting its line
 * end) is reported as soon as it passes the limit and the rest of it is skipped unread. The last
 * line needs no line end.
 */
export async function* readLines(stream: Readable, maxBytes: number): AsyncGenerator<CaseloadLine[]> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let line = 1;

  const finish = (): CaseloadLine => {
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    const end = textEnd(bytes, 0, size);
    if (end > maxBytes) return { line, tooLong: true };
    const text = lineText(bytes, 0, end, line);
    return text === undefined ? { line, blank: true } : { line, text };
  };

  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    const done: CaseloadLine[] = [];
    let start = 0;
    for (;;) {
      const newline = bytes.indexOf(LF, start);
      const end = newline === -1 ? bytes.length : newline;
      if (!skipping && end > start) {
        size += end - start;
        // One byte of slack: a CR that turns out to end the line does not count.
        if (size > maxBytes + 1) {
          done.push({ line, tooLong: true });
          skipping = true;
          parts = [];
          size = 0;
        } else parts.push(bytes.subarray(start, end));
      }
      if (newline === -1) break;
      if (!skipping) done.push(finish());
      skipping = false;
      parts = [];
      size = 0;
      line++;
      start = newline + 1;
    }
    if (done.length) yield done;
  }
  if (!skipping && size > 0) yield [finish()];
}

/** The lines of a stream as text, without a limit; blank lines come through as they are. For callers that number lines themselves. */
export async function* textLines(stream: Readable): AsyncGenerator<string> {
  for await (const lines of readLines(stream, Number.MAX_SAFE_INTEGER)) {
    for (const l of lines) yield 'text' in l ? l.text : '';
  }
}
