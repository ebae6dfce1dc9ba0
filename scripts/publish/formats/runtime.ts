/**
 * The npm package's runtime, compiled from `runtime/` by the TypeScript compiler: ES modules with declarations for
 * `import` and for browsers and bundlers, and the same code as CommonJS under `cjs/` for `require` (a `package.json`
 * there marks the folder CommonJS, so Node.js and TypeScript read its `.js` and `.d.ts` files as such).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledFile } from '../compile.ts';
import type { Format } from './format.ts';

/** The entry points, relative to the package's `dist/` folder (package.json's `exports` names them). */
export const PACKAGE_ENTRIES = {
  node: 'runtime/node.js',
  browser: 'runtime/browser.js',
  require: 'cjs/runtime/node-cjs.js',
} as const;

async function compilePackageRuntime(rootDir: string): Promise<CompiledFile[]> {
  const { compileTypeScript } = await import('../compile.ts');
  const esm = compileTypeScript(rootDir, {
    entries: ['runtime/node.ts', 'runtime/browser.ts'],
    format: 'esm',
    declarations: true,
    types: ['node'],
  });
  const cjs = compileTypeScript(rootDir, {
    entries: ['runtime/node-cjs.ts'],
    format: 'cjs',
    declarations: true,
    types: ['node'],
  });
  return [
    ...esm,
    { path: 'cjs/package.json', text: `${JSON.stringify({ type: 'commonjs' })}\n` },
    ...cjs.map((file) => ({ ...file, path: `cjs/${file.path}` })),
  ];
}

/**
 * Compiles the runtime in a child process, which prints the files as JSON: the compiler and its program (with
 * Node.js's types) take about 300 MB, which go when the process ends, instead of raising the build's peak memory
 * (measured at 2,000 articles: the build's peak RSS 587 MB with the compiler in process).
 */
function compileInChild(rootDir: string): CompiledFile[] {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--import', 'tsx', self, rootDir], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (child.status !== 0) throw new Error(`compiling runtime/ failed:\n${child.stderr || child.error?.message}`);
  return JSON.parse(child.stdout) as CompiledFile[];
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  process.stdout.write(JSON.stringify(await compilePackageRuntime(process.argv[2]!)));

/** Everything the compiled runtime is made from, relative to the repository (folders whole). */
export const RUNTIME_INPUTS = [
  'runtime',
  'types',
  'scripts/publish/compile.ts',
  'scripts/publish/formats/runtime.ts',
  'scripts/publish/formats/format.ts',
  'scripts/lib/generated.ts',
  'node_modules/typescript/package.json',
  'node_modules/@types/node/package.json',
];

/** The SHA-256 of RUNTIME_INPUTS: each file's path and bytes, in sorted order. */
export function runtimeKey(rootDir: string): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    const full = join(rootDir, path);
    if (!existsSync(full)) hash.update(`${path}\0missing\0`);
    else if (statSync(full).isDirectory()) for (const name of readdirSync(full).sort()) add(`${path}/${name}`);
    else hash.update(`${path}\0`).update(readFileSync(full)).update('\0');
  };
  RUNTIME_INPUTS.forEach(add);
  return hash.digest('hex');
}

/**
 * The compiled runtime, from `.compiled/runtime/<key>.json` (git-ignored, beside the script bundles) when its inputs
 * are unchanged: compiling takes about 3 s of CPU, the same for every build of the same sources (most of a small
 * build's time). The key is the SHA-256 of the inputs, so a changed input is a new file, and the old one goes. A
 * clone that cannot write there compiles every time.
 */
export function cachedRuntime(rootDir: string): CompiledFile[] {
  const folder = join(rootDir, '.compiled', 'runtime');
  const name = `${runtimeKey(rootDir)}.json`;
  try {
    return JSON.parse(readFileSync(join(folder, name), 'utf8')) as CompiledFile[];
  } catch {
    // Not compiled yet for these inputs.
  }
  const files = compileInChild(rootDir);
  try {
    mkdirSync(folder, { recursive: true });
    for (const old of readdirSync(folder)) if (old !== name) rmSync(join(folder, old), { force: true });
    const temp = join(folder, `${name}.${process.pid}.tmp`);
    writeFileSync(temp, JSON.stringify(files));
    renameSync(temp, join(folder, name));
  } catch {
    // Read-only or racing with another build: the next build compiles again.
  }
  return files;
}

export const runtime: Format = {
  name: 'runtime',
  description: "The npm package's code: typed accessors for Node.js (ESM and CommonJS) and browsers.",
  write({ out, rootDir }) {
    const files = cachedRuntime(rootDir);
    for (const file of files) out.write(file.path, file.text);
    return [
      {
        name: 'npm-runtime',
        path: files.map((file) => file.path),
        format: 'js',
        mediatype: 'text/javascript',
        encoding: 'utf-8',
        description:
          `The npm package's entry points (${Object.values(PACKAGE_ENTRIES).join(', ')}) ` +
          'with their type declarations, compiled from runtime/ and types/.',
        npm: true,
        croissant: false,
      },
    ];
  },
};
