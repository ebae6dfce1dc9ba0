/**
 * The release-time redirect rule: every id published in the previous release that is missing now must leave a
 * redirect in `data/redirects/<id>.json`, so consumers who pinned it can follow it. (Whether each redirect is
 * well-formed, its `to` ids exist and its id is not also a live record is checked by `npm run validate`.)
 */
import type { Redirect } from '../../types/index.ts';
import type { Collection } from '../lib/collections.ts';

export interface RemovedRecord {
  collection: Collection;
  id: string;
}

/** The problems with the redirects of removed records, one sentence each, naming the id and the fix. */
export function checkRedirects(
  removed: readonly RemovedRecord[],
  redirects: ReadonlyMap<string, Redirect>,
  newRedirectIds: ReadonlySet<string>,
  previousVersion: string,
  releaseVersion: string,
): string[] {
  const problems: string[] = [];
  for (const { collection, id } of removed) {
    if (collection === 'redirects') continue; // a redirect's own removal is breaking, but leaves nothing to follow
    const redirect = redirects.get(id);
    const file = `data/redirects/${id}.json`;
    if (!redirect) {
      const skeleton = JSON.stringify({
        id,
        collection,
        kind: 'removed',
        to: [],
        reason: 'Why it was removed, in a sentence.',
        since: releaseVersion,
      });
      problems.push(
        `${collection} record \`${id}\` was published in ${previousVersion} and is missing now, with no redirect. ` +
          `Add ${file} saying what became of it (kind "moved" with one new id in "to", "split" with two or more, ` +
          `or "removed" with none), for example: ${skeleton}`,
      );
    } else if (redirect.collection !== collection) {
      problems.push(
        `${file} says the record was in "${redirect.collection}", but \`${id}\` was published in "${collection}". ` +
          `Set "collection": "${collection}".`,
      );
    }
  }
  for (const id of [...newRedirectIds].sort()) {
    const redirect = redirects.get(id);
    if (redirect && redirect.since !== releaseVersion) {
      problems.push(
        `data/redirects/${id}.json is new in this release but says "since": "${redirect.since}". ` +
          `Set "since": "${releaseVersion}", the version being released.`,
      );
    }
  }
  return problems;
}
