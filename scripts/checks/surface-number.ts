/**
 * Reading the number a figure's surface text states (“300 billion”, “50%”, “$1.5 million”, “12,000”), so the
 * figure's `value` can be checked against it. Returns every plausible reading (a comma may be a thousands separator
 * or a decimal comma), or [] when the text states no number in digits (“half”, “three”).
 */

/** Scale words and abbreviations, lowercased, by the power of ten they stand for. */
const SCALE_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    1e2: 'hundred',
    1e3: 'thousand k',
    1e6: 'million mn m mln',
    1e9: 'billion bn b bln',
    1e12: 'trillion tn trn',
  }).flatMap(([power, words]) => words.split(' ').map((word) => [word, Number(power)] as const)),
);

const NUMBER = /(\d[\d,.\u00a0\u202f' ]*\d|\d)(\s*(?:%|per\s*cent|percent))?(?:[\s-]*([a-z]+)\b)?/i;

/** The ways digits with separators can be read: “1,500” is 1500 (or 1.5 with a decimal comma). */
function readDigits(raw: string): number[] {
  const s = raw.replace(/[\u00a0\u202f' ]/g, '');
  const readings = new Set<number>();
  // English: commas group thousands, a point is decimal.
  if (/^\d{1,3}(?:,\d{3})*(?:\.\d+)?$/.test(s) || /^\d+(?:\.\d+)?$/.test(s)) readings.add(Number(s.replace(/,/g, '')));
  // Continental: points group thousands, a comma is decimal.
  if (/^\d{1,3}(?:\.\d{3})*(?:,\d+)?$/.test(s) || /^\d+(?:,\d+)?$/.test(s))
    readings.add(Number(s.replace(/\./g, '').replace(',', '.')));
  return [...readings].filter(Number.isFinite);
}

export interface SurfaceNumber {
  /** Every plausible value, scale applied. */
  values: number[];
  /** Whether the text marks a percentage. */
  percent: boolean;
  /** The digits as written, for messages. */
  text: string;
}

export function surfaceNumber(text: string): SurfaceNumber | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const digits = m[1]!.replace(/[,.' \u00a0\u202f]+$/, '');
  const percent = m[2] !== undefined;
  const scale = !percent && m[3] !== undefined ? (SCALE_WORDS.get(m[3].toLowerCase()) ?? 1) : 1;
  return { values: readDigits(digits).map((v) => v * scale), percent, text: m[0].trim() };
}

/** Whether two numbers are equal up to floating-point noise. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
