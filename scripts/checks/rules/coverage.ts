import type { RecordRule } from '../rule.ts';
import { registeredNamesIn } from '../names.ts';
import { minimalSelector } from '../../lib/text-quote.ts';
import { SelectorIndex, textOf } from '../selectors.ts';
import type { TextQuoteSelector } from '../../../types/index.ts';
import { issues, warning } from './kit.ts';

/** At most this many warnings per article: a long list says the same as the first few. */
const MAX_PER_ARTICLE = 20;

export const coverage: RecordRule<'article', 'registry'> = {
  name: 'coverage',
  scope: 'article',
  needs: ['registry'],
  description:
    'A registered name, alias or demonym (or an outlet’s name) that occurs in an article’s text is covered by a ' +
    'mention or cited source; otherwise a warning gives its position and a selector to paste.',
  check: issues(function* ({ record: { annotations }, record, registry }) {
    const text = textOf(record);
    const anchored = [...annotations.mentions, ...annotations.citedSources].filter(
      (a) => typeof a.selector?.exact === 'string',
    );
    const exacts = anchored.map((a) => a.selector.exact);
    const index = new SelectorIndex(text, exacts);
    // The characters that a mention or cited source selects (at its first match).
    const covered = new Uint8Array(text.length);
    for (const { selector } of anchored) {
      const [at] = index.match(selector);
      if (at !== undefined) covered.fill(1, at, at + selector.exact.length);
    }
    let count = 0;
    for (const o of registeredNamesIn(text, registry)) {
      if (covered.subarray(o.start, o.end).includes(1) || ++count > MAX_PER_ARTICLE) continue;
      const block = text.slice(0, o.start).split('\n').length - 1;
      const exact = text.slice(o.start, o.end);
      let selector: TextQuoteSelector;
      try {
        selector = minimalSelector(text, o.start, o.end);
      } catch {
        selector = { exact };
      }
      const [{ collection, id, what }] = o.phrases as [(typeof o.phrases)[number]];
      const outlet = collection === 'outlets';
      const snippet = outlet
        ? { id: `cs-${id}`, selector, outlet: id }
        : { id: `m-${id}-N`, selector, entity: id, form: what === 'demonym' ? 'demonym' : 'name' };
      const whose = o.phrases.map((p) => `${p.what} of ${p.collection === 'outlets' ? 'outlet' : 'entity'} "${p.id}"`);
      yield warning(`/body/${block}/text`, {
        message:
          `"${exact}" (${whose.join('; ')}) occurs at character ${o.start - text.lastIndexOf('\n', o.start - 1) - 1} ` +
          `of body block ${block} with no ${outlet ? 'cited source or mention' : 'mention'}`,
        hint:
          `If it refers to ${o.phrases.length > 1 ? 'one of them' : 'it'}, add to ` +
          `annotations.${outlet ? 'citedSources' : 'mentions'}: ` +
          `${JSON.stringify(snippet)} (number the id). If it names something else, this warning can stay.`,
      });
    }
    if (count > MAX_PER_ARTICLE)
      yield warning('/annotations/mentions', {
        message: `${count - MAX_PER_ARTICLE} more registered names occur without a mention`,
        hint: 'Annotate the names listed first, then validate again.',
      });
  }),
};
