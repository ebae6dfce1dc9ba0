import type { RecordRule } from '../rule.ts';
import { ISO_4217_CODES } from '../../lib/iso4217.ts';
import { sameNumber, surfaceNumber } from '../surface-number.ts';
import { error, issues, warning } from './kit.ts';

export const figures: RecordRule<'article'> = {
  name: 'figures',
  scope: 'article',
  description:
    'Figures are consistent: a percent lies in 0..100, a currency figure names a real ISO 4217 code (and only a ' +
    'currency figure does), a measure names its unitCode (and only a measure does), and the value matches the ' +
    'scale of its text (“300 billion” is 300000000000).',
  check: issues(function* ({ record }) {
    for (const [i, { unit, value, currency, unitCode, selector }] of record.annotations.figures.entries()) {
      const at = `/annotations/figures/${i}`;
      if (unit === 'percent' && (value < 0 || value > 100))
        yield error(`${at}/value`, {
          message: `a percentage of ${value} is outside 0..100`,
          hint: 'Write “50%” as 50; a change of more than 100% is a count or unstated unit, not a share.',
        });
      if (unit === 'currency' && currency === null)
        yield error(`${at}/currency`, {
          message: 'a currency figure needs a currency',
          hint:
            'Give the ISO 4217 code the text states (“$” is USD); if the text states none, use unit ' +
            '"unstated" and add a curator inference.',
        });
      if (unit !== 'currency' && currency !== null)
        yield error(`${at}/currency`, {
          message: `a figure with unit "${unit}" cannot have a currency`,
          hint: 'Set unit to "currency" if the text states the currency, or set currency to null.',
        });
      if (unit === 'measure' && unitCode === undefined)
        yield error(`${at}/unit`, {
          message: 'a figure with unit "measure" needs a unitCode',
          hint:
            'Add "unitCode": the UN/CEFACT Common Code of the unit the text states (“211-mile” is "SMI", ' +
            '“kilometres” "KMT", “tonnes” "TNE"); a number of things is unit "count".',
        });
      if (unit !== 'measure' && unitCode !== undefined)
        yield error(`${at}/unitCode`, {
          message: `a figure with unit "${unit}" cannot have a unitCode`,
          hint: 'Set unit to "measure" if the text states a unit of measure (miles, tonnes), or remove unitCode.',
        });
      if (currency !== null && !ISO_4217_CODES.has(currency))
        yield error(`${at}/currency`, {
          message: `"${currency}" is not an ISO 4217 currency code`,
          hint: 'Use an active ISO 4217 code such as USD, EUR, GBP or UAH.',
        });
      const surface = surfaceNumber(selector.exact);
      if (surface && surface.values.length > 0 && !surface.values.some((v) => sameNumber(v, value)))
        yield error(`${at}/value`, {
          message: `value ${value} does not match the text "${surface.text}" (${surface.values.join(' or ')})`,
          hint:
            'Write the number in full as the text scales it: “300 billion” is 300000000000, “1.5 million” ' +
            'is 1500000, “50%” is 50.',
        });
      if (surface?.percent && unit !== 'percent')
        yield warning(`${at}/unit`, {
          message: `the text "${surface.text}" is a percentage but the unit is "${unit}"`,
          hint: 'Set unit to "percent".',
        });
    }
  }),
};
