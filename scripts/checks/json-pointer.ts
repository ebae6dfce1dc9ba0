/** RFC 6901 JSON Pointers: resolving one in a parsed JSON value. */
import { pointerSegment } from '../lib/json-source.ts';

/** The reference tokens of a pointer (`/a~1b/0` → `a/b`, `0`). */
export function pointerTokens(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Resolves `pointer` in `value`. Returns `{ found: true, value }`, or `{ found: false, at }` with the longest prefix
 * of the pointer that did resolve.
 */
export function resolvePointer(
  value: unknown,
  pointer: string,
): { found: true; value: unknown } | { found: false; at: string } {
  let node = value;
  let at = '';
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(?:0|[1-9]\d*)$/.test(token) || Number(token) >= node.length) return { found: false, at };
      node = node[Number(token)];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return { found: false, at };
    }
    at += `/${pointerSegment(token)}`;
  }
  return { found: true, value: node };
}
