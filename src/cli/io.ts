import { createReadStream } from 'node:fs';
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

/**
 * A bug, not bad input: exit 3. `detail` (a stack, say) is printed only when debugging is asked for,
 * so that a user never sees a stack trace for anything they typed.
 */
export class InternalError extends Error {
  override name = 'InternalError';
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** Stacks are for whoever debugs the CLI, never for its users: shown for an internal error only with --debug or this variable set. */
export const DEBUG_ENV = 'PROPORTIONATE_DEBUG';

export const debugFromEnv = (env: CliIo['env']): boolean => {
  const value = env[DEBUG_ENV];
  return value !== undefined && value !== '' && value !== '0';
};

/** The lines printed for a bug (exit 3): what failed, in one line, and the stack only when debugging. */
export function internalErrorText(error: unknown, debug: boolean): string {
  const what = error instanceof InternalError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const stack = error instanceof InternalError ? error.detail : error instanceof Error ? error.stack : undefined;
  if (debug) return `proportionate: internal error: ${what}\n${stack ? `${stack}\n` : ''}`;
  return `proportionate: internal error: ${what}\n(a bug, not a problem with the input: please report it with the input; --debug or ${DEBUG_ENV}=1 shows where it happened)\n`;
}

/** The most bytes one order may take (a whole `check FILE`, or one caseload line) unless --max-order-bytes says otherwise. */
export const DEFAULT_MAX_ORDER_BYTES = 1024 * 1024;
/** Parameter overrides, rule packs and provision files: far larger than any real one, small enough that /dev/zero cannot exhaust memory. */
export const MAX_OPTION_FILE_BYTES = 16 * 1024 * 1024;
/** The largest --max-order-bytes accepted: a line must still fit in one JavaScript string with room to spare. */
export const MAX_ORDER_BYTES_LIMIT = 256 * 1024 * 1024;

/** Byte counts as people read them: 1048576 is "1 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

export function parseMaxOrderBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_ORDER_BYTES;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_ORDER_BYTES_LIMIT)
    throw new CliError(`--max-order-bytes must be a whole number of bytes from 1 to ${MAX_ORDER_BYTES_LIMIT}, not "${value}"`);
  return n;
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

/** A BOM is an encoding mark, not text: JSON.parse refuses one, so it goes before parsing. */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Thrown by readBounded when the input is larger than allowed; the reader stops at once. */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
}

/** All of a stream as UTF-8 text, refusing (and no longer reading) past `maxBytes`: stdin may be /dev/zero. */
export async function readBounded(stream: Readable, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    // Leaving the loop destroys the stream, so nothing more is read.
    if (size > maxBytes) throw new TooLargeError(`more than ${formatBytes(maxBytes)}`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

const describeError = (error: unknown): string => {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EISDIR') return 'is a directory';
  if (e?.code === 'EACCES') return 'permission denied';
  return e?.message ?? String(error);
};

export interface ReadLimit {
  readonly maxBytes: number;
  /** What the limit is and how to raise it, when a flag can. */
  readonly hint?: string;
}

/**
 * The text of FILE, or of stdin for `-`, without a leading BOM. Read as a stream with a limit, never
 * whole: a FIFO or a device has no size to check first. Unreadable or too large is a CliError naming it.
 */
export async function readText(path: string, io: CliIo, what = 'input', limit: ReadLimit = { maxBytes: MAX_OPTION_FILE_BYTES }): Promise<string> {
  const source = path === '-' ? 'standard input' : `${what} ${path}`;
  try {
    return stripBom(await readBounded(path === '-' ? io.stdin : createReadStream(resolvePath(path, io)), limit.maxBytes));
  } catch (error) {
    if (error instanceof TooLargeError)
      throw new CliError(`${source} is larger than ${formatBytes(limit.maxBytes)}, ${limit.hint ?? 'the most a file given as an option may take'}; stopped reading`);
    throw new CliError(`cannot read ${source}: ${describeError(error)}`);
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

export async function readJson(path: string, io: CliIo, what: string, limit?: ReadLimit): Promise<unknown> {
  return parseJson(await readText(path, io, what, limit), path === '-' ? 'standard input' : path);
}

export function resolvePath(path: string, io: CliIo): string {
  return resolveFrom(io.cwd, path);
}

/** Colours only for a person at a terminal, and never when NO_COLOR is set (no-color.org). */
export function wantsColour(stream: { isTTY?: boolean }, env: CliIo['env']): boolean {
  return stream.isTTY === true && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}
