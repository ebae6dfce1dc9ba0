import type { RecordRule } from '../rule.ts';
import type { Collection } from '../../lib/collections.ts';
import { referenceFieldAt } from '../../lib/references.ts';
import { error, issues, stringsIn } from './kit.ts';

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
function hintFor(collection: Collection, pointer: string, value: string, field: string | number): string {
  const inExample = /^\/(?:annotations\/[^/]+|inferences)\/\d+\//.test(pointer);
  if (inExample && field === 'id')
    return (
      'An example (npm run new) or imported annotation: once its values are real, give it a unique id (a ' +
      'lowercase slug such as m-jane-doe-1); or delete it whole.'
    );
  const stub = /^TODO-(.+)$/.exec(value)?.[1];
  const suggestion =
    stub && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(stub) && stub !== 'entity-id' && stub !== 'outlet-id'
      ? ` (the import proposed "${stub}")`
      : '';
  const target = referenceFieldAt(collection, pointer)?.target;
  if (target)
    return (
      `Use the id of a record in data/${target}/${suggestion}; add that record first if the ` +
      `${target === 'entities' ? 'entity' : 'outlet'} is new.`
    );
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
  check: issues(function* ({ collection, record }) {
    for (const [value, pointer, key] of stringsIn(record))
      if (isPlaceholder(value))
        yield error(pointer, {
          message: `placeholder left in: ${JSON.stringify(value)}`,
          hint: hintFor(collection, pointer, value, key),
        });
  }),
};
