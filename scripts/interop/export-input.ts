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

/**
 * Text written into numbered shards (`path(1)`, `path(2)`…), each opened with `head` and closed with `tail(next)`.
 * `write` only starts a new shard between calls, so one call's text (an article) never spans two shards.
 */
export class Shards {
  readonly paths: string[] = [];
  #sink: Sink | null = null;
  #bytes = 0;
  #empty = true;

  constructor(
    private readonly out: OutputDir,
    private readonly path: (n: number) => string,
    private readonly head: (n: number) => string = () => '',
    private readonly tail: (n: number, last: boolean) => string = () => '',
    private readonly limit = SHARD_BYTES,
  ) {}

  /** Writes an item, after `separator` unless it is the first of its shard. */
  write(text: string, separator = ''): void {
    if (this.#sink && this.#bytes >= this.limit) this.#close(false);
    if (!this.#sink) this.#open();
    const item = this.#empty ? text : separator + text;
    this.#sink!.write(item);
    this.#bytes += Buffer.byteLength(item);
    this.#empty = false;
  }

  /** Closes the last shard (opening one if nothing was written, so there is always a file). */
  close(): string[] {
    if (!this.#sink) this.#open();
    this.#close(true);
    return this.paths;
  }

  #open(): void {
    const n = this.paths.length + 1;
    this.paths.push(this.path(n));
    this.#sink = this.out.open(this.path(n));
    const head = this.head(n);
    this.#sink.write(head);
    this.#bytes = Buffer.byteLength(head);
    this.#empty = true;
  }

  #close(last: boolean): void {
    this.#sink!.write(this.tail(this.paths.length, last));
    this.#sink!.close();
    this.#sink = null;
  }
}
