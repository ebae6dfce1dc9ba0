/** Semantic versions and bump levels: parsing, comparing, bumping. Pure functions. */

/** How much a release changes, from least to most: the order of this list is the order of severity. */
export const LEVELS = ['none', 'patch', 'minor', 'major'] as const;
export type Level = (typeof LEVELS)[number];

export interface Version {
  major: number;
  minor: number;
  patch: number;
}

const VERSION_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Parses `MAJOR.MINOR.PATCH`; returns `null` for anything else (pre-releases are not used by this dataset). */
export function parseVersion(text: string): Version | null {
  const match = VERSION_PATTERN.exec(text);
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

export function formatVersion(version: Version): string {
  return `${version.major}.${version.minor}.${version.patch}`;
}

/** Negative when `a` is older than `b`, zero when equal, positive when newer. */
export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/**
 * The version after a release of the given level. The rules hold in 0.x too: a breaking change goes to 1.0.0,
 * because the schemas' `$id`s carry the major version and must change with every breaking release.
 */
export function bumpVersion(version: Version, level: Level): Version {
  switch (level) {
    case 'major':
      return { major: version.major + 1, minor: 0, patch: 0 };
    case 'minor':
      return { major: version.major, minor: version.minor + 1, patch: 0 };
    case 'patch':
      return { major: version.major, minor: version.minor, patch: version.patch + 1 };
    case 'none':
      return version;
  }
}

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The more severe of the levels given (`none` for none). */
export function maxLevel(...levels: Level[]): Level {
  return levels.reduce<Level>((worst, level) => (levelRank(level) > levelRank(worst) ? level : worst), 'none');
}

/**
 * The newest of the tag names that are release tags (`v` and a plain `MAJOR.MINOR.PATCH`, no pre-release or build
 * suffix), or `null` when there is none.
 */
export function latestReleaseTag(tags: readonly string[]): { tag: string; version: Version } | null {
  let latest: { tag: string; version: Version } | null = null;
  for (const tag of tags.map((t) => t.trim())) {
    const version = tag.startsWith('v') ? parseVersion(tag.slice(1)) : null;
    if (version && (!latest || compareVersions(version, latest.version) > 0)) latest = { tag, version };
  }
  return latest;
}
