/**
 * Word lists for the synthetic corpus. Names of people, places, organisations and outlets are made-up words
 * (syllables chosen by index), so nothing in a synthetic article can be mistaken for a report about real people.
 * Common nouns, verbs and adjectives vary the running text so no two bodies are near-duplicates; none of them is a
 * registered name, so text between annotations never needs a mention. The order of every list is part of the
 * corpus: the same seed gives the same articles only if it stays.
 */

/** A list of single words, separated by white space. */
const words = (text: string): readonly string[] => text.trim().split(/\s+/);
/** A list of phrases, separated by commas (a phrase may run over a line break). */
const phrases = (text: string): readonly string[] => text.split(',').map((p) => p.trim().replace(/\s+/g, ' '));

/** Syllables for made-up proper nouns, all three letters long, so a word splits into syllables one way only. */
export const SYLLABLES = words(`
  kal lor ver mis san dor ten rav vel nol bri tas mor eld qui fen dah
  rok lin gar zen tho mak ris pel ani cor vik hal dun sel tor`);
export const FIRST_NAMES = words(`
  Mara Tomas Ilse Oren Lucia Anders Priya Kofi Sena Jonah Elena Ravi Noor Felix Ada Bram Carmen Dmitri Esme Farid
  Greta Hugo Iris Jasper Kaia Leon Mina Nils Olga Pavel Quinn Rosa Stellan Tove Umar Vera Wen Xavier Yara Zofia`);
export const PERSON_TITLES = phrases(`
  Minister of Trade, Minister of Energy, Governor, Mayor, Chief Executive, Finance Minister, Deputy Prime Minister,
  Foreign Minister, Chair, Spokesperson, Economy Minister, Senator`);
export const ORGANIZATION_TYPES = phrases(`
  Mining Company, Trade Ministry, Energy Agency, Development Bank, Port Authority, Workers’ Union, Chamber of Commerce,
  Research Institute, Shipping Group, Statistics Office, Water Board, Rail Company`);
/** The first city has no suffix. */
export const CITY_SUFFIXES = ['', ...words('ford haven grad burg port mouth stad')];
export const REGION_TYPES = words('Province Valley Highlands Coast Basin Region');
export const EVENT_TYPES = phrases('Trade Summit, Energy Forum, Investment Conference, Ministerial Meeting, Expo');
export const DOCUMENT_TYPES = words('Accord Framework Compact Charter Agreement Act');
export const OUTLET_NOUNS = words('Courier Herald Ledger Tribune Gazette Observer Dispatch Chronicle');

/** Generic commodities and technologies, and chemical elements with their symbols and atomic numbers. */
export const COMMODITIES = phrases(`
  copper, lithium ore, natural gas, wheat, timber, cobalt, iron ore, coffee, cotton, nickel, bauxite, soybeans,
  crude oil, graphite, zinc, tin, cocoa, sugar, barley, phosphate`);
export const TECHNOLOGIES = phrases(`
  solar panels, wind turbines, battery storage, electric buses, desalination plants, heat pumps, fibre networks,
  hydrogen electrolysers, smart meters, satellite imaging, drip irrigation, rail signalling`);
export const ELEMENTS = phrases(`
  Lithium Li 3, Cobalt Co 27, Nickel Ni 28, Copper Cu 29, Zinc Zn 30, Gallium Ga 31, Germanium Ge 32, Yttrium Y 39,
  Indium In 49, Tin Sn 50, Antimony Sb 51, Lanthanum La 57, Cerium Ce 58, Neodymium Nd 60, Tungsten W 74`).map(
  (element) => element.split(' ') as [name: string, symbol: string, atomicNumber: string],
);

/** The lists a `{slot}` of an article template draws from (scripts/synth/article.ts). */
export const SLOTS: Record<string, readonly string[]> = {
  noun: words(`
    budget pipeline harbour tariff contract reservoir subsidy warehouse corridor loan refinery census audit levy bridge
    network quota shipment strike reform tender pension mandate deficit surplus plant depot canal licence permit
    inquiry dispute settlement expansion merger ceasefire blockade drought harvest recall forecast outage dividend bond
    scheme programme terminal dam mine smelter railway highway grid fleet route market exchange index ledger treaty
    boundary zone district council panel tribunal review survey pilot trial campaign petition ballot coalition motion
    inventory stockpile backlog waiver penalty rebate guarantee concession moratorium`),
  adj: words(`
    regional provisional long-delayed contested ambitious modest costly temporary fragile revised cross-border
    municipal strategic unexpected informal binding voluntary disputed seasonal overdue sweeping narrow upstream
    downstream coastal rural urban northern southern eastern western central joint private public federal local annual
    quarterly emergency phased open-ended bilateral multilateral independent outdated untested widening shrinking
    stalled renewed scaled-back expanded secondary primary`),
  group: phrases(`
    officials, analysts, residents, investors, engineers, regulators, trade unions, farmers, shipping firms,
    economists, lawmakers, auditors, suppliers, exporters, importers, contractors, local councils, consumer groups,
    lenders, environmental groups, transport operators, mayors, fishing cooperatives, small businesses, commuters`),
  said: phrases(`
    warned, argued, suggested, noted, insisted, conceded, predicted, acknowledged, claimed, complained, maintained,
    stressed, cautioned, observed, pointed out, contended`),
  modal: phrases('could, would, might, will, should, may, is likely to, is unlikely to'),
  verb: words(`
    delay reshape undermine strengthen replace overturn extend finance complicate ease tighten expose unlock
    divert absorb outlast reverse accelerate dilute restore redraw postpone stabilise disrupt widen narrow reopen
    test shield`),
  past: words(`
    approved rejected revised suspended expanded announced cancelled renegotiated delayed endorsed questioned blocked
    financed audited extended scrapped unveiled backed challenged postponed relaunched reviewed tightened relaxed
    defended inspected`),
  prep: phrases(`
    across, within, before, after, despite, alongside, beyond, throughout, ahead of, following, amid, without, under,
    near, around, against`),
  soon: phrases(`
    within months, over the coming decade, before the end of the year, in the next budget cycle, for at least two
    years, once the rains end, before the election, after the audit, in the short term, over the long run, as soon as
    funds arrive`),
  opener: phrases(`
    Even so, Meanwhile, In practice, At the same time, By contrast, In recent weeks, Behind the scenes, On paper,
    Privately, Publicly, In the meantime, Until then, Elsewhere`),
  things: words(`
    workers households jobs lorries homes students farms vessels passengers permits complaints patients turbines`),
  hedge: words('reportedly allegedly apparently'),
  rating: phrases('False, Misleading, Mostly false, Unproven, Missing context'),
};
