/**
 * The CSV tables and datapackage.json: read back with a real CSV parser they reproduce data.json; every table
 * conforms to its Table Schema; the descriptor validates against the official Frictionless v2 profile; DuckDB loads
 * every table with the row counts the JSON gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { DuckDBInstance } from '@duckdb/node-api';
import type { PositionedSelector, PublishedArticle, PublishedDataset } from '../types/index.ts';
import { FRICTIONLESS_PROFILES } from './helpers.ts';
import { build, FIXTURE_DATA, REPO_DATA, readCsv, readJson, type CsvCell } from './fixtures/publish/support.ts';

const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin;
const PROFILES = FRICTIONLESS_PROFILES;

interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  description: string;
  constraints: { required?: boolean; unique?: boolean; enum?: string[]; minLength?: number; maxLength?: number; minimum?: number; maximum?: number };
}
interface Resource {
  name: string;
  path: string;
  type?: string;
  bytes: number;
  hash: string;
  encoding: string;
  dialect?: { delimiter: string; lineTerminator: string; header: boolean };
  schema?: {
    fields: Field[];
    missingValues: string[];
    primaryKey: string[];
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  };
}
interface Descriptor {
  name: string;
  version: string;
  resources: Resource[];
}

type Value = string | number | boolean | null;

/** A cell typed by its Table Schema field; null when missing. */
function typed(cell: CsvCell, field: Field): Value {
  if (cell === null) return null;
  switch (field.type) {
    case 'integer':
    case 'number':
      return Number(cell);
    case 'boolean':
      return cell === 'true';
    default:
      return cell;
  }
}

/** Every table of a build, typed by its Table Schema. */
function loadTables(out: string, descriptor: Descriptor): Map<string, Record<string, Value>[]> {
  const tables = new Map<string, Record<string, Value>[]>();
  for (const resource of descriptor.resources.filter((r) => r.schema)) {
    const { rows } = readCsv(join(out, resource.path));
    const fields = resource.schema!.fields;
    tables.set(resource.name, rows.map((row) => Object.fromEntries(fields.map((f) => [f.name, typed(row[f.name] ?? null, f)]))));
  }
  return tables;
}

/** Rebuilds the articles from the CSV tables alone, independently of the code that wrote them. */
function articlesFromTables(tables: Map<string, Record<string, Value>[]>): PublishedArticle[] {
  const table = (name: string) => tables.get(name)!;
  const of = (name: string, article: Value | undefined, key = 'article') =>
    table(name).filter((r) => r[key] === article).sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
  const sel = (r: Record<string, Value>, p = ''): PositionedSelector | null =>
    r[`${p}exact`] === null
      ? null
      : {
          exact: r[`${p}exact`] as string,
          ...(r[`${p}prefix`] === null ? {} : { prefix: r[`${p}prefix`] as string }),
          ...(r[`${p}suffix`] === null ? {} : { suffix: r[`${p}suffix`] as string }),
          start: r[`${p}start`] as number,
          end: r[`${p}end`] as number,
        };
  const selectorsOf = (name: string, article: Value | undefined, key: string, id: Value | undefined) =>
    of(name, article).filter((r) => r[key] === id).map((r) => sel(r)!);
  const valuesOf = (name: string, article: Value | undefined, key: string, id: Value | undefined, column: string) =>
    of(name, article).filter((r) => r[key] === id).map((r) => r[column]);
  const source = (r: Record<string, Value>, p: string) => ({
    kind: r[`${p}kind`],
    entity: r[`${p}entity`],
    affiliation: r[`${p}affiliation`],
    selector: sel(r, p),
  });
  return table('articles').map((a) => {
    const id = a.id;
    const article = {
      id,
      headline: { text: a.headline, origin: a.headline_origin },
      url: a.url,
      publisher: a.publisher,
      authors: a.authors_known ? of('authors', id).map((r) => ({ name: r.name, entity: r.entity })) : null,
      datePublished: a.date_published,
      dateModified: a.date_modified,
      language: a.language,
      body: of('body-blocks', id).map((r) => ({ type: r.type, text: r.text })),
      keywords: of('keywords', id).map((r) => r.keyword),
      provenance: {
        source: a.provenance_source,
        sourceUrl: a.provenance_source_url,
        dateAdded: a.provenance_date_added,
        addedBy: a.provenance_added_by,
      },
      rights: { status: a.rights_status, holder: a.rights_holder, license: a.rights_license, note: a.rights_note },
      annotations: {
        mentions: of('mentions', id).map((r) => ({
          id: r.id,
          selector: sel(r),
          entity: r.entity,
          form: r.form,
          ...(r.stands_for === null ? {} : { standsFor: r.stands_for }),
        })),
        quotes: of('quotes', id).map((r) => ({
          id: r.id,
          selector: sel(r),
          continuations: selectorsOf('quote-continuations', id, 'quote', r.id),
          kind: r.kind,
          source: source(r, 'source_'),
          cue: selectorsOf('quote-cues', id, 'quote', r.id),
          hedges: selectorsOf('quote-hedges', id, 'quote', r.id),
          outlet: r.outlet,
        })),
        figures: of('figures', id).map((r) => ({
          id: r.id,
          selector: sel(r),
          value: r.value,
          unit: r.unit,
          currency: r.currency,
          measures: r.measures,
          assertedBy: r.asserted_by,
          hedges: selectorsOf('figure-hedges', id, 'figure', r.id),
        })),
        citedSources: of('cited-sources', id).map((r) => ({ id: r.id, selector: sel(r), outlet: r.outlet })),
        events: of('events', id).map((r) => ({
          id: r.id,
          selector: sel(r),
          description: r.description,
          entity: r.entity,
          setting: r.setting,
          place: r.place,
          participants: valuesOf('event-participants', id, 'event', r.id, 'participant'),
          time:
            r.time_exact === null
              ? null
              : {
                  selector: sel(r, 'time_'),
                  type: r.time_type,
                  value: r.time_value,
                  begin: r.time_interval_begin,
                  end: r.time_interval_end,
                  relative: r.time_relative_unit === null ? null : { unit: r.time_relative_unit, offset: r.time_relative_offset },
                },
        })),
        claims: of('claims', id).map((r) => ({
          id: r.id,
          selector: sel(r),
          claimReviewed: r.claim_reviewed,
          claimant: source(r, 'claimant_'),
          checkable: r.checkable,
          isBasedOn: valuesOf('claim-bases', id, 'claim', r.id, 'annotation'),
          reviews: of('claim-reviews', id)
            .filter((v) => v.claim === r.id)
            .map((v) => ({ url: v.url, outlet: v.outlet, reviewRating: v.review_rating, datePublished: v.date_published })),
        })),
      },
      inferences: of('inferences', id).map(({ article: _a, ...r }) => r),
    };
    return article as unknown as PublishedArticle;
  });
}

/** The rows each table should have, counted from data.json. */
function expectedCounts(d: PublishedDataset): Record<string, number> {
  const sum = <T>(list: T[], count: (item: T) => number) => list.reduce((n, item) => n + count(item), 0);
  const a = d.articles;
  return {
    articles: a.length,
    'body-blocks': sum(a, (x) => x.body.length),
    keywords: sum(a, (x) => x.keywords.length),
    authors: sum(a, (x) => x.authors?.length ?? 0),
    mentions: sum(a, (x) => x.annotations.mentions.length),
    quotes: sum(a, (x) => x.annotations.quotes.length),
    'quote-continuations': sum(a, (x) => sum(x.annotations.quotes, (q) => q.continuations.length)),
    'quote-cues': sum(a, (x) => sum(x.annotations.quotes, (q) => q.cue.length)),
    'quote-hedges': sum(a, (x) => sum(x.annotations.quotes, (q) => q.hedges.length)),
    figures: sum(a, (x) => x.annotations.figures.length),
    'figure-hedges': sum(a, (x) => sum(x.annotations.figures, (f) => f.hedges.length)),
    'cited-sources': sum(a, (x) => x.annotations.citedSources.length),
    events: sum(a, (x) => x.annotations.events.length),
    'event-participants': sum(a, (x) => sum(x.annotations.events, (e) => e.participants.length)),
    claims: sum(a, (x) => x.annotations.claims.length),
    'claim-bases': sum(a, (x) => sum(x.annotations.claims, (c) => c.isBasedOn.length)),
    'claim-reviews': sum(a, (x) => sum(x.annotations.claims, (c) => c.reviews.length)),
    inferences: sum(a, (x) => x.inferences.length),
    entities: d.entities.length,
    'entity-aliases': sum(d.entities, (e) => e.aliases.length),
    'entity-demonyms': sum(d.entities, (e) => e.demonyms.length),
    'entity-roles': sum(d.entities, (e) => e.roles.length),
    outlets: d.outlets.length,
    redirects: d.redirects.length,
    'redirect-targets': sum(d.redirects, (r) => r.to.length),
  };
}

/** Checks one table against its Table Schema the way a Frictionless validator would; returns the problems. */
function conformance(out: string, resource: Resource, all: Map<string, Record<string, Value>[]>): string[] {
  const problems: string[] = [];
  const schema = resource.schema!;
  const { header, rows } = readCsv(join(out, resource.path));
  if (JSON.stringify(header) !== JSON.stringify(schema.fields.map((f) => f.name))) problems.push(`header ${header.join(',')}`);
  const missing = (cell: CsvCell) => cell === null || schema.missingValues.includes(cell);
  rows.forEach((row, i) => {
    for (const field of schema.fields) {
      const cell = row[field.name] ?? null;
      const where = `${resource.path} row ${i + 2} ${field.name}`;
      const c = field.constraints;
      if (missing(cell)) {
        if (c.required) problems.push(`${where}: required`);
        continue;
      }
      const text = cell!;
      const valid = {
        integer: /^-?\d+$/.test(text),
        number: /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text),
        boolean: text === 'true' || text === 'false',
        date: /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)),
        string: true,
      }[field.type];
      if (!valid) problems.push(`${where}: not a ${field.type}: ${text}`);
      if (c.enum && !c.enum.includes(text)) problems.push(`${where}: not in enum`);
      const length = [...text].length;
      if (c.minLength !== undefined && length < c.minLength) problems.push(`${where}: shorter than ${c.minLength}`);
      if (c.maxLength !== undefined && length > c.maxLength) problems.push(`${where}: longer than ${c.maxLength}`);
      if (c.minimum !== undefined && Number(text) < c.minimum) problems.push(`${where}: below ${c.minimum}`);
      if (c.maximum !== undefined && Number(text) > c.maximum) problems.push(`${where}: above ${c.maximum}`);
    }
  });
  const keyOf = (row: Record<string, unknown>, fields: string[]) => JSON.stringify(fields.map((f) => row[f]));
  const primary = new Set(rows.map((row) => keyOf(row, schema.primaryKey)));
  if (primary.size !== rows.length) problems.push(`${resource.path}: primary key ${schema.primaryKey} is not unique`);
  for (const field of schema.fields.filter((f) => f.constraints.unique)) {
    if (new Set(rows.map((r) => r[field.name])).size !== rows.length) problems.push(`${resource.path}: ${field.name} not unique`);
  }
  const typedRows = all.get(resource.name)!;
  for (const fk of schema.foreignKeys ?? []) {
    const target = all.get(fk.reference.resource);
    if (!target) {
      problems.push(`${resource.path}: foreign key to unknown resource ${fk.reference.resource}`);
      continue;
    }
    const keys = new Set(target.map((row) => keyOf(row, fk.reference.fields)));
    for (const row of typedRows) {
      if (fk.fields.some((f) => row[f] === null)) continue;
      if (!keys.has(keyOf(row, fk.fields))) problems.push(`${resource.path}: ${fk.fields} = ${keyOf(row, fk.fields)} not in ${fk.reference.resource}`);
    }
  }
  return problems;
}

for (const [label, out] of [
  ['the fixture', build(FIXTURE_DATA)],
  ['a fresh build of data/', build(REPO_DATA)],
] as const) {
  const descriptor = readJson<Descriptor>(join(out, 'datapackage.json'));
  const dataset = readJson<PublishedDataset>(join(out, 'data.json'));
  const tables = loadTables(out, descriptor);

  test(`${label}: the CSVs, read back with csv-parse, rebuild every article and registry record of data.json`, () => {
    assert.deepEqual(articlesFromTables(tables), dataset.articles);
    const entities = tables.get('entities')!.map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: tables.get('entity-aliases')!.filter((r) => r.entity === e.id).map((r) => r.alias),
      demonyms: tables.get('entity-demonyms')!.filter((r) => r.entity === e.id).map((r) => r.demonym),
      roles: tables
        .get('entity-roles')!
        .filter((r) => r.entity === e.id)
        .map((r) => ({ title: r.title, of: r.of, start: r.start, end: r.end })),
      identifiers: Object.fromEntries(
        [['iso3166', e.iso3166], ['elementSymbol', e.element_symbol], ['atomicNumber', e.atomic_number], ['wikidata', e.wikidata]].filter(([, v]) => v !== null),
      ),
    }));
    assert.deepEqual(entities, dataset.entities);
    assert.deepEqual(tables.get('outlets'), dataset.outlets);
    const redirects = tables.get('redirects')!.map((r) => ({
      ...r,
      to: tables.get('redirect-targets')!.filter((t) => t.redirect === r.id).map((t) => t.target),
    }));
    assert.deepEqual(redirects, dataset.redirects.map(({ id, collection, kind, reason, since, to }) => ({ id, collection, kind, reason, since, to })));
  });

  test(`${label}: every CSV conforms to its Table Schema (header, types, constraints, keys)`, () => {
    const problems = descriptor.resources.filter((r) => r.schema).flatMap((r) => conformance(out, r, tables));
    assert.deepEqual(problems, []);
  });

  test(`${label}: CSV files are UTF-8 without a BOM, CRLF-terminated, as the dialect says`, () => {
    for (const resource of descriptor.resources.filter((r) => r.schema)) {
      const bytes = readFileSync(join(out, resource.path));
      assert.notDeepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${resource.path} has a BOM`);
      assert.equal(resource.dialect?.lineTerminator, '\r\n');
      assert.ok(bytes.toString('utf8').endsWith('\r\n'), resource.path);
      assert.equal(resource.encoding, 'utf-8');
    }
  });

  test(`${label}: datapackage.json validates against the official Frictionless v2 profile; sizes and hashes match`, () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(readJson<object>(join(PROFILES, 'datapackage.json')));
    assert.ok(validate(descriptor), JSON.stringify(validate.errors, null, 2));
    const validateSchema = ajv.compile(readJson<object>(join(PROFILES, 'tableschema.json')));
    const validateDialect = ajv.compile(readJson<object>(join(PROFILES, 'tabledialect.json')));
    for (const resource of descriptor.resources) {
      const bytes = readFileSync(join(out, resource.path));
      assert.equal(resource.bytes, bytes.length, resource.path);
      assert.equal(resource.hash, `sha256:${createHash('sha256').update(bytes).digest('hex')}`, resource.path);
      if (resource.schema) {
        assert.ok(validateSchema(resource.schema), `${resource.name}: ${JSON.stringify(validateSchema.errors)}`);
        assert.ok(validateDialect(resource.dialect), `${resource.name}: ${JSON.stringify(validateDialect.errors)}`);
        for (const field of resource.schema.fields) assert.ok(field.description.length > 0, `${resource.name}.${field.name} has no description`);
      }
    }
    const csvFiles = readdirSync(join(out, 'csv')).map((f) => `csv/${f}`).sort();
    assert.deepEqual(descriptor.resources.filter((r) => r.schema).map((r) => r.path).sort(), csvFiles);
    assert.equal(descriptor.version, dataset.version);
  });

  test(`${label}: DuckDB loads every table with the row counts data.json gives`, async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const sqlType = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE' };
      const counts: Record<string, number> = {};
      for (const resource of descriptor.resources.filter((r) => r.schema)) {
        const columns = resource.schema!.fields.map((f) => `'${f.name}': '${sqlType[f.type]}'`).join(', ');
        const table = `"${resource.name}"`;
        await connection.run(
          `CREATE TABLE ${table} AS SELECT * FROM read_csv('${join(out, resource.path)}', header = true, delim = ',', quote = '"', escape = '"', columns = {${columns}})`,
        );
        const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`);
        counts[resource.name] = reader.getRowObjectsJS()[0]!.n as number;
      }
      assert.deepEqual(counts, expectedCounts(dataset));
      // Multi-line text survives, and the foreign keys join.
      const text = await connection.runAndReadAll(`SELECT text FROM articles ORDER BY id`);
      assert.deepEqual(text.getRowObjectsJS().map((r) => r.text), dataset.articles.map((a) => a.body.map((b) => b.text).join('\n')));
      const joined = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM mentions JOIN entities ON mentions.entity = entities.id`);
      assert.equal(joined.getRowObjectsJS()[0]!.n, counts.mentions);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
}
