/// <reference lib="dom" />
/**
 * The dataset site's page script, a progressive enhancement: every page reads and works without it. It adds
 * details beside a highlighted passage on hover and keyboard focus, and runs searches on the search page, loading
 * the search index only then.
 */
import { shardKey, tokens } from './tokens.js';

// Details on hover and focus ------------------------------------------------------------------------------------

function setUpDetails(): void {
  const marks = document.querySelectorAll<HTMLElement>('mark.hl');
  if (marks.length === 0) return;
  const tip = document.createElement('div');
  tip.className = 'tip';
  tip.id = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.append(tip);
  let current: HTMLElement | null = null;

  const show = (mark: HTMLElement) => {
    const source = document.getElementById(mark.getAttribute('aria-describedby') ?? '');
    if (!source) return;
    current = mark;
    tip.replaceChildren(...Array.from(source.children, (child) => child.cloneNode(true)));
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    const width = Math.min(360, document.documentElement.clientWidth - 16);
    tip.style.width = `${width}px`;
    const right = window.scrollX + document.documentElement.clientWidth - width - 8;
    tip.style.left = `${Math.max(8, Math.min(box.left + window.scrollX, right))}px`;
    tip.style.top = `${box.bottom + window.scrollY + 6}px`;
  };
  const hide = () => {
    current = null;
    tip.hidden = true;
  };
  // The innermost highlight under the pointer or holding the focus is the one described.
  document.addEventListener('mouseover', (event) => {
    const mark = (event.target as Element | null)?.closest?.<HTMLElement>('mark.hl');
    if (mark) show(mark);
    else if (current && !(event.target as Element | null)?.closest?.('.tip')) hide();
  });
  document.addEventListener('focusin', (event) => {
    const mark = (event.target as Element | null)?.closest?.<HTMLElement>('mark.hl');
    if (mark) show(mark);
    else hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}

// Search -------------------------------------------------------------------------------------------------------

type Doc = [kind: 'article' | 'entity', href: string, title: string];

async function loadJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** The documents holding every word of the query (a query word matches the index words it begins). */
async function search(root: string, query: string): Promise<Doc[]> {
  const words = [...new Set(tokens(query))];
  if (words.length === 0) return [];
  const docs = await loadJson<Doc[]>(`${root}search/docs.json`);
  const perWord: Set<number>[] = [];
  for (const word of words) {
    const shard = await loadJson<Record<string, number[]>>(`${root}search/terms/${shardKey(word)}.json`).catch(
      () => ({}),
    );
    const matches = new Set<number>();
    for (const [term, postings] of Object.entries(shard))
      if (term.startsWith(word)) for (const doc of postings) matches.add(doc);
    perWord.push(matches);
  }
  const [first = new Set<number>(), ...rest] = perWord;
  const found = [...first].filter((doc) => rest.every((matches) => matches.has(doc)));
  return found
    .sort((a, b) => a - b)
    .map((doc) => docs[doc])
    .filter((doc): doc is Doc => doc !== undefined)
    .sort((a, b) => (a[0] === b[0] ? 0 : a[0] === 'entity' ? -1 : 1));
}

/** Characters of context shown on each side of the first matching word. */
const CONTEXT = 80;
/** Results shown with a snippet (each loads its article's JSON). */
const SNIPPETS = 20;

/**
 * The first passage of an article that holds a word beginning with a query word: [before, the word, after], cut to
 * `CONTEXT` characters each side; `null` when only the headline or an entity's name matched.
 */
function findSnippet(blocks: readonly { text: string }[], words: readonly string[]): [string, string, string] | null {
  for (const { text } of blocks) {
    for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      const word = tokens(match[0])[0];
      if (word === undefined || !words.some((w) => word.startsWith(w))) continue;
      const start = match.index;
      const end = start + match[0].length;
      const before = text.slice(Math.max(0, start - CONTEXT), start);
      const after = text.slice(end, end + CONTEXT);
      return [`${start > CONTEXT ? '…' : ''}${before}`, match[0], `${after}${end + CONTEXT < text.length ? '…' : ''}`];
    }
  }
  return null;
}

/** Adds to a result the passage of its article that matched, loaded from the article's JSON. */
async function addSnippet(item: HTMLElement, root: string, href: string, words: readonly string[]): Promise<void> {
  const id = /^articles\/(.+)\.html$/.exec(href)?.[1];
  if (id === undefined) return;
  const { article } = await loadJson<{ article: { body: { text: string }[] } }>(`${root}data/articles/${id}.json`);
  const snippet = findSnippet(article.body, words);
  if (!snippet) return;
  const text = document.createElement('p');
  text.className = 'snippet';
  const mark = document.createElement('mark');
  mark.textContent = snippet[1];
  text.append(snippet[0], mark, snippet[2]);
  item.append(text);
}

async function setUpSearchPage(): Promise<void> {
  const results = document.getElementById('results');
  const status = document.getElementById('search-status');
  if (!results || !status) return;
  const input = document.getElementById('q') as HTMLInputElement | null;
  const root = input?.dataset.root ?? '';
  const query = new URLSearchParams(location.search).get('q') ?? '';
  if (input) input.value = query;
  if (query.trim() === '') {
    status.textContent = 'Type a word from a headline, an entity or the text.';
    return;
  }
  status.textContent = 'Searching…';
  try {
    const docs = await search(root, query);
    const limit = 100;
    const items = docs.slice(0, limit).map(([kind, href, title]) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `${root}${href}`;
      link.textContent = title;
      const label = document.createElement('span');
      label.className = 'kind';
      label.textContent = kind;
      item.append(link, ' ', label);
      return item;
    });
    results.replaceChildren(...items);
    // The matching passages of the first results, each from its article's JSON.
    const words = [...new Set(tokens(query))];
    await Promise.all(
      docs.slice(0, SNIPPETS).map(([, href], i) => addSnippet(items[i]!, root, href, words).catch(() => undefined)),
    );
    status.textContent =
      docs.length === 0
        ? `Nothing found for “${query}”.`
        : `${docs.length} result${docs.length === 1 ? '' : 's'} for ` +
          `“${query}”${docs.length > limit ? ` (the first ${limit} shown)` : ''}.`;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    status.textContent = `The search index could not be loaded (${reason}).`;
  }
}

setUpDetails();
void setUpSearchPage();
