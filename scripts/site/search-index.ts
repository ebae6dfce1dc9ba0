/**
 * The site's search index, split so a search loads little: `search/docs.json` lists the documents (articles and
 * entities: kind, page, title), and `search/terms/<key>.json` maps each word to the documents that hold it, one
 * file per first two letters of the word. A query loads the document list and one term file per query word.
 * The tokenizer is shared with the page script (site/tokens.ts), so both sides cut words the same way.
 */
import { shardKey, tokens } from '../../site/tokens.ts';
import { groupBy } from './html.ts';

export interface SearchDoc {
  kind: 'article' | 'entity';
  /** The page, relative to the site's root. */
  href: string;
  title: string;
}

export class SearchIndex {
  readonly docs: SearchDoc[] = [];
  /** word → the documents holding it, in increasing order. */
  readonly #postings = new Map<string, number[]>();

  /** Adds a document and the texts it should be found by. */
  add(doc: SearchDoc, texts: readonly string[]): void {
    const index = this.docs.push(doc) - 1;
    for (const text of texts) {
      for (const word of tokens(text)) {
        const list = this.#postings.get(word);
        if (!list) this.#postings.set(word, [index]);
        else if (list[list.length - 1] !== index) list.push(index);
      }
    }
  }

  /** The files of the index, by path relative to the site root, each as JSON text. */
  files(): Map<string, string> {
    const shards = groupBy(
      [...this.#postings].sort(([a], [b]) => (a < b ? -1 : 1)),
      ([word]) => shardKey(word),
    );
    const files = new Map<string, string>();
    files.set('search/docs.json', `${JSON.stringify(this.docs.map((d) => [d.kind, d.href, d.title]))}\n`);
    for (const [key, entries] of [...shards].sort(([a], [b]) => (a < b ? -1 : 1))) {
      files.set(`search/terms/${key}.json`, `${JSON.stringify(Object.fromEntries(entries))}\n`);
    }
    return files;
  }
}
