import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script, without declarations: its exports are checked by using them here.
import { ADVICE_FILE, EXAMPLE_FILE, inputReference, readmeAdvice, readmeExample, replaceBlock } from '../../scripts/docs.mjs';
import { createValidator, inputJsonSchema } from '../../src/index.js';
import { renderReport } from '../../src/cli/report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Markdown link targets of a page: `[text](target)`, outside code blocks and code spans. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

describe('generated documentation is up to date (npm run docs)', () => {
  it('docs/input-reference.md is what the JSON Schema says', () => {
    expect(read('docs/input-reference.md')).toBe(inputReference(inputJsonSchema()));
  });

  it("the README's example is the example order, its result and its report as they are today", async () => {
    const order = JSON.parse(read(EXAMPLE_FILE));
    const result = await createValidator().validate(order);
    const readme = read('README.md');
    expect(readme).toBe(replaceBlock(readme, 'example', readmeExample({ order, result, report: renderReport(result) })));
    expect(readme).toContain(JSON.stringify(result.tensions[0]!.code));
  });

  it("the README's advice example is the remedy and the envelope the library gives today", async () => {
    const validator = createValidator();
    const order = JSON.parse(read(ADVICE_FILE));
    const readme = read('README.md');
    const block = readmeAdvice({ result: await validator.validate(order, { remedies: true }), envelope: validator.options(order) });
    expect(readme).toBe(replaceBlock(readme, 'advice', block));
    expect(block).toContain('"op": "replace"');
  });

  it('the reference lists every requirement kind and every field of the DRR', () => {
    const reference = read('docs/input-reference.md');
    for (const field of ['intensity', 'reviewIntervalMonths', 'provider.registered']) expect(reference).toContain(`\`requirements[].${field}\``);
    expect(reference).toContain('### `kind: "foreign-travel-prohibition"`');
  });
});

describe('links in README.md and docs/*.md', () => {
  it.each(pages)('every relative link in %s resolves to a file or folder in the repository', (page) => {
    const broken: string[] = [];
    for (const target of linkTargets(read(page))) {
      if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
      const path = resolve(dirname(join(root, page)), decodeURIComponent(target.split('#')[0]!));
      if (relative(root, path).startsWith('..') || !existsSync(path)) broken.push(target);
    }
    expect(broken).toEqual([]);
  });

  it('the README links to nothing outside the repository, and names no path outside it', () => {
    const readme = read('README.md');
    expect(linkTargets(readme).filter((t) => /^[a-z]+:/i.test(t))).toEqual([]);
    expect(readme).not.toMatch(/\.\.\/shared|\/work\/|SPEC\.md/);
  });

  it('the README links to every page in docs/', () => {
    const linked = new Set(linkTargets(read('README.md')));
    for (const page of pages.filter((p) => p !== 'README.md')) expect(linked.has(page), page).toBe(true);
  });

  it('the link check can fail: it finds a missing file', () => {
    expect(linkTargets('see [this](docs/nowhere.md) and `[not](a-link.md)`')).toEqual(['docs/nowhere.md']);
    expect(existsSync(join(root, 'docs/nowhere.md'))).toBe(false);
    expect(statSync(join(root, 'docs')).isDirectory()).toBe(true);
  });
});
