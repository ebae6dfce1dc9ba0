import type { RecordRule } from '../rule.ts';
import { error, issues } from './kit.ts';

/** Checks one URL; returns the problem, or null when it is an absolute http(s) URL. */
export function urlProblem(value: string): string | null {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url === null) return 'is not an absolute URL';
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `uses ${url.protocol.slice(0, -1)}:, not http or https`;
  if (url.hostname === '') return 'has no host';
  if (url.username !== '' || url.password !== '') return 'contains a user name or password';
  if (/\s/.test(value)) return 'contains white space';
  return null;
}

export const urls: RecordRule<'record'> = {
  name: 'urls',
  scope: 'record',
  description: 'URLs are absolute http(s) addresses with a host, no credentials and no white space.',
  check: issues(function* ({ collection, record }) {
    const candidates: Array<[string, string | null]> = [];
    if (collection === 'articles' || collection === 'outlets') candidates.push(['/url', record.url]);
    if (collection === 'articles') candidates.push(['/provenance/sourceUrl', record.provenance.sourceUrl]);
    for (const [pointer, value] of candidates) {
      const problem = typeof value === 'string' ? urlProblem(value) : null;
      if (problem)
        yield error(pointer, {
          message: `the URL "${value}" ${problem}`,
          hint: 'Use the full address as shown in the browser, starting with https:// (or null when unknown).',
        });
    }
  }),
};
