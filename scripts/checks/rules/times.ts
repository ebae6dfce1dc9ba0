import type { Issue, Rule } from '../rule.ts';

export const times: Rule = {
  name: 'times',
  description:
    'Time expressions are consistent (TIMEX3 style): an instant has a value or none but no begin or end, an interval has a begin or end but no value, and a relative expression has no value while the publication date is unknown.',
  check(context) {
    if (context.phase !== 'record' || context.collection !== 'articles') return [];
    const issues: Issue[] = [];
    const published = context.record.datePublished;
    context.record.annotations.events.forEach((e, i) => {
      const t = e.time;
      if (!t || typeof t !== 'object') return;
      const at = `/annotations/events/${i}/time`;
      if (t.type === 'instant' && (t.begin !== null || t.end !== null)) {
        issues.push({ pointer: `${at}/${t.begin !== null ? 'begin' : 'end'}`, severity: 'error', message: 'an instant has no begin or end', hint: 'Put the date in `value`, or make the type "interval" (“since 2022”: begin "2022", end "PRESENT_REF").' });
      }
      if (t.type === 'interval') {
        if (t.value !== null) issues.push({ pointer: `${at}/value`, severity: 'error', message: 'an interval has no single value', hint: 'Give `begin` and `end` (null for an open end, "PRESENT_REF" for the publication date) and set value to null.' });
        if (t.begin === null && t.end === null) issues.push({ pointer: `${at}/begin`, severity: 'error', message: 'an interval needs a begin or an end', hint: 'Give the end the text states; if it states neither, the expression is an instant with a null value.' });
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
