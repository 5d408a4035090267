import { describe, expect, it } from 'vitest';
import { inputJsonSchema } from '../../src/index.js';
import { findingCodes } from '../../src/rules.js';
import { cli } from './support.js';

describe('proportionate codes', () => {
  it('lists every finding code with its kind and first citation', async () => {
    const run = await cli(['codes']);
    expect(run.code).toBe(0);
    expect(findingCodes.length).toBeGreaterThan(20);
    for (const c of findingCodes) {
      expect(run.stdout).toMatch(new RegExp(`^${c.code}  ${c.kind}  ${c.confidence} `, 'm'));
      expect(run.stdout).toContain(`Cites: ${c.citations[0]!.source}, ${c.citations[0]!.provision}`);
    }
  });

  it('--json is the catalogue of proportionate/rules, and --kind filters it', async () => {
    expect(JSON.parse((await cli(['codes', '--json'])).stdout)).toEqual(JSON.parse(JSON.stringify(findingCodes)));
    const tensions = JSON.parse((await cli(['codes', '--json', '--kind', 'tension'])).stdout) as { code: string; kind: string }[];
    expect(tensions.map((c) => c.code)).toEqual(findingCodes.filter((c) => c.kind === 'tension').map((c) => c.code));
    expect((await cli(['codes', '--kind', 'warning'])).code).toBe(2);
  });
});

describe('proportionate schema', () => {
  it('prints the JSON Schema of the input', async () => {
    const run = await cli(['schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(inputJsonSchema());
  });
});

describe('help and version', () => {
  it('--help lists every command; each command has its own help', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['check FILE', 'check --ndjson', 'impact', 'codes', 'schema']) expect(help.stdout).toContain(command);
    for (const command of ['check', 'impact', 'codes', 'schema']) expect((await cli([command, '--help'])).stdout).toMatch(/^Usage: proportionate /);
  });
  it('--version prints the package version', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    expect((await cli(['--version'])).stdout).toBe(`${version}\n`);
  });
});
