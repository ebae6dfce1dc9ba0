/**
 * `npm run synth -- --count N --out DIR [--seed TEXT] [--force]`: writes a deterministic synthetic corpus (N valid,
 * grounded, clearly synthetic articles and the registry records they reference) in the layout of `data/`, for
 * benchmarks and tests. The same seed and count give byte-identical files. Never writes inside `data/` or `dist/`.
 */
import { commandLine, usageError, runMain, fail } from './lib/cli.ts';
import { DEFAULT_SEED, writeCorpus } from './synth/write.ts';

const USAGE = 'usage: npm run synth -- --count N --out DIR [--seed TEXT] [--force]';

runMain(() => {
  const options = {
    count: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: DEFAULT_SEED },
    force: { type: 'boolean', default: false },
  } as const;
  const { values } = commandLine(USAGE, options, false);
  if (values.count === undefined || values.out === undefined) usageError(USAGE, '--count and --out are required.');
  if (!/^\d+$/.test(values.count)) fail(`--count must be a positive integer (got ${JSON.stringify(values.count)}).`);
  const started = performance.now();
  const summary = writeCorpus({ count: Number(values.count), out: values.out, seed: values.seed, force: values.force });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Wrote ${summary.articles} articles, ${summary.entities} entities and ${summary.outlets} outlets ` +
      `(${(summary.bytes / 1e6).toFixed(1)} MB) to ${values.out} in ${seconds.toFixed(1)} s (seed ` +
      `${JSON.stringify(values.seed)}).`,
  );
  return 0;
});
