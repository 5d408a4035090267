import Ajv2020 from 'ajv/dist/2020.js';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputJsonSchema, type ProposedOrderInput } from '../../src/index.js';
import { findingCodes } from '../../src/rules.js';
import { cli, STACK_FRAME } from '../cli/support.js';
import { clone, lawfulMediumDrr } from '../support/orders.js';
import { openStream, records, startService, type Running } from './support.js';

const BODY_LIMIT = 64 * 1024;
let service: Running;
const post = (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(new URL(path, service.url), { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const get = (path: string) => fetch(new URL(path, service.url));

beforeAll(async () => {
  service = await startService({ bodyLimit: BODY_LIMIT }, (app) => {
    // A route that fails as a bug would: the problem it gets must carry no stack and no message of ours.
    app.get('/test/boom', async () => {
      throw new Error('secret detail of a bug');
    });
  });
});
afterAll(() => service.close());

type Drr = Extract<ProposedOrderInput['requirements'][number], { kind: 'drug-rehabilitation' }>;
const withoutProvider = () => {
  const o = clone(lawfulMediumDrr());
  delete (o.requirements[0] as Drr).provider;
  return o;
};
const codes = (result: any): string[] => [
  ...result.requirements.flatMap((r: any) => r.findings.map((f: any) => f.code)),
  ...result.breaches.map((f: any) => f.code),
  ...result.tensions.map((f: any) => f.code),
  ...result.advisories.map((f: any) => f.code),
];

async function expectProblem(response: Response, status: number, type: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const text = await response.text();
  expect(text).not.toMatch(STACK_FRAME);
  const body = JSON.parse(text);
  expect(body).toMatchObject({ type: `urn:proportionate:problem:${type}`, status });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  return body;
}

describe('POST /v1/validate', () => {
  it('answers a lawful order with its result, 200, and echoes the case reference', async () => {
    const response = await post('/v1/validate', { ...lawfulMediumDrr(), id: 'X123456' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const result = await response.json();
    expect(result).toMatchObject({ id: 'X123456', ok: true, regime: { id: 'cja-2003' } });
    expect(result.requirements.map((r: any) => r.kind)).toEqual(['drug-rehabilitation', 'supervision']);
  });

  it('answers an order that is not ok with 200 too: a breach is a finding, not an error', async () => {
    const order = clone(lawfulMediumDrr());
    (order.requirements[0] as Drr).offenderWilling = false;
    const response = await post('/v1/validate', order);
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.ok).toBe(false);
    expect(codes(result)).toContain('DRR_NOT_WILLING');
  });

  it('takes the stage from the query: a provider not named is an advisory for a proposal and invalid at sentence', async () => {
    const proposal = await (await post('/v1/validate', withoutProvider())).json();
    const sentence = await (await post('/v1/validate?stage=sentence', withoutProvider())).json();
    expect(codes(proposal)).toContain('DRR_PROVIDER_NOT_SPECIFIED');
    expect(proposal.ok).toBe(true);
    expect(codes(sentence)).toContain('DRR_PROVIDER_NOT_SPECIFIED_AT_SENTENCE');
    expect(sentence.ok).toBe(false);
  });

  it('adds remedies with remedies=true and a trace with explain=true, and nothing without them', async () => {
    const order = clone(lawfulMediumDrr());
    (order.requirements[0] as Drr).months = 3;
    const plain = await (await post('/v1/validate', order)).json();
    const withRemedies = await (await post('/v1/validate?remedies=true', order)).json();
    const explained = await (await post('/v1/validate?explain=true', order)).json();
    const invalid = (r: any) => r.requirements[0].findings.find((f: any) => f.code === 'DRR_PERIOD_TOO_SHORT');
    expect(invalid(plain)).toBeDefined();
    expect(invalid(plain).remedies).toBeUndefined();
    expect(plain.trace).toBeUndefined();
    expect(invalid(withRemedies).remedies.length).toBeGreaterThan(0);
    expect(explained.trace.length).toBeGreaterThan(0);
    expect(explained.trace[0]).toHaveProperty('rule');
  });

  it('refuses an invalid order with 400 problem+json whose issues name each field by its path', async () => {
    const order: any = clone(lawfulMediumDrr());
    order.offender.omTier = 7;
    order.requirements[0].surprise = true;
    const body = await expectProblem(await post('/v1/validate', order), 400, 'invalid-order');
    expect(body.instance).toBe('/v1/validate');
    expect(body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['offender', 'omTier'], code: 'too_big' }),
        expect.objectContaining({ path: ['requirements', 0], code: 'unrecognized_keys', keys: ['surprise'] }),
      ]),
    );
  });

  it('refuses a body that is not JSON with 400, an empty one with 400, and another media type with 415', async () => {
    await expectProblem(await post('/v1/validate', '{"offender": '), 400, 'bad-request');
    await expectProblem(await post('/v1/validate', ''), 400, 'bad-request');
    await expectProblem(await post('/v1/validate', 'hello', { 'content-type': 'text/plain' }), 415, 'unsupported-media-type');
  });

  it('refuses a bad or unknown query parameter with 400 naming it', async () => {
    const bad = await expectProblem(await post('/v1/validate?stage=trial', lawfulMediumDrr()), 400, 'invalid-query');
    expect(bad.issues).toEqual([expect.objectContaining({ path: ['query', 'stage'], code: 'invalid_value' })]);
    const unknown = await expectProblem(await post('/v1/validate?remedy=true', lawfulMediumDrr()), 400, 'invalid-query');
    expect(unknown.issues[0].path).toEqual(['query', 'remedy']);
    const twice = await expectProblem(await post('/v1/validate?explain=true&explain=false', lawfulMediumDrr()), 400, 'invalid-query');
    expect(twice.issues[0].path).toEqual(['query', 'explain']);
  });

  it('refuses a body over the limit with 413, and takes one just under it', async () => {
    const order: any = clone(lawfulMediumDrr());
    const big = JSON.stringify({ ...order, offences: [{ ...order.offences[0], description: 'x'.repeat(500) }] });
    const padded = (size: number) => big.replace('{', `{${' '.repeat(size - big.length)}`);
    expect((await post('/v1/validate', padded(BODY_LIMIT))).status).toBe(200);
    await expectProblem(await post('/v1/validate', padded(BODY_LIMIT + 1)), 413, 'body-too-large');
  });
});

describe('the other routes', () => {
  it('GET /health', async () => {
    const response = await get('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('GET /v1/codes lists every finding code, and ?kind= filters them', async () => {
    expect(await (await get('/v1/codes')).json()).toEqual(JSON.parse(JSON.stringify(findingCodes)));
    const tensions = await (await get('/v1/codes?kind=tension')).json();
    expect(tensions.length).toBeGreaterThan(0);
    expect(tensions.every((c: any) => c.kind === 'tension')).toBe(true);
    await expectProblem(await get('/v1/codes?kind=bad'), 400, 'invalid-query');
  });

  it('GET /v1/schema is the input JSON Schema', async () => {
    const response = await get('/v1/schema');
    expect(response.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    expect(await response.json()).toEqual(inputJsonSchema());
  });

  it('POST /v1/options gives the envelope of a case, and 400 for a bad one', async () => {
    const response = await post('/v1/options', lawfulMediumDrr());
    expect(response.status).toBe(200);
    const envelope = await response.json();
    expect(envelope.kinds.find((k: any) => k.kind === 'drug-rehabilitation').available).toBe(true);
    const bad: any = clone(lawfulMediumDrr());
    delete bad.convictionDate;
    const problem = await expectProblem(await post('/v1/options', bad), 400, 'invalid-order');
    expect(problem.issues.map((i: any) => i.path)).toContainEqual(['convictionDate']);
  });

  it('GET /openapi.json is OpenAPI 3.1 with every route, and its ProposedOrder is the input JSON Schema', async () => {
    const doc = await (await get('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/health', '/openapi.json', '/test/boom', '/v1/codes', '/v1/options', '/v1/schema', '/v1/validate', '/v1/validate/batch']);
    const { $schema: _s, $id: _i, ...expected } = inputJsonSchema();
    // @fastify/swagger writes `const: x` as the equivalent `enum: [x]`; otherwise the component is the schema as generated.
    const constAsEnum = (node: unknown): unknown =>
      Array.isArray(node)
        ? node.map(constAsEnum)
        : node && typeof node === 'object'
          ? Object.fromEntries(Object.entries(node).map(([k, v]) => (k === 'const' ? ['enum', [v]] : [k, constAsEnum(v)])))
          : node;
    expect(doc.components.schemas.ProposedOrder).toEqual(constAsEnum(expected));
    expect(doc.paths['/v1/validate'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ProposedOrder' });
    expect(Object.keys(doc.paths['/v1/validate/batch'].post.requestBody.content)).toEqual(['application/x-ndjson']);
    expect(doc.paths['/v1/validate'].post.responses['400'].content['application/problem+json']).toBeDefined();
    expect(doc.paths['/v1/validate'].post.parameters.map((p: any) => p.name).sort()).toEqual(['explain', 'remedies', 'stage']);
    // The body schema compiles as the strictest JSON Schema validators take it.
    const { $id: _id, ...component } = doc.components.schemas.ProposedOrder;
    expect(() => new Ajv2020({ strict: true }).compile(component)).not.toThrow();
  });

  it('answers an unknown route with 404 problem+json, and a bug with 500 and no stack or detail', async () => {
    const missing = await expectProblem(await get('/v2/validate'), 404, 'not-found');
    expect(missing.detail).toBe('No route GET /v2/validate');
    const boom = await expectProblem(await get('/test/boom'), 500, 'internal');
    expect(JSON.stringify(boom)).not.toContain('secret detail');
    // The log keeps what went wrong for whoever runs the service.
    expect(service.logs.some((l) => JSON.parse(l).status === 500 && JSON.parse(l).error.includes('secret detail of a bug'))).toBe(true);
  });

  it('logs one JSON line a request: method, url, status, time taken', async () => {
    const before = service.logs.length;
    await get('/health');
    await get('/nowhere');
    const lines = service.logs.slice(before).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', method: 'GET', url: '/health', status: 200 });
    expect(lines[1]).toMatchObject({ method: 'GET', url: '/nowhere', status: 404 });
    for (const line of lines) expect(typeof line.ms).toBe('number');
  });
});

describe('POST /v1/validate/batch', () => {
  const good = (id: string) => JSON.stringify({ ...lawfulMediumDrr(), id });
  const unwilling = () => {
    const o: any = clone(lawfulMediumDrr());
    o.requirements[0].offenderWilling = false;
    return JSON.stringify(o);
  };
  const caseload = [good('A1'), '', '{"id": "B2", "offender": ', JSON.stringify({ id: 'C3', offender: {} }), unwilling()].join('\n');

  it('answers each line that holds anything with the record check --ndjson writes, in order, as NDJSON', async () => {
    const response = await post('/v1/validate/batch', caseload, { 'content-type': 'application/x-ndjson' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const text = await response.text();
    const out = records(text);
    expect(out.map((r) => r.line)).toEqual([1, 3, 4, 5]);
    expect(out.map((r) => r.id ?? null)).toEqual(['A1', 'B2', 'C3', null]);
    expect(out[0].result.ok).toBe(true);
    expect(out[1].error.message).toBeDefined();
    expect(out[2].error.issues.length).toBeGreaterThan(0);
    expect(out[3].result.ok).toBe(false);
    // Byte for byte what the CLI writes for the same caseload: the same record building, not a copy.
    expect(text).toBe((await cli(['check', '--ndjson', '-'], { stdin: caseload })).stdout);
  });

  it('writes compact records with compact=true, and takes the stage from the query', async () => {
    const text = await (await post('/v1/validate/batch?compact=true', caseload, { 'content-type': 'application/x-ndjson' })).text();
    expect(text).toBe((await cli(['check', '--ndjson', '--compact', '-'], { stdin: caseload })).stdout);
    const sentence = records(await (await post('/v1/validate/batch?compact=true&stage=sentence', JSON.stringify(withoutProvider()), { 'content-type': 'application/x-ndjson' })).text());
    expect(sentence[0]).toMatchObject({ line: 1, ok: false, codes: expect.arrayContaining(['DRR_PROVIDER_NOT_SPECIFIED_AT_SENTENCE']) });
  });

  it('refuses JSON as the body (415) and a bad query (400) before reading any line', async () => {
    await expectProblem(await post('/v1/validate/batch', caseload), 415, 'unsupported-media-type');
    await expectProblem(await post('/v1/validate/batch?compact=yes', caseload, { 'content-type': 'application/x-ndjson' }), 400, 'invalid-query');
  });

  it('streams: each record comes back while the rest of the body is still being sent', async () => {
    const stream = openStream(service.url, '/v1/validate/batch?compact=true');
    for (let i = 1; i <= 3; i++) {
      await stream.write(`${good(`S${i}`)}\n`);
      await stream.waitFor(`"id":"S${i}"`);
    }
    expect((await stream.response).statusCode).toBe(200);
    stream.end();
    expect(records(await stream.ended).map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('is not bounded by the JSON body limit, only per line: a caseload larger than the limit is answered', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => good(`L${i}`));
    const body = lines.join('\n');
    expect(body.length).toBeGreaterThan(BODY_LIMIT);
    const out = records(await (await post('/v1/validate/batch?compact=true', body, { 'content-type': 'application/x-ndjson' })).text());
    expect(out).toHaveLength(120);
    expect(out.every((r) => r.ok === true)).toBe(true);
  });
});

describe('the request timeout', () => {
  it('answers a body that stalls after its headers with 408 problem+json and closes the connection', async () => {
    const slow = await startService({ requestTimeout: 300 });
    try {
      const { port, hostname } = new URL(slow.url);
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () =>
          socket.write('POST /v1/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"offender":'),
        );
        let got = '';
        socket.on('data', (d) => (got += d));
        socket.on('close', () => resolve(got));
        socket.on('error', reject);
        setTimeout(() => reject(new Error(`still open after 10 s: ${got}`)), 10_000).unref();
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ type: 'urn:proportionate:problem:timeout', status: 408 });
      expect(JSON.parse(slow.logs.at(-1)!)).toMatchObject({ status: 408, url: '/v1/validate' });
      // A request that arrives in time is answered as usual.
      expect((await fetch(new URL('/health', slow.url))).status).toBe(200);
    } finally {
      await slow.close();
    }
  });
});
