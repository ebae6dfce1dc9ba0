import type { Issue, RecordRule } from '../rule.ts';

export const annotationIds: RecordRule<'article'> = {
  name: 'annotation-ids',
  scope: 'article',
  description: 'Annotation and inference ids are unique within their article (`article` is reserved).',
  check(context) {
    const issues: Issue[] = [];
    const seen = new Map<string, string>();
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
          hint: 'Give each annotation its own id, e.g. by numbering: m-ukraine-1, m-ukraine-2.',
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
