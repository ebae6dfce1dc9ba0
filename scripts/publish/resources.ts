/**
 * Extra files in `dist/`, described in `datapackage.json` (and so carried by the download bundle and listed in
 * SHA256SUMS) beside the built-in tables and JSON files.
 *
 * To publish another format (W3C Web Annotation, brat, Label Studio, spaCy…): write a `ResourceWriter` in its own
 * module, and add it to `RESOURCE_WRITERS`. The writers run on a thread of their own (resource-worker.ts) once the
 * JSON and JSON Lines files are written, while the tables (CSV, SQLite, Parquet) are still being finished; each
 * writes its files through `context.out` (so their sizes and hashes are recorded), and returns one `ExtraResource`
 * per file:
 *
 *     export const w3cAnnotations: ResourceWriter = {
 *       write({ out }) {
 *         out.write('w3c/annotations.jsonld', ...);
 *         return [{ name: 'w3c-annotations', path: 'w3c/annotations.jsonld', format: 'jsonld',
 *                   mediatype: 'application/ld+json', description: 'Every annotation as a W3C Web Annotation.' }];
 *       },
 *     };
 *
 * Read the published records from `join(context.out.root, 'data.json')` or the JSONL files (already written), not
 * from the tables.
 */
import type { PublicationInfo } from '../../types/index.ts';
import type { OutputDir } from './output.ts';
import type { TableModel } from './table-model.ts';
import type { Format } from './formats/format.ts';
import { w3c } from './formats/w3c.ts';
import { brat } from './formats/brat.ts';
import { labelStudio } from './formats/label-studio.ts';
import { spacy } from './formats/spacy.ts';

export interface ExtraResource {
  /** The resource's name in datapackage.json: lowercase letters, digits, `-`, `_`, `.`. */
  name: string;
  /** The file, relative to `dist/`, written through `context.out`. */
  path: string;
  format: string;
  mediatype: string;
  description: string;
  /** `utf-8` for text; omit for a binary file. */
  encoding?: string;
}

export interface ResourceContext {
  out: OutputDir;
  model: TableModel;
  info: PublicationInfo;
  /** The repository (package.json, schemas/, types/). */
  rootDir: string;
}

export interface ResourceWriter {
  write(context: ResourceContext): ExtraResource[] | Promise<ExtraResource[]>;
}

/**
 * Interim, until formats/index.ts lists every format: a Format as a writer, each shard of a resource that spans
 * several files listed as a resource of its own (`<name>-<n>`).
 */
const asWriter = (format: Format): ResourceWriter => ({
  async write(context) {
    const resources = await format.write({ ...context, written: [] });
    return resources.flatMap(({ path, npm: _npm, croissant: _croissant, table: _table, ...rest }) =>
      typeof path === 'string' || path.length === 1
        ? [{ ...rest, path: typeof path === 'string' ? path : path[0]! }]
        : path.map((shard, i) => ({ ...rest, name: `${rest.name}-${i + 1}`, path: shard })),
    );
  },
});

/** Every extra writer, in the order their resources are listed. */
export const RESOURCE_WRITERS: ResourceWriter[] = [w3c, brat, labelStudio, spacy].map(asWriter);
