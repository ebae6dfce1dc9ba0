/** Every rule the validator runs, in the order `--list-rules` and docs/validation.md list them. */
import type { Rule } from '../rule.ts';
import { ids } from './ids.ts';
import { references } from './references.ts';
import { repeatedReferences } from './repeated-references.ts';
import { grounding } from './grounding.ts';
import { annotationIds } from './annotation-ids.ts';
import { dates } from './dates.ts';
import { textHygiene } from './text-hygiene.ts';
import { urls } from './urls.ts';
import { figures } from './figures.ts';
import { redirects } from './redirects.ts';
import { duplicates } from './duplicates.ts';
import { strayFiles } from './stray-files.ts';
import { placeholders } from './placeholders.ts';
import { entityKinds } from './entity-kinds.ts';
import { mentionForms } from './mention-forms.ts';
import { coverage } from './coverage.ts';
import { aliases } from './aliases.ts';
import { inferencePointers } from './inference-pointers.ts';
import { sources } from './sources.ts';
import { times } from './times.ts';
import { uniqueIds } from './unique-ids.ts';
import { unreferenced } from './unreferenced.ts';
import { structure } from './structure.ts';

export const RULES: readonly Rule[] = [
  ids,
  uniqueIds,
  references,
  repeatedReferences,
  unreferenced,
  grounding,
  annotationIds,
  dates,
  textHygiene,
  urls,
  figures,
  redirects,
  duplicates,
  strayFiles,
  placeholders,
  entityKinds,
  mentionForms,
  coverage,
  aliases,
  inferencePointers,
  sources,
  times,
  structure,
];

/** The Markdown table of the rules (name, scope, what each enforces), as docs/validation.md holds it. */
export function ruleTable(): string {
  const rows = RULES.map((rule) => `| \`${rule.name}\` | ${rule.scope} | ${rule.description.replace(/\|/g, '\\|')} |`);
  return ['| rule | scope | checks |', '| --- | --- | --- |', ...rows].join('\n');
}
