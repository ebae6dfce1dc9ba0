/**
 * The change report: what a release would publish compared with the previous one (records added, removed and
 * changed by id with the fields that changed; schema changes classified), the bump it requires and the problems
 * that block it. Rendered as text here, as JSON by the CLI, and as Markdown by markdown.ts.
 */
import type { Redirect } from '../../types/index.ts';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { changedPaths } from './record-diff.ts';
import { diffSchemas, type SchemaChange } from './schema-diff.ts';
import { emptySnapshot, gitSnapshot, tagsMergedIntoHead, workingTreeSnapshot, type Snapshot } from './snapshot.ts';

/** How much a release changes, from least to most: the order of this list is the order of severity. */
export const LEVELS = ['none', 'patch', 'minor', 'major'] as const;
export type Level = (typeof LEVELS)[number];

export interface Version {
  major: number;
  minor: number;
  patch: number;
}

/** Parses `MAJOR.MINOR.PATCH`; returns `null` for anything else (the classifier handles plain releases only). */
export function parseVersion(text: string): Version | null {
  const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(text);
  return match && { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

export const formatVersion = ({ major, minor, patch }: Version) => `${major}.${minor}.${patch}`;

const compareVersions = (a: Version, b: Version) => a.major - b.major || a.minor - b.minor || a.patch - b.patch;

/**
 * The version after a release of the given level. The rules hold in 0.x too: a breaking change goes to 1.0.0,
 * because the schemas' `$id`s carry the major version and must change with every breaking release.
 */
export function bumpVersion({ major, minor, patch }: Version, level: Level): Version {
  if (level === 'major') return { major: major + 1, minor: 0, patch: 0 };
  if (level === 'minor') return { major, minor: minor + 1, patch: 0 };
  return { major, minor, patch: level === 'patch' ? patch + 1 : patch };
}

/** The most severe of the levels given (`none` for none). */
export const maxLevel = (...levels: Level[]): Level => LEVELS[Math.max(0, ...levels.map((l) => LEVELS.indexOf(l)))]!;

/** The newest release tag (`v` and a plain `MAJOR.MINOR.PATCH`) of those given, or `null` when there is none. */
export function latestReleaseTag(tags: readonly string[]): { tag: string; version: Version } | null {
  let latest: { tag: string; version: Version } | null = null;
  for (const tag of tags.map((t) => t.trim())) {
    const version = tag.startsWith('v') ? parseVersion(tag.slice(1)) : null;
    if (version && (!latest || compareVersions(version, latest.version) > 0)) latest = { tag, version };
  }
  return latest;
}

interface ChangedRecord {
  id: string;
  /** The fields that changed (see record-diff.ts for the path syntax). */
  fields: string[];
}

interface CollectionChanges {
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
const NO_RELEASE_VERSION = '0.0.0';

/** How many changed records are parsed and compared at a time. */
const DIFF_BATCH = 500;

/** How many added or removed records per collection get a title (the changelog lists no more than this). */
const TITLED_LIMIT = 50;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A count of records in words: `1 article`, `3 entities`. */
export function countRecords(collection: Collection, n: number): string {
  return `${n} ${n === 1 ? collection.replace(/ies$/, 'y').replace(/s$/, '') : collection}`;
}

/** Compares a repository's working tree with its latest release tag. */
export function reportFor(root: string): ChangeReport {
  const latest = latestReleaseTag(tagsMergedIntoHead(root));
  const before = latest ? gitSnapshot(root, latest.tag) : emptySnapshot();
  const after = workingTreeSnapshot(root);
  const previous = latest && { tag: latest.tag, version: formatVersion(latest.version) };
  const packageVersion = after.version ?? '';
  const current = parseVersion(packageVersion);
  const problems: string[] = [];
  if (!current) problems.push(`package.json's "version" is ${JSON.stringify(packageVersion)}, not MAJOR.MINOR.PATCH.`);

  const records = {} as Record<Collection, CollectionChanges>;
  const titles: Record<string, string> = {};
  const bumps: Array<[Level, string]> = [];
  const bump = (to: Exclude<Level, 'none'>, reason: string) => bumps.push([to, reason]);

  for (const { name } of COLLECTIONS) {
    const old = before.records.get(name)!;
    const now = after.records.get(name)!;
    const added = [...now.keys()].filter((id) => !old.has(id)).sort(byId);
    const removed = [...old.keys()].filter((id) => !now.has(id)).sort(byId);
    const differing = [...now.values()].filter((file) => (old.get(file.id)?.blob ?? file.blob) !== file.blob);
    differing.sort((a, b) => byId(a.id, b.id));
    const changed: ChangedRecord[] = [];
    // In batches, so a release that touches every record never holds both versions of all of them at once.
    for (let start = 0; start < differing.length; start += DIFF_BATCH) {
      const batch = differing.slice(start, start + DIFF_BATCH);
      const oldValues = before.read(batch.map((file) => old.get(file.id)!));
      const newValues = after.read(batch);
      for (const file of batch) {
        const fields = changedPaths(oldValues.get(old.get(file.id)!.path), newValues.get(file.path));
        if (fields.length > 0) changed.push({ id: file.id, fields }); // reformatting alone changes nothing published
      }
    }
    records[name] = { added, removed, changed };

    for (const [ids, snapshot, files] of [
      [added, after, now],
      [removed, before, old],
    ] as const) {
      const titled = ids.slice(0, TITLED_LIMIT).map((id) => files.get(id)!);
      const values = snapshot.read(titled);
      for (const file of titled) {
        const value = values.get(file.path) as { headline?: { text?: unknown }; name?: unknown } | null;
        const title = name === 'articles' ? value?.headline?.text : value?.name;
        if (typeof title === 'string') titles[`${name}/${file.id}`] = title;
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
  bumps.sort(([a], [b]) => LEVELS.indexOf(b) - LEVELS.indexOf(a));
  const level = maxLevel(...bumps.map(([to]) => to));

  const previousVersion = latest?.version ?? parseVersion(NO_RELEASE_VERSION)!;
  const required = bumpVersion(previousVersion, level);
  const release = current && compareVersions(current, required) > 0 ? current : required;
  if (current && compareVersions(current, previousVersion) < 0) {
    problems.push(
      `package.json's version ${packageVersion} is older than the previous release ${previous?.tag}. ` +
        `Set it to ${formatVersion(required)} or later.`,
    );
  }
  const { fates, problems: redirectProblems } = checkRedirects(
    after,
    records,
    previous?.version ?? NO_RELEASE_VERSION,
    formatVersion(release),
  );
  problems.push(...redirectProblems);

  return {
    previous,
    packageVersion,
    records,
    fates,
    titles,
    schemas,
    exports,
    level,
    reasons: bumps.map(([to, reason]) => `${to}: ${reason}`),
    requiredVersion: formatVersion(required),
    releaseVersion: formatVersion(release),
    problems,
  };
}

/**
 * The release-time redirect rule: every id published in the previous release that is missing now must leave a
 * redirect in `data/redirects/<id>.json`, so consumers who pinned it can follow it, and a new redirect says it came
 * with this release. (Whether each redirect is well-formed, its `to` ids exist and its id is not also a live record
 * is checked by `npm run validate`.) Returns what became of each removed record, and the problems, one sentence
 * each, naming the id and the fix.
 */
function checkRedirects(
  after: Snapshot,
  records: Record<Collection, CollectionChanges>,
  previousVersion: string,
  releaseVersion: string,
): { fates: Record<string, string>; problems: string[] } {
  const files = [...after.records.get('redirects')!.values()];
  const values = after.read(files);
  const redirects = new Map(files.map((file) => [file.id, values.get(file.path) as Redirect]));
  const fates: Record<string, string> = {};
  const problems: string[] = [];
  // A redirect's own removal is breaking, but leaves nothing to follow.
  for (const { name: collection } of COLLECTIONS.filter(({ name }) => name !== 'redirects')) {
    for (const id of records[collection].removed) {
      const redirect = redirects.get(id);
      const file = `data/redirects/${id}.json`;
      if (!redirect) {
        const skeleton = JSON.stringify({
          id,
          collection,
          kind: 'removed',
          to: [],
          reason: 'Why it was removed, in a sentence.',
          since: releaseVersion,
        });
        problems.push(
          `${collection} record \`${id}\` was published in ${previousVersion} and is missing now, with no redirect. ` +
            `Add ${file} saying what became of it (kind "moved" with one new id in "to", "split" with two or more, ` +
            `or "removed" with none), for example: ${skeleton}`,
        );
        continue;
      }
      const to = (redirect.to ?? []).map((t) => `\`${t}\``).join(', ');
      const fate = { moved: `renamed to ${to}`, split: `split into ${to}` }[redirect.kind as string];
      fates[`${collection}/${id}`] = `${fate ?? 'removed with no replacement'}: ${redirect.reason}`;
      if (redirect.collection !== collection) {
        problems.push(
          `${file} says the record was in "${redirect.collection}", but \`${id}\` was published in ` +
            `"${collection}". Set "collection": "${collection}".`,
        );
      }
    }
  }
  for (const id of [...records.redirects.added].sort()) {
    const redirect = redirects.get(id);
    if (redirect && redirect.since !== releaseVersion) {
      problems.push(
        `data/redirects/${id}.json is new in this release but says "since": "${redirect.since}". ` +
          `Set "since": "${releaseVersion}", the version being released.`,
      );
    }
  }
  return { fates, problems };
}

/** How many changed fields of one record the text report and the changelog name (the JSON report has them all). */
export const FIELDS_LISTED = 12;

/** A record's changed fields for people: the first FIELDS_LISTED, then a count. */
export function listFields(fields: readonly string[], format = (field: string) => field): string {
  const shown = fields.slice(0, FIELDS_LISTED).map(format).join(', ');
  return fields.length > FIELDS_LISTED ? `${shown} and ${fields.length - FIELDS_LISTED} more` : shown;
}

/** What the reports say when there is no release to compare with. */
export const NO_PREVIOUS =
  `No previous release: there is no vX.Y.Z tag in this history, so every record and schema is reported as added ` +
  `(compared with an empty dataset, version ${NO_RELEASE_VERSION}).`;

/** The change report as text: what changed, by collection and id; schema changes by level; problems; the bump. */
export function renderReport(report: ChangeReport): string {
  const { previous } = report;
  const out = [previous ? `Comparing the working tree with ${previous.tag}, the latest release tag.` : NO_PREVIOUS];
  out.push('', 'Records');
  for (const { name } of COLLECTIONS) {
    const { added, removed, changed } = report.records[name];
    if (added.length + removed.length + changed.length === 0) {
      out.push(`  ${name}: no changes`);
      continue;
    }
    out.push(`  ${name}: ${added.length} added, ${removed.length} removed, ${changed.length} changed`);
    const title = (id: string) => (report.titles[`${name}/${id}`] ? ` (${report.titles[`${name}/${id}`]})` : '');
    for (const id of added) out.push(`    + ${id}${title(id)}`);
    for (const id of removed) {
      const fate = report.fates[`${name}/${id}`];
      out.push(`    - ${id}${title(id)}${fate ? `: ${fate}` : name === 'redirects' ? '' : ': NO REDIRECT'}`);
    }
    for (const { id, fields } of changed) out.push(`    ~ ${id}: ${listFields(fields)}`);
  }
  out.push('', 'Schemas');
  if (report.schemas.length === 0) out.push('  no changes');
  for (const { level, schema, field, change } of report.schemas)
    out.push(`  ${level.padEnd(5)}  ${schema}${field ? ` \`${field}\`` : ''}: ${change}`);
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
