/**
 * Summarises V8 CPU profiles (`node --cpu-prof` writes one `.cpuprofile` per thread): the functions with the most
 * self time, and self time by module, across the files given. Used to show where a missed target's time goes.
 * Usage: node --import tsx scripts/bench/cpu-profile.ts [--top N] FILE.cpuprofile...
 */
import { readFileSync } from 'node:fs';
import { commandLine, runMain, usageError } from '../lib/cli.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A module's short name: the package for node_modules, the repository path for our own files. */
function moduleOf(url: string): string {
  if (url === '') return '(V8 and native code)';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage && !url.includes('node_modules/.cache/')) return inPackage[1]!;
  const ours = /\/((?:scripts|types)\/.*)$/.exec(url);
  return ours ? ours[1]! : url; // transpiled files keep their path, with .js (line numbers are theirs)
}

const USAGE = 'usage: bench/cpu-profile [--top N] FILE.cpuprofile...';

runMain(() => {
  const { values, positionals } = commandLine(USAGE, { top: { type: 'string', default: '15' } });
  if (positionals.length === 0) usageError(USAGE, 'give one or more CPU profiles');
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let total = 0;
  for (const file of positionals) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    for (const node of profile.nodes) {
      const micros = self.get(node.id) ?? 0;
      if (micros === 0 || node.callFrame.functionName === '(idle)') continue;
      total += micros;
      const module = moduleOf(node.callFrame.url);
      const line = node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : '';
      const name = `${node.callFrame.functionName || '(anonymous)'} (${module}${line})`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
      byModule.set(module, (byModule.get(module) ?? 0) + micros);
    }
  }
  const top = Number(values.top);
  const table = (title: string, rows: Map<string, number>) =>
    [
      `| ${title} | self ms | share |`,
      '| --- | ---: | ---: |',
      ...[...rows]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(
          ([name, micros]) =>
            `| ${name.replace(/\|/g, '\\|')} | ${(micros / 1000).toFixed(0)} | ` +
            `${((100 * micros) / total).toFixed(1)}% |`,
        ),
    ].join('\n');
  console.log(`${positionals.length} profile(s), ${(total / 1000).toFixed(0)} ms of samples (idle excluded)\n`);
  console.log(`${table('function (module:line)', byFunction)}\n\n${table('module', byModule)}`);
  return 0;
});
