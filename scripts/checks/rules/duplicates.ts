import type { DatasetRule } from '../rule.ts';
import { candidatePairs, similarity } from '../similarity.ts';
import { error, issues, warning } from './kit.ts';

/**
 * Articles whose word-shingle sets are estimated to overlap this much are reported as near-duplicates: above it, two
 * texts are the same report with light edits (a wire story republished, a corrected copy), not two reports.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

export const duplicates: DatasetRule<'articles'> = {
  name: 'duplicates',
  scope: 'dataset',
  needs: ['articles'],
  description:
    `No two articles share a URL or a body; bodies more than ${NEAR_DUPLICATE_THRESHOLD * 100}% ` +
    `alike (word-shingle MinHash) get a warning naming the other file.`,
  check: issues(function* ({ articles }) {
    const byUrl = new Map<string, string>();
    const byBody = new Map<string, string>();
    /** Articles compared for near-duplicates: those with a signature and a body not already reported identical. */
    const compared: Array<{ file: string; signature: Uint32Array }> = [];
    for (const { file, url, bodyHash, signature } of articles) {
      const sameUrl = url === null ? undefined : byUrl.get(url);
      if (url !== null && sameUrl === undefined) byUrl.set(url, file);
      if (sameUrl !== undefined)
        yield error('/url', {
          file,
          message: `the URL is already used by ${sameUrl}`,
          hint: 'An article is recorded once; merge the two files, or correct the URL.',
        });
      const sameBody = byBody.get(bodyHash);
      if (sameBody === undefined) byBody.set(bodyHash, file);
      if (sameBody !== undefined)
        yield error('/body', {
          file,
          message: `the body is identical to ${sameBody}`,
          hint: 'An article is recorded once; delete one copy (add a redirect if it was published).',
        });
      else if (signature !== null) compared.push({ file, signature });
    }
    const signatures = compared.map((article) => article.signature);
    for (const [a, b] of candidatePairs(signatures)) {
      const score = similarity(signatures[a]!, signatures[b]!);
      if (score >= NEAR_DUPLICATE_THRESHOLD)
        yield warning('/body', {
          file: compared[b]!.file,
          message: `the body is about ${Math.round(score * 100)}% the same as ${compared[a]!.file}`,
          hint: 'If it is the same report, keep one; if it is a different version, say so in provenance.',
        });
    }
  }),
};
