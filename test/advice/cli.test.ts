import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../src/index.js';
import { cli, repoRoot } from '../cli/support.js';
import { assertVerified, findingsOf } from './support.js';

const examples = readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.json'));
const v = createValidator();

describe('check --remedies and options on every example', () => {
  it('has examples to run', () => expect(examples.length).toBeGreaterThan(5));

  for (const file of examples) {
    const path = `examples/${file}`;
    it(`${file}: check --remedies --json gives verified remedies on every invalid and breach finding`, async () => {
      const input = JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));
      const run = await cli(['check', '--remedies', '--json', path]);
      expect([0, 1]).toContain(run.code);
      const result = JSON.parse(run.stdout);
      const original = v.validateSync(input);
      expect(result.ok).toBe(original.ok);
      for (const f of findingsOf(result)) {
        if (f.kind === 'invalid' || f.kind === 'breach') expect(Array.isArray(f.remedies), f.code).toBe(true);
        for (const r of f.remedies ?? []) assertVerified(v, input, original, f, r);
      }
    });

    it(`${file}: check --remedies prints remedies under findings; options prints the envelope`, async () => {
      const human = await cli(['check', '--remedies', path]);
      expect(human.stderr).toBe('');
      const plain = await cli(['check', path]);
      expect(plain.stdout).not.toContain('Remedies:');
      if (/^(invalid|breach)/m.test(plain.stdout.replace(/^\s+/gm, ''))) expect(human.stdout).toContain('Remedies:');
      const options = await cli(['options', path]);
      expect(options.code).toBe(0);
      expect(options.stdout).toMatch(/^Envelope: /);
      expect(options.stdout).toContain('unpaid-work');
      const json = await cli(['options', '--json', path]);
      const envelope = JSON.parse(json.stdout);
      expect(envelope.kinds).toHaveLength(16);
    });
  }

  it('options refuses bad input with exit 2 and names the field', async () => {
    const run = await cli(['options', '-'], { stdin: JSON.stringify({ offender: { dateOfBirth: '1980-01-01' } }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('offences');
  });

  it('--remedies does not go with --ndjson', async () => {
    const run = await cli(['check', '--remedies', '--ndjson', '-'], { stdin: '' });
    expect(run.code).toBe(2);
  });

  it('the report shows the patch of a remedy', async () => {
    const run = await cli(['check', '--remedies', 'examples/over-long-order.json']);
    expect(run.stdout).toContain('Reduce the order\'s length to 36 months');
    expect(run.stdout).toContain('"path":"/sentence/endDate"');
  });
});
