/** Compares two folders byte for byte: how `npm run build -- --check` and the tests find a stale `dist/`. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

export interface Difference {
  path: string;
  problem: 'is missing' | 'should not exist' | 'differs';
}

/** The files under `root` (none when it does not exist), relative, with `/` separators. */
const listFiles = (root: string) =>
  existsSync(root)
    ? readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((path) => !statSync(join(root, path)).isDirectory())
        .map((path) => path.split(sep).join('/'))
        .sort()
    : [];

/** How `actual` differs from `expected`, file by file. */
export function compareFolders(expected: string, actual: string): Difference[] {
  const have = new Set(listFiles(actual));
  const differences: Difference[] = [];
  for (const path of listFiles(expected)) {
    if (!have.delete(path)) differences.push({ path, problem: 'is missing' });
    else if (!readFileSync(join(expected, path)).equals(readFileSync(join(actual, path))))
      differences.push({ path, problem: 'differs' });
  }
  for (const path of have) differences.push({ path, problem: 'should not exist' });
  return differences;
}
