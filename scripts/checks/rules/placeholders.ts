import type { Issue, RecordRule } from '../rule.ts';
import type { Collection } from '../../lib/collections.ts';
import { referenceAt } from '../../lib/references.ts';

/**
 * What `npm run new` and `npm run import` write for a contributor to replace: any string that starts with `TODO`
 * (a placeholder text, an example annotation's id, an entity stub such as `TODO-jane-doe`).
 */
const PLACEHOLDER = /^TODO\b/;

/** Whether a value is a placeholder left for a contributor; other rules leave such values to this one. */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('TODO') && PLACEHOLDER.test(value);
}

/** How to resolve the placeholder at `pointer` in a record of `collection`. */
function hintFor(collection: Collection, pointer: string, value: string): string {
  const field = pointer.slice(pointer.lastIndexOf('/') + 1);
  const inExample = /^\/(?:annotations\/[^/]+|inferences)\/\d+\//.test(pointer);
  if (inExample && field === 'id') {
    return (
      'An example (npm run new) or imported annotation: once its values are real, give it a unique id (a ' +
      'lowercase slug such as m-jane-doe-1); or delete it whole.'
    );
  }
  const stub = /^TODO-(.+)$/.exec(value)?.[1];
  const suggestion =
    stub && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(stub) && stub !== 'entity-id' && stub !== 'outlet-id'
      ? ` (the import proposed "${stub}")`
      : '';
  const target = referenceAt(collection, pointer);
  if (target === 'entities')
    return `Use the id of a record in data/entities/${suggestion}; add that record first if the entity is new.`;
  if (target === 'outlets')
    return `Use the id of a record in data/outlets/${suggestion}; add that record first if the outlet is new.`;
  if (field === 'about') return 'Use the id of the annotation the inference is about, or `article`.';
  return (
    `Replace it with the real value (docs/data-dictionary.md describes each ` +
    `field)${inExample ? ', or delete the example it belongs to' : ''}.`
  );
}

export const placeholders: RecordRule<'record'> = {
  name: 'placeholders',
  scope: 'record',
  description:
    'No `TODO` placeholder from `npm run new` (example text and annotations) or `npm run import` (entity stubs) ' +
    'is left in a record.',
  check(context) {
    const issues: Issue[] = [];
    const visit = (value: unknown, pointer: string): void => {
      if (typeof value === 'string') {
        if (isPlaceholder(value))
          issues.push({
            pointer,
            severity: 'error',
            message: `placeholder left in: ${JSON.stringify(value)}`,
            hint: hintFor(context.collection, pointer, value),
          });
      } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${pointer}/${i}`));
      else if (value !== null && typeof value === 'object')
        for (const k in value) visit((value as Record<string, unknown>)[k], `${pointer}/${k}`);
    };
    visit(context.record, '');
    return issues;
  },
};
