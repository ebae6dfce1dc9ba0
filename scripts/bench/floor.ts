/**
 * The floor a validator or publisher is measured against: one process that reads every record file of a corpus
 * and `JSON.parse`s it, and nothing else. Prints `{ files, keys }` as JSON.
 * Usage: node --import tsx scripts/bench/floor.ts DIR
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: floor.ts DIR');
let [files, keys] = [0, 0];
for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
  // Touch the result so the parse cannot be optimised away.
  keys += Object.keys(JSON.parse(readFileSync(join(entry.parentPath, entry.name), 'utf8')) as object).length;
  files++;
}
console.log(JSON.stringify({ files, keys }));
