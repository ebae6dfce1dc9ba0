/**
 * spaCy-style JSON Lines: one line per article, `{"text", "spans", "meta"}`, where each span is an entity mention
 * with `start` and `end` in code points (Python `str` indexes, spaCy's `Doc.char_span`), its `label` (the entity's
 * kind), `kb_id` (the Wikidata QID when known, else the dataset's entity id, as spaCy's `Span.kb_id_`) and `text`;
 * `meta` names the article and its genre (`Doc.user_data`).
 */
import type { Article, PublishedArticle } from '../../types/index.ts';
import { decomposeArticle, kindLabel, wikidataOf } from './model.ts';
import type { Registry } from '../lib/registry.ts';

export function spacyLine(
  article: Pick<Article | PublishedArticle, 'id' | 'body' | 'annotations' | 'genre'>,
  registry: Registry,
): string {
  const { text, annotations } = decomposeArticle(article);
  const spans = annotations
    .filter((a) => a.layer === 'mentions')
    .map((a) => {
      const entity = registry.entities.get(String(a.fields.entity));
      const main = a.spans[0]!;
      return {
        start: main.start,
        end: main.end,
        label: entity ? kindLabel(entity.kind) : 'Mention',
        kb_id: wikidataOf(entity) ?? String(a.fields.entity),
        text: main.selector.exact,
      };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const meta = { article: article.id, ...(article.genre ? { genre: article.genre } : {}) };
  return `${JSON.stringify({ text, spans, meta })}\n`;
}
