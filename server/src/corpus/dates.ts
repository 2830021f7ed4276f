// Dates as releases write them: "Tuesday (7 May 2024)", "04 Apr. 2024", "July 11, 2024",
// "From 6 to 7 May 2024", "the 24th of February 2022", "2024-05-07". Year-less dates ("28th May") and bare
// years ("since 2014") are not release dates, except a year-less dateline opening a release's first paragraph
// ("From 27 to 29 May, …"), which takes its year from the release's context.

import { ReleaseDate } from './model';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const WEEKDAY = '(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s*\\(?\\s*)?';
const YEAR = '((?:19|20)\\d{2})';

const PATTERNS: { regex: RegExp; read: (m: RegExpExecArray) => { day: string; endDay?: string; month: string; year: string } | { iso: string } }[] = [
  // "From 6 to 7 May 2024", "21 to 24 May 2024", "28–30 April 2024"
  {
    regex: new RegExp(`\\b(?:[Ff]rom\\s+)?${DAY}\\s*(?:to|until|-|–)\\s*${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'g'),
    read: (m) => ({ day: m[1], endDay: m[2], month: m[3], year: m[4] }),
  },
  // "Tuesday (7 May 2024)", "04 Apr. 2024", "the 24th of February 2022"
  { regex: new RegExp(`${WEEKDAY}\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b\\)?`, 'g'), read: (m) => ({ day: m[1], month: m[2], year: m[3] }) },
  // "July 11, 2024", "Thursday, July 11, 2024"
  { regex: new RegExp(`${WEEKDAY}\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'g'), read: (m) => ({ day: m[2], month: m[1], year: m[3] }) },
  { regex: /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-([0-2]\d|3[01])\b/g, read: (m) => ({ iso: `${m[1]}-${m[2]}-${m[3]}` }) },
  // "14/06/2017" (Australian, British pages) or "06/14/2017" (American ones): read only when a part over 12 says
  // which is the day; "06/07/2017" could be either and is no date.
  { regex: /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\b/g, read: (m) => readNumericDate(m[1], m[2], m[3]) },
];

function readNumericDate(first: string, second: string, year: string): { iso: string } {
  const dayFirst = Number(first) > 12;
  if (dayFirst === Number(second) > 12) return { iso: 'ambiguous' };
  const [day, month] = dayFirst ? [first, second] : [second, first];
  return { iso: toIso(year, Number(month) - 1, day) };
}

/** The first well-formed date in text[start, end), with its offsets in the whole text. */
export function findFirstDate(text: string, start: number, end: number): ReleaseDate | undefined {
  // Every pattern needs a digit: most blocks have none, and four searches of each (or even a copy of the block
  // to search) would cost the most.
  if (!hasDigit(text, start, end)) return undefined;
  const slice = text.slice(start, end);
  let best: ReleaseDate | undefined;
  for (const { regex, read } of PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(slice); m; m = regex.exec(slice)) {
      if (best && start + m.index >= best.span.start) break;
      const date = toReleaseDate(read(m));
      if (!date) continue;
      let matched = m[0];
      // Keep "(7 May 2024)" balanced: a closing parenthesis belongs to the date only with its opening one.
      if (matched.endsWith(')') && !matched.includes('(')) matched = matched.slice(0, -1);
      matched = matched.replace(/[\s,]+$/, '');
      best = { ...date, text: matched, span: { start: start + m.index, end: start + m.index + matched.length } };
      break;
    }
  }
  return best;
}

const YEARLESS_DATELINE = new RegExp(
  `^(?:(?:[Ff]rom|[Oo]n)\\s+)?${DAY}(?:\\s*(?:to|until|-|–)\\s*${DAY})?\\s+(?:of\\s+)?${MONTH}(?![\\s,]+(?:19|20)\\d{2})\\b`,
);

/** A dateline without a year at the start of text[start, end) ("From 27 to 29 May, …"), dated in `year`. */
export function findYearlessDateline(text: string, start: number, end: number, year: string): ReleaseDate | undefined {
  const m = YEARLESS_DATELINE.exec(text.slice(start, end));
  const date = m && toReleaseDate({ day: m[1], endDay: m[2], month: m[3], year });
  return m && date ? { ...date, text: m[0], span: { start, end: start + m[0].length } } : undefined;
}

const FOUR_DIGIT_YEAR = /\b((?:19|20)\d{2})\b/;

/** The first year a text writes ("which began in January 2024"). */
export function findFirstYear(text: string, start: number, end: number): string | undefined {
  return FOUR_DIGIT_YEAR.exec(text.slice(start, end))?.[1];
}

/** Whether text[start, end) has a digit, which every date pattern needs: a quick test before asking more. */
export function hasDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return true;
  }
  return false;
}

function toReleaseDate(parts: { day: string; endDay?: string; month: string; year: string } | { iso: string }): Omit<ReleaseDate, 'text' | 'span'> | undefined {
  if ('iso' in parts) return isRealDate(parts.iso) ? { iso: parts.iso } : undefined;
  const monthIndex = MONTHS.findIndex((name) => name.startsWith(parts.month.toLowerCase().replace('.', '').slice(0, 3)));
  if (monthIndex < 0) return undefined;
  const iso = toIso(parts.year, monthIndex, parts.day);
  const endIso = parts.endDay ? toIso(parts.year, monthIndex, parts.endDay) : undefined;
  if (!isRealDate(iso) || (endIso && (!isRealDate(endIso) || endIso < iso))) return undefined;
  return endIso ? { iso, endIso } : { iso };
}

function toIso(year: string, monthIndex: number, day: string): string {
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
}

/**
 * For each release, the date of the nearest other release that has one (the earlier on a tie), or undefined
 * when no other release is dated. Two passes, one per direction: a file of thousands of undated releases would
 * otherwise search outwards from each of them in turn.
 */
export function findNearestOtherDates(dates: readonly (ReleaseDate | undefined)[]): (ReleaseDate | undefined)[] {
  const datedBefore: number[] = [];
  let last = -1;
  for (let i = 0; i < dates.length; i++) {
    datedBefore.push(last);
    if (dates[i]) last = i;
  }
  const nearest: (ReleaseDate | undefined)[] = new Array(dates.length);
  let datedAfter = -1;
  for (let i = dates.length - 1; i >= 0; i--) {
    const earlier = datedBefore[i];
    const earlierWins = earlier >= 0 && (datedAfter < 0 || i - earlier <= datedAfter - i);
    nearest[i] = earlierWins ? dates[earlier] : datedAfter >= 0 ? dates[datedAfter] : undefined;
    if (dates[i]) datedAfter = i;
  }
  return nearest;
}
