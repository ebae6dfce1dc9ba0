/**
 * What one output format is: a module under scripts/publish/formats/ that declares its resources and writes them.
 * `formats/index.ts` lists every format once, in the order their inputs require; everything that lists files
 * (datapackage.json, Croissant, dataset.jsonld, SHA256SUMS, the site's downloads, the release bundle, the dataset
 * card, package.json `files`, the bench) derives from that list.
 *
 * Every format reads the canonical stream, `dist/jsonl/<collection>.jsonl` (flat records, selectors positioned,
 * sorted by id), or the outputs of formats listed before it; none reads `data/`.
 */
import type { PublicationInfo } from '../../../types/index.ts';
import type { OutputDir } from '../output.ts';
import type { TableModel } from '../table-model.ts';

/** The command that writes `dist/` (named by every generated file's notice). */
export const BUILD_COMMAND = 'npm run build';

/** What package.json says of the dataset (its metadata reuses it). */
export interface PackageMetadata {
  name: string;
  version: string;
  description: string;
  keywords: string[];
  homepage?: string;
}

/** One Frictionless resource (and Croissant `FileObject`) a format writes. */
export interface Resource {
  /** The resource's name in datapackage.json: lowercase letters, digits, `-`, `_`, `.`. */
  name: string;
  /** The file relative to `dist/`, or its shards in order (a Frictionless v2 `path` array). */
  path: string | string[];
  /** Frictionless `format` (`json`, `jsonl`, `csv`, `parquet`, `sqlite`, `jsonld`, `tar`…). */
  format: string;
  mediatype: string;
  description: string;
  /** `utf-8` for text; absent for a binary file. */
  encoding?: 'utf-8';
  /** Whether the npm package ships it. */
  npm: boolean;
  /** Whether croissant.json lists it as a distribution. */
  croissant: boolean;
  /** For a table: the table model's table name (its Table Schema comes from the model). */
  table?: string;
}

/** A resource's `format`, `mediatype` and `encoding`, for the text formats several formats write. */
export const TEXT = {
  json: { format: 'json', mediatype: 'application/json', encoding: 'utf-8' },
  jsonl: { format: 'jsonl', mediatype: 'application/jsonl', encoding: 'utf-8' },
  jsonld: { format: 'jsonld', mediatype: 'application/ld+json', encoding: 'utf-8' },
} as const;

/** What a format is given when it writes. */
export interface FormatContext {
  /** The staging output folder: write through it, so sizes and hashes are recorded for SHA256SUMS. */
  out: OutputDir;
  /** The repository root (package.json, schemas/, types/). */
  rootDir: string;
  info: PublicationInfo;
  dataset: PackageMetadata;
  model: TableModel;
  /** The resources of the formats written before this one, in order (for the metadata formats). */
  written: readonly Resource[];
}

export interface Format {
  /** Short name, unique in the index (`parquet`, `w3c`). */
  name: string;
  /** One line: what a user gets (listed in the generated docs table of formats). */
  description: string;
  /** Writes the files and returns the resources it wrote (shard lists filled in). */
  write(context: FormatContext): Resource[] | Promise<Resource[]>;
}
