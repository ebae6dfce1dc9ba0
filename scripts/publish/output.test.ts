import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { FileList } from './output.ts';

const digest = (n: number) => createHash('sha256').update(String(n)).digest();

test('a FileList sorts by path, keeps the latest entry of a path, and finds any path', () => {
  // Few distinct paths, so most lists write some path twice.
  const path = fc
    .stringMatching(/^[a-z0-9/._-]{1,3}$/)
    .chain((ascii) => fc.constantFrom(ascii, `${ascii}é`, `ü/${ascii}`));
  fc.assert(
    fc.property(fc.array(fc.tuple(path, fc.nat({ max: 2 ** 40 })), { maxLength: 60 }), (entries) => {
      const first = new FileList();
      const expected = new Map<string, { bytes: number; sha256: string }>();
      entries.forEach(([p, bytes], i) => {
        first.add(p, bytes, digest(i));
        expected.set(p, { bytes, sha256: digest(i).toString('hex') });
      });
      assert.equal(first.count, entries.length);
      const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
      const paths = [...expected.keys()].sort(byBytes);
      assert.deepEqual(
        [...first.sorted()],
        paths.map((p) => ({ path: p, ...expected.get(p)! })),
      );
      for (const p of paths) assert.deepEqual(first.find(p), { path: p, ...expected.get(p)! });
      assert.equal(first.find('not/written'), undefined);
    }),
  );
});
