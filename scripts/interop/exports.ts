/**
 * The annotation-tool exports `npm run build` writes under `dist/annotations/`, each per article and for the whole
 * dataset, as one format (interim: scripts/publish/formats/w3c.ts writes all four), each file declared as a resource:
 *
 * - `w3c/<id>.jsonld` and `w3c.jsonld`: W3C Web Annotation `AnnotationCollection`s (JSON-LD);
 * - `brat/<id>.txt` + `brat/<id>.ann` and `brat/annotation.conf`: brat standoff (a brat collection folder);
 * - `label-studio/<id>.json`, `label-studio/tasks.json` and `label-studio/config.xml`: Label Studio tasks and the
 *   labelling configuration that matches them;
 * - `spacy/<id>.jsonl` and `spacy.jsonl`: spaCy-style entity spans.
 *
 * Articles are read back one at a time from the published JSON Lines (their selectors already positioned), so
 * memory holds one article and the registries.
 */
import { join } from 'node:path';
import { readLines } from '../lib/lines.ts';
import type { Article, Entity } from '../../types/index.ts';
import type { Format, Resource } from '../publish/formats/format.ts';
import { jsonlPath } from '../publish/json.ts';
import type { Registry } from './layers.ts';
import { entityKinds } from './registry.ts';
import { W3C_CONTEXT, w3cCollection } from './w3c.ts';
import { bratAnn, bratConf } from './brat.ts';
import { labelStudioConfig, labelStudioTask } from './label-studio.ts';
import { spacyLine } from './spacy.ts';
import { articleText } from '../lib/text-quote.ts';

export const EXPORT_DIR = 'annotations';
export const LABEL_STUDIO_CONFIG = `${EXPORT_DIR}/label-studio/config.xml`;

/** Strips the derived `start`/`end` of published selectors: the exports position selectors themselves. */
function unpositioned(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpositioned);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const isSelector = typeof record.exact === 'string';
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record))
      if (!(isSelector && (k === 'start' || k === 'end'))) out[k] = unpositioned(v);
    return out;
  }
  return value;
}

export const annotationExports: Format = {
  name: 'w3c',
  description:
    'The annotations for W3C Web Annotation, brat, Label Studio and spaCy (interim: all four in one module).',
  write({ out, rootDir, info }) {
    const entities = new Map<string, Entity>();
    for (const line of readLines(join(out.root, jsonlPath('entities')))) {
      const entity = JSON.parse(line) as Entity;
      entities.set(entity.id, entity);
    }
    const outlets = new Set<string>();
    for (const line of readLines(join(out.root, jsonlPath('outlets'))))
      outlets.add((JSON.parse(line) as { id: string }).id);
    const registry: Registry = { entities, outlets };
    const kinds = entityKinds(join(rootDir, 'schemas'));

    const w3c = out.open(`${EXPORT_DIR}/w3c.jsonld`);
    w3c.write(
      `{"@context":${JSON.stringify(W3C_CONTEXT)},"id":"urn:annotated-news:dataset:annotations","type":"AnnotationCollection","label":${JSON.stringify(`annotated-news ${info.version}: every annotation`)},"first":{"type":"AnnotationPage","startIndex":0,"items":[`,
    );
    const tasks = out.open(`${EXPORT_DIR}/label-studio/tasks.json`);
    tasks.write('[');
    const spacy = out.open(`${EXPORT_DIR}/spacy.jsonl`);
    let total = 0;
    let first = true;
    const perArticle = { w3c: [] as string[], brat: [] as string[], ls: [] as string[], spacy: [] as string[] };
    for (const line of readLines(join(out.root, jsonlPath('articles')))) {
      const article = unpositioned(JSON.parse(line)) as Article;
      const collection = w3cCollection(article, registry);
      const at = (folder: string, ext: string) => `${EXPORT_DIR}/${folder}/${article.id}.${ext}`;
      perArticle.w3c.push(at('w3c', 'jsonld'));
      perArticle.brat.push(at('brat', 'txt'), at('brat', 'ann'));
      perArticle.ls.push(at('label-studio', 'json'));
      perArticle.spacy.push(at('spacy', 'jsonl'));
      out.write(at('w3c', 'jsonld'), `${JSON.stringify(collection, null, 1)}\n`);
      const items = (collection.first as { items: unknown[] }).items;
      for (const item of items) {
        w3c.write(`${total === 0 ? '' : ','}\n${JSON.stringify(item)}`);
        total++;
      }
      out.write(at('brat', 'txt'), articleText(article));
      out.write(at('brat', 'ann'), bratAnn(article, registry));
      const task = JSON.stringify(labelStudioTask(article, registry));
      out.write(at('label-studio', 'json'), `[${task}]\n`);
      tasks.write(`${first ? '' : ','}\n${task}`);
      const spacyText = spacyLine(article, registry);
      out.write(at('spacy', 'jsonl'), spacyText);
      spacy.write(spacyText);
      first = false;
    }
    w3c.write(`\n]},"total":${total}}\n`);
    w3c.close();
    tasks.write('\n]\n');
    tasks.close();
    spacy.close();
    out.write(`${EXPORT_DIR}/brat/annotation.conf`, bratConf(kinds));
    out.write(LABEL_STUDIO_CONFIG, labelStudioConfig(kinds));
    const per = (what: string) => `${what} The same for one article: ${EXPORT_DIR}/`;
    const resources: Omit<Resource, 'npm' | 'croissant'>[] = [
      {
        name: 'annotations-w3c',
        path: `${EXPORT_DIR}/w3c.jsonld`,
        format: 'jsonld',
        mediatype: 'application/ld+json',
        encoding: 'utf-8',
        description: `${per('Every annotation as a W3C Web Annotation (JSON-LD AnnotationCollection): targets with TextQuoteSelector and TextPositionSelector (Unicode code points), bodies with the linked record (Wikidata IRI when known, else the dataset URN) and the fields.')}w3c/<id>.jsonld.`,
      },
      {
        name: 'annotations-brat-config',
        path: `${EXPORT_DIR}/brat/annotation.conf`,
        format: 'conf',
        mediatype: 'text/plain',
        encoding: 'utf-8',
        description:
          "brat standoff: the annotation configuration of the brat collection folder annotations/brat/, which holds <id>.txt (the article text) and <id>.ann (entity types, role relations, normalisations to Wikidata and the dataset, notes with each annotation's id and fields) for every article. Offsets count Unicode code points.",
      },
      {
        name: 'annotations-label-studio',
        path: `${EXPORT_DIR}/label-studio/tasks.json`,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        description: `${per('Label Studio tasks (one per article, with its annotations as regions; offsets in code points, as Label Studio counts them), for the labelling configuration in label-studio/config.xml.')}label-studio/<id>.json.`,
      },
      {
        name: 'annotations-label-studio-config',
        path: LABEL_STUDIO_CONFIG,
        format: 'xml',
        mediatype: 'application/xml',
        encoding: 'utf-8',
        description:
          'The Label Studio labelling configuration that matches the tasks (paste it into the project settings).',
      },
      {
        name: 'annotations-spacy',
        path: `${EXPORT_DIR}/spacy.jsonl`,
        format: 'jsonl',
        mediatype: 'application/jsonl',
        encoding: 'utf-8',
        description: `${per('spaCy-style JSON Lines: one article per line, {"text", "spans": [{start, end, label, kb_id, text}], "meta"}; offsets are Python str indexes (code points).')}spacy/<id>.jsonl.`,
      },
    ];
    const articleFiles: Omit<Resource, 'npm' | 'croissant'>[] = [
      { name: 'annotations-w3c-articles', path: perArticle.w3c, format: 'jsonld', mediatype: 'application/ld+json' },
      { name: 'annotations-brat-articles', path: perArticle.brat, format: 'brat', mediatype: 'text/plain' },
      { name: 'annotations-label-studio-articles', path: perArticle.ls, format: 'json', mediatype: 'application/json' },
      { name: 'annotations-spacy-articles', path: perArticle.spacy, format: 'jsonl', mediatype: 'application/jsonl' },
    ]
      .filter((r) => r.path.length > 0)
      .map((r) => ({
        ...r,
        encoding: 'utf-8' as const,
        description: `The same export, one article per file (interim).`,
      }));
    return [...resources, ...articleFiles].map((r) => ({ ...r, npm: false, croissant: false }));
  },
};
