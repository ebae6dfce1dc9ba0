/**
 * W3C Web Annotation: every annotation of the dataset in one `AnnotationCollection` (annotations/w3c.jsonld) whose
 * pages are `AnnotationPage` files (annotations/w3c/page-N.jsonld, a new page past SHARD_BYTES, at an article's
 * boundary), linked as the Web Annotation Data Model (§5) defines: the collection's `first` and `last`, each page's
 * `partOf`, `startIndex`, `next` and `prev`. Links are relative IRIs, resolved against the file that holds them, so
 * they work in dist/, in the download and on the site. The annotations themselves: scripts/interop/w3c.ts.
 */
import { TEXT, type Format } from './format.ts';
import { EXPORT_DIR, readArticles, readRegistry, SHARD_BYTES, writeShards } from '../../interop/export-input.ts';
import { W3C_CONTEXT, w3cAnnotations } from '../../interop/w3c.ts';

const COLLECTION = `${EXPORT_DIR}/w3c.jsonld`;
/** A page's file name, relative to the collection's folder (`w3c/page-2.jsonld`) or to another page's. */
const page = (n: number) => `page-${n}.jsonld`;

/** The format, with pages of about `pageBytes` (a test pages a small dataset). */
export const w3cFormat = (pageBytes = SHARD_BYTES): Format => ({
  name: 'w3c',
  description: 'W3C Web Annotation (JSON-LD): one AnnotationCollection paged in AnnotationPage files.',
  write({ out, info }) {
    const registry = readRegistry(out.root);
    const context = JSON.stringify(W3C_CONTEXT);
    let total = 0;
    let startIndex = 0;
    // An article's annotations, one text; a page's head says the index of its first annotation.
    function* texts(): Generator<string> {
      for (const article of readArticles(out.root)) {
        const items = w3cAnnotations(article, registry);
        if (items.length === 0) continue;
        startIndex = total;
        total += items.length;
        yield items.map((item) => `\n${JSON.stringify(item)}`).join(',');
      }
    }
    const paths = writeShards(out, (n) => `${EXPORT_DIR}/w3c/${page(n)}`, texts(), {
      head: (n) =>
        `{"@context":${context},"id":${JSON.stringify(page(n))},"type":"AnnotationPage",` +
        `"partOf":{"id":"../w3c.jsonld"},"startIndex":${startIndex},` +
        `${n > 1 ? `"prev":${JSON.stringify(page(n - 1))},` : ''}"items":[`,
      tail: (n, last) => `\n]${last ? '' : `,"next":${JSON.stringify(page(n + 1))}`}}\n`,
      separator: ',',
      limit: pageBytes,
    });
    const collection = {
      '@context': W3C_CONTEXT,
      id: 'w3c.jsonld',
      type: 'AnnotationCollection',
      label: `annotated-news ${info.version}: every annotation`,
      total,
      first: `w3c/${page(1)}`,
      last: `w3c/${page(paths.length)}`,
    };
    out.write(COLLECTION, `${JSON.stringify(collection, null, 1)}\n`);
    return [
      {
        name: 'annotations-w3c',
        path: COLLECTION,
        ...TEXT.jsonld,
        description:
          'Every annotation as W3C Web Annotation (JSON-LD): the AnnotationCollection, which names its first ' +
          'and last AnnotationPage (annotations/w3c/page-N.jsonld, linked by next and prev).',
        npm: false,
        croissant: true,
      },
      {
        name: 'annotations-w3c-pages',
        path: paths,
        ...TEXT.jsonld,
        description:
          "The AnnotationPages of annotations/w3c.jsonld, in order; an article's annotations are on one page. " +
          'Each Annotation targets the article with a TextQuoteSelector and a TextPositionSelector (Unicode ' +
          'code points); its bodies hold the linked record (Wikidata IRI when known, else the dataset URN) and ' +
          'the fields; `fields` and `version` let `npm run import -- --from w3c` apply edits made in a tool. The ' +
          "article's blocks (`…:block:<n>`, body type the block type, with its level) and genre (`…:genre`, " +
          'its IPTC NewsCodes concept) are annotations too.',
        npm: false,
        croissant: true,
      },
    ];
  },
});

export const w3c = w3cFormat();
