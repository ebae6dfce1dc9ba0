/** The layout of a data folder: which files are records (`<collection>/<id>.json`) and which are strays. */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';

/** A record file name: the id (a lowercase slug, as in types/common.ts `Id`) plus `.json`. */
export const RECORD_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/;
/** Files that may sit anywhere without being records (keeping an empty folder in git). */
const IGNORED = new Set(['.gitkeep']);

export interface RecordFile {
  collection: Collection;
  id: string;
  path: string;
}

export interface Layout {
  records: RecordFile[];
  strays: Array<{ path: string; reason: string }>;
}

function entries(dir: string): Dirent[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function readLayout(dataDir: string): Layout {
  const layout: Layout = { records: [], strays: [] };
  const byDir = new Map(COLLECTIONS.map((c) => [c.dir, c.name]));
  for (const top of entries(dataDir)) {
    if (IGNORED.has(top.name)) continue;
    const path = join(dataDir, top.name);
    const collection = top.isDirectory() ? byDir.get(top.name) : undefined;
    if (collection === undefined) {
      layout.strays.push({ path, reason: `${top.isDirectory() ? 'a folder' : 'a file'} outside the collection folders (${COLLECTIONS.map((c) => c.dir).join(', ')})` });
      continue;
    }
    for (const entry of entries(path)) {
      if (IGNORED.has(entry.name)) continue;
      const file = join(path, entry.name);
      const match = RECORD_FILE.exec(entry.name);
      if (entry.isDirectory()) layout.strays.push({ path: file, reason: 'a folder inside a collection folder' });
      else if (match && entry.isFile()) layout.records.push({ collection, id: match[1]!, path: file });
      else if (!entry.name.endsWith('.json')) layout.strays.push({ path: file, reason: 'not a .json file' });
      else if (!entry.isFile()) layout.strays.push({ path: file, reason: 'not a regular file' });
      else layout.strays.push({ path: file, reason: `"${entry.name.slice(0, -5)}" is not a valid id (lowercase letters, digits and single hyphens)` });
    }
  }
  return layout;
}
