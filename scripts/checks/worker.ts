/**
 * A validation worker thread: checks the record files it is sent (./check-file.ts) and posts back their findings
 * and summaries. Started by ./pool.ts (through ../lib/worker.ts); the rules are named, since functions cannot be
 * sent to a thread, and looked up in ./rules/index.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type FileJob, type FileResult } from './check-file.ts';
import { schemaValidators } from './schema.ts';
import { RULES } from './rules/index.ts';
import type { Collection } from '../lib/collections.ts';
import { registryFrom, type RegistryData } from './registry.ts';

/** What the pool gives each worker once. */
export interface WorkerSetup {
  schemaDir: string;
  ruleNames: string[];
  known: Record<Collection, string[]>;
  registry: RegistryData;
  now: number;
  /** Results carry what the result cache needs (see ./check-file.ts). */
  cacheable?: boolean;
  /** Results carry the published record (see ./check-file.ts). */
  publishing?: boolean;
}

/** Pool → worker: a chunk of files to check, or `null` to stop. Worker → pool: `ready`, or a chunk's results. */
export type ToWorker = FileJob[] | null;
export type FromWorker = { ready: true } | { results: FileResult[] };

const setup = workerData as WorkerSetup;
const port = parentPort!;
const byName = new Map(RULES.map((rule) => [rule.name, rule]));
const env = {
  validators: schemaValidators(setup.schemaDir),
  rules: setup.ruleNames.map((name) => byName.get(name)!),
  known: {
    articles: new Set(setup.known.articles),
    entities: new Set(setup.known.entities),
    outlets: new Set(setup.known.outlets),
    redirects: new Set(setup.known.redirects),
  },
  registry: registryFrom(setup.registry),
  now: new Date(setup.now),
  cacheable: setup.cacheable ?? false,
  publishing: setup.publishing ?? false,
};

port.on('message', (chunk: ToWorker) => {
  if (chunk === null) {
    port.close();
    return;
  }
  const results = chunk.map((job) => checkFile(job, env));
  // Most articles reference the same registry entries: send each id once per chunk (the pool only collects them).
  // (Not when results are cached: each must be whole.)
  const seen = { entities: new Set<string>(), outlets: new Set<string>() };
  for (const result of results) {
    if (!result.references || setup.cacheable) continue;
    for (const collection of ['entities', 'outlets'] as const) {
      result.references[collection] = result.references[collection].filter(
        (id) => !seen[collection].has(id) && seen[collection].add(id),
      );
    }
  }
  port.postMessage({ results } satisfies FromWorker);
});
port.postMessage({ ready: true } satisfies FromWorker);
