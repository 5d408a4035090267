import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { render } from '../scripts/bundle-rules.mjs';

describe('bundled rules', () => {
  it('imports every JSON file under rules/ (run node scripts/bundle-rules.mjs after adding one)', () => {
    expect(readFileSync('src/engine/bundled.generated.ts', 'utf8')).toBe(render());
  });
});

describe('rules/README.md', () => {
  it('indexes every rule by the law it cites (run node scripts/rule-index.mjs after changing a pack)', async () => {
    // @ts-expect-error plain ESM script without types
    const { render: renderIndex } = await import('../scripts/rule-index.mjs');
    expect(readFileSync('rules/README.md', 'utf8')).toBe(renderIndex());
  });
});

describe('rules/pack.schema.json', () => {
  it('is the JSON Schema of a rule pack (UPDATE_SCHEMAS=1 npx vitest run test/rules-bundle.test.ts rewrites it)', async () => {
    const { packJsonSchema } = await import('../src/engine/pack-json-schema.js');
    const expected = `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMAS) (await import('node:fs')).writeFileSync('rules/pack.schema.json', expected);
    expect(readFileSync('rules/pack.schema.json', 'utf8')).toBe(expected);
  });
});
