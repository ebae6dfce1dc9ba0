import type { Issue, DatasetRule } from '../rule.ts';
import { candidatePairs, similarity } from '../similarity.ts';

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
  check(summary) {
    const issues: Issue[] = [];
    const byUrl = new Map<string, string>();
    const byBody = new Map<string, string>();
    const articles = summary.articles;
    /** Articles compared for near-duplicates: those with a signature and a body not already reported identical. */
    const compared: number[] = [];
    articles.forEach((article, index) => {
      if (article.url !== null) {
        const first = byUrl.get(article.url);
        if (first !== undefined) {
          issues.push({
            file: article.file,
            pointer: '/url',
            severity: 'error',
            message: `the URL is already used by ${first}`,
            hint: 'An article is recorded once; merge the two files, or correct the URL.',
          });
        } else byUrl.set(article.url, article.file);
      }
      const sameBody = byBody.get(article.bodyHash);
      if (sameBody !== undefined) {
        issues.push({
          file: article.file,
          pointer: '/body',
          severity: 'error',
          message: `the body is identical to ${sameBody}`,
          hint: 'An article is recorded once; delete one copy (add a redirect if it was published).',
        });
        return;
      }
      byBody.set(article.bodyHash, article.file);
      if (article.signature !== null) compared.push(index);
    });
    const signatures = compared.map((i) => articles[i]!.signature!);
    for (const [a, b] of candidatePairs(signatures)) {
      const score = similarity(signatures[a]!, signatures[b]!);
      if (score < NEAR_DUPLICATE_THRESHOLD) continue;
      const [earlier, later] = [articles[compared[a]!]!, articles[compared[b]!]!];
      issues.push({
        file: later.file,
        pointer: '/body',
        severity: 'warning',
        message: `the body is about ${Math.round(score * 100)}% the same as ${earlier.file}`,
        hint: 'If it is the same report, keep one; if it is a different version, say so in provenance.',
      });
    }
    return issues;
  },
};
