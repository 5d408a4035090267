// The mutation runner works in a copy of the repository in a temporary directory and never writes to the
// working tree it was started from (others may be working in it). node_modules is linked, not copied.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

const SKIP = new Set(['node_modules', '.git', 'dist', 'coverage', '.vitest', '.cache']);

/**
 * A throwaway copy of `root`. base 'worktree' copies the files as they are now; base 'head' exports the
 * last commit (`git archive`, which reads git and changes nothing) and lays `overlay` paths from the
 * working tree over it, for when work in progress elsewhere in the tree leaves it unable to run.
 */
export function makeWorkspace(root, { base = 'worktree', overlay = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mutate-law-'));
  const keep = (src) => !relative(root, src).split(sep).some((part) => SKIP.has(part));
  if (base === 'head') {
    const archive = execFileSync('git', ['-C', root, 'archive', '--format=tar', 'HEAD'], { maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    for (const path of overlay) if (existsSync(join(root, path))) cpSync(join(root, path), join(dir, path), { recursive: true, filter: keep });
  } else {
    cpSync(root, dir, { recursive: true, filter: keep });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
