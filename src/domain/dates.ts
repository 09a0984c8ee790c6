/**
 * Calendar dates, the one place that parses and checks them: birth dates as people type them, the programme's
 * start date, ages on a day. Proleptic Gregorian calendar by arithmetic (no `Date`, so no time zone and no
 * two-digit-year mapping). Dates travel through the tool as ISO strings `YYYY-MM-DD`. Pure.
 */

/** A date's year, month (1–12) and day (1–31), not necessarily a real calendar date (see `isCalendarDate`). */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const NORWEGIAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `31.12.1980` (Norwegian; day and month may be one digit) or `1980-12-31` (ISO) → its parts, not yet checked
 * against the calendar; null for any other form. Two-digit years (`31.12.80`) and slashes (`31/12/1980`, month
 * first in some locales) are not dates here: they are ambiguous.
 */
export function dateParts(text: string): DateParts | null {
  const no = NORWEGIAN.exec(text);
  if (no !== null) return { year: Number(no[3]), month: Number(no[2]), day: Number(no[1]) };
  const iso = ISO.exec(text);
  if (iso !== null) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  return null;
}

/** An ISO date `YYYY-MM-DD` that is a real calendar date → its parts; anything else → null. */
export function parseIsoDate(text: string): DateParts | null {
  const iso = ISO.exec(text);
  if (iso === null) return null;
  const d = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  return isCalendarDate(d) ? d : null;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether the parts name a day that exists (month 1–12, day within the month). */
export function isCalendarDate(d: DateParts): boolean {
  return Number.isInteger(d.month) && Number.isInteger(d.day) && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** The ISO form `YYYY-MM-DD` of a date's parts. */
export function isoDate(d: DateParts): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Days from 1970-01-01 to the date (negative before it), by the civil-calendar arithmetic of H. Hinnant's
 * `days_from_civil` (proleptic Gregorian, any year).
 */
export function epochDay(d: DateParts): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5) + d.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Whole years of age on `on` for someone born on `birth` (both ISO dates). A 29 February birthday is reached on
 * 1 March in non-leap years. Negative when `birth` is after `on`. Null for a date that is not a calendar date.
 */
export function ageOn(birth: string, on: string): number | null {
  const b = parseIsoDate(birth);
  const o = parseIsoDate(on);
  if (b === null || o === null) return null;
  const beforeBirthday = o.month < b.month || (o.month === b.month && o.day < b.day);
  return o.year - b.year - (beforeBirthday ? 1 : 0);
}

/**
 * The latest birth date (ISO) that makes a person `minAge` years old on `startDate` (ISO), by the same arithmetic
 * as `ageOn`: a 29 February start date in a year whose `minAge` years earlier is not a leap year gives 28 February.
 * Null when that year is before year 1 or `startDate` is not a calendar date.
 */
export function latestBirthDate(startDate: string, minAge: number): string | null {
  const s = parseIsoDate(startDate);
  if (s === null) return null;
  const year = s.year - minAge;
  if (year < 1) return null;
  return isoDate({ year, month: s.month, day: Math.min(s.day, daysInMonth(year, s.month)) });
}
