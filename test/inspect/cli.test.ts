import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderInProgress } from '../../src/arbitraries/index.js';
import { cli, ndjson, repoRoot, STACK_FRAME } from '../cli/support.js';
import { inspect, sample, type Order } from './support.js';

const orders: Order[] = (sample(orderInProgress({ from: '2005-04-04', to: '2008-12-31' }), 24, 2006) as Order[]).map((o, i) => ({
  ...o,
  id: `X${i}`,
  provision: { ...o.provision, area: ['Northtown', 'Southbridge', 'Eastmoor'][i % 3] },
}));
const caseload = ndjson(orders);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inspect-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('proportionate inspect', () => {
  it('prints the Markdown report by area, its first table the inspection measures with the 2006 figures', async () => {
    const { code, stdout, stderr } = await cli(['inspect', '-'], { stdin: caseload });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Caseload inspection: standard input/);
    const first = stdout.split('\n## ')[1]!;
    expect(first).toMatch(/^Inspection measures by group/);
    for (const area of ['Eastmoor', 'Northtown', 'Southbridge']) expect(first).toMatch(new RegExp(`^\\| ${area} \\| 8 \\|`, 'm'));
    expect(first).toMatch(/^\| Inspection 2006 \| 687 \| 21% \| 38% \| 50% \| 28% \| 15% \| 12% \| – \|$/m);
    expect(stderr).toMatch(/^inspect: 24 lines in [\d.]+ s: 24 orders in 3 groups by provision\.area, 0 bad input\n$/);
  });

  it('--format json gives the same numbers as the library', async () => {
    const { code, stdout } = await cli(['inspect', '--format', 'json', '-'], { stdin: caseload });
    expect(code).toBe(0);
    const fromCli = JSON.parse(stdout);
    const direct = JSON.parse(JSON.stringify(await inspect(orders)));
    expect({ ...fromCli, caseload: { ...fromCli.caseload, file: null } }).toEqual({ ...direct, caseload: { ...direct.caseload, file: null } });
  });

  it('--by groups by another fact or field', async () => {
    const { stdout } = await cli(['inspect', '--by', 'order.band', '--format', 'json', '-'], { stdin: caseload });
    const report = JSON.parse(stdout);
    expect(report.caseload.groupedBy).toBe('order.band');
    const bands = new Set(orders.map((o) => o.offences.map((x: Order) => x.seriousness)).map((s: string[]) => ['custody', 'high', 'medium', 'low'].find((b) => s.includes(b))));
    expect(report.caseload.groups.map((g: { name: string }) => g.name).sort()).toEqual([...bands].sort());
    const byField = JSON.parse((await cli(['inspect', '--by', 'sentence.type', '--format', 'json', '-'], { stdin: caseload })).stdout);
    expect(byField.caseload.groups.reduce((s: number, g: { orders: number }) => s + g.orders, 0)).toBe(24);
  });

  it('counts bad lines as bad input, never skipping one silently, and exits 2 with the report still written', async () => {
    const input = `${caseload}not json\n{"offender":{}}\n\n`;
    const { code, stdout, stderr } = await cli(['inspect', '--format', 'json', '-'], { stdin: input });
    expect(code).toBe(2);
    const report = JSON.parse(stdout);
    expect(report.caseload).toMatchObject({ orders: 24, badInput: 2, badLines: [25, 26], blankLines: 1 });
    expect(stderr).toMatch(/2 bad input, 1 blank skipped/);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('--format html --out writes one self-contained file: inline SVG charts beside tables, nothing fetched', async () => {
    const out = join(dir, 'report.html');
    const { code, stdout, stderr } = await cli(['inspect', '--format', 'html', '--out', out, '-'], { stdin: caseload });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/html report written to /);
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect((html.match(/<svg role="img"/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(html).toMatch(/<figure id="intensity">/);
    // The only URLs are the SVG namespaces: no script, stylesheet, font or image from anywhere.
    expect([...new Set(html.match(/https?:\/\/[^"' )]+/g))].sort()).toEqual(['http://www.w3.org/1999/xlink', 'http://www.w3.org/2000/svg']);
    expect(html).not.toMatch(/<script|<link /);
  });

  it('refuses a bad option with exit 2 and the reason', async () => {
    expect(await cli(['inspect', '--format', 'pdf', '-'], { stdin: caseload })).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format must be one of markdown, html, json/) });
    expect(await cli(['inspect'], {})).toMatchObject({ code: 2, stderr: expect.stringMatching(/inspect takes one CASELOAD/) });
    expect(await cli(['inspect', '--by', 'a..b', '-'], { stdin: caseload })).toMatchObject({ code: 2 });
    expect(await cli(['inspect', 'no/such/file.ndjson'], {})).toMatchObject({ code: 2, stderr: expect.stringMatching(/no such file/) });
  });

  it('is listed in the usage, and has its own --help', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/^ {2}inspect CASELOAD /m);
    expect((await cli(['inspect', '--help'])).stdout).toMatch(/^Usage: proportionate inspect/);
  });
});

describe('vega stays on the CLI path', () => {
  it('only src/inspect/charts.ts loads vega or vega-lite, and only by dynamic import; the library entry never reaches src/inspect', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(join(repoRoot, 'src'), { recursive: true })).filter((f) => f.endsWith('.ts'));
    const loading: string[] = [];
    for (const f of files) {
      const text = await readFile(join(repoRoot, 'src', f), 'utf8');
      expect(text, f).not.toMatch(/from ['"]vega(-lite)?['"]/);
      if (/import\(['"]vega(-lite)?['"]\)/.test(text)) loading.push(f.replace(/\\/g, '/'));
    }
    expect(loading).toEqual(['inspect/charts.ts']);
    for (const entry of ['index.ts', 'rules.ts', 'arbitraries/index.ts']) expect(await readFile(join(repoRoot, 'src', entry), 'utf8')).not.toMatch(/inspect\//);
    // The CLI loads the HTML renderer (and so the charts) only when HTML is asked for.
    expect(await readFile(join(repoRoot, 'src/cli/inspect.ts'), 'utf8')).not.toMatch(/from '\.\.\/inspect\/(render-html|charts)\.js'/);
  });
});
