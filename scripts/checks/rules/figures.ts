import type { Issue, RecordRule } from '../rule.ts';
import { ISO_4217_CODES } from '../../lib/iso4217.ts';
import { sameNumber, surfaceNumber } from '../surface-number.ts';

export const figures: RecordRule<'article'> = {
  name: 'figures',
  scope: 'article',
  description:
    'Figures are consistent: a percent lies in 0..100, a currency figure names a real ISO 4217 code (and only a ' +
    'currency figure does), a measure names its unitCode (and only a measure does), and the value matches the ' +
    'scale of its text (“300 billion” is 300000000000).',
  check(context) {
    const issues: Issue[] = [];
    context.record.annotations.figures.forEach((figure, i) => {
      const at = `/annotations/figures/${i}`;
      if (figure.unit === 'percent' && (figure.value < 0 || figure.value > 100)) {
        issues.push({
          pointer: `${at}/value`,
          severity: 'error',
          message: `a percentage of ${figure.value} is outside 0..100`,
          hint: 'Write “50%” as 50; a change of more than 100% is a count or unstated unit, not a share.',
        });
      }
      if (figure.unit === 'currency' && figure.currency === null) {
        issues.push({
          pointer: `${at}/currency`,
          severity: 'error',
          message: 'a currency figure needs a currency',
          hint:
            'Give the ISO 4217 code the text states (“$” is USD); if the text states none, use unit ' +
            '"unstated" and add a curator inference.',
        });
      }
      if (figure.unit !== 'currency' && figure.currency !== null) {
        issues.push({
          pointer: `${at}/currency`,
          severity: 'error',
          message: `a figure with unit "${figure.unit}" cannot have a currency`,
          hint: 'Set unit to "currency" if the text states the currency, or set currency to null.',
        });
      }
      if (figure.unit === 'measure' && figure.unitCode === undefined) {
        issues.push({
          pointer: `${at}/unit`,
          severity: 'error',
          message: 'a figure with unit "measure" needs a unitCode',
          hint:
            'Add "unitCode": the UN/CEFACT Common Code of the unit the text states (“211-mile” is "SMI", ' +
            '“kilometres” "KMT", “tonnes” "TNE"); a number of things is unit "count".',
        });
      }
      if (figure.unit !== 'measure' && figure.unitCode !== undefined) {
        issues.push({
          pointer: `${at}/unitCode`,
          severity: 'error',
          message: `a figure with unit "${figure.unit}" cannot have a unitCode`,
          hint: 'Set unit to "measure" if the text states a unit of measure (miles, tonnes), or remove unitCode.',
        });
      }
      if (figure.currency !== null && !ISO_4217_CODES.has(figure.currency)) {
        issues.push({
          pointer: `${at}/currency`,
          severity: 'error',
          message: `"${figure.currency}" is not an ISO 4217 currency code`,
          hint: 'Use an active ISO 4217 code such as USD, EUR, GBP or UAH.',
        });
      }
      const surface = surfaceNumber(figure.selector.exact);
      if (surface && surface.values.length > 0 && !surface.values.some((v) => sameNumber(v, figure.value))) {
        issues.push({
          pointer: `${at}/value`,
          severity: 'error',
          message: `value ${figure.value} does not match the text "${surface.text}" (${surface.values.join(' or ')})`,
          hint:
            'Write the number in full as the text scales it: “300 billion” is 300000000000, “1.5 million” ' +
            'is 1500000, “50%” is 50.',
        });
      }
      if (surface?.percent && figure.unit !== 'percent') {
        issues.push({
          pointer: `${at}/unit`,
          severity: 'warning',
          message: `the text "${surface.text}" is a percentage but the unit is "${figure.unit}"`,
          hint: 'Set unit to "percent".',
        });
      }
    });
    return issues;
  },
};
