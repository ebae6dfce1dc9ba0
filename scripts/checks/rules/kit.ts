/** What the rules share: their issues, and the walks over a record they make. Not a rule (./index.ts lists those). */
import { pointerSegment } from '../../lib/json-source.ts';
import type { Issue } from '../rule.ts';
import type { Article } from '../../../types/index.ts';

/** A check written as a generator: the issues it yields, in order. */
export const issues =
  <C>(check: (context: C) => Iterable<Issue>) =>
  (context: C): Issue[] => [...check(context)];

/** An issue at `pointer`; a dataset rule also names the `file`. */
const issue =
  (severity: Issue['severity']) =>
  (pointer: string, said: Pick<Issue, 'message' | 'hint' | 'file'>): Issue => ({ pointer, severity, ...said });
export const error = issue('error');
export const warning = issue('warning');

/** Every annotation of an article (each list of `annotations`, in order), with its JSON pointer. */
export function* annotationsOf(article: Pick<Article, 'annotations'>): Generator<[string, { id: string }]> {
  for (const [kind, list] of Object.entries(article.annotations))
    for (const [i, annotation] of (list as Array<{ id: string }>).entries())
      yield [`/annotations/${kind}/${i}`, annotation];
}

/** Every string in a JSON value, depth first, with its JSON pointer and its key (or index) in its parent. */
export function stringsIn(
  value: unknown,
  pointer = '',
  key: string | number = '',
  out: Array<[string, string, string | number]> = [],
): typeof out {
  if (typeof value === 'string') out.push([value, pointer, key]);
  else if (Array.isArray(value)) value.forEach((v, i) => stringsIn(v, `${pointer}/${i}`, i, out));
  else if (value !== null && typeof value === 'object')
    for (const k in value) stringsIn((value as Record<string, unknown>)[k], `${pointer}/${pointerSegment(k)}`, k, out);
  return out;
}
