/**
 * Writes a release's section of CHANGELOG.md (Keep a Changelog 1.1.0) from the change report. Pure functions.
 *
 * The notes people wrote under `## [Unreleased]` move into the new section: each `### Category` keeps its bullets,
 * in Keep a Changelog's order, and the bullets generated from the report follow the written ones in the same
 * category. `## [Unreleased]` stays, empty, at the top for the next release.
 */
import { COLLECTIONS } from '../lib/collections.ts';
import { countRecords, listFields, type ChangeReport } from './report.ts';
import type { SchemaChange } from './schema-diff.ts';

/** Keep a Changelog's categories, in its order. */
export const CATEGORIES = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'] as const;

/** How many records a bullet lists by id before it says "and N more" (the dry-run report lists them all). */
export const LISTED_LIMIT = 50;

const UNRELEASED = /^## \[Unreleased\]/i;
const RELEASE_HEADING = /^## /;
const CATEGORY_HEADING = /^### +(.+?)\s*$/;

const NEW_CHANGELOG = `# Changelog

All notable changes to this dataset are documented here. The format follows
[Keep a Changelog](https://keepachangelog.com/en/1.1.0/), and the project uses
[Semantic Versioning](https://semver.org/).

## [Unreleased]
`;

/** The notes under `## [Unreleased]`: text before the first category, then each category's lines. */
export interface UnreleasedNotes {
  preamble: string[];
  categories: Map<string, string[]>;
}

function trimBlank(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

/** Splits CHANGELOG.md around its Unreleased section. */
export function splitChangelog(text: string): { head: string[]; notes: UnreleasedNotes; tail: string[] } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex((line) => UNRELEASED.test(line));
  if (start === -1) {
    // No Unreleased section: the new one goes before the first release heading (or at the end).
    const first = lines.findIndex((line) => RELEASE_HEADING.test(line));
    const at = first === -1 ? lines.length : first;
    return {
      head: [...trimBlank(lines.slice(0, at)), '', '## [Unreleased]'],
      notes: { preamble: [], categories: new Map() },
      tail: lines.slice(at),
    };
  }
  let end = lines.findIndex((line, i) => i > start && RELEASE_HEADING.test(line));
  if (end === -1) end = lines.length;
  const body = lines.slice(start + 1, end);
  const categories = new Map<string, string[]>();
  const preamble: string[] = [];
  let current: string[] = preamble;
  for (const line of body) {
    const heading = CATEGORY_HEADING.exec(line);
    if (heading) {
      const name = heading[1]!;
      current = categories.get(name) ?? [];
      categories.set(name, current);
    } else current.push(line);
  }
  for (const [name, content] of categories) categories.set(name, trimBlank(content));
  return {
    head: lines.slice(0, start + 1),
    notes: { preamble: trimBlank(preamble), categories },
    tail: lines.slice(end),
  };
}

const fieldName = (change: SchemaChange) => (change.field ? `\`${change.field}\`` : 'the record');

/** The bullets the report gives each category. */
export function generatedBullets(report: ChangeReport): Map<string, string[]> {
  const bullets = new Map<string, string[]>(CATEGORIES.map((c) => [c, []]));
  const push = (category: string, lines: string[]) => bullets.get(category)!.push(...lines);
  /** A bullet with a nested list of the items, cut at LISTED_LIMIT; nothing when there is no item. */
  const nested = (category: string, lead: string, items: string[]) => {
    if (items.length === 0) return;
    const more = items.length - LISTED_LIMIT;
    push(category, [`- ${lead}`, ...items.slice(0, LISTED_LIMIT).map((item) => `  - ${item}`)]);
    if (more > 0) push(category, [`  - …and ${more} more (\`npm run release -- --dry-run\` lists them all).`]);
  };
  for (const { name } of COLLECTIONS) {
    const { added, removed, changed } = report.records[name];
    const title = (id: string) => {
      const text = report.titles[`${name}/${id}`];
      return text ? ` (“${text}”)` : '';
    };
    const titled = (id: string) => `\`${id}\`${title(id)}`;
    nested('Added', `${countRecords(name, added.length)} added:`, added.map(titled));
    nested(
      'Changed',
      `${countRecords(name, changed.length)} corrected:`,
      changed.map(({ id, fields }) => `\`${id}\`: ${listFields(fields, (f) => `\`${f}\``)}`),
    );
    nested(
      'Removed',
      `**Breaking:** ${countRecords(name, removed.length)} removed or renamed (each leaves a redirect in ` +
        `\`data/redirects/\`):`,
      removed.map((id) => {
        const fate = report.fates[`${name}/${id}`];
        return `${titled(id)}${fate ? `: ${fate}` : ''}`;
      }),
    );
  }
  for (const subpath of report.exports.removed)
    push('Removed', [`- **Breaking:** the package no longer exports \`${subpath}\`.`]);
  for (const subpath of report.exports.added) push('Added', [`- The package exports \`${subpath}\`.`]);
  const descriptionsBySchema = new Map<string, string[]>();
  for (const change of report.schemas) {
    const where = `\`${change.schema}\` schema`;
    if (change.level === 'major') {
      const category =
        change.change.startsWith('field removed') || change.change === 'schema removed' ? 'Removed' : 'Changed';
      push(category, [`- **Breaking:** ${where}: ${fieldName(change)} ${change.change}.`]);
    } else if (change.level === 'minor') {
      push(
        change.change.includes('relaxed') || change.change.includes('dropped') || change.change.startsWith('open')
          ? 'Changed'
          : 'Added',
        [`- ${where}: ${change.field ? `${fieldName(change)}: ` : ''}${change.change}.`],
      );
    } else {
      const list = descriptionsBySchema.get(change.schema) ?? [];
      list.push(fieldName(change));
      descriptionsBySchema.set(change.schema, list);
    }
  }
  for (const [schema, fields] of descriptionsBySchema) {
    push('Changed', [`- \`${schema}\` schema: descriptions reworded for ${fields.join(', ')}.`]);
  }
  return bullets;
}

/** The text of a release's section, from its heading to its last bullet. */
export function renderSection(report: ChangeReport, version: string, date: string, notes: UnreleasedNotes): string[] {
  const out = [`## [${version}] - ${date}`, ''];
  const why = report.reasons.length > 0 ? ` (${report.reasons.map((r) => r.replace(/^\w+: /, '')).join('; ')})` : '';
  out.push(
    !report.previous
      ? `The first release${why}.`
      : report.level === 'none'
        ? `No published record or schema changed since ${report.previous.version}.`
        : `A ${report.level} release${why}, compared with ${report.previous.version}.`,
    '',
  );
  const previousMajor = Number((report.previous?.version ?? '0').split('.')[0]);
  const major = Number(version.split('.')[0]);
  if (notes.preamble.length > 0) out.push(...notes.preamble, '');
  const generated = generatedBullets(report);
  if (report.previous && major !== previousMajor) {
    generated
      .get('Changed')!
      .push(
        `- The schemas' \`$id\`s now carry the major version ` +
          `${major} (\`urn:annotated-news:schema:v${major}:article\`).`,
      );
  }
  const names = [
    ...CATEGORIES,
    ...[...notes.categories.keys()].filter((c) => !(CATEGORIES as readonly string[]).includes(c)),
  ];
  for (const name of names) {
    const written = notes.categories.get(name) ?? [];
    const lines = [...written, ...(generated.get(name) ?? [])];
    if (lines.length === 0) continue;
    out.push(`### ${name}`, '', ...lines, '');
  }
  return trimBlank(out);
}

/** CHANGELOG.md after the release: Unreleased emptied, the new section below it. `null` text creates the file. */
export function applyRelease(text: string | null, report: ChangeReport, version: string, date: string): string {
  const { head, notes, tail } = splitChangelog(text ?? NEW_CHANGELOG);
  const section = renderSection(report, version, date, notes);
  const rest = trimBlank(tail);
  return `${[...head, '', ...section, ...(rest.length > 0 ? ['', ...rest] : [])].join('\n')}\n`;
}
