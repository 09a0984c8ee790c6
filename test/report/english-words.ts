/**
 * What a reader of the report sees as words: the text of the page (no markup, no stylesheet) plus the
 * attributes a browser shows or reads out (title, aria-label, data-label), entities decoded.
 */
export function readableText(page: string): string {
  const attributes = [...page.matchAll(/\b(?:title|aria-label|data-label)="([^"]*)"/g)].map((m) => m[1] as string);
  const text = page.replace(/<style[^]*?<\/style>/g, ' ').replace(/<head>[^]*?<\/head>/, (head) => head.replace(/<meta[^>]*>/g, ' ')).replace(/<[^>]*>/g, ' ');
  return [text, ...attributes]
    .join(' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** English words the English report uses (the scan proves it) and the Norwegian one must not. Not `men`: bokmål for "but". */
export const ENGLISH_WORDS_USED = [
  'group', 'groups', 'team', 'teams', 'seat', 'seats', 'eligible', 'ineligible', 'detail', 'selected', 'candidates', 'shortfall',
  'unfilled', 'workshop', 'project', 'quota', 'quotas', 'rules', 'women', 'years', 'minimum', 'education', 'experience',
  'nominated', 'priority', 'unranked', 'lottery', 'seed', 'trust', 'cap', 'committee', 'proven', 'the', 'and', 'of', 'with',
  'every', 'total', 'gender', 'organisation', 'name', 'participants', 'files', 'rows', 'record',
] as const;

/** English words the Norwegian report must not use either, though the English one need not. */
export const ENGLISH_WORDS_OTHER = ['rank', 'ranked', 'solver', 'gap', 'feasible', 'relaxed', 'obeyed', 'departures', 'decided', 'draw', 'warning', 'notes'] as const;

/** The words of `text` from `words`, case-insensitive, whole words only (`Prosjektteam` is not `team`). */
export function wordsFound(text: string, words: readonly string[]): string[] {
  const seen = new Set([...text.matchAll(/\p{L}+/gu)].map((m) => m[0].toLowerCase()));
  return words.filter((w) => seen.has(w));
}
