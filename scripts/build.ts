/**
 * `npm run build`: validates `data/` and writes `dist/`. (Minimal first version: validation, then
 * `dist/data.json`. The full publisher, issue 4, replaces it.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from './lib/load.ts';
import { validateData } from './checks/run.ts';
import { writeAtomic } from './lib/generated.ts';
import { runMain, fail } from './lib/cli.ts';

runMain(async () => {
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const report = await validateData({ dataDir: 'data' });
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    fail(`data/ is invalid; nothing was published:\n${errors.map((f) => `${f.file}: ${f.message}`).join('\n')}`, 1);
  }
  const dataset = loadDataset('data');
  writeAtomic(join('dist', 'data.json'), `${JSON.stringify({ version, ...dataset }, null, 2)}\n`);
  console.log(`Validated ${report.filesChecked} files; published dist/data.json (${dataset.articles.length} articles).`);
  return 0;
});
