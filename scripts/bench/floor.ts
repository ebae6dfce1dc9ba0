/**
 * The floor a validator or publisher is measured against: one process that reads every record file of a corpus
 * and `JSON.parse`s it, and nothing else. Prints `{ files, keys }` as JSON.
 * Usage: node --import tsx scripts/bench/floor.ts DIR
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: floor.ts DIR');
  process.exit(2);
}
let files = 0;
let keys = 0;
for (const collection of ['articles', 'entities', 'outlets', 'redirects']) {
  const folder = join(dataDir, collection);
  if (!existsSync(folder)) continue;
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.json')) continue;
    const text = readFileSync(join(folder, name), 'utf8');
    // Touch the result so the parse cannot be optimised away.
    keys += Object.keys(JSON.parse(text) as object).length;
    files++;
  }
}
console.log(JSON.stringify({ files, keys }));
