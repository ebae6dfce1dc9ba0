/** The site's page script, compiled from site/client.ts by the TypeScript compiler for browsers. */
import { compileTypeScript, type CompiledFile } from '../publish/compile.ts';

export function compileSiteClient(rootDir: string): CompiledFile[] {
  return compileTypeScript(rootDir, {
    entries: ['site/client.ts'],
    format: 'esm',
    declarations: false,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  });
}
