/**
 * Compiles TypeScript that ships (the npm package's runtime in `runtime/`, the dataset site's script in `site/`)
 * with the TypeScript compiler, type-checking it on the way. The output is returned, not written: the caller
 * writes each file into the build, which records its size and checksum.
 */
import { relative, sep } from 'node:path';
import ts from 'typescript';
import { generatedNotice } from '../lib/generated.ts';
import { BUILD_COMMAND } from './formats/format.ts';

/** A compiled file: its path relative to the compilation's output folder, and its text. */
export interface CompiledFile {
  path: string;
  text: string;
}

const STRICT: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  newLine: ts.NewLineKind.LineFeed,
  noCheck: true,
};

/** Throws `message` with tsc's messages (paths relative to `dir`) when `program` does not type-check. */
export function assertTypeChecks(program: ts.Program, dir: string, message: string): void {
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length === 0) return;
  const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => dir, getNewLine: () => '\n' };
  throw new Error(`${message}:\n${ts.formatDiagnostics(diagnostics, host)}`);
}

/** How one part of the build is compiled. */
export interface CompileTarget {
  /** The entry files, relative to `rootDir`. */
  entries: string[];
  /** ES modules, or CommonJS (the package's `require` entry). */
  format: 'esm' | 'cjs';
  /** Also emit `.d.ts` declarations. */
  declarations: boolean;
  /** `lib` names (`lib.es2022.d.ts` form), e.g. DOM for code that runs in a page. */
  lib?: string[];
  /** `@types` packages to include. */
  types?: string[];
}

/**
 * Compiles `entries` (and what they import) from `rootDir`. Output paths mirror the source tree
 * (`runtime/node.ts` → `runtime/node.js`). The empty modules of `types/` (types only) are left out.
 * Throws with tsc's messages when the code does not type-check.
 */
export function compileTypeScript(rootDir: string, target: CompileTarget): CompiledFile[] {
  const outDir = `${rootDir}${sep}.compile-out`;
  const options: ts.CompilerOptions = {
    ...STRICT,
    ...(target.format === 'esm'
      ? {
          module: ts.ModuleKind.NodeNext,
          moduleResolution: ts.ModuleResolutionKind.NodeNext,
          verbatimModuleSyntax: true,
        }
      : { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 }),
    declaration: target.declarations,
    rootDir,
    outDir,
    types: target.types ?? [],
    ...(target.lib ? { lib: target.lib } : {}),
  };
  const program = ts.createProgram(
    target.entries.map((entry) => `${rootDir}${sep}${entry}`),
    options,
  );
  assertTypeChecks(program, rootDir, 'TypeScript errors in the code the build compiles');
  const files: CompiledFile[] = [];
  const emitted = program.emit(undefined, (fileName, text) => {
    const path = relative(outDir, fileName).split(sep).join('/');
    if (path.startsWith('types/') && path.endsWith('.js')) return; // types/ holds types only: its modules are empty
    const source = path.replace(/(\.d)?\.js$|\.d\.ts$/, '.ts');
    files.push({ path, text: `// ${generatedNotice(BUILD_COMMAND)} Compiled from ${source}.\n${text}` });
  });
  if (emitted.emitSkipped) throw new Error('TypeScript emitted nothing');
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
