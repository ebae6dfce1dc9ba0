// Runs one of the repository's TypeScript scripts without transpiling it on every start:
// `node scripts/start/run.mjs validate --data DIR` runs scripts/validate.ts from JavaScript kept in
// node_modules/.cache/annotated-news/js/ (git-ignored, made afresh by `npm ci`). Each start looks at the TypeScript
// in scripts/, types/ and site/ and transpiles again, with esbuild, only the files whose text changed since they were
// last transpiled, so the JavaScript is never stale. A file is read and hashed unless its inode, size, modification
// and change times are those recorded when its text was last hashed; the times are trusted only when they were at
// least RACY_MS old then (a write always sets the change time to the present, so a later write changes it). The transpiled modules keep the
// paths of their sources: `import.meta.url`, `import.meta.dirname` and `import.meta.filename` are replaced by the
// source file's, and relative imports of anything but TypeScript point at the source tree. The script itself runs
// from a bundle of its twin and the modules it imports (`bundled` below), made again when any of them changes; worker
// threads run the transpiled twin of their module (scripts/start/worker.ts). `tsx` still runs any script during development
// (`npx tsx scripts/X.ts`) and runs the tests.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'node_modules', '.cache', 'annotated-news', 'js');
const MANIFEST = join(OUT, 'manifest.json');
/** Folders whose TypeScript the scripts import. */
const SOURCES = ['scripts', 'types', 'site'];
/** Changes when the transpiling below changes, so nothing transpiled the old way is reused. */
const FORMAT = 4;
/** A file changed this recently (ms) when it was hashed is hashed again at the next start: see the notes above. */
const RACY_MS = 2000;

/** The transpiled file of a TypeScript source (absolute paths). */
const outputOf = (source) => join(OUT, relative(ROOT, source)).replace(/\.ts$/, '.js');

function transpile(esbuild, source, text) {
  const url = pathToFileURL(source).href;
  const { code } = esbuild.transformSync(text, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcefile: source,
    define: {
      'import.meta.url': JSON.stringify(url),
      'import.meta.dirname': JSON.stringify(dirname(source)),
      'import.meta.filename': JSON.stringify(source),
    },
  });
  // esbuild prints every import specifier in double quotes: `from "./x.ts"`, `import("./x.ts")`.
  return code.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"(\.\.?\/[^"]*)"/g, (whole, head, specifier) =>
    specifier.endsWith('.ts') ? `${head}"${specifier.slice(0, -3)}.js"` : `${head}"${new URL(specifier, url).href}"`,
  );
}

/** The files under `dir`, at any depth (a walk: Node.js 20's recursive readdirSync costs several times more). */
function filesUnder(dir, files = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}${sep}${entry.name}`; // not join(): normalizing every path costs more than the walk
    if (entry.isDirectory()) filesUnder(path, files);
    else files.push(path);
  }
  return files;
}

/** What stat says of a file, as recorded in the manifest; null when its times are too recent to trust. */
function statStamp(stat, now) {
  if (now - Math.max(stat.mtimeMs, stat.ctimeMs) < RACY_MS) return null;
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

/** The manifest as the last `prepare()` left it: each source's digest and stamp, and each bundle's modules. */
let current = { files: {}, bundles: {} };

function saveManifest() {
  const temporary = `${MANIFEST}.${process.pid}.tmp`;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(temporary, JSON.stringify({ format: FORMAT, ...current }));
  renameSync(temporary, MANIFEST);
  // The transpiled files are ES modules. Under node_modules no package.json of ours says so, and Node.js would
  // parse each one twice to find out (about 4% of a one-article validation's start).
  writeFileSync(join(OUT, 'package.json'), '{ "type": "module" }\n');
}

/** Brings the transpiled tree up to date with the sources; returns how many files it transpiled. */
export function prepare() {
  let manifest = { format: FORMAT, files: {}, bundles: {} };
  try {
    const saved = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    if (saved.format === FORMAT) manifest = saved;
  } catch {
    // first run, or a damaged manifest: transpile everything
  }
  let esbuild;
  let transpiled = 0;
  let changed = false;
  const seen = {};
  for (const folder of SOURCES) {
    for (const source of filesUnder(join(ROOT, folder))) {
      if (
        !source.endsWith('.ts') ||
        source.endsWith('.test.ts') ||
        source.endsWith('.d.ts') ||
        source.endsWith('.test-d.ts')
      )
        continue;
      const key = relative(ROOT, source).split(sep).join('/');
      const known = manifest.files[key];
      // Stat before reading: a write between the two leaves a stamp that no longer matches, so it is hashed again.
      const stamp = statStamp(statSync(source), Date.now());
      if (known && stamp !== null && known.stamp === stamp) {
        seen[key] = known;
        continue;
      }
      const text = readFileSync(source, 'utf8');
      const digest = createHash('sha256').update(text).digest('base64');
      seen[key] = { digest, stamp };
      if (known?.stamp !== stamp) changed = true;
      if (known?.digest === digest) continue;
      esbuild ??= createRequire(import.meta.url)('esbuild');
      const output = outputOf(source);
      mkdirSync(dirname(output), { recursive: true });
      const temporary = `${output}.${process.pid}.tmp`;
      writeFileSync(temporary, transpile(esbuild, source, text));
      renameSync(temporary, output); // a concurrent run sees the old file or the new one, never half of one
      transpiled++;
    }
  }
  // A deleted source's JavaScript goes too: an import of it must fail as it does under tsx, not run the old code.
  for (const key of Object.keys(manifest.files)) if (!(key in seen)) rmSync(outputOf(join(ROOT, key)), { force: true });
  current = { files: seen, bundles: manifest.bundles ?? {} };
  if (changed || transpiled > 0 || Object.keys(seen).length !== Object.keys(manifest.files).length) saveManifest();
  return transpiled;
}

/**
 * The bundle of an entry script's transpiled twin: the twin and the modules it imports in one file beside it (made by
 * esbuild; packages and the other files it imports stay imports), since loading one file instead of dozens saves
 * about 30 ms of a start. It is reused while every module in it has the digest it had when bundled, and made again
 * otherwise; null (run the twin) when it cannot be made.
 */
function bundled(entry) {
  const path = entry.replace(/\.js$/, '.bundle.js');
  const key = (file) => relative(OUT, file).split(sep).join('/').replace(/\.js$/, '.ts');
  const inputs = current.bundles[key(entry)];
  if (
    inputs &&
    Object.entries(inputs).every(([k, digest]) => current.files[k]?.digest === digest) &&
    statSync(path, { throwIfNoEntry: false })
  )
    return path;
  try {
    const temporary = `${path}.${process.pid}.tmp`;
    const { metafile } = createRequire(import.meta.url)('esbuild').buildSync({
      entryPoints: [entry],
      absWorkingDir: OUT,
      outfile: temporary,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      external: ['file:*'],
      metafile: true,
      logLevel: 'silent',
    });
    const modules = {};
    for (const input of Object.keys(metafile.inputs)) {
      const k = key(join(OUT, input));
      const digest = current.files[k]?.digest;
      // A module the manifest does not know could change unseen: no bundle then.
      if (digest === undefined) {
        rmSync(temporary, { force: true });
        return null;
      }
      modules[k] = digest;
    }
    renameSync(temporary, path);
    current.bundles[key(entry)] = modules;
    saveManifest();
    return path;
  } catch {
    return null;
  }
}

/** The transpiled twin of a source module URL (for worker threads). */
function compiledUrl(sourceUrl) {
  return pathToFileURL(outputOf(fileURLToPath(sourceUrl))).href;
}

/**
 * Tells scripts/start/worker.ts, in this thread, that it runs transpiled code: its workers then run transpiled
 * modules too, and start with a bootstrap that calls this again in the worker (so a worker's workers do the same).
 */
export function markCompiled() {
  globalThis[Symbol.for('annotated-news.start')] = { compiledUrl, runner: import.meta.url };
}

/** Whether Node.js was asked to run this file (by any path: through a link, the path differs from this module's URL). */
function isMain() {
  try {
    return (
      process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
}

const [script, ...args] = process.argv.slice(2);
if (isMain()) {
  if (!script || !/^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)*$/.test(script)) {
    console.error('usage: node scripts/start/run.mjs SCRIPT [ARGS...]   (runs scripts/SCRIPT.ts)');
    process.exit(2);
  }
  prepare();
  markCompiled();
  const entry = outputOf(join(ROOT, 'scripts', `${script}.ts`));
  // The script reads its arguments from process.argv, as when Node.js runs it directly.
  process.argv.splice(1, process.argv.length - 1, entry, ...args);
  await import(pathToFileURL(bundled(entry) ?? entry).href);
}
