import type { InputIssue } from '../errors.js';

/** RFC 9457 problem details: what went wrong with a request, as `application/problem+json`. */
export interface Problem {
  /** A URI naming the kind of problem; these are names (URNs), not pages to fetch. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The request's path, so a log line and a problem can be matched. */
  readonly instance?: string;
  /** For a refused order or query: each problem with the field it is in (`path`), as the library's InvalidOrderError gives them. */
  readonly issues?: readonly InputIssue[];
}

export const PROBLEM_TYPES = {
  'invalid-order': 'The body is not a valid proposed order',
  'invalid-query': 'A query parameter is not valid',
  'bad-request': 'The request cannot be read',
  'body-too-large': 'The body is larger than the service accepts',
  'unsupported-media-type': 'The body is not of a type this route accepts',
  'not-found': 'No such route',
  'method-not-allowed': 'The route does not take this method',
  timeout: 'The request took too long to arrive',
  'service-unavailable': 'The service is shutting down',
  internal: 'Internal error',
} as const;
export type ProblemKind = keyof typeof PROBLEM_TYPES;

export const problemType = (kind: ProblemKind): string => `urn:proportionate:problem:${kind}`;

export function problem(kind: ProblemKind, status: number, detail: string, extra: { instance?: string; issues?: readonly InputIssue[] } = {}): Problem {
  return { type: problemType(kind), title: PROBLEM_TYPES[kind], status, detail, ...extra };
}

/** The problem kind for an error status that fastify (or Node) raised before a handler ran. */
export function kindForStatus(status: number): ProblemKind {
  switch (status) {
    case 404:
      return 'not-found';
    case 405:
      return 'method-not-allowed';
    case 408:
      return 'timeout';
    case 413:
      return 'body-too-large';
    case 415:
      return 'unsupported-media-type';
    case 503:
      return 'service-unavailable';
    default:
      return status >= 500 ? 'internal' : 'bad-request';
  }
}

/** The JSON Schema of a problem body, for the OpenAPI document. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details. `issues` (for a refused order or query) name each bad field by its path.',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: 'urn:proportionate:problem:<kind>' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'code', 'message'],
        properties: {
          path: { type: 'array', items: { type: ['string', 'integer'] }, description: 'Where in the input: keys and array indexes from the root.' },
          code: { type: 'string', description: "zod's issue code, such as invalid_type or unrecognized_keys." },
          message: { type: 'string' },
          keys: { type: 'array', items: { type: 'string' }, description: 'For unrecognized_keys: the keys refused.' },
          keysNotListed: { type: 'integer' },
        },
      },
    },
  },
} as const;
