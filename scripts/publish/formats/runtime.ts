/**
 * The npm package's runtime, compiled from `runtime/` by the TypeScript compiler: ES modules with declarations for
 * `import` and for browsers and bundlers, and the same code as CommonJS under `cjs/` for `require` (a `package.json`
 * there marks the folder CommonJS, so Node.js and TypeScript read its `.js` and `.d.ts` files as such).
 */
import { spawnSync } from 'node:child_process';
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

export const runtime: Format = {
  name: 'runtime',
  description: "The npm package's code: typed accessors for Node.js (ESM and CommonJS) and browsers.",
  write({ out, rootDir }) {
    const files = compileInChild(rootDir);
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
