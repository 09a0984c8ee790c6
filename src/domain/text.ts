/**
 * Numbers, plurals, lists and dates in the words a person reads, through `Intl` for Norwegian bokmål and
 * English. Two choices keep the output as it was before `Intl`: no thousands separator (bokmål's would be
 * a no-break space; the numbers here are counts, years and solver figures), and a plain space before `%`
 * (bokmål's percent style puts a no-break space there, English's none).
 */

/** The languages the user-facing words come in. */
export type Lang = 'nb' | 'en';

// British English, as the words are written (organisation, optimisation): its lists have no comma before
// "and" (`A, B and C`), as the output has always had.
const LOCALE: Readonly<Record<Lang, string>> = { nb: 'nb-NO', en: 'en-GB' };

const pluralRules = { nb: new Intl.PluralRules(LOCALE.nb), en: new Intl.PluralRules(LOCALE.en) };
const lists = {
  nb: new Intl.ListFormat(LOCALE.nb, { type: 'conjunction' }),
  en: new Intl.ListFormat(LOCALE.en, { type: 'conjunction' }),
};
const nbDate = new Intl.DateTimeFormat(LOCALE.nb, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

/** Decimal places: `fixed` pads and rounds to exactly that many; `max` rounds to at most that many. */
export type Decimals = { fixed: number } | { max: number };

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * `3,5` / `3.5`. Without `decimals`, every decimal the number has (as `String(n)` writes them); with it,
 * rounded half away from zero on the decimal digits (so 1.005 → `1.01`, where `toFixed` gives `1.00`).
 */
export function formatNumber(n: number, lang: Lang = 'en', decimals?: Decimals): string {
  const [min, max] = decimals === undefined ? [0, 20] : 'fixed' in decimals ? [decimals.fixed, decimals.fixed] : [0, decimals.max];
  const key = `${lang}:${min}:${max}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE[lang], { useGrouping: false, minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(key, format);
  }
  return format.format(n);
}

/** A share as a percentage: 0.4 → `40 %`, 0.12345 with `{ fixed: 2 }` → `12,35 %` in bokmål. */
export function formatPercent(share: number, lang: Lang = 'en', decimals: Decimals = { max: 1 }): string {
  return `${formatNumber(share * 100, lang, decimals)} %`;
}

/** The form of a word that agrees with `n`: `pluralForm(2, 'exists', 'exist')` → `exist`. */
export function pluralForm(n: number, one: string, other: string, lang: Lang = 'en'): string {
  return pluralRules[lang].select(n) === 'one' ? one : other;
}

/** A count and its noun: `1 kandidat`, `2 kandidater`, `1.5 years`. */
export function plural(n: number, one: string, other: string, lang: Lang = 'en'): string {
  return `${formatNumber(n, lang)} ${pluralForm(n, one, other, lang)}`;
}

/** `A, B og C` / `A, B and C`; `A og B` / `A and B`. */
export function listText(items: readonly string[], lang: Lang = 'en'): string {
  return lists[lang].format(items);
}

/** An ISO date (`2026-08-17`) as the language writes it: `17.08.2026` in bokmål, unchanged in English. */
export function formatDate(iso: string, lang: Lang): string {
  if (lang === 'en' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(`${iso}T00:00:00Z`);
  // Not a calendar day (2026-02-30): left as written rather than rolled over to another day.
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? iso : nbDate.format(date);
}
