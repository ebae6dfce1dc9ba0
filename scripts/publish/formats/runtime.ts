/**
 * The npm package's runtime, compiled from `runtime/` by the TypeScript compiler: ES modules with declarations for
 * `import` and for browsers and bundlers, and the same code as CommonJS under `cjs/` for `require` (a `package.json`
 * there marks the folder CommonJS, so Node.js and TypeScript read its `.js` and `.d.ts` files as such).
 */
import { compileTypeScript, type CompiledFile } from '../compile.ts';
import type { Format } from './format.ts';

/** The entry points, relative to the package's `dist/` folder (package.json's `exports` names them). */
export const PACKAGE_ENTRIES = {
  node: 'runtime/node.js',
  browser: 'runtime/browser.js',
  require: 'cjs/runtime/node-cjs.js',
} as const;

function compilePackageRuntime(rootDir: string): CompiledFile[] {
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

export const runtime: Format = {
  name: 'runtime',
  description: "The npm package's code: typed accessors for Node.js (ESM and CommonJS) and browsers.",
  write({ out, rootDir }) {
    const files = compilePackageRuntime(rootDir);
    for (const file of files) out.write(file.path, file.text);
    return [
      {
        name: 'npm-runtime',
        path: files.map((file) => file.path),
        format: 'js',
        mediatype: 'text/javascript',
        encoding: 'utf-8',
        description: `The npm package's entry points (${Object.values(PACKAGE_ENTRIES).join(', ')}) with their type declarations, compiled from runtime/ and types/.`,
        npm: true,
        croissant: false,
      },
    ];
  },
};
