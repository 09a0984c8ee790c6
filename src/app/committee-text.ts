/**
 * The terminal's lines about the nomination cap and the committee's decisions (issue 13, items 5 and 6), shared
 * by `allocate`, `check` and `replace`, in the catalogue's words. Ids, trusts and places only: never the
 * committee's reason text (it may name people), never names or e-mails.
 */
import { CATALOGUE } from '../domain/i18n/index.js';
import type { Lang } from '../domain/text.js';
import type { DecisionRecord } from './decisions.js';
import type { TrustOverCap } from './nomination-cap.js';

/** One line per trust over the cap, then the decisions: a count, and a line per decision not obeyed. */
/** Ids over the cap the terminal names per trust before it points to summary.json. */
const MAX_IDS = 8;

export function committeeLines(nominationCap: { cap: number | null; trusts: readonly TrustOverCap[] }, decisions: readonly DecisionRecord[], lang: Lang): string {
  const w = CATALOGUE[lang].committee;
  const parts: string[] = [];
  for (const t of nominationCap.trusts) parts.push(`${w.overCap(t.trust, t.nominated, nominationCap.cap, t.overCap.slice(0, MAX_IDS), t.overCap.length)}\n`);
  if (decisions.length > 0) {
    const notObeyed = decisions.filter((d) => !d.obeyed);
    parts.push(`${w.decisions(decisions.length, notObeyed.length, decisions.filter((d) => d.reason !== null).length)}\n`);
    for (const d of notObeyed) parts.push(`${w.notObeyed(d, w.source(d.source.file, d.source.line), d.why)}\n`);
  }
  return parts.join('');
}
