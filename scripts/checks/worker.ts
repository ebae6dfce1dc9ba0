/**
 * A validation worker thread (./pool.ts): checks the record files it is sent (./check-file.ts). Rules go by name,
 * since functions cannot be sent to a thread, and are looked up in ./rules/index.ts.
 */
import { checkFile, type CheckEnvironment, type FileJob } from './check-file.ts';
import { serveJobs } from './pool.ts';
import { schemaValidators } from './schema.ts';
import { RULES } from './rules/index.ts';
import { summaryParts, type KnownIds } from './rule.ts';
import type { Registry } from './registry.ts';

/** What the pool gives each worker once (structured-cloned: its sets and maps arrive as sets and maps). */
export interface WorkerSetup {
  schemaDir: string;
  ruleNames: string[];
  known: KnownIds;
  registry: Registry;
  now: number;
  /** Results carry what the result cache needs (see ./check-file.ts). */
  cacheable: boolean;
}

serveJobs((setup: WorkerSetup) => {
  const byName = new Map(RULES.map((rule) => [rule.name, rule]));
  const rules = setup.ruleNames.map((name) => byName.get(name)!);
  const env: CheckEnvironment = {
    validators: schemaValidators(setup.schemaDir),
    rules,
    parts: summaryParts(rules),
    known: setup.known,
    registry: setup.registry,
    now: new Date(setup.now),
    cacheable: setup.cacheable,
  };
  return (job: FileJob) => checkFile(job, env);
});
