/**
 * The one string order of the project: code units, never the locale, so that every sort and tie-break gives
 * the same result on every machine. Pure.
 */

/** Code-unit comparison of strings (`"B" < "a" < "Æ"`), for sorts and tie-breaks. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
