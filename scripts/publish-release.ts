/**
 * `npm run publish-release -- --tag vX.Y.Z [--phase P] [--dry-run]`: publishes a release tag, in order: build
 * (validating the data), test, `npm pack` and the download bundle into release/ (phase `verify`); the packed package
 * published with `npm publish --provenance` (phase `npm`; a `vX.Y.Z-rc.N` tag goes to the `next` dist-tag, a release
 * to `latest`); a GitHub release with the bundle and its `.sha256` attached, with the `gh` CLI (phase `github`).
 * .github/workflows/release.yml runs each phase in its own job, with only the credentials that phase needs.
 * Options: USAGE.
 *
 * Rerunning after a partial failure is safe: a version already on npm is not published again, and an existing
 * GitHub release gets its assets replaced. The plan itself is in scripts/release/publish-plan.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { commandLine, fail, runMain, usageError } from './lib/cli.ts';
import { commitOf } from './release/snapshot.ts';
import { distTagFor, parseReleaseTag, PHASES, publishPlan, releaseNotes, shellLine } from './release/publish-plan.ts';
import type { Command } from './release/publish-plan.ts';

const USAGE = `usage: npm run publish-release -- --tag vX.Y.Z[-rc.N] [--phase P] [--dry-run] [--root DIR]

  --tag TAG     the tag to publish; package.json's version must be the tag without its \`v\`
  --phase P     run only the steps of phase P (${PHASES.join(', ')}); default: all, in order
  --dry-run     check the tag and the version and print the steps with their commands; run nothing
  --root DIR    the repository (default: the current directory)`;

/** Whether a probe says its step was done before: it exits 0 and prints something. */
function alreadyDone(root: string, { command, args }: Command): boolean {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return result.status === 0 && result.stdout.trim() !== '';
}

function run(root: string, command: Command, what: string): void {
  console.log(`\n$ ${shellLine(command)}`);
  const result = spawnSync(command.command, command.args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) fail(`${what}: could not run ${command.command} (${result.error.message}).`, 1);
  if (result.status !== 0)
    fail(`${what} failed: \`${shellLine(command)}\` exited with ${result.status}. The steps after it did not run.`, 1);
}

runMain(() => {
  const options = {
    tag: { type: 'string' },
    phase: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    root: { type: 'string', default: '.' },
  } as const;
  const { values } = commandLine(USAGE, options, false);
  if (values.tag === undefined) usageError(USAGE, '--tag is required.');
  const phase = values.phase;
  if (phase !== undefined && !PHASES.some((known) => known === phase))
    usageError(USAGE, `--phase ${JSON.stringify(phase)} is not a phase: use one of ${PHASES.join(', ')}.`);
  const tag = parseReleaseTag(values.tag);
  if (!tag) {
    const use = 'use vMAJOR.MINOR.PATCH (a release) or vMAJOR.MINOR.PATCH-rc.N (a release candidate)';
    fail(`${JSON.stringify(values.tag)} is not a release tag: ${use}.`);
  }
  const root = resolve(values.root);
  const pkgPath = join(root, 'package.json');
  if (!existsSync(pkgPath))
    fail(`${root} has no package.json; run the command from the repository root or pass --root.`);
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { name?: string; version?: string };
  if (pkg.version !== tag.version) {
    fail(
      `the tag ${tag.tag} is for version ${tag.version}, but package.json's version is ` +
        `${JSON.stringify(pkg.version)}: nothing was published. ` +
        `Tag the commit whose package.json says ${tag.version} (for a release, the commit \`npm run release\` made), ` +
        `or set it with \`npm pkg set version=${tag.version}\`, commit, and tag that commit.`,
      1,
    );
  }
  const packageName = pkg.name ?? 'annotated-news';
  if (!values['dry-run']) {
    const tagged = commitOf(root, `refs/tags/${tag.tag}`);
    if (tagged === null) fail(`there is no tag ${tag.tag} in ${root}; publish from a checkout of the tag.`, 1);
    if (tagged !== commitOf(root, 'HEAD'))
      fail(`HEAD is not the commit tagged ${tag.tag}; check out the tag first (\`git checkout ${tag.tag}\`).`, 1);
  }

  const notesDir = mkdtempSync(join(tmpdir(), 'annotated-news-release-notes-'));
  try {
    const notesFile = join(notesDir, 'notes.md');
    const changelogPath = join(root, 'CHANGELOG.md');
    const notes = releaseNotes(existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '', tag);
    writeFileSync(notesFile, notes);
    const steps = publishPlan(tag, { packageName, bundleDir: 'release', notesFile }).filter(
      (step) => phase === undefined || step.phase === phase,
    );

    const kind = tag.candidate === null ? 'a release' : `release candidate ${tag.candidate}`;
    console.log(`${tag.tag}: ${packageName}@${tag.version}, ${kind}, npm dist-tag "${distTagFor(tag)}".`);
    if (values['dry-run']) {
      console.log('Would run, in order:');
      steps.forEach((step, i) => {
        console.log(`  ${i + 1}. ${step.name}\n     $ ${shellLine(step)}`);
        if (step.doneIf) {
          const otherwise = step.instead ? `runs \`${shellLine(step.instead)}\` instead` : 'is skipped';
          console.log(
            `     (on a rerun, when \`${shellLine(step.doneIf)}\` shows it was done, this step ${otherwise})`,
          );
        }
      });
      console.log(`\nRelease notes:\n${notes.replace(/^/gm, '  ')}`);
      console.log('Dry run: nothing was run, published or uploaded.');
      return 0;
    }
    steps.forEach((step, i) => {
      const what = `step ${i + 1} (${step.name})`;
      const done = step.doneIf && alreadyDone(root, step.doneIf);
      if (done && !step.instead) console.log(`\n${what}: already done (\`${shellLine(step.doneIf!)}\`), skipped.`);
      else run(root, done ? step.instead! : step, what);
    });
    console.log(`\nPublished ${tag.tag}.`);
    return 0;
  } finally {
    rmSync(notesDir, { recursive: true, force: true });
  }
});
