import type { Issue, RecordRule } from '../rule.ts';

/** Checks one URL; returns the problem, or null when it is an absolute http(s) URL. */
export function urlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL';
  }
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
  check(context) {
    const candidates: Array<[string, string | null | undefined]> = [];
    if (context.collection === 'articles') {
      candidates.push(['/url', context.record.url], ['/provenance/sourceUrl', context.record.provenance.sourceUrl]);
    } else if (context.collection === 'outlets') {
      candidates.push(['/url', context.record.url]);
    }
    const issues: Issue[] = [];
    for (const [pointer, value] of candidates) {
      if (typeof value !== 'string') continue;
      const problem = urlProblem(value);
      if (problem)
        issues.push({
          pointer,
          severity: 'error',
          message: `the URL "${value}" ${problem}`,
          hint: 'Use the full address as shown in the browser, starting with https:// (or null when unknown).',
        });
    }
    return issues;
  },
};
