/**
 * More articles than data/ holds, for the tests that prove the suite assumes no count or order of records
 * (tests/second-article.test.ts) and that two contributions merge cleanly (tests/merge-articles.test.ts).
 *
 * The articles come from the synthetic corpus generator (scripts/synth/), which tests/synth-corpus.test.ts keeps
 * valid as the data model changes, so these tests follow the model without fixtures to update. Each article comes
 * with the registry records it references (directly, or through another registry record), found by id: nothing
 * here knows which fields hold references.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeCorpus } from '../scripts/synth/write.ts';
import { tempDir } from './fixtures/publish/support.ts';
import { ROOT } from './helpers.ts';

/** One added article: its files, as paths relative to the data folder (`articles/<id>.json`) and their text. */
export interface AddedArticle {
  id: string;
  files: Map<string, string>;
}

/** Every string anywhere in a JSON value (ids among them). */
function stringsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, out);
  return out;
}

/**
 * `count` new, valid articles that differ from one another and from data/'s (synthetic: their ids start with
 * `synth-`), each with the registry records it needs. Articles that share a registry record carry identical files.
 */
export function extraArticles(count: number, seed = 'extra-articles'): AddedArticle[] {
  const corpus = join(tempDir('extra-articles-'), 'corpus');
  writeCorpus({ count, out: corpus, seed, progress: false });
  const registry = new Map<string, { path: string; text: string }>();
  for (const folder of readdirSync(corpus).filter((f) => f !== 'articles')) {
    for (const name of readdirSync(join(corpus, folder))) {
      registry.set(name.replace(/\.json$/, ''), {
        path: `${folder}/${name}`,
        text: readFileSync(join(corpus, folder, name), 'utf8'),
      });
    }
  }
  return readdirSync(join(corpus, 'articles'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(corpus, 'articles', name), 'utf8');
      const files = new Map([[`articles/${name}`, text]]);
      const pending = [...stringsIn(JSON.parse(text))];
      for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
        const record = registry.get(value);
        if (!record || files.has(record.path)) continue;
        files.set(record.path, record.text);
        pending.push(...stringsIn(JSON.parse(record.text)));
      }
      return { id: name.replace(/\.json$/, ''), files };
    });
}

/** Writes an added article's files into a data folder; refuses to replace a different file already there. */
export function addArticle(dataDir: string, article: AddedArticle): void {
  for (const [path, text] of article.files) {
    const target = join(dataDir, path);
    if (existsSync(target) && readFileSync(target, 'utf8') !== text)
      throw new Error(`${target} already exists with other content`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/**
 * The article under another id (its file renamed, its `id` field changed; formatting kept). Ids are referenced by
 * nothing in a new article's own files, so nothing else changes.
 */
function renamed(article: AddedArticle, id: string): AddedArticle {
  const files = new Map<string, string>();
  for (const [path, text] of article.files) {
    if (path !== `articles/${article.id}.json`) files.set(path, text);
    else files.set(`articles/${id}.json`, `${JSON.stringify({ ...JSON.parse(text), id }, null, 2)}\n`);
  }
  return { id, files };
}

/** An id for `id` that sorts before every id in `existing` (`0-` prepended as often as needed). */
function idSortingFirst(id: string, existing: readonly string[]): string {
  let candidate = `0-${id}`;
  while (existing.some((other) => other <= candidate)) candidate = `0-${candidate}`;
  return candidate;
}

/**
 * A temporary copy of the repository's data/ with `count` more articles (and their registry records). The first
 * added article is renamed to sort before every article already there, so a test that takes the first article to
 * be a particular one fails on the copy.
 */
export function dataWithExtraArticles(count = 1): { dir: string; added: AddedArticle[] } {
  const dir = join(tempDir('data-plus-'), 'data');
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  const existing = readdirSync(join(dir, 'articles')).map((name) => name.replace(/\.json$/, ''));
  const [first, ...rest] = extraArticles(count);
  const added = [renamed(first!, idSortingFirst(first!.id, existing)), ...rest];
  for (const article of added) addArticle(dir, article);
  return { dir, added };
}
