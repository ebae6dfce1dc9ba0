import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readLines } from './lines.ts';

test('readLines gives the non-empty lines of a file larger than its chunks, multi-byte characters included', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lines-'));
  try {
    // Lines long enough that a few cross each megabyte boundary, at varying places within a character.
    const line = fc
      .tuple(fc.string({ unit: fc.constantFrom('a', 'é', '€', '𝄞', '\r'), maxLength: 300 }), fc.nat(300_000))
      .map(([text, pad]) => `${'x'.repeat(pad)}${text}`);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), fc.boolean(), (lines, finalNewline) => {
        const text = lines.join('\n') + (finalNewline ? '\n' : '');
        const path = join(dir, 'file.txt');
        writeFileSync(path, text);
        assert.deepEqual(
          [...readLines(path)],
          text.split('\n').filter((l) => l.length > 0),
        );
      }),
      { numRuns: 40 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
