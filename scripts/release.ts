/**
 * `npm run release`: versions computed from what changed, release notes written from the diff; the modes and options
 * are in USAGE (its --help). The policy is in the README's "Versions and releases" section; the logic in
 * scripts/release/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandLine, fail, runMain, usageError } from './lib/cli.ts';
import { readIfExists, writeAtomic } from './lib/generated.ts';
import { VALIDATORS_DECLARATIONS, VALIDATORS_MODULE } from './lib/validator-code.ts';
import { applyRelease, renderMarkdownReport } from './release/markdown.ts';
import { renderReport, reportFor, type ChangeReport } from './release/report.ts';
import { commitOf, git, gitText, isGitRepository } from './release/snapshot.ts';

const USAGE = `usage: npm run release -- [--dry-run | --check [--ignore-version-bump]] [--json | --markdown] \
[--date YYYY-MM-DD] [--root DIR]

  npm run release -- --dry-run   print the change report against the latest vX.Y.Z tag and the \`bump:\` line
  npm run release -- --check     the same, and exit 1 when package.json's version is below what the changes
                                 require or a removed id has no redirect (CI can run it on pull requests)
  npm run release                bump package.json, write the CHANGELOG.md section, regenerate the schemas on a
                                 major release, build (which validates), commit and tag (it never pushes). dist/
                                 is build output: it is never committed; the release workflow publishes it.
  npm run release -- --check --ignore-version-bump --markdown
                                 the pull-request check: the report as Markdown (for the workflow's step
                                 summary), exit 1 only on problems (a removed id without a redirect); the version
                                 is not the contributor's business, \`npm run release\` sets it

  --json              the report as JSON (with --dry-run or --check)
  --markdown          the report as GitHub-flavoured Markdown (with --dry-run or --check)
  --date YYYY-MM-DD   the release date in the changelog (default: today, UTC)
  --root DIR          the repository (default: the current directory)`;
/**
 * What a release may change and commits: the version, the changelog, and what `npm run schemas` regenerates on a
 * major. Nothing else is added or, on a failure, put back: data/ is never touched, even if it changes meanwhile.
 */
const RELEASE_FILES = [
  ...'package.json package-lock.json CITATION.cff CHANGELOG.md README.md schemas docs'.split(' '),
  VALIDATORS_MODULE,
  VALIDATORS_DECLARATIONS,
];
const DATE_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

function runNpm(root: string, args: string[], what: string, stdout: 'inherit' | 'ignore' = 'inherit'): void {
  const result = spawnSync('npm', args, { cwd: root, stdio: ['inherit', stdout, 'inherit'] });
  if (result.status !== 0) fail(`${what} failed (\`npm ${args.join(' ')}\` exited with ${result.status}).`, 1);
}

/** Sets the version in package.json and package-lock.json (npm keeps their layout), and in CITATION.cff. */
function setVersion(root: string, version: string): void {
  const args = ['version', version, '--no-git-tag-version', '--allow-same-version', '--ignore-scripts'];
  runNpm(root, args, 'Setting the version', 'ignore');
  const citation = join(root, 'CITATION.cff');
  const text = readIfExists(citation);
  if (text !== null) writeAtomic(citation, text.replace(/^version: .*$/m, `version: ${version}`));
}

function release(root: string, report: ChangeReport, date: string): number {
  const previousVersion = report.previous?.version ?? null;
  if (report.releaseVersion === previousVersion || (report.level === 'none' && !report.previous)) {
    console.log(`Nothing published has changed since ${report.previous?.tag ?? 'the start'}; no release made.`);
    return 0;
  }
  const tag = `v${report.releaseVersion}`;
  if (commitOf(root, `refs/tags/${tag}`) !== null)
    fail(`the tag ${tag} already exists. Set package.json's version past it, or delete the tag.`, 1);

  const oldMajor = Number(report.packageVersion.split('.')[0]);
  const newMajor = Number(report.releaseVersion.split('.')[0]);
  try {
    setVersion(root, report.releaseVersion);
    // The schemas' $ids carry the major version: a new major regenerates them and the data dictionary.
    if (newMajor !== oldMajor) runNpm(root, ['run', '--silent', 'schemas'], 'Regenerating the schemas');
    const changelogPath = join(root, 'CHANGELOG.md');
    writeAtomic(changelogPath, applyRelease(readIfExists(changelogPath), report, report.releaseVersion, date));
    // The build validates the data; its output (dist/) stays out of the commit.
    runNpm(root, ['run', '--silent', 'build'], 'The build');
    git(root, ['add', '--all', '--', ...RELEASE_FILES.filter((p) => existsSync(join(root, p)))]);
    const why = `bump: ${report.level}\n\n${report.reasons.join('\n')}`;
    git(root, ['commit', '--quiet', '-m', `Release ${tag}`, '-m', why]);
    git(root, ['tag', '--annotate', tag, '-m', `annotated-news ${report.releaseVersion} (${report.level} release)`]);
  } catch (error) {
    // The release started from a clean tree, so HEAD is exactly what was there: a failure leaves nothing half-written.
    const files = RELEASE_FILES.filter((p) => gitText(root, ['ls-files', '--', p]).trim() !== '');
    const restored = spawnSync('git', ['-C', root, 'checkout', '--quiet', 'HEAD', '--', ...files], {
      encoding: 'utf8',
    });
    if (restored.status !== 0) {
      const how = `git checkout HEAD -- ${files.join(' ')}`;
      console.error(`error: could not restore the files (${restored.stderr.trim()}); run \`${how}\`.`);
    }
    throw error;
  }
  console.log(
    `Released ${tag} (${report.level}). Review it with \`git show ${tag}\`, then push: git push --follow-tags`,
  );
  return 0;
}

runMain(() => {
  const options = {
    'dry-run': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
    'ignore-version-bump': { type: 'boolean', default: false },
    date: { type: 'string' },
    root: { type: 'string', default: '.' },
  } as const;
  const { values } = commandLine(USAGE, options, false);
  if (values['dry-run'] && values.check) usageError(USAGE, 'use --dry-run or --check, not both.');
  for (const format of ['json', 'markdown'] as const)
    if (values[format] && !values['dry-run'] && !values.check)
      usageError(USAGE, `--${format} goes with --dry-run or --check.`);
  if (values.json && values.markdown) usageError(USAGE, 'use --json or --markdown, not both.');
  if (values['ignore-version-bump'] && !values.check) usageError(USAGE, '--ignore-version-bump goes with --check.');
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  if (!DATE_PATTERN.test(date))
    usageError(USAGE, `--date must be a calendar date YYYY-MM-DD (got ${JSON.stringify(date)}).`);
  const root = resolve(values.root);
  if (!existsSync(join(root, 'package.json')))
    fail(`${root} has no package.json; run the command from the repository root or pass --root.`);
  if (!isGitRepository(root))
    fail(`${root} is not a git repository: releases are compared with the latest vX.Y.Z tag.`);

  if (!values['dry-run'] && !values.check) {
    const dirty = gitText(root, ['status', '--porcelain', '--untracked-files=all']).split('\n').filter(Boolean);
    if (dirty.length > 0) {
      fail(
        `the working tree has uncommitted changes; a release commits exactly what is committed. Commit or stash ` +
          `them first:\n  ${dirty.slice(0, 20).join('\n  ')}`,
        1,
      );
    }
    // The report compares the committed schemas, so they must be what the types generate.
    const drift = 'The schema drift check (run `npm run schemas` and commit)';
    runNpm(root, ['run', '--silent', 'schemas', '--', '--check'], drift, 'ignore');
  }

  const report = reportFor(root);
  if (!report.previous && gitText(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true') {
    console.error(
      'warning: this is a shallow clone with no release tag in reach, so everything counts as new. ' +
        'Fetch the history and tags first (`git fetch --unshallow --tags`, or `fetch-depth: 0` in actions/checkout).',
    );
  }
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (values.markdown) process.stdout.write(renderMarkdownReport(report));
  else process.stdout.write(renderReport(report));

  if (values['dry-run']) return 0;
  if (values.check) {
    const below =
      report.problems.length === 0 && report.releaseVersion !== report.packageVersion && !values['ignore-version-bump'];
    if (below) {
      console.error(
        `error: package.json's version ${report.packageVersion} is below what the changes require: ` +
          `${report.requiredVersion} (bump: ${report.level}). Set it with ` +
          `\`npm pkg set version=${report.requiredVersion}\`, or run \`npm run release\`.`,
      );
    }
    for (const problem of report.problems) console.error(`error: ${problem}`);
    if (below || report.problems.length > 0) return 1;
    if (values['ignore-version-bump'] && report.releaseVersion !== report.packageVersion) {
      console.error(
        `ok: no problems; releasing these changes needs ${report.requiredVersion} (bump: ${report.level}), ` +
          `which \`npm run release\` sets.`,
      );
      return 0;
    }
    console.error(`ok: package.json's version ${report.packageVersion} covers the changes (bump: ${report.level}).`);
    return 0;
  }
  if (report.problems.length > 0) {
    for (const problem of report.problems) console.error(`error: ${problem}`);
    fail('nothing was released; fix the problems above first.', 1);
  }
  return release(root, report, date);
});
