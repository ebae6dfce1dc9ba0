/**
 * An article's text (scripts/lib/text-quote.ts `articleText`), built once per record however many checks ask: the
 * grounding rule and the runner's duplicate summary both need it, and it is the size of the whole body.
 */
import type { Article } from '../../types/index.ts';
import { articleText } from '../lib/text-quote.ts';

const texts = new WeakMap<object, string>();

export function textOf(article: Pick<Article, 'body'>): string {
  let text = texts.get(article);
  if (text === undefined) texts.set(article, (text = articleText(article)));
  return text;
}
