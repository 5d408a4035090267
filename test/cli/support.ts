import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';
import type { Finding, ValidationResult } from '../../src/index.js';

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
  // A write the stream accepted may still sit in its buffer, as it would in a process that has not yet exited.
  await Promise.all([stdout, stderr].map((s) => new Promise<void>((resolve) => s.end(resolve))));
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export const ndjson = (values: readonly unknown[]): string => values.map((v) => `${JSON.stringify(v)}\n`).join('');

export const parseLines = (text: string): unknown[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

/** Resolves once `ready()` holds, polling; fails after `timeoutMs` so a stalled stream fails the test rather than hanging it. */
export async function eventually(ready: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A stack trace's frames, which bad input must never print. */
export const STACK_FRAME = /^\s+at .+[(:]\d+/m;

type RecordFinding = Finding & { requirementIndex?: number };
interface RecordResult {
  requirements: { index: number; kind: string; valid: boolean; codes: string[] }[];
  invalid: RecordFinding[];
  breaches: RecordFinding[];
  tensions: RecordFinding[];
  advisories: RecordFinding[];
  [key: string]: unknown;
}

const KIND_RANK: Record<string, number> = { invalid: 0, breach: 1, tension: 2, advisory: 3 };

/**
 * The library's ValidationResult rebuilt from a batch record's result, written here from the
 * documented format alone (every finding once in its kind's list; requirements name theirs by code),
 * so that comparing it with the library's result tests the record and not the code that wrote it.
 */
export function expandRecordResult(record: RecordResult): ValidationResult {
  const { invalid, requirements, ...rest } = record;
  const findings = [...invalid, ...record.breaches, ...record.tensions, ...record.advisories];
  return {
    ...rest,
    requirements: requirements.map(({ codes, ...r }) => {
      const own = findings
        .filter((f) => f.requirementIndex === r.index)
        .sort((a, b) => KIND_RANK[a.kind]! - KIND_RANK[b.kind]! || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      if (own.map((f) => f.code).join() !== codes.join()) throw new Error(`requirement ${r.index} names ${codes.join()} but the lists hold ${own.map((f) => f.code).join()}`);
      return { ...r, findings: own };
    }),
  } as unknown as ValidationResult;
}
