/**
 * What publishing a release tag does, as data: the tag's version and npm dist-tag, the release notes, and the
 * commands to run in order. Pure functions; scripts/publish-release.ts runs (or, with --dry-run, prints) the plan,
 * and .github/workflows/release.yml calls that script, so the steps live here and not only in a workflow file.
 */
import { changelogSection } from './markdown.ts';

/** A release tag: `vX.Y.Z` (a release, `candidate` null) or `vX.Y.Z-rc.N` (release candidate N). */
export type ReleaseTag = { tag: string; version: string; candidate: number | null };

/** Parses a release tag; `null` for anything else (other pre-release names, build metadata, no `v`). */
export function parseReleaseTag(tag: string): ReleaseTag | null {
  const match = /^v(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-rc\.(0|[1-9]\d*))?$/.exec(tag);
  return match && { tag, version: tag.slice(1), candidate: match[1] === undefined ? null : Number(match[1]) };
}

/** The npm dist-tag a release goes to: `latest` for a release, `next` for a release candidate. */
export const distTagFor = (tag: ReleaseTag) => (tag.candidate === null ? 'latest' : 'next');

export type Command = { command: string; args: string[] };
const cmd = (command: string, ...args: string[]): Command => ({ command, args });

/**
 * Who may run a step (.github/workflows/release.yml gives each its own job): `verify` runs code on the data with no
 * credentials and leaves everything to publish in the bundle folder; `npm` holds the npm token and runs no build;
 * `github` holds a token that can write the repository's releases.
 */
export const PHASES = ['verify', 'npm', 'github'] as const;

/**
 * A step, for people (`name`) and its phase. On a rerun after a partial failure, `doneIf` exiting 0 and printing
 * something says the step was done before: then `instead` runs, or nothing when there is no `instead`.
 */
export type Step = Command & { name: string; phase: (typeof PHASES)[number]; doneIf?: Command; instead?: Command };

/**
 * The steps, in order: build (which validates), test, the download bundle, the npm package packed beside it (in
 * `bundleDir`, where `npm run bundle` writes); then the packed package published to npm with provenance under the
 * dist-tag, and the GitHub release (notes from `notesFile`) with the bundle and its checksum attached.
 */
export function publishPlan(
  tag: ReleaseTag,
  { packageName, bundleDir, notesFile }: { packageName: string; bundleDir: string; notesFile: string },
): Step[] {
  const distTag = distTagFor(tag);
  const archive = `${bundleDir}/${packageName}-${tag.version}.tar.gz`;
  const assets = [archive, `${archive}.sha256`];
  const create = ['release', 'create', tag.tag, '--verify-tag', '--title', `${packageName} ${tag.version}`];
  create.push('--notes-file', notesFile, ...(tag.candidate === null ? [] : ['--prerelease']), ...assets);
  const tarball = `${bundleDir}/${packageName.replace(/^@/, '').replace('/', '-')}-${tag.version}.tgz`;
  return [
    { phase: 'verify', name: 'build (validates the data first)', ...cmd('npm', 'run', 'build') },
    { phase: 'verify', name: 'test', ...cmd('npm', 'test') },
    { phase: 'verify', name: 'build the download bundle', ...cmd('npm', 'run', 'bundle') },
    {
      phase: 'verify',
      name: `pack the npm package beside it (prepack builds dist/ again)`,
      ...cmd('npm', 'pack', '--pack-destination', bundleDir),
    },
    {
      phase: 'npm',
      name: `publish the packed package to npm under the "${distTag}" dist-tag, with provenance (builds nothing)`,
      ...cmd('npm', 'publish', tarball, '--provenance', '--access', 'public', '--tag', distTag),
      doneIf: cmd('npm', 'view', `${packageName}@${tag.version}`, 'version'),
    },
    {
      phase: 'github',
      name: `attach the bundle and its checksum to the GitHub release ${tag.tag}`,
      ...cmd('gh', ...create),
      doneIf: cmd('gh', 'release', 'view', tag.tag, '--json', 'tagName'),
      instead: cmd('gh', 'release', 'upload', tag.tag, ...assets, '--clobber'),
    },
  ];
}

/** A command as a shell would take it: arguments with anything but safe characters single-quoted. */
export function shellLine({ command, args }: Command): string {
  const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  return [command, ...args].map(quote).join(' ');
}

/**
 * The GitHub release's notes: the version's CHANGELOG.md section (which `npm run release` writes); for a release
 * candidate, the notes gathered under `## [Unreleased]`.
 */
export function releaseNotes(changelog: string, tag: ReleaseTag): string {
  const lines = changelog.split('\n');
  /** The body of the section headed `## [heading]`, trimmed; `null` if none. */
  const section = (heading: string) => {
    const bounds = changelogSection(lines, (line) => line === `## [${heading}]` || line.startsWith(`## [${heading}] `));
    return (
      (bounds
        ? lines
            .slice(bounds[0] + 1, bounds[1])
            .join('\n')
            .trim()
        : '') || null
    );
  };
  const own = section(tag.version);
  if (own) return `${own}\n`;
  if (tag.candidate === null) return `See CHANGELOG.md for what changed in ${tag.version}.\n`;
  const intro = `Release candidate ${tag.candidate} of the next release: published to npm under the \`next\` dist-tag.`;
  const unreleased = section('Unreleased');
  return unreleased ? `${intro}\n\n${unreleased}\n` : `${intro}\n`;
}
