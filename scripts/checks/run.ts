/**
 * PLACEHOLDER (to be replaced by the validation work, issue 3): the validation API the build calls.
 * Checks schema validity and grounding of mentions only.
 */
import { join, relative } from 'node:path';
import { readdirSync, existsSync } from 'node:fs';
import type { Finding } from '../lib/findings.ts';
import { loadDataset } from '../lib/load.ts';
import { compileSchemas } from '../lib/schemas.ts';
import { COLLECTIONS } from '../lib/collections.ts';
import { articleText, matchSelector } from '../lib/text-quote.ts';

export interface ValidationOptions {
  /** The data folder (layout of `data/`). */
  dataDir: string;
  /** The schema folder; defaults to the repository's `schemas/`. */
  schemaDir?: string;
  /** Only report on these files (cross-file rules still see the whole dataset). */
  paths?: string[];
}

export interface ValidationReport {
  findings: Finding[];
  filesChecked: number;
}

export async function validateData(options: ValidationOptions): Promise<ValidationReport> {
  const schemaDir = options.schemaDir ?? join(import.meta.dirname, '..', '..', 'schemas');
  const dataset = loadDataset(options.dataDir);
  const validators = compileSchemas(schemaDir);
  const findings: Finding[] = [];
  let filesChecked = 0;
  for (const { name, dir } of COLLECTIONS) {
    const folder = join(options.dataDir, dir);
    if (!existsSync(folder)) continue;
    filesChecked += readdirSync(folder).filter((f) => f.endsWith('.json')).length;
    for (const record of dataset[name]) {
      const file = relative(process.cwd(), join(folder, `${record.id}.json`));
      if (!validators[name](record)) {
        const error = validators[name].errors?.[0];
        findings.push({ file, line: 1, column: 1, pointer: error?.instancePath ?? '', rule: 'schema', severity: 'error', message: error?.message ?? 'invalid', hint: 'See docs/data-dictionary.md.' });
      }
    }
  }
  for (const article of dataset.articles) {
    const text = articleText(article);
    article.annotations.mentions.forEach((m, i) => {
      if (matchSelector(text, m.selector).length !== 1) {
        findings.push({ file: join(options.dataDir, 'articles', `${article.id}.json`), line: 1, column: 1, pointer: `/annotations/mentions/${i}/selector`, rule: 'grounded', severity: 'error', message: `${m.id} is not found exactly once`, hint: 'Copy the exact text from the body.' });
      }
    });
  }
  return { findings, filesChecked };
}
