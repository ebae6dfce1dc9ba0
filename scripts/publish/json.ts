/**
 * Writing the JSON outputs: `data.json` (the whole dataset), `index.json` (what the npm package loads on import:
 * article metadata and the registries), one file per article, and the paths of the flat JSON Lines. All compact, one
 * record per line; the large files are streamed record by record.
 */
import type { ArticleSummary, PublicationInfo, PublishedArticle, PublishedArticleFile } from '../../types/index.ts';
import type { OutputDir, Sink } from './output.ts';
import { OFFSET_UNIT } from './positions.ts';

export const articlePath = (id: string) => `articles/${id}.json`;
/** Flat JSON Lines: one record per line, as in data.json, with no envelope (the version is in the metadata). */
export const jsonlPath = (collection: string) => `jsonl/${collection}.jsonl`;

/**
 * Writes one JSON object whose lists of records are written one record per line: compact, quick to write and parse,
 * and a change to one record changes one line. The `streamed` list is written item by item; the other keys are known
 * up front (`head` before the list, `tail`, whose values are lists of records, after it).
 */
export class JsonDocument {
  #count = 0;
  #tailOpen = false;

  constructor(
    private readonly sink: Sink,
    head: Record<string, unknown>,
    streamed: string,
  ) {
    const opening = JSON.stringify(head).slice(0, -1); // without the closing brace
    sink.write(`${opening}${opening.length > 1 ? ',' : ''}${JSON.stringify(streamed)}:[`);
  }

  /** Adds an item already serialised with `JSON.stringify` (the build serialises each article once). */
  addJson(json: string): void {
    this.sink.write(`${this.#count++ > 0 ? ',' : ''}\n${json}`);
  }

  /** Ends the streamed list; then `openTail` and `addJson` stream each tail list, and `end` closes the document. */
  closeStreamed(): void {
    this.sink.write(this.#count > 0 ? '\n]' : ']');
  }

  /** Starts the tail list `key` (after `closeStreamed` or the previous tail list); items follow with `addJson`. */
  openTail(key: string): void {
    if (this.#tailOpen) this.#closeTail();
    this.sink.write(`,${JSON.stringify(key)}:[`);
    this.#count = 0;
    this.#tailOpen = true;
  }

  /** Closes the last tail list and the document. */
  end(): void {
    if (this.#tailOpen) this.#closeTail();
    this.sink.write('}\n');
    this.sink.close();
  }

  #closeTail(): void {
    this.sink.write(this.#count > 0 ? '\n]' : ']');
    this.#tailOpen = false;
  }
}

/** The article without the fields the npm package loads lazily. */
export function summarize(article: PublishedArticle): ArticleSummary {
  const { body: _body, annotations: _annotations, inferences: _inferences, ...summary } = article;
  return summary;
}

/**
 * Writes `articles/<id>.json`, given the article already serialised: the same text as
 * `JSON.stringify({ ...info, offsets, article })`.
 */
export function writeArticleFile(out: OutputDir, info: PublicationInfo, id: string, articleJson: string): void {
  const head = JSON.stringify({ ...info, offsets: OFFSET_UNIT } satisfies Omit<PublishedArticleFile, 'article'>);
  out.write(articlePath(id), `${head.slice(0, -1)},"article":${articleJson}}\n`);
}
