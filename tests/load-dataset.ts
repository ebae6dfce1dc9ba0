/** For the tests: reads `data/` into memory: every collection's records, sorted by id. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, type Dataset } from '../scripts/lib/collections.ts';

export function loadDataset(dataDir: string): Dataset {
  const dataset = { articles: [], entities: [], outlets: [], redirects: [] } as Dataset;
  for (const { name, dir } of COLLECTIONS) {
    const folder = join(dataDir, dir);
    if (!existsSync(folder)) continue;
    const files = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort();
    (dataset[name] as unknown[]) = files.map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as unknown);
  }
  return dataset;
}
