import type { RecordRule } from '../rule.ts';
import { pointerSegment } from '../../lib/json-source.ts';
import { annotationsOf, error, issues } from './kit.ts';

/**
 * Resolves a JSON Pointer (RFC 6901) in `value`: `{ found: true, value }`, or `{ found: false, at }` with the longest
 * prefix of the pointer that did resolve.
 */
export function resolvePointer(
  value: unknown,
  pointer: string,
): { found: true; value: unknown } | { found: false; at: string } {
  let node = value;
  let at = '';
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/');
  for (const token of tokens.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (Array.isArray(node)) {
      if (!/^(?:0|[1-9]\d*)$/.test(token) || Number(token) >= node.length) return { found: false, at };
      node = node[Number(token)];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return { found: false, at };
    }
    at += `/${pointerSegment(token)}`;
  }
  return { found: true, value: node };
}

export const inferencePointers: RecordRule<'article'> = {
  name: 'inference-pointers',
  scope: 'article',
  description:
    'An inference’s `field` is a JSON Pointer that resolves in what it is `about` (an annotation of the ' +
    'article, or the article itself).',
  check: issues(function* ({ record }) {
    const byId = new Map([...annotationsOf(record)].map(([, a]) => [a.id, a as unknown]));
    for (const [i, { about, field }] of record.inferences.entries()) {
      const target = about === 'article' ? record : byId.get(about);
      // the references rule reports an unknown `about`
      if (target === undefined || typeof field !== 'string') continue;
      const resolved = resolvePointer(target, field);
      if (resolved.found) continue;
      const { at } = resolved;
      const base = resolvePointer(target, at);
      const keys =
        base.found && base.value !== null && typeof base.value === 'object' && !Array.isArray(base.value)
          ? Object.keys(base.value)
          : [];
      yield error(`/inferences/${i}/field`, {
        message: `"${field}" does not resolve in "${about}"${at ? ` (it stops after ${at})` : ''}`,
        hint:
          keys.length > 0
            ? `Point at a field of ${about === 'article' ? 'the article' : `"${about}"`}` +
              `${at ? ` under ${at}` : ''}: ${keys.map((k) => `${at}/${k}`).join(', ')}.`
            : `Point at a field that exists: when ${at || 'it'} is null, infer the whole value at ${at || '/'}.`,
      });
    }
  }),
};
