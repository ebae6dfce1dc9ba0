/**
 * What the exports carry of the article itself (model 1.1): its `genre` and its blocks' types and list levels. Each
 * format shows the blocks as spans labelled by their type (`Paragraph`, `Subheading`, `ListItem`) with a `Level`
 * choice, and the genre as a choice (brat: an attribute of the first block; Label Studio: a task-level choice; W3C: a
 * classifying annotation of the article). An import that finds the blocks reads them, and the genre, back.
 */
import type { Article } from '../../types/index.ts';
import { CHOICE_FIELDS, kindLabel, type ChoiceField } from './layers.ts';
import { blockSpans, type Offsets } from './spans.ts';

const field = (on: ChoiceField['on'], path: string) => CHOICE_FIELDS.find((f) => f.on === on && f.path === path)!;
export const GENRE_FIELD = field('article', 'genre');
export const LEVEL_FIELD = field('block', 'level');
/** A block's label (`ListItem`) → its type (`listItem`). */
export const BLOCK_LABELS: ReadonlyMap<string, string> = new Map(
  field('block', 'type').values.map((type) => [kindLabel(type), type]),
);

/** A block's span as an export writes it: code points, label and choices (by choice name). */
export function exportedBlocks(
  article: Pick<Article, 'body' | 'genre'>,
  offsets: Offsets,
): Array<{ start: number; end: number; label: string; text: string; choices: Record<string, string> }> {
  return blockSpans(article.body, offsets).map(({ start, end, block }) => ({
    start,
    end,
    label: kindLabel(block.type),
    text: block.text,
    choices: block.level === undefined ? {} : { [LEVEL_FIELD.name]: String(block.level) },
  }));
}

/** A block span read from a tool's file. */
export interface ToolBlock {
  start: number;
  end: number;
  label: string;
  choices: Record<string, string>;
  where: string;
}

/** The article's structure as a file gives it: its block spans and its genre (null: none). */
export interface ToolDocument {
  blocks: ToolBlock[];
  genre: string | null;
  where: string;
}
