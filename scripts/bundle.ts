/**
 * `npm run bundle` (options: USAGE): the download bundle for people who do not use npm, one archive per version:
 * `release/annotated-news-<version>.tar.gz` (git-ignored), with a `.sha256` file beside it. The archive is
 * deterministic: the same data, licences and changelog give byte-identical archives.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { commandLine, fail, runMain } from './lib/cli.ts';
import { writeAtomic } from './lib/generated.ts';
import { collectBundle, packBundle, requireBuild } from './release/bundle.ts';
import { REPO_ROOT, checkTarget, prepareFilesFolder } from './lib/output-target.ts';

const USAGE = `usage: npm run bundle -- [--from DIR] [--out DIR] [--data DIR]

Builds --data (default data) into a temporary folder (validating it), or takes the build in --from, and packs it.
  --out DIR   where the archive goes (default release); never the data, the sources or a filesystem root`;

/** The build, as `npm run build` starts it. */
const BUILD = [join(import.meta.dirname, 'compiled.mjs'), 'build'];

runMain(() => {
  const { values } = commandLine(
    USAGE,
    {
      from: { type: 'string' },
      out: { type: 'string', default: 'release' },
      data: { type: 'string', default: 'data' },
    },
    false,
  );
  const root = process.cwd();
  // Checked before anything is built or written, so a refused --out or --from costs nothing and writes nothing.
  const target = {
    what: 'the bundle',
    option: '--out',
    dataDirs: [values.data],
    roots: [...new Set([root, REPO_ROOT])],
  };
  checkTarget(values.out, target);
  if (values.from !== undefined) requireBuild(resolve(values.from));
  let buildDir = values.from === undefined ? null : resolve(values.from);
  let temporary: string | null = null;
  try {
    if (buildDir === null) {
      temporary = mkdtempSync(join(tmpdir(), 'annotated-news-bundle-'));
      buildDir = join(temporary, 'dist');
      const build = spawnSync(process.execPath, [...BUILD, '--data', values.data, '--out', buildDir], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (build.status !== 0) fail(`the build failed (see above); no bundle was written.`, 1);
    }
    const bundle = collectBundle(buildDir, root);
    const archive = packBundle(bundle.files);
    const file = join(prepareFilesFolder(values.out, target), `${bundle.name}.tar.gz`);
    const digest = createHash('sha256').update(archive).digest('hex');
    writeAtomic(file, archive);
    writeAtomic(`${file}.sha256`, `${digest}  ${bundle.name}.tar.gz\n`);
    const shown = relative(process.cwd(), file) || file;
    console.log(`Wrote ${shown} (${archive.length} bytes, ${bundle.files.size} files; sha256 ${digest}).`);
    return 0;
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
});
