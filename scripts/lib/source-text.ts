/**
 * Converts a source text (Markdown, as pandoc's `markdown_strict` writes it, or plain text) into the blocks of an
 * article body and the metadata of its YAML front matter, for `npm run new -- <id> --from FILE`. Pure: no I/O.
 *
 * Markdown is read by mdast-util-from-markdown (CommonMark). The words are kept verbatim and the markup goes: link
 * text stays and its target goes; emphasis markers, code backticks, `<sup>`/`<sub>` tags, HTML comments and thematic
 * breaks go; backslash escapes and character references are resolved; soft-wrapped lines (and hard line breaks)
 * join with one space. Paragraphs become `paragraph` blocks; headings and paragraphs that are bold and nothing else
 * become `subheading` blocks; each bulleted or numbered list item becomes a `listItem` block with its nesting level.
 * What has no place in a body (tables, images, raw HTML, code blocks, block quotes, list items of several
 * paragraphs) is a `ConversionError` naming its line and column, never silently dropped.
 */
import { load, FAILSAFE_SCHEMA } from 'js-yaml';
import type { Nodes, Paragraph, Heading } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
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

const AS_PARAGRAPH = 'Make it a paragraph by hand if it is part of the article.';
const NO_HTML = 'Replace the HTML by its text.';
/** A paragraph line that is a table's row or its delimiter row (CommonMark has no tables: they read as text). */
const TABLE_LINE = /^\s*\||^[-:| ]*\|[-:| ]*-{3,}/m;
/** Inline HTML that is markup around kept words. */
const KEPT_HTML = /^(?:<!--[\s\S]*-->|<\/?(?:sup|sub)>)$/i;

/**
 * Splits off YAML front matter (`---` … `---` at the very top) and parses it with the failsafe schema (strings). Its
 * lines are left blank in the rest, so that positions in the rest are those of the file.
 */
function splitFrontMatter(text: string): { frontMatter: FrontMatter; rest: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== '---') return { frontMatter: {}, rest: lines.join('\n') };
  const end = lines.findIndex((t, i) => i > 0 && (t === '---' || t === '...'));
  if (end < 0)
    throw new ConversionError('the front matter opened here is never closed', 1, 1, 'End it with a line `---`.');
  let parsed: unknown;
  try {
    parsed = load(lines.slice(1, end).join('\n'), { schema: FAILSAFE_SCHEMA });
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
  return { frontMatter, rest: [...lines.slice(0, end + 1).fill(''), ...lines.slice(end + 1)].join('\n') };
}

/** Converts a Markdown source. */
export function convertMarkdown(text: string): SourceText {
  const { frontMatter, rest } = splitFrontMatter(text);
  const body: Block[] = [];

  /** Stops at `node` (its first character that is not indentation); an inline node is quoted. */
  const refuse = (node: Nodes, message: string, hint = '', quote = false): never => {
    const { line, column, offset = 0 } = node.position!.start;
    const indent = /^[ \t]*/.exec(rest.slice(offset))![0].length;
    const source = quote ? `: ${rest.slice(offset, node.position!.end.offset).slice(0, 40)}` : '';
    throw new ConversionError(`${message}${source}`, line, column + indent, hint);
  };

  /** The words of inline content, the markup gone. */
  const words = (node: Nodes): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value;
      case 'break':
        return '\n';
      case 'html':
        return KEPT_HTML.test(node.value) ? '' : refuse(node, 'raw HTML cannot be converted', NO_HTML, true);
      case 'image':
      case 'imageReference':
        return refuse(
          node,
          'an image cannot be converted',
          'Remove the image (its caption, if any, is a paragraph).',
          true,
        );
      default:
        return 'children' in node ? node.children.map(words).join('') : '';
    }
  };

  const add = (type: Block['type'], node: Paragraph | Heading, level?: number) => {
    const text = words(node)
      .replace(/\s*\n\s*/g, ' ')
      .trim();
    if (text !== '') body.push(level === undefined ? { type, text } : { type, level, text });
  };

  /** The blocks of a document or of a list item (`level` is the list nesting, 0 outside lists). */
  const blocks = (nodes: readonly Nodes[], level: number) => {
    let paragraphs = 0;
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph':
          if (TABLE_LINE.test(rest.slice(node.position!.start.offset, node.position!.end.offset)))
            refuse(node, 'a table cannot be converted', 'Write the table out as paragraphs by hand, or leave it out.');
          if (level === 0) {
            // Bold and nothing else (`**Here’s what you missed:**`) acts as a heading; blank lines may hold a
            // no-break space, which CommonMark reads as text.
            const shown = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
            const bold = shown.length === 1 && shown[0]!.type === 'strong';
            add(bold ? 'subheading' : 'paragraph', node);
          } else if (paragraphs++ === 0) add('listItem', node, level);
          else
            refuse(
              node,
              'a list item of several paragraphs cannot be converted',
              'Each block is one paragraph: join the paragraphs of the item into one line, or make the second one ' +
                'an item of its own.',
            );
          break;
        case 'heading':
          add('subheading', node);
          break;
        case 'list':
          if (level === 9) refuse(node, 'a list nested more than 9 levels deep');
          for (const item of node.children) blocks(item.children, level + 1);
          break;
        case 'html':
          if (!KEPT_HTML.test(node.value)) refuse(node, 'raw HTML cannot be converted', NO_HTML);
          break;
        case 'code': {
          const fenced = /^\s*(?:```|~~~)/.test(rest.slice(node.position!.start.offset));
          refuse(
            node,
            'a code block cannot be converted',
            fenced ? AS_PARAGRAPH : 'Remove the indentation if it is a paragraph.',
          );
          break;
        }
        case 'blockquote':
          refuse(node, 'a block quote cannot be converted', AS_PARAGRAPH);
          break;
        case 'thematicBreak':
        case 'definition':
          break;
        default:
          refuse(node, `${node.type} cannot be converted`, AS_PARAGRAPH);
      }
    }
  };
  blocks(fromMarkdown(rest).children, 0);
  return { frontMatter, body };
}

/** Converts a plain-text source: blocks are separated by blank lines, and each block's lines join with one space. */
export function convertPlainText(text: string): SourceText {
  const { frontMatter, rest } = splitFrontMatter(text);
  const body = rest
    .split(/^\s*$/m)
    .map((block) => block.trim().replace(/\s*\n\s*/g, ' '))
    .filter((block) => block !== '')
    .map((block): Block => ({ type: 'paragraph', text: block }));
  return { frontMatter, body };
}
