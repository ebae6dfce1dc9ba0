/**
 * An import's changes as a reader checks them: each annotation added (`+`), changed (`~`, field by field), removed
 * (`-`) or not added again (`=`), named by its kind, id and words. Imported text is quoted as JSON, so no control
 * character or line break from a file reaches the terminal.
 */
import type { Change } from './merge.ts';
import type { AnyAnnotation } from './spans.ts';

const MARK: Record<Change['outcome'], string> = {
  added: '+',
  changed: '~',
  removed: '-',
  duplicate: '=',
  unchanged: ' ',
};

/** Every leaf of a value by its path (`source/entity`, `cue/0/exact`), as JSON. */
function leaves(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (path === '' && value === null) return out;
  if (value !== null && typeof value === 'object' && (!Array.isArray(value) || value.length > 0))
    for (const [key, child] of Object.entries(value)) leaves(child, path ? `${path}/${key}` : key, out);
  else if (path !== 'id') out.set(path, JSON.stringify(value));
  return out;
}

const words = (annotation: AnyAnnotation | null) =>
  JSON.stringify((annotation as { selector?: { exact?: unknown } } | null)?.selector?.exact ?? '');

/** One change, on a line of its own, then one indented line per field that differs (or, added or removed, is set). */
export function describeChange(change: Change): string {
  const head = `${MARK[change.outcome]} ${change.layer} ${JSON.stringify(change.id)} on ${words(change.after ?? change.before)}${change.relabelled ? ' (relabelled as another kind)' : ''}`;
  if (change.outcome === 'duplicate')
    return `${head}: the same words are already annotated as ${JSON.stringify(change.before!.id)}; not added again`;
  const before = leaves(change.before);
  const after = leaves(change.after);
  const lines = [head];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const [was, is] = [before.get(path), after.get(path)];
    if (was === is) continue;
    if (change.outcome === 'added') lines.push(`    ${path}: ${is}`);
    else if (change.outcome === 'removed') lines.push(`    ${path}: ${was}`);
    else lines.push(`    ${path}: ${was ?? '(none)'} → ${is ?? '(none)'}`);
  }
  return lines.join('\n');
}
