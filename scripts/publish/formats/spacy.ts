/**
 * spaCy-style JSON Lines: one article per line (annotations/spacy.jsonl; past SHARD_BYTES, more: spacy-2.jsonl…). The
 * lines themselves: scripts/interop/spacy.ts.
 */
import { TEXT, type Format, type Resource } from './format.ts';
import { EXPORT_DIR, readArticles, readRegistry, shardPath, writeShards } from '../../interop/export-input.ts';
import { spacyLine } from '../../interop/spacy.ts';

export const spacy: Format = {
  name: 'spacy',
  description: 'spaCy-style JSON Lines: each article’s text and its entity mention spans.',
  write({ out }) {
    const registry = readRegistry(out.root);
    function* lines(): Generator<string> {
      for (const article of readArticles(out.root)) yield spacyLine(article, registry);
    }
    const resource: Resource = {
      name: 'annotations-spacy',
      path: writeShards(out, shardPath(`${EXPORT_DIR}/spacy.jsonl`), lines()),
      ...TEXT.jsonl,
      description:
        'spaCy-style JSON Lines: one article per line, {"text", "spans": [{start, end, label, kb_id, text}], ' +
        '"meta"}; offsets are Python str indexes (code points), for Doc.char_span.',
      npm: false,
      croissant: true,
    };
    return [resource];
  },
};
