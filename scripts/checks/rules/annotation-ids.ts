import type { RecordRule } from '../rule.ts';
import { annotationsOf, error, issues } from './kit.ts';

/** The id numbered after `id` (`q-zelensky` → `q-zelensky-2`, `m-kyiv-2` → `m-kyiv-3`) that is not yet taken. */
function freeId(id: string, taken: ReadonlySet<string>): string {
  const [, stem = id, n = '1'] = /^(.*?)-(\d+)$/.exec(id) ?? [];
  for (let i = Number(n) + 1; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

export const annotationIds: RecordRule<'article'> = {
  name: 'annotation-ids',
  scope: 'article',
  description: 'Annotation and inference ids are unique within their article (`article` is reserved).',
  check: issues(function* ({ record }) {
    const all = [...annotationsOf(record), ...record.inferences.map((inf, i) => [`/inferences/${i}`, inf] as const)];
    const taken = new Set(all.map(([, { id }]) => id));
    const seen = new Map<string, string>();
    for (const [at, { id }] of all) {
      const first = seen.get(id);
      if (id === 'article')
        yield error(`${at}/id`, {
          message: 'the id "article" is reserved',
          hint: 'Inferences use `about: "article"` for the article itself; choose another id.',
        });
      else if (first !== undefined)
        yield error(`${at}/id`, {
          message: `the id "${id}" is already used at ${first}`,
          hint: `Give each annotation its own id, e.g. "${freeId(id, taken)}".`,
        });
      else seen.set(id, `${at}/id`);
    }
  }),
};
