import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServiceOptions } from '../../src/service/index.js';

export interface Running {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly logs: string[];
  close(): Promise<void>;
}

/** The service on a free loopback port (port 0), its log lines kept for the test to read. */
export async function startService(options: ServiceOptions = {}, extend?: (app: FastifyInstance) => void): Promise<Running> {
  const logs: string[] = [];
  const app = await buildServer({ ...options, log: (line) => logs.push(line) });
  extend?.(app);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, logs, close: () => app.close() };
}

/** Lines of NDJSON text as objects. */
export const records = (text: string): any[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

/**
 * A POST whose body the test writes piece by piece, reading the response as it comes: for the
 * streamed batch, where the first record must arrive before the last line is sent.
 */
export function openStream(url: string, path: string, contentType = 'application/x-ndjson') {
  const target = new URL(path, url);
  let chunks = '';
  let waiting: { text: string; resolve: () => void } | undefined;
  const check = () => {
    if (waiting && chunks.includes(waiting.text)) {
      const w = waiting;
      waiting = undefined;
      w.resolve();
    }
  };
  const req = httpRequest(target, { method: 'POST', headers: { 'content-type': contentType, 'transfer-encoding': 'chunked' } });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        chunks += d;
        check();
      });
      resolve(res);
    });
    req.on('error', reject);
  });
  const ended = response.then((res) => new Promise<string>((resolve) => res.on('end', () => resolve(chunks))));
  req.flushHeaders();
  return {
    write: (text: string) => new Promise<void>((resolve, reject) => req.write(text, (e) => (e ? reject(e) : resolve()))),
    end: () => req.end(),
    response,
    ended,
    received: () => chunks,
    /** Resolves once the response so far contains `text`; rejects after `ms`. */
    waitFor: (text: string, ms = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${JSON.stringify(text)} in the response after ${ms} ms; so far: ${chunks}`)), ms);
        waiting = {
          text,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        check();
      }),
  };
}
