import { PassThrough, type Readable } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import { createValidator, InvalidOrderError, inputJsonSchema, type Validator, type ValidatorOptions } from '../index.js';
import { findingCodes } from '../rules.js';
import type { Stage } from '../facts/order.js';
import { answerCaseload } from '../cli/ndjson.js';
import { processBatch, validateFn } from '../cli/lines.js';
import { DEFAULT_MAX_ORDER_BYTES, InternalError, write } from '../cli/io.js';
import { kindForStatus, problem, PROBLEM_SCHEMA, type Problem } from './problem.js';
import { parseQuery, QueryError, STAGE_VALUES } from './query.js';
import packageJson from '../../package.json' with { type: 'json' };

export interface ServiceOptions {
  /** createValidator's options (parameters, rules, provision, evaluator, stage): fixed for the life of the service; `stage` is the default a request may override. */
  readonly validator?: ValidatorOptions;
  /** The most bytes a JSON body may take (413 past it). Default 1 MiB. */
  readonly bodyLimit?: number;
  /** The most bytes one line of a batch may take (that line gets an error record). Default 1 MiB. */
  readonly maxOrderBytes?: number;
  /** Milliseconds for a whole request to arrive (0 for none): a body still arriving then gets 408, or its connection closed. Default 60 s. */
  readonly requestTimeout?: number;
  /** Where each log line (one JSON object, no line end) goes. Default: nowhere. */
  readonly log?: (line: string) => void;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
const NDJSON = 'application/x-ndjson';
const PROBLEM_JSON = 'application/problem+json';

const problemResponse = (description: string) => ({ description, content: { [PROBLEM_JSON]: { schema: PROBLEM_SCHEMA } } });
const PROBLEMS = {
  400: problemResponse('Bad input: the body is not JSON or not a valid order, or a query parameter is wrong. `issues` name each field.'),
  413: problemResponse('The body is larger than the limit.'),
  415: problemResponse('The body is not application/json.'),
};
const STAGE_PARAM = { type: 'string', enum: STAGE_VALUES, description: "proposal (a PSR being drafted: unfilled details are advisories) or sentence (the order about to be made: they make the requirement invalid). Default: the service's --stage, else proposal." };
const RESULT_SCHEMA = {
  type: 'object',
  description: 'The ValidationResult: `ok`, `regime`, `requirements` (each with its findings), `breaches`, `tensions`, `advisories`; `id` when the order has one; `trace` with explain=true.',
  additionalProperties: true,
};

/** Per-request context the one log line reports. */
interface Logged {
  lines?: number;
  error?: string;
}

/**
 * The HTTP service over the validator, as a fastify instance that is not yet listening: tests drive
 * it with `inject` or `listen({ port: 0 })`, and `proportionate serve` listens on its port. Bad
 * options (a malformed parameter override or pack) throw here, before any request.
 */
export async function buildServer(options: ServiceOptions = {}): Promise<FastifyInstance> {
  const { stage: defaultStage = 'proposal', ...validatorOptions } = options.validator ?? {};
  const validators = new Map<Stage, Validator>();
  const validatorFor = (stage: Stage = defaultStage): Validator => {
    let v = validators.get(stage);
    if (!v) validators.set(stage, (v = createValidator({ ...validatorOptions, stage })));
    return v;
  };
  // Both stages up front: a request never waits for rule packs to load, and bad options fail here.
  for (const stage of STAGE_VALUES) validatorFor(stage);
  const maxOrderBytes = options.maxOrderBytes ?? DEFAULT_MAX_ORDER_BYTES;
  const log = options.log ?? (() => {});
  const logged = new WeakMap<FastifyRequest, Logged>();
  const note = (request: FastifyRequest, extra: Logged) => logged.set(request, { ...logged.get(request), ...extra });

  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    requestTimeout: options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS,
    // Closing answers new requests with 503 and waits for those in flight (SIGTERM in serve).
    return503OnClosing: true,
    // Route schemas are for the OpenAPI document only: zod checks the order (its issues are the
    // contract), and results are written as they are, never filtered through a response schema.
    schemaErrorFormatter: (errors) => new Error(errors.map((e) => e.message).join('; ')),
  });
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'proportionate',
        version: packageJson.version,
        description:
          'Is a proposed community order (England and Wales) lawful and proportionate? The proportionate validator over HTTP. ' +
          'The request body schema ProposedOrder is the library\'s own input JSON Schema (`GET /v1/schema`), made from its zod schema. ' +
          'Errors are RFC 9457 application/problem+json.',
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id === 'ProposedOrder' ? 'ProposedOrder' : `def-${i}`) },
  });
  const { $schema: _dialect, $id: _id, ...orderSchema } = inputJsonSchema();
  app.addSchema({ ...orderSchema, $id: 'ProposedOrder' });

  // A batch body is read as a stream, line by line: it is bounded per line, not as a whole.
  app.addContentTypeParser(NDJSON, (_request, payload, done) => done(null, payload));

  const sendProblem = (reply: FastifyReply, body: Problem) => reply.code(body.status).type(PROBLEM_JSON).send(body);
  /** Checked before the body is read, so a caseload sent as JSON (or an order as text) is 415, whatever it holds. */
  const accepts = (mediaType: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    const given = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (given !== mediaType)
      return sendProblem(reply, problem('unsupported-media-type', 415, `This route takes ${mediaType}${given ? `, not ${given}` : '; the request gave no Content-Type'}`, { instance: request.url }));
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof QueryError) return sendProblem(reply, problem('invalid-query', 400, error.message, { instance: request.url, issues: error.issues }));
    if (error instanceof InvalidOrderError) return sendProblem(reply, problem('invalid-order', 400, error.message, { instance: request.url, issues: error.issues }));
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    // A client's mistake is told back as fastify words it; anything else is ours, and its detail (a stack above all) stays in the log.
    note(request, { error: `${error.name}: ${error.message}` });
    const detail = status < 500 ? error.message : 'The service could not answer this request. It is a bug, not a problem with the input; the log has the request id.';
    return sendProblem(reply, problem(kindForStatus(status), status, detail, { instance: request.url }));
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, problem('not-found', 404, `No route ${request.method} ${request.url.split('?')[0]}`, { instance: request.url })));

  // Node's own requestTimeout does not cut off a body that stalls after its headers (checked by
  // test/service/service.test.ts), so the service times the body itself: 408 if nothing has been
  // answered yet, else (a batch already streaming) the connection is closed.
  const requestTimeout = options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (requestTimeout > 0)
    app.addHook('onRequest', async (request, reply) => {
      const raw = request.raw;
      if (raw.complete) return;
      const timer = setTimeout(() => {
        if (raw.complete) return;
        const body = problem('timeout', 408, `The request did not arrive in full within ${requestTimeout} ms`, { instance: request.url });
        log(JSON.stringify({ time: new Date().toISOString(), level: 'info', id: request.id, method: request.method, url: request.url, status: reply.raw.headersSent ? reply.statusCode : 408, error: body.detail }));
        if (!reply.raw.headersSent) {
          const text = JSON.stringify(body);
          reply.raw.writeHead(408, { 'content-type': PROBLEM_JSON, 'content-length': Buffer.byteLength(text), connection: 'close' });
          reply.raw.end(text, () => raw.socket?.destroy());
        } else raw.socket?.destroy();
      }, requestTimeout);
      timer.unref();
      const stop = () => clearTimeout(timer);
      raw.once('end', stop);
      raw.once('close', stop);
    });

  app.addHook('onResponse', async (request, reply) => {
    const extra = logged.get(request);
    log(
      JSON.stringify({
        time: new Date().toISOString(),
        level: reply.statusCode >= 500 ? 'error' : 'info',
        id: request.id,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
        ...extra,
      }),
    );
  });

  const orderBody = { $ref: 'ProposedOrder#' };

  app.post(
    '/v1/validate',
    {
      onRequest: accepts('application/json'),
      schema: {
        summary: 'Validate one proposed order',
        description: 'The body is one order (application/json). 200 with the result whether or not the order is ok; 400 when it is not a valid order.',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            stage: STAGE_PARAM,
            remedies: { type: 'boolean', description: 'Add verified remedies (each with an RFC 6902 JSON Patch against the body) to invalid and breach findings.' },
            explain: { type: 'boolean', description: 'Add `trace`: one entry per rule run, with its conditions and what each was given.' },
          },
        },
        body: orderBody,
        response: { 200: { description: 'The result.', content: { 'application/json': { schema: RESULT_SCHEMA } } }, ...PROBLEMS },
      },
    },
    async (request) => {
      const query = parseQuery(request.query, { stage: STAGE_VALUES, remedies: 'boolean', explain: 'boolean' });
      const callOptions = { ...(query.remedies ? { remedies: true } : {}), ...(query.explain ? { explain: true } : {}) };
      return validatorFor(query.stage).validate(request.body, Object.keys(callOptions).length ? callOptions : undefined);
    },
  );

  app.post(
    '/v1/options',
    {
      onRequest: accepts('application/json'),
      schema: {
        summary: 'What the law allows for a case',
        description: 'The lawful envelope of a case (offender, offences, dates, sentence; requirements optional), per requirement kind: availability, the lawful range of each quantity with its parameter and citation, conditions still needing evidence.',
        querystring: { type: 'object', additionalProperties: false, properties: { stage: STAGE_PARAM } },
        body: orderBody,
        response: { 200: { description: 'The envelope.', content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } } }, ...PROBLEMS },
      },
    },
    async (request) => {
      const query = parseQuery(request.query, { stage: STAGE_VALUES });
      return validatorFor(query.stage).options(request.body);
    },
  );

  app.post(
    '/v1/validate/batch',
    {
      onRequest: accepts(NDJSON),
      schema: {
        summary: 'Validate a caseload: NDJSON in, NDJSON out, streamed',
        description:
          'One order per line (application/x-ndjson). Each line that holds anything gets one record, in input order, written as it is answered: ' +
          '`{"line", "id"?, "result"}` or `{"line", "id"?, "error": {"message", "issues"?}}` (compact=true: `{"line", "id", "ok", "codes"}`). ' +
          'Blank lines are skipped; a line past the per-line limit gets an error record. The records are those of `proportionate check --ndjson` (docs/batch-records.md). ' +
          'Should the service fail part way, the last record is `{"error": {"message"}}` with no `line`.',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { stage: STAGE_PARAM, compact: { type: 'boolean', description: 'Write {line, id, ok, codes} records instead of whole results.' } },
        },
        body: { content: { [NDJSON]: { schema: { type: 'string', description: 'One ProposedOrder as JSON per line.' } } } },
        response: {
          200: { description: 'One record per line that holds anything.', content: { [NDJSON]: { schema: { type: 'string' } } } },
          400: PROBLEMS[400],
          415: problemResponse('The body is not application/x-ndjson.'),
        },
      },
    },
    async (request, reply) => {
      const query = parseQuery(request.query, { stage: STAGE_VALUES, compact: 'boolean' });
      const validate = validateFn(validatorFor(query.stage), validatorOptions.evaluator);
      const records = { format: query.compact ? ('compact' as const) : ('full' as const), maxOrderBytes };
      const out = new PassThrough();
      const input = request.body as Readable;
      answerCaseload({ input, run: (batch) => processBatch(validate, batch, records), write: (chunk) => write(out, chunk), maxOrderBytes }).then(
        (tally) => {
          note(request, { lines: tally.lines });
          out.end();
        },
        (error: unknown) => {
          // The records so far are written and the status is sent: say so in a last record, without the stack.
          note(request, { error: error instanceof InternalError ? `${error.message}${error.detail ? `\n${error.detail}` : ''}` : String(error) });
          const message = error instanceof InternalError ? `internal error ${error.message}; every line before it is answered` : 'the caseload could not be read to its end';
          out.end(`${JSON.stringify({ error: { message } })}\n`);
        },
      );
      return reply.type(NDJSON).send(out);
    },
  );

  app.get(
    '/v1/codes',
    {
      schema: {
        summary: 'Every finding code',
        description: 'Each code the bundled rules can produce, with its kind, message, citations, confidence and the rule file it lives in.',
        querystring: { type: 'object', additionalProperties: false, properties: { kind: { type: 'string', enum: ['invalid', 'breach', 'tension', 'advisory'] } } },
        response: { 200: { description: 'The catalogue.', content: { 'application/json': { schema: { type: 'array', items: { type: 'object', additionalProperties: true } } } } }, 400: PROBLEMS[400] },
      },
    },
    async (request) => {
      const { kind } = parseQuery(request.query, { kind: ['invalid', 'breach', 'tension', 'advisory'] });
      return kind === undefined ? findingCodes : findingCodes.filter((c) => c.kind === kind);
    },
  );

  app.get(
    '/v1/schema',
    { schema: { summary: 'The JSON Schema (draft 2020-12) of a proposed order', response: { 200: { description: 'The schema.', content: { 'application/schema+json': { schema: { type: 'object' } } } } } } },
    async (_request, reply) => reply.type('application/schema+json').send(inputJsonSchema()),
  );

  app.get('/openapi.json', { schema: { summary: 'This document (OpenAPI 3.1)', response: { 200: { description: 'The OpenAPI document.', content: { 'application/json': { schema: { type: 'object' } } } } } } }, async () => app.swagger());

  app.get(
    '/health',
    { schema: { summary: 'Liveness', response: { 200: { description: 'The service is up.', content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' }, version: { type: 'string' } } } } } } } } },
    async () => ({ status: 'ok', version: packageJson.version }),
  );

  return app;
}
