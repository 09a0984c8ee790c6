/**
 * The terminal's lines about the nomination cap and the committee's decisions (issue 13, items 5 and 6), shared
 * by `allocate`, `check` and `replace`. Ids, trusts and places only: never the committee's reason text (it may
 * name people), never names or e-mails.
 */
import { plural } from '../domain/text.js';
import type { DecisionRecord } from './decisions.js';
import type { TrustOverCap } from './nomination-cap.js';

/** `include TLP-1`, `apart TLP-1 and TLP-2`, `group 3 for TLP-1`. */
function decisionWhat(d: Pick<DecisionRecord, 'rule' | 'id' | 'other' | 'group'>): string {
  if (d.rule === 'group') return `group ${d.group ?? '?'} for ${d.id}`;
  if (d.other !== null) return `${d.rule} ${d.id} and ${d.other}`;
  return `${d.rule} ${d.id}`;
}

function source(d: DecisionRecord): string {
  return d.source.line === null ? d.source.file : `${d.source.file} line ${d.source.line}`;
}

/** One line per trust over the cap, then the decisions: a count, and a line per decision not obeyed. */
export function committeeLines(nominationCap: { cap: number | null; trusts: readonly TrustOverCap[] }, decisions: readonly DecisionRecord[]): string {
  const parts: string[] = [];
  for (const t of nominationCap.trusts) {
    parts.push(`over the nomination cap: ${t.trust} nominated ${t.nominated}, cap ${nominationCap.cap ?? '–'}; ${t.overCap.length} over it: ${t.overCap.join(', ')}\n`);
  }
  if (decisions.length > 0) {
    const notObeyed = decisions.filter((d) => !d.obeyed);
    const withReason = decisions.filter((d) => d.reason !== null).length;
    parts.push(
      `Committee decisions: ${decisions.length}, ${notObeyed.length === 0 ? 'all obeyed' : `${notObeyed.length} not obeyed`}` +
        `${withReason > 0 ? ` (${plural(withReason, 'reason', 'reasons')} recorded in summary.json)` : ''}.\n`,
    );
    for (const d of notObeyed) parts.push(`decision not obeyed: ${decisionWhat(d)} (${source(d)}): ${d.why ?? ''}\n`);
  }
  return parts.join('');
}
