import type { Issue, Rule } from '../rule.ts';

/** What `npm run new` writes for a contributor to replace. */
const PLACEHOLDER = /^TODO\b/;

export const placeholders: Rule = {
  name: 'placeholders',
  description: 'No “TODO” placeholder from the `npm run new` template is left in a record.',
  check(context) {
    if (context.phase !== 'record') return [];
    const issues: Issue[] = [];
    const visit = (value: unknown, pointer: string): void => {
      if (typeof value === 'string') {
        if (value.startsWith('TODO') && PLACEHOLDER.test(value)) issues.push({ pointer, severity: 'error', message: `placeholder left in: ${JSON.stringify(value)}`, hint: 'Replace it with the real value, or null where the field allows it and the value is unknown.' });
      } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${pointer}/${i}`));
      else if (value !== null && typeof value === 'object') for (const k in value) visit((value as Record<string, unknown>)[k], `${pointer}/${k}`);
    };
    visit(context.record, '');
    return issues;
  },
};
