/**
 * The bundle README is also a Hugging Face dataset card: YAML front matter (licence, language, tags, and `configs`
 * that point at the JSONL and Parquet files, so `load_dataset` and the dataset viewer find them) and the sections of
 * a datasheet (Gebru et al., "Datasheets for Datasets"): motivation, composition, collection and annotation process,
 * uses, distribution, maintenance.
 */

/** A resource of the built datapackage.json, as far as the bundle and the card read it. */
export interface Resource {
  name?: string;
  path?: string | string[];
  description?: string;
  bytes?: number;
  format?: string;
}

/** A YAML scalar, quoted when it would otherwise be read as something else. */
const scalar = (text: string) => (/^[A-Za-z0-9_./-]+$/.test(text) ? text : JSON.stringify(text));

/**
 * The front matter: one config per JSONL collection (the articles first, the default) and one per Parquet table
 * (`table_<name>`), each a single `train` split.
 */
export function cardFrontMatter(descriptor: { resources?: Resource[]; keywords?: string[] }, notice: string): string {
  const resources = descriptor.resources ?? [];
  // A resource with several files (shards) is one config whose `path` lists them.
  const config = (name: string, r: Resource, isDefault = false) => {
    const paths = [r.path ?? []].flat();
    const path =
      paths.length === 1 ? scalar(paths[0]!) : `\n${paths.map((p) => `          - ${scalar(p)}`).join('\n')}`;
    return (
      `  - config_name: ${scalar(name)}${isDefault ? '\n    default: true' : ''}\n    data_files:\n` +
      `      - split: train\n        path: ${path}`
    );
  };
  const stem = (r: Resource, folder: RegExp, ext: RegExp) =>
    ([r.path ?? []].flat()[0] ?? '').replace(folder, '').replace(ext, '');
  const configs: string[] = [];
  for (const r of resources.filter((x) => x.format === 'jsonl' && x.name?.endsWith('-jsonl'))) {
    const name = stem(r, /^jsonl\//, /\.jsonl$/);
    configs.push(config(name, r, name === 'articles'));
  }
  for (const r of resources.filter((x) => x.format === 'parquet'))
    configs.push(config(`table_${stem(r, /^parquet\//, /\.parquet$/)}`, r));
  const tags = (descriptor.keywords ?? []).map((k) => `  - ${scalar(k)}`);
  return `---
# ${notice}
license: other
license_name: cc-by-4.0-annotations-unlicensed-article-text
license_link: LICENSE-DATA.md
language:
  - en
pretty_name: Annotated news
task_categories:
  - token-classification
  - text-classification
tags:
${tags.join('\n')}
configs:
${configs.join('\n')}
---
`;
}

/** The datasheet sections of the card. */
export const DATASHEET = `## Datasheet

### Motivation

A small, carefully checked corpus for work on news: who is quoted and how, which entities, figures, sources and
events an article mentions, and when. Every annotation points into the article's own text, and a check proves each
one is found there exactly once, so the data can be trusted item by item.

### Composition

News articles, each with its full text (verbatim, block by block), metadata (headline, outlet, authors, dates,
language, provenance, rights) and annotations: entity mentions, quotes (direct, partial, paraphrased; speaker,
attribution, hedges), figures (value, unit, currency), cited sources and events with their time expressions. Curator
inferences (what the text does not say) are kept apart, flagged, with a confidence and a rationale. Registries of
entities and outlets, and redirects for renamed or removed records, complete it. Offsets count Unicode code points
into the article text (the body blocks joined with a line feed).

### Collection and annotation process

Curators choose articles and copy their text verbatim from the source each record names (\`provenance\`). They
annotate by hand in one JSON file per article; \`npm run validate\` checks every file against the JSON Schemas and
every annotation against the text (each W3C TextQuoteSelector must match exactly once). Nothing is inferred silently:
unknown values are \`null\`, and a curator's belief is an inference, not a fact.

### Uses

Information extraction, quote attribution, entity linking and temporal grounding: training, evaluation and
teaching. Not suited to estimating anything about news in general: the corpus is small and chosen, not sampled.

### Distribution

The annotations, registries and curator-written text are CC BY 4.0. **The article text is not licensed by the
dataset**: see each article's \`rights\` and LICENSE-DATA.md.

### Maintenance

Changes arrive by pull request and are checked in CI. Every release has a semantic version and a changelog entry;
a removed or renamed record leaves a redirect behind. Cite the version you used (CITATION.cff in the repository).
`;
