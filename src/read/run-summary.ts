/**
 * What an allocation file does not carry itself: which programme and year it belongs to and the lottery seed of
 * the run. `cohort allocate` and `cohort replace` write both into `summary.json` beside `allocation.csv`; this
 * reads them back, leniently (only the few keys needed, so a summary of another tool version still serves).
 * Pure (no fs).
 */
import { dirname, join } from 'node:path';

/**
 * The summary.json a command reads beside an allocation (`diff`, `lists`, `allocate --previous`): an input of
 * that run, which no output may overwrite.
 */
export function runRecordPath(allocation: string): string {
  return join(dirname(allocation), 'summary.json');
}

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

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The few keys read, checked by hand (other keys pass): a schema library is not worth its load time here. */
function runRecordOf(json: unknown): RunRecord | null {
  if (!isObject(json) || !isObject(json['programme']) || !isObject(json['counts'])) return null;
  const { command, seed } = json;
  const { name, startDate } = json['programme'];
  const { candidates } = json['counts'];
  if ((command !== 'allocate' && command !== 'replace') || typeof seed !== 'string' || typeof name !== 'string' || typeof startDate !== 'string') return null;
  if (typeof candidates !== 'number' || !Number.isSafeInteger(candidates) || candidates < 0) return null;
  return { command, programme: name, startDate, seed, candidates };
}

/** The run record of a summary.json's bytes, or why it is not one (a plain sentence, no file content). */
export function readRunSummary(bytes: Uint8Array): { ok: true; run: RunRecord } | { ok: false; why: string } {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, why: 'not valid JSON' };
  }
  const run = runRecordOf(json);
  return run === null ? { ok: false, why: 'not the summary.json of cohort allocate or cohort replace' } : { ok: true, run };
}
