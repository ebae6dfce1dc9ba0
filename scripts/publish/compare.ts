/** Compares two folders byte for byte: how `npm run build -- --check` and the tests find a stale `dist/`. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Difference {
  path: string;
  problem: 'is missing' | 'should not exist' | 'differs';
}

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return found.sort();
}

/** How `actual` differs from `expected`, file by file. */
export function compareFolders(expected: string, actual: string): Difference[] {
  const want = listFiles(expected);
  const have = new Set(listFiles(actual));
  const differences: Difference[] = [];
  for (const path of want) {
    if (!have.has(path)) differences.push({ path, problem: 'is missing' });
    else if (!readFileSync(join(expected, path)).equals(readFileSync(join(actual, path))))
      differences.push({ path, problem: 'differs' });
    have.delete(path);
  }
  for (const path of have) differences.push({ path, problem: 'should not exist' });
  return differences;
}
