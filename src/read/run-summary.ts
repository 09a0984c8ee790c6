/**
 * What an allocation file does not carry itself: which programme and year it belongs to and the lottery seed of
 * the run. `cohort allocate` and `cohort replace` write both into `summary.json` beside `allocation.csv`; this
 * reads them back, leniently (only the few keys needed, so a summary of another tool version still serves).
 * Pure (no fs).
 */
import { z } from 'zod';

/** The run an allocation came from, as its summary.json records it. */
export interface RunRecord {
  /** `allocate` or `replace`. */
  command: string;
  /** The programme's name (it carries the year, e.g. `… 2026–2027`). */
  programme: string;
  /** The programme's start date, ISO `YYYY-MM-DD`. */
  startDate: string;
  seed: string;
  /** Rows of the allocation the run wrote: every candidate once. */
  candidates: number;
}

const RunSummarySchema = z.looseObject({
  command: z.enum(['allocate', 'replace']),
  seed: z.string(),
  programme: z.looseObject({ name: z.string(), startDate: z.string() }),
  counts: z.looseObject({ candidates: z.int().nonnegative() }),
});

/** The run record of a summary.json's bytes, or why it is not one (a plain sentence, no file content). */
export function readRunSummary(bytes: Uint8Array): { ok: true; run: RunRecord } | { ok: false; why: string } {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, why: 'not valid JSON' };
  }
  const parsed = RunSummarySchema.safeParse(json);
  if (!parsed.success) return { ok: false, why: 'not the summary.json of cohort allocate or cohort replace' };
  const s = parsed.data;
  return { ok: true, run: { command: s.command, programme: s.programme.name, startDate: s.programme.startDate, seed: s.seed, candidates: s.counts.candidates } };
}
