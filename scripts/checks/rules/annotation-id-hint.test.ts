// The hint for a repeated annotation id numbers the id itself, whatever its kind (not a mention-style id).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationIds } from './annotation-ids.ts';
import type { RecordContext } from '../rule.ts';

test('annotation-ids: a repeated quote or figure id gets a hint with the next free id of its own kind', () => {
  const annotations = {
    mentions: [],
    quotes: [{ id: 'q-zelensky' }, { id: 'q-zelensky' }, { id: 'q-zelensky-2' }],
    figures: [{ id: 'f-aid-3' }, { id: 'f-aid-3' }],
    citedSources: [],
    events: [],
    claims: [],
  };
  const record = { annotations, inferences: [] };
  const hints = annotationIds
    .check({ phase: 'record', collection: 'articles', record } as unknown as RecordContext)
    .map((i) => i.hint);
  assert.deepEqual(hints, [
    'Give each annotation its own id, e.g. "q-zelensky-3".',
    'Give each annotation its own id, e.g. "f-aid-4".',
  ]);
});
