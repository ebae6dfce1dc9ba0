/**
 * Summarises V8 CPU profiles (`node --cpu-prof` writes one `.cpuprofile` per thread): the functions with the most
 * self time, and self time by module, across the files given. Used to show where a missed target's time goes.
 * Usage: node --import tsx scripts/bench/cpu-profile.ts [--top N] FILE.cpuprofile...
 */
import { readFileSync } from 'node:fs';
import { commandLine, runMain, usageError } from '../lib/cli.ts';

/** A V8 CPU profile: the call tree's nodes, and the node each sample fell in with the time since the last one. */
interface Profile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** A module's short name: the package for node_modules, the repository path for our own files. */
function moduleOf(url: string): string {
  if (url === '') return '(V8 and native code)';
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? /\/((?:scripts|types)\/.*)$/.exec(url)?.[1] ?? url;
}

const USAGE = 'usage: bench/cpu-profile [--top N] FILE.cpuprofile...';

runMain(() => {
  const { values, positionals } = commandLine(USAGE, { top: { type: 'string', default: '15' } });
  if (positionals.length === 0) usageError(USAGE, 'give one or more CPU profiles');
  const [byFunction, byModule] = [new Map<string, number>(), new Map<string, number>()];
  const add = (to: Map<string, number>, key: string | number, micros: number) =>
    to.set(String(key), (to.get(String(key)) ?? 0) + micros);
  let total = 0;
  for (const file of positionals) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => add(self, id, profile.timeDeltas[i] ?? 0));
    for (const { id, callFrame } of profile.nodes) {
      const micros = self.get(String(id)) ?? 0;
      if (micros === 0 || callFrame.functionName === '(idle)') continue;
      total += micros;
      const [module, line] = [moduleOf(callFrame.url), callFrame.url ? `:${callFrame.lineNumber + 1}` : ''];
      add(byFunction, `${callFrame.functionName || '(anonymous)'} (${module}${line})`, micros);
      add(byModule, module, micros);
    }
  }
  const table = (title: string, rows: Map<string, number>) => {
    const top = [...rows].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
    const row = ([name, micros]: [string, number]) =>
      `| ${name.replace(/\|/g, '\\|')} | ${(micros / 1000).toFixed(0)} | ${((100 * micros) / total).toFixed(1)}% |`;
    return [`| ${title} | self ms | share |`, '| --- | ---: | ---: |', ...top.map(row)].join('\n');
  };
  console.log(`${positionals.length} profile(s), ${(total / 1000).toFixed(0)} ms of samples (idle excluded)\n`);
  console.log(`${table('function (module:line)', byFunction)}\n\n${table('module', byModule)}`);
  return 0;
});
