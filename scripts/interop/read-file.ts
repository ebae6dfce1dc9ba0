/**
 * Reading an import file (`npm run import`), as untrusted input: JSON as strictly as a record
 * (scripts/lib/json-source.ts: size, depth, forbidden keys; a list is allowed at the root), brat as strict UTF-8
 * within the same size, W3C pages only from files in the collection's folder. Every problem is an ImportError
 * located in the file (`LINE:COLUMN (at /json/pointer)` or `LINE:1`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { decodeUtf8, lineColumn, MAX_FILE_BYTES, parseJsonSource, pointerLocator } from '../lib/json-source.ts';
import { readBrat } from './brat.ts';
import { readLabelStudio } from './label-studio.ts';
import { readW3c } from './w3c.ts';
import { ImportError, type Read } from './merge.ts';

export const FORMATS = ['brat', 'label-studio', 'w3c'] as const;
export type Format = (typeof FORMATS)[number];

/** A file's bytes, refused past the strict reader's size limit; problems are ImportErrors (located after `shown`). */
function readCapped(file: string, shown = ''): Buffer {
  const bytes = readFileSync(file);
  if (bytes.length > MAX_FILE_BYTES)
    throw new ImportError(
      shown,
      `the file is ${bytes.length} bytes, more than the limit of ${MAX_FILE_BYTES}`,
      "Import one article's export: the Label Studio task, the brat .ann, or the W3C page that holds it.",
    );
  return bytes;
}

/** A JSON import file, read as strictly as a record (a list is allowed at the root); `shown` names a page file. */
function readJson(file: string, shown = ''): { value: unknown; text: string } {
  const parsed = parseJsonSource(readCapped(file, shown), { lists: true });
  if (!parsed.ok) {
    const p = parsed.problems[0]!;
    const at = lineColumn(parsed.text, p.offset);
    throw new ImportError(`${shown}${at.line}:${at.column}`, p.message, p.hint);
  }
  return { value: parsed.value, text: parsed.text };
}

/**
 * Reads FILE in its format; every problem is an ImportError located in FILE. `locate` turns where an annotation is
 * (a JSON pointer; brat's are `LINE:1` already) into `LINE:COLUMN (at /pointer)`.
 */
export function readToolFile(
  format: Format,
  file: string,
  articleId: string,
): Read & { locate: (where: string) => string } {
  if (format === 'brat') {
    const decoded = decodeUtf8(readCapped(file));
    if (!('text' in decoded))
      throw new ImportError('', `invalid UTF-8 byte sequence at byte ${decoded.byteOffset}`, 'Save the file as UTF-8.');
    const txtPath = file.replace(/\.ann$/, '.txt');
    const txt = txtPath !== file && existsSync(txtPath) ? readCapped(txtPath).toString('utf8') : null;
    return { ...readBrat(decoded.text, txt), locate: (where) => where };
  }
  const { value, text } = readJson(file);
  const locator = pointerLocator(text);
  const locate = (where: string) => {
    if (!where.startsWith('/') && where !== '') return where;
    const at = locator(where === '/' ? '' : where);
    return `${at.line}:${at.column} (at ${where || '/'})`;
  };
  // W3C pages named by the collection: files beside it, read as strictly, never outside its folder.
  const folder = resolve(dirname(file));
  let current = resolve(file);
  const loadPage = (reference: string, where: string): unknown => {
    const path = resolve(dirname(current), reference);
    if (/^[a-z][a-z0-9+.-]*:/i.test(reference) || !path.startsWith(folder + sep) || !existsSync(path))
      throw new ImportError(where, `the page ${JSON.stringify(reference)} is no file in ${folder}`);
    current = path;
    return readJson(path, `${relative(process.cwd(), path)}:`).value;
  };
  try {
    return { ...(format === 'w3c' ? readW3c(value, articleId, loadPage) : readLabelStudio(value, articleId)), locate };
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(locate(error.where), error.message, error.hint);
    throw error;
  }
}
