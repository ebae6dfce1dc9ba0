/** Compares a repository's working tree with its latest release tag: the entry point the CLI and tests share. */
import { tagsMergedIntoHead } from './git.ts';
import { computeReport, type ChangeReport } from './report.ts';
import { formatVersion, latestReleaseTag } from './semver.ts';
import { emptySnapshot, gitSnapshot, workingTreeSnapshot } from './snapshot.ts';

export function reportFor(root: string): ChangeReport {
  const latest = latestReleaseTag(tagsMergedIntoHead(root));
  const before = latest ? gitSnapshot(root, latest.tag) : emptySnapshot('no previous release');
  const after = workingTreeSnapshot(root);
  return computeReport(before, after, latest ? { tag: latest.tag, version: formatVersion(latest.version) } : null);
}
