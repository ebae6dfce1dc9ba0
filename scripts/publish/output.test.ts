import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputDir } from './output.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

test('an OutputDir records each file once (its latest write), sorted by path in byte order, and finds any path', () => {
  const root = mkdtempSync(join(tmpdir(), 'output-dir-'));
  try {
    const out = new OutputDir(root);
    // U+FF01 sorts after U+1F600 in UTF-16 code units but before it in UTF-8 bytes (code point order).
    const writes: Array<[string, string]> = [
      ['b', 'one'],
      ['a', 'two'],
      ['\u{1F600}', 'three'],
      ['\uFF01', 'four'],
      ['é', 'five'],
      ['z/x.txt', 'six'],
      ['a', 'seven, rewritten'],
    ];
    for (const [path, text] of writes.slice(0, 3)) out.write(path, text);
    for (const [path, text] of writes.slice(3)) {
      const sink = out.open(path);
      sink.write(text.slice(0, 2));
      sink.write(text.slice(2));
      sink.close();
    }
    const latest = new Map(writes);
    const expected = ['a', 'b', 'z/x.txt', 'é', '\uFF01', '\u{1F600}'].map((path) => ({
      path,
      bytes: Buffer.byteLength(latest.get(path)!),
      sha256: sha256(latest.get(path)!),
    }));
    assert.deepEqual(out.files(), expected);
    for (const file of expected) {
      assert.deepEqual(out.file(file.path), file);
      assert.equal(readFileSync(join(root, file.path), 'utf8'), latest.get(file.path));
      assert.deepEqual(out.recordFromDisk(file.path), file);
    }
    assert.throws(() => out.file('not/written'), /not\/written has not been written/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
