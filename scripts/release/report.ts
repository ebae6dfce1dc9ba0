/**
 * The change report: what a release would publish compared with the previous one (records added, removed and
 * changed by id with the fields that changed; schema changes classified), the bump it requires and the problems
 * that block it. Rendered as text for people and as JSON for machines.
 */
import type { Redirect } from '../../types/index.ts';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { changedPaths } from './record-diff.ts';
import { checkRedirects } from './redirects.ts';
import { diffSchemas, type SchemaChange } from './schema-diff.ts';
import {
  bumpVersion,
  compareVersions,
  formatVersion,
  levelRank,
  maxLevel,
  parseVersion,
  type Level,
  type Version,
} from './semver.ts';
import type { RecordFile, Snapshot } from './snapshot.ts';

export interface ChangedRecord {
  id: string;
  /** The fields that changed (see record-diff.ts for the path syntax). */
  fields: string[];
}

export interface CollectionChanges {
  added: string[];
  removed: string[];
  changed: ChangedRecord[];
}

export interface ChangeReport {
  /** The release compared against, or `null` when nothing has been released yet. */
  previous: { tag: string; version: string } | null;
  /** package.json's version in the working tree. */
  packageVersion: string;
  records: Record<Collection, CollectionChanges>;
  /** What became of removed records, from their redirects: id → "renamed to `x`", "split into …", "removed: …". */
  fates: Record<string, string>;
  /** A display title for added and removed records (an article's headline, an entity's or outlet's name). */
  titles: Record<string, string>;
  schemas: SchemaChange[];
  /** package.json `exports` subpaths added and removed: a removed one breaks every consumer that imports it. */
  exports: { added: string[]; removed: string[] };
  /** The bump the changes require, and why. */
  level: Level;
  reasons: string[];
  /** The lowest version that may publish these changes. */
  requiredVersion: string;
  /** The version a release would get: the required one, or package.json's when it is already higher. */
  releaseVersion: string;
  /** Problems that block a release (and fail `--check`). */
  problems: string[];
}

/** The version the previous release is taken to be when there is none: every record then counts as added. */
export const NO_RELEASE_VERSION = '0.0.0';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function titleOf(collection: Collection, record: unknown): string | null {
  const value = record as { headline?: { text?: unknown }; name?: unknown } | null;
  const title = collection === 'articles' ? value?.headline?.text : value?.name;
  return typeof title === 'string' ? title : null;
}

/** A count of records in words: `1 article`, `3 entities`. */
export function countRecords(collection: Collection, n: number): string {
  return `${n} ${n === 1 ? collection.replace(/ies$/, 'y').replace(/s$/, '') : collection}`;
}

/** How many changed records are parsed and compared at a time. */
const DIFF_BATCH = 500;

/** How many added or removed records per collection get a title (the changelog lists no more than this). */
export const TITLED_LIMIT = 50;

export function computeReport(
  before: Snapshot,
  after: Snapshot,
  previous: { tag: string; version: string } | null,
): ChangeReport {
  const packageVersion = after.version ?? '';
  const current = parseVersion(packageVersion);
  const problems: string[] = [];
  if (!current) problems.push(`package.json's "version" is ${JSON.stringify(packageVersion)}, not MAJOR.MINOR.PATCH.`);

  const records = {} as Record<Collection, CollectionChanges>;
  const titles: Record<string, string> = {};
  const reasons: string[] = [];
  let level: Level = 'none';
  const bump = (to: Exclude<Level, 'none'>, reason: string) => {
    level = maxLevel(level, to);
    reasons.push(`${to}: ${reason}`);
  };
  const removedRecords: { collection: Collection; id: string }[] = [];

  for (const { name } of COLLECTIONS) {
    const old = before.records.get(name)!;
    const now = after.records.get(name)!;
    const added = [...now.keys()].filter((id) => !old.has(id)).sort(byId);
    const removed = [...old.keys()].filter((id) => !now.has(id)).sort(byId);
    const differing: [RecordFile, RecordFile][] = [];
    for (const [id, file] of now) {
      const was = old.get(id);
      if (was && was.blob !== file.blob) differing.push([was, file]);
    }
    differing.sort(([a], [b]) => byId(a.id, b.id));
    const changed: ChangedRecord[] = [];
    // In batches, so a release that touches every record never holds both versions of all of them at once.
    for (let start = 0; start < differing.length; start += DIFF_BATCH) {
      const batch = differing.slice(start, start + DIFF_BATCH);
      const oldValues = before.read(batch.map(([a]) => a));
      const newValues = after.read(batch.map(([, b]) => b));
      for (const [a, b] of batch) {
        const fields = changedPaths(oldValues.get(a.path), newValues.get(b.path));
        if (fields.length > 0) changed.push({ id: b.id, fields }); // reformatting alone changes nothing published
      }
    }
    records[name] = { added, removed, changed };
    removedRecords.push(...removed.map((id) => ({ collection: name, id })));

    for (const [ids, snapshot, files] of [
      [added, after, now],
      [removed, before, old],
    ] as const) {
      const titled = ids.slice(0, TITLED_LIMIT).map((id) => files.get(id)!);
      const values = snapshot.read(titled);
      for (const file of titled) {
        const title = titleOf(name, values.get(file.path));
        if (title) titles[`${name}/${file.id}`] = title;
      }
    }

    if (removed.length > 0) bump('major', `${countRecords(name, removed.length)} removed or renamed`);
    if (added.length > 0) bump('minor', `${countRecords(name, added.length)} added`);
    if (changed.length > 0) bump('patch', `${countRecords(name, changed.length)} corrected`);
  }

  const schemas = diffSchemas(before.schemas, after.schemas);
  for (const schemaLevel of ['major', 'minor', 'patch'] as const) {
    const count = schemas.filter((c) => c.level === schemaLevel).length;
    if (count > 0) bump(schemaLevel, `${count} schema change${count > 1 ? 's' : ''}`);
  }
  // The published layout: an export consumers imported is gone (major), or a new one is there (minor). A snapshot
  // with no package.json (no previous release) has no exports to lose.
  const exports = {
    added: before.version === null ? [] : after.exports.filter((e) => !before.exports.includes(e)),
    removed: before.exports.filter((e) => !after.exports.includes(e)),
  };
  if (exports.removed.length > 0)
    bump('major', `published files removed from the package exports (${exports.removed.join(', ')})`);
  if (exports.added.length > 0)
    bump('minor', `published files added to the package exports (${exports.added.join(', ')})`);
  // Most severe first ("major: …" before "minor: …"); the sort is stable, so collections keep their order.
  const severity = (reason: string) => levelRank(reason.slice(0, reason.indexOf(':')) as Level);
  reasons.sort((a, b) => severity(b) - severity(a));

  const previousVersion = parseVersion(previous?.version ?? NO_RELEASE_VERSION) ?? parseVersion(NO_RELEASE_VERSION)!;
  const required = bumpVersion(previousVersion, level);
  let release: Version = required;
  if (current && compareVersions(current, required) > 0) release = current;
  if (current && compareVersions(current, previousVersion) < 0) {
    problems.push(
      `package.json's version ${packageVersion} is older than the previous release ${previous?.tag}. ` +
        `Set it to ${formatVersion(required)} or later.`,
    );
  }

  // Redirects: read every redirect of the working tree (they are small and few).
  const redirectFiles = [...after.records.get('redirects')!.values()];
  const redirectValues = after.read(redirectFiles);
  const redirects = new Map<string, Redirect>();
  for (const file of redirectFiles) redirects.set(file.id, redirectValues.get(file.path) as Redirect);
  const fates: Record<string, string> = {};
  for (const { collection, id } of removedRecords) {
    const redirect = redirects.get(id);
    if (!redirect || collection === 'redirects') continue;
    const to = (redirect.to ?? []).map((t) => `\`${t}\``).join(', ');
    fates[`${collection}/${id}`] =
      redirect.kind === 'moved'
        ? `renamed to ${to}: ${redirect.reason}`
        : redirect.kind === 'split'
          ? `split into ${to}: ${redirect.reason}`
          : `removed with no replacement: ${redirect.reason}`;
  }
  problems.push(
    ...checkRedirects(
      removedRecords,
      redirects,
      new Set(records.redirects.added),
      previous?.version ?? NO_RELEASE_VERSION,
      formatVersion(release),
    ),
  );

  return {
    previous,
    packageVersion,
    records,
    fates,
    titles,
    schemas,
    exports,
    level,
    reasons,
    requiredVersion: formatVersion(required),
    releaseVersion: formatVersion(release),
    problems,
  };
}

/** How many changed fields of one record the text report and the changelog name (the JSON report has them all). */
export const FIELDS_LISTED = 12;

/** A record's changed fields for people: the first FIELDS_LISTED, then a count. */
export function listFields(fields: readonly string[], format = (field: string) => field): string {
  const shown = fields.slice(0, FIELDS_LISTED).map(format).join(', ');
  return fields.length > FIELDS_LISTED ? `${shown} and ${fields.length - FIELDS_LISTED} more` : shown;
}

/** The change report as text: what changed, by collection and id; schema changes by level; problems; the bump. */
export function renderReport(report: ChangeReport, currentLabel = 'the working tree'): string {
  const out: string[] = [];
  if (report.previous) {
    out.push(`Comparing ${currentLabel} with ${report.previous.tag}, the latest release tag.`);
  } else {
    out.push(
      `No previous release: there is no vX.Y.Z tag in this history, so every record and schema is reported as ` +
        `added (compared with an empty dataset, version ${NO_RELEASE_VERSION}).`,
    );
  }
  out.push('', 'Records');
  for (const { name } of COLLECTIONS) {
    const { added, removed, changed } = report.records[name];
    if (added.length + removed.length + changed.length === 0) {
      out.push(`  ${name}: no changes`);
      continue;
    }
    out.push(`  ${name}: ${added.length} added, ${removed.length} removed, ${changed.length} changed`);
    const title = (id: string) => {
      const text = report.titles[`${name}/${id}`];
      return text ? ` (${text})` : '';
    };
    for (const id of added) out.push(`    + ${id}${title(id)}`);
    for (const id of removed) {
      const fate = report.fates[`${name}/${id}`];
      out.push(`    - ${id}${title(id)}${fate ? `: ${fate}` : name === 'redirects' ? '' : ': NO REDIRECT'}`);
    }
    for (const { id, fields } of changed) out.push(`    ~ ${id}: ${listFields(fields)}`);
  }
  out.push('', 'Schemas');
  if (report.schemas.length === 0) out.push('  no changes');
  for (const change of report.schemas) {
    out.push(
      `  ${change.level.padEnd(5)}  ${change.schema}${change.field ? ` \`${change.field}\`` : ''}: ${change.change}`,
    );
  }
  if (report.reasons.length > 0) out.push('', 'Why', ...report.reasons.map((r) => `  ${r}`));
  if (report.problems.length > 0) out.push('', 'Problems', ...report.problems.map((p) => `  ✗ ${p}`));
  out.push(
    '',
    `version: package.json ${report.packageVersion}; previous release ${report.previous?.version ?? 'none'}; ` +
      `required ≥ ${report.requiredVersion}; a release now would be ${report.releaseVersion}`,
    `bump: ${report.level}`,
  );
  return `${out.join('\n')}\n`;
}
