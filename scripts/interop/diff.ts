/** A line diff of two texts (longest common subsequence), printed like `diff -u` with three lines of context. */

export function lineDiff(before: string, after: string, fromName: string, toName: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Common prefix and suffix first: an import only inserts, so the table below stays small.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const table = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      table[i]![j] = x[i] === y[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const ops: Array<[' ' | '-' | '+', string]> = a.slice(Math.max(0, head - 3), head).map((l) => [' ', l]);
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      ops.push([' ', x[i++]!]);
      j++;
    } else if (j < y.length && (i === x.length || table[i]![j + 1]! >= table[i + 1]![j]!)) ops.push(['+', y[j++]!]);
    else ops.push(['-', x[i++]!]);
  }
  ops.push(...a.slice(a.length - tail, Math.min(a.length, a.length - tail + 3)).map((l) => [' ', l] as [' ', string]));
  if (!ops.some(([op]) => op !== ' ')) return '';
  return `--- ${fromName}\n+++ ${toName}\n@@ -${Math.max(1, head - 2)} +${Math.max(1, head - 2)} @@\n${ops.map(([op, line]) => `${op}${line}`).join('\n')}\n`;
}
