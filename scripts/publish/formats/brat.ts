/**
 * brat standoff: one archive (annotations/brat.tar.gz; past SHARD_BYTES of text, more: brat-2.tar.gz…) of a brat
 * collection folder `brat/`: `annotation.conf`, and `<id>.ann` and `<id>.txt` for every article, which brat and
 * INCEpTION import. Streamed through gzip, so memory holds one article; the same data give the same bytes (entries
 * in the stream's order, the fixed ustar headers of scripts/release/tar.ts, no time and a fixed OS in the gzip
 * header). The .ann files themselves: scripts/interop/brat.ts.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Format, Resource } from './format.ts';
import { EXPORT_DIR, readArticles, readRegistry, SHARD_BYTES, shardPath } from '../../interop/export-input.ts';
import { bratAnn, bratConf } from '../../interop/brat.ts';
import { entityKinds } from '../../interop/model.ts';
import { articleText } from '../../lib/text-quote.ts';
import { ending, entry, GZIP_OS_UNKNOWN } from '../../release/tar.ts';

/** Sets the gzip header's OS byte (zlib writes the platform's) so the bytes do not depend on where it ran. */
function fixedOs(): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (first && chunk.length > 9) chunk[9] = GZIP_OS_UNKNOWN;
      first = false;
      done(null, chunk);
    },
  });
}

/** The format, with archives of about `archiveBytes` of tar (a test shards a small dataset). */
export const bratFormat = (archiveBytes = SHARD_BYTES): Format => ({
  name: 'brat',
  description: 'brat standoff: one archive of the .txt/.ann pairs and annotation.conf, for brat and INCEpTION.',
  async write({ out, rootDir }) {
    const registry = readRegistry(out.root);
    const conf = Buffer.from(bratConf(entityKinds(join(rootDir, 'schemas'))));
    const articles = readArticles(out.root);
    let next = articles.next();
    const paths: string[] = [];
    while (paths.length === 0 || !next.done) {
      const path = shardPath(`${EXPORT_DIR}/brat.tar.gz`)(paths.length + 1);
      paths.push(path);
      function* archive(): Generator<Uint8Array> {
        let bytes = 0;
        const counted = (chunks: Uint8Array[]) => {
          for (const chunk of chunks) bytes += chunk.length;
          return chunks;
        };
        yield* counted(entry('brat/', null));
        yield* counted(entry('brat/annotation.conf', conf));
        // At least one article per archive, however small the limit.
        for (let n = 0; !next.done && (n === 0 || bytes < archiveBytes); n++) {
          const article = next.value;
          yield* counted(entry(`brat/${article.id}.ann`, Buffer.from(bratAnn(article, registry))));
          yield* counted(entry(`brat/${article.id}.txt`, Buffer.from(articleText(article))));
          next = articles.next();
        }
        yield ending(bytes);
      }
      const absolute = join(out.root, path);
      mkdirSync(dirname(absolute), { recursive: true });
      await pipeline(Readable.from(archive()), createGzip({ level: 9 }), fixedOs(), createWriteStream(absolute));
      out.recordFromDisk(path);
    }
    const resource: Resource = {
      name: 'annotations-brat',
      path: paths,
      format: 'tar.gz',
      mediatype: 'application/gzip',
      description:
        'brat standoff, a gzipped tar of the collection folder brat/: annotation.conf (entity types, role ' +
        'relations, attributes), <id>.txt (the article text) and <id>.ann (text-bound spans typed by entity kind ' +
        'or annotation kind, role relations, attributes for the enumerated fields, normalisations to Wikidata ' +
        "and the dataset, notes with each annotation's id, fields and the record's version; each block a span " +
        'typed by its type, with its list Level and, on the first, the Genre) for every article. Offsets count ' +
        'Unicode code points.',
      npm: false,
      croissant: true,
    };
    return [resource];
  },
});

export const brat = bratFormat();
