/**
 * What the annotation-tool exports (scripts/publish/formats/{w3c,brat,label-studio,spacy}.ts) read: the registries
 * and the articles of the canonical stream `dist/jsonl/`, one article at a time (its selectors already positioned,
 * so no span is searched for again), and a writer of files that roll over to a new shard past SHARD_BYTES.
 */
import { join } from 'node:path';
import type { Entity, Outlet, PublishedArticle } from '../../types/index.ts';
import { readLines } from '../lib/lines.ts';
import type { OutputDir, Sink } from '../publish/output.ts';
import type { Registry } from '../lib/registry.ts';

/** A shard is closed, and the next one started, once it holds this many bytes (at an article's boundary). */
export const SHARD_BYTES = 100 * 1024 * 1024;
export const EXPORT_DIR = 'annotations';

/**
 * The path of shard `n` of a file: the name itself for the first (the usual and only one), `-n` before the extension
 * after it.
 */
export const shardPath = (path: string) => (n: number) => (n === 1 ? path : path.replace(/(\.[a-z.]+)$/, `-${n}$1`));

const jsonl = (root: string, collection: string) => join(root, 'jsonl', `${collection}.jsonl`);

/** The entities and outlets of the canonical stream. */
export function readRegistry(root: string): Registry {
  const byId = <T extends { id: string }>(collection: string) =>
    new Map(Array.from(readLines(jsonl(root, collection)), (line) => JSON.parse(line) as T).map((r) => [r.id, r]));
  return { entities: byId<Entity>('entities'), outlets: byId<Outlet>('outlets') };
}

/** The published articles, in the stream's order (by id), one at a time. */
export function* readArticles(root: string): Generator<PublishedArticle> {
  for (const line of readLines(jsonl(root, 'articles'))) yield JSON.parse(line) as PublishedArticle;
}

/** How `writeShards` starts, ends and fills a shard. */
interface ShardShape {
  head?: (n: number) => string;
  tail?: (n: number, last: boolean) => string;
  /** Between two texts of one shard. */
  separator?: string;
  limit?: number;
}

/**
 * Writes texts into numbered shards (`path(1)`, `path(2)`…), each opened with `head(n)` and closed with
 * `tail(n, last)`. A new shard starts only between texts, once one holds `limit` bytes, so a text (an article) never
 * spans two; with no text there is still one shard. Returns the shards' paths.
 */
export function writeShards(
  out: OutputDir,
  path: (n: number) => string,
  texts: Iterable<string>,
  { head = () => '', tail = () => '', separator = '', limit = SHARD_BYTES }: ShardShape = {},
): string[] {
  const paths: string[] = [];
  let sink: Sink | null = null;
  let bytes = 0;
  const open = (): Sink => {
    paths.push(path(paths.length + 1));
    const opened = out.open(paths[paths.length - 1]!);
    const first = head(paths.length);
    opened.write(first);
    bytes = Buffer.byteLength(first);
    return opened;
  };
  const end = (shard: Sink, last: boolean) => {
    shard.write(tail(paths.length, last));
    shard.close();
  };
  for (const text of texts) {
    if (sink !== null && bytes >= limit) {
      end(sink, false);
      sink = null;
    }
    const item = sink === null ? text : separator + text;
    sink ??= open();
    sink.write(item);
    bytes += Buffer.byteLength(item);
  }
  end(sink ?? open(), true);
  return paths;
}
