/**
 * Shared by the browser tests: Debian's Chromium driven by playwright-core (one fresh profile per launch), a static
 * file server on the loopback interface, and the dataset site of a build.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Runs `npm run site -- --dist DIST --out <a temporary folder>` and returns the site's folder. */
export function siteOf(dist: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'site-')), 'site');
  const main = join(import.meta.dirname, '..', 'scripts', 'site', 'main.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', main, '--dist', dist, '--out', out], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm run site failed (${run.status}):\n${run.stdout}${run.stderr}`);
  return out;
}

/** Why the browser tests cannot run here, or `null` when they can. */
export function browserUnavailable(): string | null {
  try {
    statSync(CHROMIUM);
    return null;
  } catch {
    return `${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (.ci/run does)`;
  }
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium with a fresh profile; `close()` also removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.jsonl': 'application/jsonl',
};

/** Serves the files under `root` on 127.0.0.1 (a folder serves its `index.html`). */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let path = normalize(join(root, pathname));
    if (path !== root && !path.startsWith(root + sep)) return void response.writeHead(403).end();
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      const size = statSync(path).size;
      response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'content-length': size,
      });
      createReadStream(path).pipe(response);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Console errors and uncaught exceptions of a page, gathered from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  return errors;
}
