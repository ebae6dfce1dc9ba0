import type { RecordRule } from '../rule.ts';
import { resolvePointer } from '../json-pointer.ts';
import { annotationsOf, error, issues } from './kit.ts';

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
