import type { Writable } from 'node:stream';

export interface ProgressSource {
  /** Lines written so far. */
  readonly lines: number;
  /** Bytes read so far and in all, when the input is a file of known size. */
  readonly bytes?: { readonly read: number; readonly total: number };
}

const WIDTH = 24;

/** One status line: a bar when the input's size is known, always the count and the rate. */
export function progressLine(source: ProgressSource, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? Math.round((source.lines * 1000) / elapsedMs) : 0;
  const counts = `${source.lines.toLocaleString('en-GB')} lines  ${rate.toLocaleString('en-GB')} lines/s`;
  if (!source.bytes || source.bytes.total <= 0) return counts;
  const fraction = Math.min(1, source.bytes.read / source.bytes.total);
  const filled = Math.round(fraction * WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(fraction * 100)
    .toString()
    .padStart(3)}%  ${counts}`;
}

/** Redraws the status line on a terminal at most every `intervalMs`; `clear` leaves the line empty for the summary. */
export class ProgressBar {
  private last = -Infinity;
  constructor(
    private readonly stream: Writable,
    private readonly now: () => number,
    private readonly started: number,
    private readonly intervalMs = 200,
  ) {}

  update(source: ProgressSource, force = false): void {
    const t = this.now();
    if (!force && t - this.last < this.intervalMs) return;
    this.last = t;
    this.stream.write(`\r\u001b[K${progressLine(source, t - this.started)}`);
  }

  clear(): void {
    this.stream.write('\r\u001b[K');
  }
}
