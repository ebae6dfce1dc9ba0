import type { Issue, RecordRule } from '../rule.ts';

export const times: RecordRule<'article'> = {
  name: 'times',
  scope: 'article',
  description:
    'Time expressions are consistent (TIMEX3 style): an instant has a value or none but no beginPoint or endPoint, an interval has one of them but no value, and a relative expression has no value while the publication date is unknown.',
  check(context) {
    const issues: Issue[] = [];
    const published = context.record.datePublished;
    context.record.annotations.events.forEach((e, i) => {
      const t = e.time;
      if (!t || typeof t !== 'object') return;
      const at = `/annotations/events/${i}/time`;
      if (t.type === 'instant' && (t.beginPoint !== null || t.endPoint !== null)) {
        issues.push({
          pointer: `${at}/${t.beginPoint !== null ? 'beginPoint' : 'endPoint'}`,
          severity: 'error',
          message: 'an instant has no beginPoint or endPoint',
          hint: 'Put the date in `value`, or make the type "interval" (“since 2022”: beginPoint "2022", endPoint "PRESENT_REF").',
        });
      }
      if (t.type === 'interval') {
        if (t.value !== null)
          issues.push({
            pointer: `${at}/value`,
            severity: 'error',
            message: 'an interval has no single value',
            hint: 'Give `beginPoint` and `endPoint` (null for an open end, "PRESENT_REF" for the publication date) and set value to null.',
          });
        if (t.beginPoint === null && t.endPoint === null)
          issues.push({
            pointer: `${at}/beginPoint`,
            severity: 'error',
            message: 'an interval needs a beginPoint or an endPoint',
            hint: 'Give the end the text states; if it states neither, the expression is an instant with a null value.',
          });
      }
      if (t.relative !== null && published === null && t.value !== null) {
        issues.push({
          pointer: `${at}/value`,
          severity: 'error',
          message: `"${t.selector?.exact}" is relative to the publication date, which is unknown, so the text does not fix its value`,
          hint: `Set value to null and add a curator inference: { "about": "${e.id}", "field": "/time/value", "value": "${t.value}", … }.`,
        });
      }
    });
    return issues;
  },
};
