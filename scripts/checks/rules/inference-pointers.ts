import type { Issue, RecordRule } from '../rule.ts';
import { resolvePointer } from '../json-pointer.ts';

export const inferencePointers: RecordRule<'article'> = {
  name: 'inference-pointers',
  scope: 'article',
  description:
    'An inference’s `field` is a JSON Pointer that resolves in what it is `about` (an annotation of the ' +
    'article, or the article itself).',
  check(context) {
    const article = context.record;
    const byId = new Map<string, unknown>();
    for (const list of Object.values(article.annotations))
      for (const a of list as Array<{ id: string }>) byId.set(a.id, a);
    const issues: Issue[] = [];
    article.inferences.forEach((inference, i) => {
      const target = inference.about === 'article' ? article : byId.get(inference.about);
      // the references rule reports an unknown `about`
      if (target === undefined || typeof inference.field !== 'string') return;
      const resolved = resolvePointer(target, inference.field);
      if (resolved.found) return;
      const keys = (() => {
        const base = resolvePointer(target, resolved.at);
        return base.found && base.value !== null && typeof base.value === 'object' && !Array.isArray(base.value)
          ? Object.keys(base.value)
          : [];
      })();
      issues.push({
        pointer: `/inferences/${i}/field`,
        severity: 'error',
        message:
          `"${inference.field}" does not resolve in ` +
          `"${inference.about}"${resolved.at ? ` (it stops after ${resolved.at})` : ''}`,
        hint:
          keys.length > 0
            ? `Point at a field of ${inference.about === 'article' ? 'the article' : `"${inference.about}"`}` +
              `${resolved.at ? ` under ${resolved.at}` : ''}: ${keys.map((k) => `${resolved.at}/${k}`).join(', ')}.`
            : `Point at a field that exists: when ${resolved.at || 'it'} is null, infer the whole value at ` +
              `${resolved.at || '/'}.`,
      });
    });
    return issues;
  },
};
