/**
 * The change report as GitHub-flavoured Markdown: what the pull-request workflow writes to the job's step summary
 * (`npm run release -- --dry-run --markdown >> "$GITHUB_STEP_SUMMARY"`), so reviewers see what a pull request
 * changes in the data without reading JSON: records added, changed (with the fields) and removed, schema changes,
 * problems, and the computed bump. Pure functions.
 */
import { COLLECTIONS } from '../lib/collections.ts';
import { countRecords, NO_RELEASE_VERSION, type ChangeReport } from './report.ts';

/** How many records one list shows before it ends with a count (a step summary holds at most 1 MiB). */
export const MARKDOWN_LIST_LIMIT = 100;

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
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
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

/** A list of at most MARKDOWN_LIST_LIMIT items, then a line with how many more there are. */
function limited(items: readonly string[]): string[] {
  if (items.length <= MARKDOWN_LIST_LIMIT) return [...items];
  return [
    ...items.slice(0, MARKDOWN_LIST_LIMIT),
    `- … and ${items.length - MARKDOWN_LIST_LIMIT} more (\`npm run release -- --dry-run\` lists them all)`,
  ];
}

export function renderMarkdownReport(report: ChangeReport): string {
  const out: string[] = ['## Data changes', ''];
  out.push(
    report.previous
      ? `Compared with ${codeSpan(report.previous.tag)}, the latest release tag.`
      : `No previous release: there is no vX.Y.Z tag in this history, so every record and schema is reported as ` +
          `added (compared with an empty dataset, version ${NO_RELEASE_VERSION}).`,
    '',
    `**Bump: ${report.level}.** package.json: ${codeSpan(report.packageVersion)}; previous release: ` +
      `${report.previous ? codeSpan(report.previous.version) : 'none'}; required: ≥ ` +
      `${codeSpan(report.requiredVersion)}; a release now would be ${codeSpan(report.releaseVersion)}.`,
  );

  if (report.problems.length > 0) {
    out.push('', '### Problems', '', ...report.problems.map((p) => `- ❌ ${messageMarkdown(p)}`));
  }

  out.push('', '### Records', '');
  const touched = COLLECTIONS.filter(({ name }) => {
    const { added, removed, changed } = report.records[name];
    return added.length + removed.length + changed.length > 0;
  });
  if (touched.length === 0) out.push('No record was added, changed or removed.');
  else {
    out.push('| collection | added | changed | removed |', '| --- | ---: | ---: | ---: |');
    for (const { name } of touched) {
      const { added, removed, changed } = report.records[name];
      out.push(`| ${name} | ${added.length} | ${changed.length} | ${removed.length} |`);
    }
  }
  const title = (collection: string, id: string) => {
    const text = report.titles[`${collection}/${id}`];
    return text ? ` (“${escapeMarkdown(text)}”)` : '';
  };
  /** A heading and its list, when the list has items. */
  const section = (heading: string, items: string[]) => {
    if (items.length > 0) out.push('', heading, '', ...limited(items));
  };
  for (const { name } of touched) {
    const { added, removed, changed } = report.records[name];
    section(
      `#### ${countRecords(name, added.length)} added`,
      added.map((id) => `- ${codeSpan(id)}${title(name, id)}`),
    );
    section(
      `#### ${countRecords(name, changed.length)} changed`,
      changed.map(({ id, fields }) => `- ${codeSpan(id)}: ${fields.map((field) => codeSpan(field)).join(', ')}`),
    );
    section(
      `#### ${countRecords(name, removed.length)} removed`,
      removed.map((id) => {
        const fate = report.fates[`${name}/${id}`];
        const what = fate ? `: ${messageMarkdown(fate)}` : name === 'redirects' ? '' : ': **no redirect**';
        return `- ${codeSpan(id)}${title(name, id)}${what}`;
      }),
    );
  }

  out.push('', '### Schemas', '');
  if (report.schemas.length === 0) out.push('No schema changes.');
  else {
    out.push('| level | schema | field | change |', '| --- | --- | --- | --- |');
    for (const change of report.schemas) {
      const field = change.field ? codeSpan(change.field, true) : '(the record)';
      out.push(
        `| ${change.level} | ${codeSpan(change.schema, true)} | ${field} | ${messageMarkdown(change.change, true)} |`,
      );
    }
  }

  if (report.reasons.length > 0) out.push('', '### Why', '', ...report.reasons.map((r) => `- ${messageMarkdown(r)}`));
  return `${out.join('\n')}\n`;
}
