/**
 * Candidates over a hospital trust's nomination cap, per trust, from the screening (issue 13, item 6), and the
 * status allocation.csv gives them: `over_cap` when the cap is their only hard reason, else `ineligible`.
 */
import { compareCodeUnits } from '../domain/compare.js';
import { overCapOnly } from '../domain/nomination.js';
import type { Programme } from '../domain/programme.js';
import { nominationCap } from '../domain/rules.js';
import type { ScreenedCandidate } from '../domain/types.js';
import type { AllocationStatus } from '../read/allocation.js';

export interface TrustOverCap {
  trust: string;
  rhf: string | null;
  /** Specialist candidates of the trust in the input. */
  nominated: number;
  /** Ids beyond the cap, in code-unit order. */
  overCap: string[];
}

/** The cap and every trust over it, in code-unit order of the trust's name. */
export function nominationCapSummary(screened: readonly ScreenedCandidate[], programme: Pick<Programme, 'nominationCapPerTrust'>): { cap: number | null; trusts: TrustOverCap[] } {
  const byTrust = new Map<string, { rhf: string | null; nominated: number; overCap: string[] }>();
  for (const s of screened) {
    const c = s.candidate;
    if (c.sector !== 'spesialist' || c.trust === null) continue;
    const t = byTrust.get(c.trust) ?? { rhf: c.rhf, nominated: 0, overCap: [] };
    t.nominated++;
    if (s.reasons.some((r) => r.code === 'nomination_cap')) t.overCap.push(c.id);
    byTrust.set(c.trust, t);
  }
  const trusts = [...byTrust.entries()]
    .filter(([, t]) => t.overCap.length > 0)
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([trust, t]) => ({ trust, rhf: t.rhf, nominated: t.nominated, overCap: [...t.overCap].sort(compareCodeUnits) }));
  return { cap: nominationCap(programme), trusts };
}

/** The status allocation.csv writes for a selection status and its reasons: `over_cap` for a candidate over the cap only. */
export function outputStatus(status: 'selected' | 'reserve' | 'excluded' | 'ineligible', reasons: ReadonlyArray<{ code: string }>): AllocationStatus {
  return status === 'ineligible' && overCapOnly(reasons.map((r) => r.code)) ? 'over_cap' : status;
}
