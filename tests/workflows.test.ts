/**
 * The GitHub workflows (.github/workflows/) grant least privilege: build and test run with a read-only token and no
 * secrets; only the step that publishes to npm gets the npm token; only the jobs that publish get `id-token`,
 * `contents: write` or `pages: write`; third-party actions are pinned to commits; and after a failed validation the
 * pull-request workflow runs nothing that could print the data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { ROOT } from './helpers.ts';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  needs?: string | string[];
  steps: Step[];
}
interface Workflow {
  on: Record<string, { tags?: string[]; branches?: string[] } | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const DIR = join(ROOT, '.github', 'workflows');
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');
const workflow = (name: string) => yaml.load(text(name)) as Workflow;
/** The permissions a job runs with: its own, or the workflow's. */
const permissions = (w: Workflow, job: Job) => job.permissions ?? w.permissions ?? {};

test('every action is pinned to a commit, with its tag in a comment', () => {
  for (const name of readdirSync(DIR)) {
    for (const line of text(name).split('\n')) {
      const uses = /^\s*(?:- )?uses: (\S+)(.*)$/.exec(line);
      if (!uses) continue;
      assert.match(uses[1]!, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, `${name}: ${line.trim()}`);
      assert.match(uses[2]!, /^ # v\d+\.\d+\.\d+$/, `${name}: ${line.trim()} names its tag`);
    }
  }
});

test('secrets and write permissions reach only the steps and jobs that publish', () => {
  for (const name of readdirSync(DIR)) {
    const w = workflow(name);
    for (const [id, job] of Object.entries(w.jobs)) {
      const granted = Object.entries(permissions(w, job)).filter(([, level]) => level === 'write');
      const runsData = job.steps.some((step) =>
        /npm (ci|test|run (build|site|validate))(?!.*--ignore-scripts)/.test(step.run ?? ''),
      );
      if (runsData)
        assert.deepEqual(granted, [], `${name}: job ${id} runs the build or tests with no write permission`);
      for (const step of job.steps) {
        const secrets = JSON.stringify(step).match(/secrets\.\w+/g) ?? [];
        if (secrets.length === 0) continue;
        assert.deepEqual(secrets, ['secrets.NPM_TOKEN'], `${name}: ${id}`);
        assert.match(step.run ?? '', /publish-release .* --phase npm$/, `${name}: only the npm publishing step`);
      }
    }
  }
});

test('release: verify (read-only, no secrets), then npm (id-token), then github (contents: write)', () => {
  const release = workflow('release.yml');
  const tags = release.on.push?.tags ?? [];
  // GitHub's filter syntax: `+` repeats the preceding character class, `.` is literal.
  const filter = (pattern: string) => new RegExp(`^${pattern.replace(/\./g, '\\.')}$`);
  for (const tag of ['v1.2.3', 'v10.0.0-rc.12'])
    assert.ok(
      tags.some((p) => filter(p).test(tag)),
      `${tag} triggers`,
    );
  for (const tag of ['v1.2', 'latest', 'v1.2.3-beta.1']) assert.ok(!tags.some((p) => filter(p).test(tag)), tag);
  assert.equal(Object.keys(release.on).join(), 'push');
  assert.deepEqual(release.permissions, {});
  const { verify, npm, github } = release.jobs;
  assert.deepEqual(verify?.permissions, { contents: 'read' });
  assert.deepEqual(npm?.permissions, { contents: 'read', 'id-token': 'write' });
  assert.deepEqual(github?.permissions, { contents: 'write' });
  assert.equal(npm?.needs, 'verify');
  assert.equal(github?.needs, 'npm');
  const phase = (job: Job | undefined) =>
    job?.steps.map((step) => step.run ?? '').filter((run) => run.includes('publish-release'));
  assert.deepEqual(phase(verify), ['npm run publish-release -- --tag "$GITHUB_REF_NAME" --phase verify']);
  assert.deepEqual(phase(npm), ['npm run publish-release -- --tag "$GITHUB_REF_NAME" --phase npm']);
  assert.deepEqual(phase(github), ['npm run publish-release -- --tag "$GITHUB_REF_NAME" --phase github']);
  for (const job of [npm, github])
    assert.ok(job?.steps.some((step) => step.run?.startsWith('npm ci') && step.run.includes('--ignore-scripts')));
});

test('pages: the build job reads, only the deploy job may write to Pages', () => {
  const pages = workflow('pages.yml');
  assert.deepEqual(pages.permissions, {});
  assert.deepEqual(pages.jobs.build?.permissions, { contents: 'read' });
  assert.deepEqual(pages.jobs.deploy?.permissions, { pages: 'write', 'id-token': 'write' });
  assert.ok(
    pages.jobs.deploy?.steps.every((step) => step.uses && !step.run),
    'the deploy job runs no code of ours',
  );
  const runs = pages.jobs.build?.steps.map((step) => step.run).filter(Boolean);
  assert.ok(runs && runs.indexOf('npm run build') < runs.indexOf('npm run site') && runs.includes('npm run build'));
});

test('pull requests: nothing that prints about the data runs after a failed validation', () => {
  const validate = workflow('validate.yml');
  assert.ok('pull_request' in validate.on);
  assert.deepEqual(validate.permissions, { contents: 'read' });
  const steps = Object.values(validate.jobs).flatMap((job) => job.steps);
  const at = steps.findIndex((step) => step.run?.startsWith('npm run validate'));
  assert.ok(at >= 0, 'validates');
  const id = steps[at]!.id;
  assert.ok(id, 'the validation step has an id');
  for (const step of steps.slice(at + 1)) {
    // No condition runs on success only; a condition must require the validation's success.
    if (step.if !== undefined) assert.ok(step.if.includes(`steps.${id}.outcome == 'success'`), step.name ?? step.run);
  }
  const runs = steps.map((step) => step.run ?? '');
  assert.ok(
    runs.includes('npm run --silent release -- --check --ignore-version-bump --markdown >> "$GITHUB_STEP_SUMMARY"'),
  );
  for (const [before, after] of [
    ['npm run build', 'npm test'],
    ['npm test', 'npm run lint'],
  ] as const)
    assert.ok(runs.includes(before) && runs.indexOf(before) < runs.indexOf(after), `${before}, then ${after}`);
});
