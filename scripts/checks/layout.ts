/**
 * The layout of a data folder: which files are records (`<collection>/<id>.json`) and which are strays. No name is
 * exempt: hidden names are checked like any other. The one name allowed besides records is `.gitkeep` (which keeps
 * an otherwise empty folder in git), and only as an empty regular file, so nothing can hide in or behind it. Entries
 * are classified by `lstat` type without opening them, so FIFOs, sockets, devices, links and folders with record
 * names are strays, never waits; a folder that cannot be listed is a stray with a permission hint, not a crash.
 */
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, type Collection } from '../lib/collections.ts';
import { describeEntry, fsProblem } from '../lib/regular-file.ts';

/** A record file name: the id (a lowercase slug, as in types/common.ts `Id`) plus `.json`. */
export const RECORD_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/;
/** The one non-record name allowed anywhere in the layout, as an empty regular file. */
export const KEEP_FILE = '.gitkeep';

export interface RecordFile {
  collection: Collection;
  id: string;
  path: string;
}

export interface Stray {
  path: string;
  reason: string;
  /** What to do, when the generic "move or delete it" is not right (e.g. a permission problem). */
  hint?: string;
}

export interface Layout {
  records: RecordFile[];
  strays: Stray[];
}

/** A folder's entries sorted by name, or the problem listing it. */
function entries(dir: string): Dirent[] | Stray {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    const problem = fsProblem(error, 'folder');
    return { path: dir, reason: problem.message, hint: problem.hint };
  }
}

/** Whether an entry is the allowed `.gitkeep`: an empty regular file. Anything else by that name is a stray. */
function keepFileProblem(path: string, entry: Dirent): Stray | null {
  if (!entry.isFile())
    return {
      path,
      reason: `${KEEP_FILE} is ${describeEntry(entry)}, not an empty file`,
      hint: `Only an empty regular file may be named ${KEEP_FILE}; move its contents where they belong and delete it.`,
    };
  try {
    if (lstatSync(path).size === 0) return null;
  } catch (error) {
    const problem = fsProblem(error, 'file');
    return { path, reason: problem.message, hint: problem.hint };
  }
  return {
    path,
    reason: `${KEEP_FILE} is not empty`,
    hint: `A ${KEEP_FILE} only keeps a folder in git; empty it (records go in <id>.json files).`,
  };
}

/** Why an entry of a collection folder is not a record file (`match`: its name is `<id>.json`). */
function recordProblem(path: string, entry: Dirent, match: boolean): Stray {
  if (entry.isDirectory())
    return {
      path,
      reason: match ? 'a folder named like a record' : 'a folder inside a collection folder',
      hint:
        'Records are regular files <id>.json directly in the collection folder; move what the folder ' +
        'holds out of it and delete it.',
    };
  if (!entry.isFile())
    return {
      path,
      reason: `${describeEntry(entry)}, not a regular file`,
      hint: 'Records are regular files; replace it with a regular file or delete it.',
    };
  if (!entry.name.endsWith('.json')) return { path, reason: 'not a .json file' };
  return {
    path,
    reason: `"${entry.name.slice(0, -5)}" is not a valid id (lowercase letters, digits and single hyphens)`,
  };
}

export function readLayout(dataDir: string): Layout {
  const layout: Layout = { records: [], strays: [] };
  const byDir = new Map(COLLECTIONS.map((c) => [c.dir, c.name]));
  /** The data folder's entries, or with `collection` those of its folder. */
  const visit = (dir: string, collection?: Collection) => {
    const list = entries(dir);
    if (!Array.isArray(list)) {
      layout.strays.push(list);
      return;
    }
    for (const entry of list) {
      const path = join(dir, entry.name);
      const inner = collection === undefined && entry.isDirectory() ? byDir.get(entry.name) : undefined;
      const match = collection === undefined ? null : RECORD_FILE.exec(entry.name);
      if (inner !== undefined) visit(path, inner);
      else if (collection !== undefined && match && entry.isFile())
        layout.records.push({ collection, id: match[1]!, path });
      else if (entry.name === KEEP_FILE) {
        const problem = keepFileProblem(path, entry);
        if (problem) layout.strays.push(problem);
      } else if (collection !== undefined) layout.strays.push(recordProblem(path, entry, match !== null));
      else {
        const what = entry.isDirectory() ? 'a folder' : entry.isFile() ? 'a file' : describeEntry(entry);
        layout.strays.push({
          path,
          reason: `${what} outside the collection folders (${[...byDir.keys()].join(', ')})`,
        });
      }
    }
  };
  visit(dataDir);
  return layout;
}
