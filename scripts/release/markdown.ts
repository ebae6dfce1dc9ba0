/**
 * The change report in Markdown, in its two places: the pull-request workflow's step summary
 * (`npm run release -- --check --ignore-version-bump --markdown >> "$GITHUB_STEP_SUMMARY"`: records added, changed
 * with their fields and removed, schema changes, problems, the bump), and a release's section of CHANGELOG.md (Keep a
 * Changelog 1.1.0). Pure functions.
 *
 * The notes people wrote under `## [Unreleased]` move into the new section: each `### Category` keeps its bullets,
 * in Keep a Changelog's order, and the bullets generated from the report follow the written ones in the same
 * category. `## [Unreleased]` stays, empty, at the top for the next release.
 */
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { countRecords, listFields, NO_PREVIOUS, type ChangeReport } from './report.ts';
import type { SchemaChange } from './schema-diff.ts';

/** How many records one list of the step summary shows before it ends with a count (a summary holds 1 MiB). */
export const MARKDOWN_LIST_LIMIT = 100;

/** How many records a changelog bullet lists by id before it says "and N more" (the dry run lists them all). */
export const LISTED_LIMIT = 50;

/** Keep a Changelog's categories, in its order. */
const CATEGORIES = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'] as const;

/** Text with Markdown's inline syntax (emphasis, links, code, HTML, table pipes) escaped, on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~#!]/g, '\\$&');
}

/**
 * A code span that holds any text: fenced with more backticks than the text's longest run. In a table cell a pipe
 * ends the cell even inside a code span, so there (`inTable`) pipes are written `\|`, which GitHub reads as `|`.
 */
export function codeSpan(text: string, inTable = false): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inTable ? flat.replace(/\|/g, '\\|') : flat}${pad}${fence}`;
}

/**
 * The toolkit's own messages (problems, what became of a record, reasons) mark ids and paths as `code`: those
 * spans stay code, the rest is escaped.
 */
export function messageMarkdown(text: string, inTable = false): string {
  return text
    .split(/`([^`\r\n]+)`/)
    .map((part, i) => (i % 2 === 1 ? codeSpan(part, inTable) : escapeMarkdown(part)))
    .join('');
}

/** The first `limit` items, then the line `more(n)` says how many were left out. */
const limited = (items: readonly string[], limit: number, more: (n: number) => string) =>
  items.length <= limit ? [...items] : [...items.slice(0, limit), more(items.length - limit)];

/** ` (“title”)` for a record that has a title. */
function titled(report: ChangeReport, name: Collection, id: string, escape = (text: string) => text): string {
  const text = report.titles[`${name}/${id}`];
  return text ? ` (“${escape(text)}”)` : '';
}

export function renderMarkdownReport(report: ChangeReport): string {
  const { previous } = report;
  const out = ['## Data changes', ''];
  out.push(
    previous ? `Compared with ${codeSpan(previous.tag)}, the latest release tag.` : NO_PREVIOUS,
    '',
    `**Bump: ${report.level}.** package.json: ${codeSpan(report.packageVersion)}; previous release: ` +
      `${previous ? codeSpan(previous.version) : 'none'}; required: ≥ ` +
      `${codeSpan(report.requiredVersion)}; a release now would be ${codeSpan(report.releaseVersion)}.`,
  );
  if (report.problems.length > 0)
    out.push('', '### Problems', '', ...report.problems.map((p) => `- ❌ ${messageMarkdown(p)}`));

  out.push('', '### Records', '');
  const touched = COLLECTIONS.map(({ name }) => ({ name, ...report.records[name] })).filter(
    ({ added, removed, changed }) => added.length + removed.length + changed.length > 0,
  );
  if (touched.length === 0) out.push('No record was added, changed or removed.');
  else {
    out.push('| collection | added | changed | removed |', '| --- | ---: | ---: | ---: |');
    for (const c of touched) out.push(`| ${c.name} | ${c.added.length} | ${c.changed.length} | ${c.removed.length} |`);
  }
  /** A heading and its list, when the list has items. */
  const section = (heading: string, items: string[]) => {
    const more = (n: number) => `- … and ${n} more (\`npm run release -- --dry-run\` lists them all)`;
    if (items.length > 0) out.push('', heading, '', ...limited(items, MARKDOWN_LIST_LIMIT, more));
  };
  for (const { name, added, removed, changed } of touched) {
    const item = (id: string) => `- ${codeSpan(id)}${titled(report, name, id, escapeMarkdown)}`;
    section(`#### ${countRecords(name, added.length)} added`, added.map(item));
    section(
      `#### ${countRecords(name, changed.length)} changed`,
      changed.map(({ id, fields }) => `- ${codeSpan(id)}: ${fields.map((field) => codeSpan(field)).join(', ')}`),
    );
    section(
      `#### ${countRecords(name, removed.length)} removed`,
      removed.map((id) => {
        const fate = report.fates[`${name}/${id}`];
        return `${item(id)}${fate ? `: ${messageMarkdown(fate)}` : name === 'redirects' ? '' : ': **no redirect**'}`;
      }),
    );
  }

  out.push('', '### Schemas', '');
  if (report.schemas.length === 0) out.push('No schema changes.');
  else {
    out.push('| level | schema | field | change |', '| --- | --- | --- | --- |');
    for (const { level, schema, field, change } of report.schemas) {
      const where = `${codeSpan(schema, true)} | ${field ? codeSpan(field, true) : '(the record)'}`;
      out.push(`| ${level} | ${where} | ${messageMarkdown(change, true)} |`);
    }
  }
  if (report.reasons.length > 0) out.push('', '### Why', '', ...report.reasons.map((r) => `- ${messageMarkdown(r)}`));
  return `${out.join('\n')}\n`;
}

/** The lines from the heading that passes `test` to the next `## ` heading: [start, end), or `null`. */
export function changelogSection(lines: readonly string[], test: (line: string) => boolean): [number, number] | null {
  const start = lines.findIndex(test);
  if (start === -1) return null;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return [start, end === -1 ? lines.length : end];
}

const NEW_CHANGELOG = `# Changelog

All notable changes to this dataset are documented here. The format follows
[Keep a Changelog](https://keepachangelog.com/en/1.1.0/), and the project uses
[Semantic Versioning](https://semver.org/).

## [Unreleased]
`;

/** The notes under `## [Unreleased]`: text before the first category, then each category's lines. */
interface UnreleasedNotes {
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
  const bounds = changelogSection(lines, (line) => /^## \[Unreleased\]/i.test(line));
  if (!bounds) {
    // No Unreleased section: the new one goes before the first release heading (or at the end).
    const at = changelogSection(lines, (line) => line.startsWith('## '))?.[0] ?? lines.length;
    const head = [...trimBlank(lines.slice(0, at)), '', '## [Unreleased]'];
    return { head, notes: { preamble: [], categories: new Map() }, tail: lines.slice(at) };
  }
  const [start, end] = bounds;
  const categories = new Map<string, string[]>();
  const preamble: string[] = [];
  let current = preamble;
  for (const line of lines.slice(start + 1, end)) {
    const heading = /^### +(.+?)\s*$/.exec(line);
    if (heading) categories.set(heading[1]!, (current = categories.get(heading[1]!) ?? []));
    else current.push(line);
  }
  for (const [name, content] of categories) categories.set(name, trimBlank(content));
  return {
    head: lines.slice(0, start + 1),
    notes: { preamble: trimBlank(preamble), categories },
    tail: lines.slice(end),
  };
}

const fieldName = (change: SchemaChange) => (change.field ? `\`${change.field}\`` : 'the record');

/** The bullets the report gives each category, for a release of `version`. */
function generatedBullets(report: ChangeReport, version: string): Map<string, string[]> {
  const bullets = new Map<string, string[]>(CATEGORIES.map((c) => [c, []]));
  const push = (category: string, ...lines: string[]) => bullets.get(category)!.push(...lines);
  /** A bullet with a nested list of the items, cut at LISTED_LIMIT; nothing when there is no item. */
  const nested = (category: string, lead: string, items: string[]) => {
    const more = (n: number) => `…and ${n} more (\`npm run release -- --dry-run\` lists them all).`;
    if (items.length > 0) push(category, `- ${lead}`, ...limited(items, LISTED_LIMIT, more).map((i) => `  - ${i}`));
  };
  for (const { name } of COLLECTIONS) {
    const { added, removed, changed } = report.records[name];
    const item = (id: string) => `\`${id}\`${titled(report, name, id)}`;
    nested('Added', `${countRecords(name, added.length)} added:`, added.map(item));
    nested(
      'Changed',
      `${countRecords(name, changed.length)} corrected:`,
      changed.map(({ id, fields }) => `\`${id}\`: ${listFields(fields, (f) => `\`${f}\``)}`),
    );
    nested(
      'Removed',
      `**Breaking:** ${countRecords(name, removed.length)} removed or renamed (each leaves a redirect in ` +
        `\`data/redirects/\`):`,
      removed.map((id) => `${item(id)}${report.fates[`${name}/${id}`] ? `: ${report.fates[`${name}/${id}`]}` : ''}`),
    );
  }
  for (const subpath of report.exports.removed)
    push('Removed', `- **Breaking:** the package no longer exports \`${subpath}\`.`);
  for (const subpath of report.exports.added) push('Added', `- The package exports \`${subpath}\`.`);
  const descriptionsBySchema = new Map<string, string[]>();
  for (const change of report.schemas) {
    const where = `\`${change.schema}\` schema`;
    if (change.level === 'major') {
      const removal = change.change.startsWith('field removed') || change.change === 'schema removed';
      push(removal ? 'Removed' : 'Changed', `- **Breaking:** ${where}: ${fieldName(change)} ${change.change}.`);
    } else if (change.level === 'minor') {
      const loosened = ['relaxed', 'dropped'].some((word) => change.change.includes(word));
      push(
        loosened || change.change.startsWith('open') ? 'Changed' : 'Added',
        `- ${where}: ${change.field ? `${fieldName(change)}: ` : ''}${change.change}.`,
      );
    } else {
      descriptionsBySchema.set(change.schema, [...(descriptionsBySchema.get(change.schema) ?? []), fieldName(change)]);
    }
  }
  for (const [schema, fields] of descriptionsBySchema)
    push('Changed', `- \`${schema}\` schema: descriptions reworded for ${fields.join(', ')}.`);
  const major = Number(version.split('.')[0]);
  if (report.previous && major !== Number(report.previous.version.split('.')[0]))
    push(
      'Changed',
      `- The schemas' \`$id\`s now carry the major version ${major} (\`urn:annotated-news:schema:v${major}:article\`).`,
    );
  return bullets;
}

/** The text of a release's section, from its heading to its last bullet. */
function renderSection(report: ChangeReport, version: string, date: string, notes: UnreleasedNotes): string[] {
  const why = report.reasons.length > 0 ? ` (${report.reasons.map((r) => r.replace(/^\w+: /, '')).join('; ')})` : '';
  const out = [
    `## [${version}] - ${date}`,
    '',
    !report.previous
      ? `The first release${why}.`
      : report.level === 'none'
        ? `No published record or schema changed since ${report.previous.version}.`
        : `A ${report.level} release${why}, compared with ${report.previous.version}.`,
    '',
  ];
  if (notes.preamble.length > 0) out.push(...notes.preamble, '');
  const generated = generatedBullets(report, version);
  for (const name of new Set<string>([...CATEGORIES, ...notes.categories.keys()])) {
    const lines = [...(notes.categories.get(name) ?? []), ...(generated.get(name) ?? [])];
    if (lines.length > 0) out.push(`### ${name}`, '', ...lines, '');
  }
  return trimBlank(out);
}

/** CHANGELOG.md after the release: Unreleased emptied, the new section below it. `null` text creates the file. */
export function applyRelease(text: string | null, report: ChangeReport, version: string, date: string): string {
  const { head, notes, tail } = splitChangelog(text ?? NEW_CHANGELOG);
  const rest = trimBlank(tail);
  const section = renderSection(report, version, date, notes);
  return `${[...head, '', ...section, ...(rest.length > 0 ? ['', ...rest] : [])].join('\n')}\n`;
}
