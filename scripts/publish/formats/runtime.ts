/**
 * The npm package's runtime, compiled from `runtime/` by the TypeScript compiler: ES modules with declarations for
 * `import` and for browsers and bundlers, and the same code as CommonJS under `cjs/` for `require` (a `package.json`
 * there marks the folder CommonJS, so Node.js and TypeScript read its `.js` and `.d.ts` files as such).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledFile } from '../compile.ts';
import type { Format } from './format.ts';

/** The entry points, relative to the package's `dist/` folder (package.json's `exports` names them). */
const PACKAGE_ENTRIES = {
  node: 'runtime/node.js',
  browser: 'runtime/browser.js',
  require: 'cjs/runtime/node-cjs.js',
} as const;

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
 * are unchanged: compiling takes about 3 s of CPU and 220 MB more memory at its peak, the same for every build of
 * the same sources (most of a small build's time). The key is the SHA-256 of the inputs, so a changed input is a new
 * file, and the old one goes. A clone that cannot write there compiles every time.
 */
export async function cachedRuntime(rootDir: string): Promise<CompiledFile[]> {
  const folder = join(rootDir, '.compiled', 'runtime');
  const name = `${runtimeKey(rootDir)}.json`;
  try {
    return JSON.parse(readFileSync(join(folder, name), 'utf8')) as CompiledFile[];
  } catch {
    // Not compiled yet for these inputs.
  }
  // The compiler (and its program, with Node.js's types) is loaded only when there is something to compile.
  const { compileTypeScript } = await import('../compile.ts');
  const compile = (entries: string[], format: 'esm' | 'cjs') =>
    compileTypeScript(rootDir, { entries, format, declarations: true, types: ['node'] });
  const files = [
    ...compile(['runtime/node.ts', 'runtime/browser.ts'], 'esm'),
    { path: 'cjs/package.json', text: `${JSON.stringify({ type: 'commonjs' })}\n` },
    ...compile(['runtime/node-cjs.ts'], 'cjs').map((file) => ({ ...file, path: `cjs/${file.path}` })),
  ];
  try {
    mkdirSync(folder, { recursive: true });
    for (const old of readdirSync(folder)) if (old !== name) rmSync(join(folder, old), { force: true });
    writeFileSync(join(folder, `${name}.${process.pid}.tmp`), JSON.stringify(files));
    renameSync(join(folder, `${name}.${process.pid}.tmp`), join(folder, name));
  } catch {
    // Read-only or racing with another build: the next build compiles again.
  }
  return files;
}

export const runtime: Format = {
  name: 'runtime',
  description: "The npm package's code: typed accessors for Node.js (ESM and CommonJS) and browsers.",
  async write({ out, rootDir }) {
    const files = await cachedRuntime(rootDir);
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
