/**
 * Converts a source text (Markdown, as pandoc's `markdown_strict` writes it, or plain text) into the blocks of an
 * article body and the metadata of its YAML front matter, for `npm run new -- <id> --from FILE`. Pure: no I/O.
 *
 * The words are kept verbatim and the markup goes: link text stays and its target goes; emphasis markers, code
 * backticks, `<sup>`/`<sub>` tags, HTML comments and thematic breaks go; backslash escapes and character references
 * are resolved; soft-wrapped lines (and hard line breaks) join with one space. Paragraphs become `paragraph`
 * blocks; headings and paragraphs that are bold and nothing else become `subheading` blocks; each bulleted or
 * numbered list item becomes a `listItem` block with its nesting level. What has no place in a body (tables,
 * images, raw HTML, code blocks, block quotes, list items of several paragraphs) is a `ConversionError` naming its
 * line and column, never silently dropped.
 */
import { load, FAILSAFE_SCHEMA } from 'js-yaml';
import type { Block } from '../../types/index.ts';

/** What cannot be converted, and where (1-based line and column in the file). */
export class ConversionError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column = 1,
    readonly hint = '',
  ) {
    super(message);
  }
}

/** The front matter fields `new --from` reads; each is a string when present. */
export interface FrontMatter {
  title?: string;
  source_url?: string;
  published_time?: string;
  modified_time?: string;
}

export interface SourceText {
  frontMatter: FrontMatter;
  body: Block[];
}

interface Line {
  text: string;
  /** 1-based line number in the file. */
  number: number;
}

const TAGS_KEPT = /<\/?(?:sup|sub)>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const LIST_MARKER = /^( *)([-*+]|\d{1,9}[.)])( {1,4}|$)/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Characters Markdown lets a backslash escape; each is held in a private-use character while markup is removed. */
const ESCAPABLE = '\\`*_{}[]()#+-.!<>|"$\'';
const HELD = 0xe000;

/** Blocks that have no place in an article body, by how their first line starts: what each is, and the hint. */
const REFUSED_BLOCKS: ReadonlyArray<[RegExp, string, string]> = [
  [/^\||^[-:| ]*\|[-:| ]*-{3,}/, 'a table', 'Write the table out as paragraphs by hand, or leave it out.'],
  [/^<(?!!--|(?:sup|sub)>)[A-Za-z/]/i, 'raw HTML', 'Replace the HTML by its text.'],
  [/^>/, 'a block quote', 'Make it a paragraph by hand if it is part of the article.'],
  [/^(?:```|~~~)/, 'a code block', 'Make it a paragraph by hand if it is part of the article.'],
];

const blank = (text: string) => text.trim() === '' || /^\s*<!--.*-->\s*$/.test(text);
const indentOf = (text: string) => text.length - text.trimStart().length;

/** Splits off YAML front matter (`---` … `---` at the very top) and parses it with the failsafe schema (strings). */
function splitFrontMatter(text: string): { frontMatter: FrontMatter; lines: Line[] } {
  const all = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lines = all.map((t, i) => ({ text: t, number: i + 1 }));
  if (all[0] !== '---') return { frontMatter: {}, lines };
  const end = all.findIndex((t, i) => i > 0 && (t === '---' || t === '...'));
  if (end < 0)
    throw new ConversionError('the front matter opened here is never closed', 1, 1, 'End it with a line `---`.');
  let parsed: unknown;
  try {
    parsed = load(all.slice(1, end).join('\n'), { schema: FAILSAFE_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? 'not YAML';
    throw new ConversionError(
      `the front matter is not valid YAML: ${reason}`,
      (mark?.line ?? 0) + 2,
      (mark?.column ?? 0) + 1,
    );
  }
  const frontMatter: Record<string, string> = {};
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') frontMatter[key] = value.trim();
  }
  return { frontMatter, lines: lines.slice(end + 1) };
}

/** Joins the lines of one block into one line: each trimmed (hard breaks too), joined with one space. */
function joinLines(lines: readonly Line[]): { joined: string; starts: { at: number; line: Line }[] } {
  const starts: { at: number; line: Line }[] = [];
  let joined = '';
  for (const line of lines) {
    const text = line.text.trim().replace(/\\$/, '').trimEnd();
    if (text === '') continue;
    if (joined !== '') joined += ' ';
    starts.push({ at: joined.length, line });
    joined += text;
  }
  return { joined, starts };
}

/**
 * One block's text: its lines joined, then `strip` (markup the caller removes), then its inline markup removed. An
 * error names the line and column of what cannot be converted.
 */
function blockText(lines: readonly Line[], strip: (text: string) => string): string {
  const { joined, starts } = joinLines(lines);
  try {
    return inline(strip(joined));
  } catch (error) {
    if (!(error instanceof Located)) throw error;
    const { at, line } = [...starts].reverse().find((s) => s.at <= error.index) ?? starts[0]!;
    throw new ConversionError(error.message, line.number, error.index - at + indentOf(line.text) + 1, error.hint);
  }
}

/** An inline problem at an index of the joined text, located by `blockText`. */
class Located extends Error {
  constructor(
    message: string,
    readonly index: number,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Removes the inline markup of one block's text (joined onto one line). Escapes keep their length (NUL + held). */
function inline(text: string): string {
  let s = text.replace(/\\(.)/g, (whole, c: string) =>
    ESCAPABLE.includes(c) ? `\0${String.fromCharCode(HELD + ESCAPABLE.indexOf(c))}` : whole,
  );
  const refuse = (pattern: RegExp, what: string, hint: string) => {
    const found = pattern.exec(s);
    if (found) throw new Located(`${what}: ${found[0].slice(0, 40)}`, found.index, hint);
  };
  refuse(
    /!\[[^\]]*\]\([^)]*\)/,
    'an image cannot be converted',
    'Remove the image (its caption, if any, is a paragraph).',
  );
  s = s.replace(COMMENT, (c) => '\0'.repeat(c.length)).replace(TAGS_KEPT, (t) => '\0'.repeat(t.length));
  refuse(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?>/, 'raw HTML cannot be converted', 'Replace the HTML by its text.');
  s = s
    .replace(/<((?:https?|mailto):[^<>\s]+)>/g, '$1') // an autolink shows its address
    .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g, '$1') // a link keeps its text
    .replace(/(`+)(.+?)\1/g, (_, _ticks, code: string) => code.trim())
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '$1')
    .replace(/(?<![\p{L}\p{N}])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec?: string, hex?: string, name?: string) =>
      dec || hex
        ? String.fromCodePoint(parseInt(dec ?? hex!, dec ? 10 : 16))
        : (ENTITIES[name!.toLowerCase()] ?? whole),
    );
  return s
    .replace(/\0/g, '')
    .replace(/[\ue000-\ue0ff]/g, (c) => ESCAPABLE[c.charCodeAt(0) - HELD]!)
    .trim();
}

/** A paragraph's text that is bold and nothing else (`**Here’s what you missed:**`) acts as a heading. */
const boldOnly = (raw: string) => /^(\*\*|__)(?:(?!\1).)+\1$/.test(raw);

/** Converts a Markdown source. */
export function convertMarkdown(text: string): SourceText {
  const { frontMatter, lines } = splitFrontMatter(text);
  const body: Block[] = [];
  /** The open list items: the column of each marker and of its text. */
  const open: { marker: number; content: number }[] = [];
  let i = 0;
  const push = (type: Block['type'], raw: Line[], level?: number) => {
    let heading = type === 'subheading';
    const text = blockText(raw, (joined) => {
      heading ||= type === 'paragraph' && boldOnly(joined);
      // An ATX heading's hashes are markup; replaced by NULs, so columns stay right.
      return joined.replace(/^#{1,6}\s+|\s+#+$/g, (h) => (type === 'subheading' ? '\0'.repeat(h.length) : h));
    });
    if (text === '') return;
    body.push(level === undefined ? { type: heading ? 'subheading' : 'paragraph', text } : { type, level, text });
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line.text)) {
      i++;
      continue;
    }
    const trimmed = line.text.trimStart();
    const indent = indentOf(line.text);
    const marker = LIST_MARKER.exec(line.text);
    if (/^ {0,3}([-*_])(?: *\1){2,} *$/.test(line.text)) {
      i++; // a thematic break (`---`, `***`) is markup between blocks
      continue;
    }
    const refused = REFUSED_BLOCKS.find(([pattern]) => pattern.test(trimmed));
    if (refused) throw new ConversionError(`${refused[1]} cannot be converted`, line.number, indent + 1, refused[2]);
    if (marker) {
      while (open.length > 0 && open.at(-1)!.content > indent) open.pop();
      open.push({ marker: indent, content: marker[0].length });
      const level = open.length;
      const raw = [{ text: ' '.repeat(marker[0].length) + line.text.slice(marker[0].length), number: line.number }];
      i++;
      // Lazy and indented continuation lines, up to a blank line or the next list marker.
      while (i < lines.length && !blank(lines[i]!.text) && !LIST_MARKER.test(lines[i]!.text)) raw.push(lines[i++]!);
      if (level > 9) throw new ConversionError('a list nested more than 9 levels deep', line.number, indent + 1);
      push('listItem', raw, level);
      continue;
    }
    if (open.length > 0 && indent >= open[0]!.content)
      throw new ConversionError(
        'a list item of several paragraphs cannot be converted',
        line.number,
        indent + 1,
        'Each block is one paragraph: join the paragraphs of the item into one line, or make the second one an ' +
          'item of its own.',
      );
    open.length = 0;
    if (indent >= 4)
      throw new ConversionError(
        'a code block cannot be converted',
        line.number,
        indent + 1,
        'Remove the indentation if it is a paragraph.',
      );
    if (/^#{1,6}(\s|$)/.test(trimmed)) {
      push('subheading', [line]);
      i++;
      continue;
    }
    const raw = [line];
    i++;
    while (
      i < lines.length &&
      !blank(lines[i]!.text) &&
      !LIST_MARKER.test(lines[i]!.text) &&
      !/^#{1,6}\s/.test(lines[i]!.text)
    ) {
      const next = lines[i]!;
      if (/^(=+|-+)\s*$/.test(next.text)) {
        // A setext heading: the lines above the underline.
        push('subheading', raw);
        raw.length = 0;
        i++;
        break;
      }
      raw.push(next);
      i++;
    }
    if (raw.length > 0) push('paragraph', raw);
  }
  return { frontMatter, body };
}

/** Converts a plain-text source: blocks are separated by blank lines, and each block's lines join with one space. */
export function convertPlainText(text: string): SourceText {
  const { frontMatter, lines } = splitFrontMatter(text);
  const body: Block[] = [];
  let raw: Line[] = [];
  for (const line of [...lines, { text: '', number: 0 }]) {
    if (line.text.trim() !== '') raw.push(line);
    else if (raw.length > 0) {
      body.push({ type: 'paragraph', text: joinLines(raw).joined });
      raw = [];
    }
  }
  return { frontMatter, body };
}
