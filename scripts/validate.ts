/**
 * `npm run validate [-- [--data DIR] [--format human|json|github] [--strict] [PATH…]]`: checks the data and reports
 * every finding with file, line and column. Never writes. Exit 0 when clean (warnings allowed unless --strict),
 * 1 when there are errors, 2 for usage or internal failures.
 */
import { resolve, sep } from 'node:path';
import { validateData } from './checks/run.ts';
import { formatGithub, formatHuman, formatJson, wantsColour } from './checks/report.ts';
import { commandLine, ERROR_CODES, fail, runMain, usageError } from './lib/cli.ts';
import { RULES } from './checks/rules/index.ts';
import type { Finding } from './lib/findings.ts';

const USAGE = `usage: npm run validate -- [--data DIR] [--format human|json|github] [--strict] [PATH...]

Checks every record in DIR (default: data/). With PATHs, reports only on those files; cross-file rules
still see the whole dataset.

  --data DIR      a folder with the layout of data/ (articles/, entities/, outlets/, redirects/)
  --format F      human (default), json (machine-readable, on stdout) or github (Actions annotations)
  --strict        warnings fail too
  --cache FILE    keep each file's results in FILE (outside the data folder) and reuse them for files git knows
                  unchanged: a pull request re-checks only what it changed (the findings are the same as without)
  --list-rules    list the rules (name, scope, what each enforces) and exit

Exit codes: 0 clean (warnings allowed unless --strict), 1 errors found, 2 usage or internal failure\n(docs/errors.md).`;

/** Each `--format`, by name: the report it prints. */
const FORMATS: Record<string, (findings: Finding[], filesChecked: number) => string> = {
  human: (findings, filesChecked) => formatHuman(findings, filesChecked, wantsColour(process.stdout, process.env)),
  json: formatJson,
  github: formatGithub,
};

// A reader that stops early (`| head`) is not an error of ours: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runMain(async () => {
  const { values, positionals } = commandLine(USAGE, {
    data: { type: 'string', default: 'data' },
    format: { type: 'string', default: 'human' },
    strict: { type: 'boolean', default: false },
    cache: { type: 'string' },
    'list-rules': { type: 'boolean', default: false },
  });
  if (values['list-rules']) {
    for (const rule of RULES) console.log(`${rule.name.padEnd(18)} ${rule.scope.padEnd(8)} ${rule.description}`);
    return 0;
  }
  const format = Object.hasOwn(FORMATS, values.format) ? FORMATS[values.format]! : undefined;
  if (!format) usageError(USAGE, `unknown format "${values.format}" (use ${Object.keys(FORMATS).join(', ')})`);
  if (values.cache !== undefined) {
    const cache = resolve(values.cache);
    const data = resolve(values.data);
    if (cache === data || cache.startsWith(data + sep))
      fail(
        `--cache ${values.cache} is inside the data folder; keep the cache elsewhere (e.g. ` +
          `~/.cache/annotated-news/validate)`,
      );
  }
  const { findings, filesChecked } = await validateData({
    dataDir: values.data,
    paths: positionals,
    cache: values.cache,
  });
  process.stdout.write(format(findings, filesChecked));
  if (findings.some((f) => f.internal)) return ERROR_CODES.E_INTERNAL.exit;
  if (findings.some((f) => f.severity === 'error')) return ERROR_CODES.E_DATA.exit;
  if (values.strict && findings.length > 0) return ERROR_CODES.E_DATA.exit;
  return 0;
});
