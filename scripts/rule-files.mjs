// Shared by the generators under scripts/: the JSON files under rules/, and the write-or-check step.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const rulesDir = join(root, 'rules');

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));

/** Every JSON file under rules/, as a sorted path relative to it with forward slashes, and its parsed data. */
export const ruleFiles = () =>
  walk(rulesDir)
    .map((f) => ({ file: relative(rulesDir, f).split('\\').join('/'), data: JSON.parse(readFileSync(f, 'utf8')) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

/** When `script` runs as a command: write what `render` gives to `out`, or with --check fail if `out` differs. */
export function writeOrCheck(script, out, render, hint) {
  if (!process.argv[1] || fileURLToPath(script) !== process.argv[1]) return;
  const text = render();
  if (!process.argv.includes('--check')) return writeFileSync(out, text);
  if (readFileSync(out, 'utf8') !== text) {
    console.error(`${relative(root, out)} is stale: run ${hint}`);
    process.exit(1);
  }
}
