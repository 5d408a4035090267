import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A stdout or stderr that keeps what is written, and may pretend to be a terminal. */
export class Capture extends Writable {
  chunks: string[] = [];
  constructor(
    readonly isTTY = false,
    private readonly delayMs = 0,
    highWaterMark?: number,
  ) {
    super(highWaterMark === undefined ? {} : { highWaterMark });
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk.toString());
    if (this.delayMs) setTimeout(done, this.delayMs);
    else done();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly stdin?: string | Readable;
  readonly stdoutTTY?: boolean;
  readonly stderrTTY?: boolean;
  readonly env?: Record<string, string>;
  readonly stdout?: Capture;
  readonly workerUrl?: URL;
}

/** Run the CLI in-process, as `proportionate ...argv` from the repository root. */
export async function cli(argv: string[], options: CliRunOptions = {}): Promise<CliRun> {
  const stdout = options.stdout ?? new Capture(options.stdoutTTY ?? false);
  const stderr = new Capture(options.stderrTTY ?? false);
  const stdin = typeof options.stdin === 'string' || options.stdin === undefined ? Readable.from([options.stdin ?? '']) : options.stdin;
  const code = await run(argv, { stdin, stdout, stderr, env: options.env ?? {}, cwd: repoRoot, ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export const ndjson = (values: readonly unknown[]): string => values.map((v) => `${JSON.stringify(v)}\n`).join('');

export const parseLines = (text: string): unknown[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
