/**
 * `npm run agreement -- A.json B.json [--json]`: compares two annotations of the same article (two article records
 * whose bodies are the same text), layer by layer: span F1 exact and overlapping, Cohen's kappa on each label over
 * the matched spans, and every disagreement (scripts/lib/agreement.ts defines them). Reads only; exit 0 when the
 * comparison was made, 2 when it could not be (a file unreadable, not an article, or the texts differ).
 */
import { commandLine, usageError, fail, readText, runMain } from './lib/cli.ts';
import { npmCommand, printable } from './lib/printable.ts';
import {
  compareLayer,
  firstDifference,
  layers as spansOf,
  type Disagreement,
  type LayerAgreement,
  type Span,
} from './lib/agreement.ts';
import type { Article } from '../types/index.ts';

const USAGE = `usage: npm run agreement -- A.json B.json [--json]

Compares two annotations of the same article (article records, as in data/articles/, with the same body).
Per layer (mentions, quotes, figures, citedSources, events, times, claims): span F1, exact and overlapping;
Cohen's kappa on each label over the matched spans; and the disagreements, listed.

  --json   print the figures and the disagreements as JSON`;

function readArticle(file: string): Article {
  const text = readText(file);
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    fail(`${file}: not JSON (${(error as Error).message}); check it with \`${npmCommand('validate', [file])}\``);
  }
  const r = record as Partial<Article> | null;
  if (!Array.isArray(r?.body) || typeof r.annotations !== 'object' || !r.annotations)
    fail(
      `${file}: not an article record (it needs "body" and "annotations"); give a file like data/articles/<id>.json`,
    );
  return r as Article;
}

const number = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
const spanText = (s: { id: string; text: string; start: number; end: number }) =>
  `${s.id} “${printable(s.text.length > 60 ? `${s.text.slice(0, 57)}…` : s.text)}” [${s.start}–${s.end})`;

function describe(d: Disagreement): string {
  switch (d.kind) {
    case 'only-a':
      return `only in A   ${spanText(d.a!)}`;
    case 'only-b':
      return `only in B   ${spanText(d.b!)}`;
    case 'boundary':
      return `boundary    A ${spanText(d.a!)}  ≠  B ${spanText(d.b!)}`;
    case 'label':
      return (
        `${d.label}: A ${printable(d.a!.labels[d.label!] ?? '—')} ≠ B ` +
        `${printable(d.b!.labels[d.label!] ?? '—')}   (A ${spanText(d.a!)}; B ${d.b!.id})`
      );
  }
}

function human(a: string, b: string, layers: LayerAgreement[]): string {
  const rows = [['layer', 'A', 'B', 'exact F1', 'overlap F1', "Cohen's kappa on labels over matched spans"]];
  for (const l of layers)
    rows.push([
      l.layer,
      String(l.a),
      String(l.b),
      number(l.exact.f1),
      number(l.overlap.f1),
      l.labels.map((x) => `${x.label} ${number(x.kappa)}`).join(', ') || '—',
    ]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const table = rows.map((r) =>
    r.map((cell, c) => (c === 0 || c === 5 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
  );
  const out = [`A: ${a}`, `B: ${b}`, '', ...table.map((line) => line.trimEnd()), ''];
  out.push(
    'kappa n/a: kappa is not defined when both annotators used one and the same label, or no spans matched.',
    '',
  );
  for (const l of layers) {
    if (l.disagreements.length === 0) continue;
    out.push(`${l.layer}: ${l.disagreements.length} disagreement${l.disagreements.length === 1 ? '' : 's'}`);
    for (const d of l.disagreements) out.push(`  ${describe(d)}`);
  }
  if (layers.every((l) => l.disagreements.length === 0)) out.push('No disagreements.');
  return out.join('\n');
}

runMain(() => {
  const { values, positionals } = commandLine(USAGE, { json: { type: 'boolean', default: false } });
  if (positionals.length !== 2) usageError(USAGE, 'give two article files');
  const [fileA, fileB] = positionals as [string, string];
  const a = readArticle(fileA);
  const b = readArticle(fileB);
  const differ = firstDifference(a, b);
  if (differ)
    fail(
      `${fileA} and ${fileB} annotate different texts: they first differ in body block ${differ.block}, at ` +
        `character ${differ.character}; agreement is measured on one text, so give two annotations of the same body`,
    );
  const spans = (file: string, article: Article): Map<string, Span[]> => {
    try {
      return spansOf(article);
    } catch (error) {
      fail(
        `${file}: ${printable((error as Error).message)}; run \`${npmCommand('validate', [file])}\` and fix it first`,
      );
    }
  };
  const spansA = spans(fileA, a);
  const spansB = spans(fileB, b);
  const layers = [...spansA.keys()].map((layer) => compareLayer(layer, spansA.get(layer)!, spansB.get(layer)!));
  console.log(values.json ? JSON.stringify({ a: fileA, b: fileB, layers }, null, 2) : human(fileA, fileB, layers));
  return 0;
});
