import { readFile } from 'node:fs/promises';
import { resolve as resolveFrom } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** What a command may touch: injected so tests drive the CLI with in-memory streams. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable & { isTTY?: boolean; columns?: number };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves relative paths; the process's working directory in the real CLI. */
  readonly cwd: string;
  /** The built CLI file, which also runs as a worker thread; needed only for `--workers`. */
  readonly workerUrl?: URL;
  /** Clock for rates, in milliseconds; injectable so tests need not wait. */
  readonly now?: () => number;
}

/** A problem with the command line or its input files: printed as it is, exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Write and wait while the stream is full, so a slow reader of stdout holds back the producer. */
export function write(stream: Writable, chunk: string | Uint8Array): Promise<void> {
  if (chunk.length === 0) return Promise.resolve();
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('error', done);
      stream.off('close', onDrain);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    stream.once('drain', onDrain);
    stream.once('close', onDrain);
    stream.once('error', done);
  });
}

export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const describeError = (error: unknown): string => {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EISDIR') return 'is a directory';
  if (e?.code === 'EACCES') return 'permission denied';
  return e?.message ?? String(error);
};

/** The text of FILE, or of stdin for `-`; an unreadable file is a CliError naming it. */
export async function readText(path: string, io: CliIo, what = 'input'): Promise<string> {
  if (path === '-') return readAll(io.stdin);
  try {
    return await readFile(resolvePath(path, io), 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${what} ${path}: ${describeError(error)}`);
  }
}

/** Parse JSON text from a named source; bad JSON is a CliError naming the source. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
}

export async function readJson(path: string, io: CliIo, what: string): Promise<unknown> {
  return parseJson(await readText(path, io, what), path === '-' ? 'standard input' : path);
}

export function resolvePath(path: string, io: CliIo): string {
  return resolveFrom(io.cwd, path);
}

/** Colours only for a person at a terminal, and never when NO_COLOR is set (no-color.org). */
export function wantsColour(stream: { isTTY?: boolean }, env: CliIo['env']): boolean {
  return stream.isTTY === true && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}
