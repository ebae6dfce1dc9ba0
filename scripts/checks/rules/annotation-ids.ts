import type { Issue, Rule } from '../rule.ts';

/** The id numbered after `id` (`q-zelensky` → `q-zelensky-2`, `m-kyiv-2` → `m-kyiv-3`) that is not yet taken. */
function freeId(id: string, taken: ReadonlySet<string>): string {
  const [, stem = id, n = '1'] = /^(.*?)-(\d+)$/.exec(id) ?? [];
  for (let i = Number(n) + 1; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

export const annotationIds: Rule = {
  name: 'annotation-ids',
  description: 'Annotation and inference ids are unique within their article (`article` is reserved).',
  check(context) {
    if (context.phase !== 'record' || context.collection !== 'articles') return [];
    const issues: Issue[] = [];
    const seen = new Map<string, string>();
    const all = new Set([
      ...Object.values(context.record.annotations).flatMap((list: Array<{ id: string }>) => list.map((a) => a.id)),
      ...context.record.inferences.map((inf) => inf.id),
    ]);
    const visit = (id: string, pointer: string) => {
      const first = seen.get(id);
      if (id === 'article') {
        issues.push({
          pointer,
          severity: 'error',
          message: 'the id "article" is reserved',
          hint: 'Inferences use `about: "article"` for the article itself; choose another id.',
        });
      } else if (first !== undefined) {
        issues.push({
          pointer,
          severity: 'error',
          message: `the id "${id}" is already used at ${first}`,
          hint: `Give each annotation its own id, e.g. "${freeId(id, all)}".`,
        });
      } else seen.set(id, pointer);
    };
    for (const [kind, list] of Object.entries(context.record.annotations)) {
      (list as Array<{ id: string }>).forEach((a, i) => visit(a.id, `/annotations/${kind}/${i}/id`));
    }
    context.record.inferences.forEach((inf, i) => visit(inf.id, `/inferences/${i}/id`));
    return issues;
  },
};
