/** The catalogue of each language: `CATALOGUE[lang]`. */
import type { Lang } from '../text.js';
import type { Warning, WarningCode, WarningFacts, WarningParams } from '../warnings.js';
import type { Catalogue } from './catalogue.js';
import { EN } from './en.js';
import { NB } from './nb.js';

export const CATALOGUE: Readonly<Record<Lang, Catalogue>> = { nb: NB, en: EN };

type GenderOfChange = 'female' | 'male' | 'unknown';

/** The cohort's and sectors' gender shares as `allocate`'s terminal and the report show them (see `genderBalanceLines`). */
export interface GenderBalanceText {
  acrossBodies: boolean;
  targets: ReadonlyArray<{ scope: 'cohort' | 'sector'; scopeKey: string; gender: 'female' | 'male'; required: number; actual: number; met: boolean }>;
  proposal: {
    applied: boolean;
    shortfallAfter: number;
    /** `body`: the nominating body as the reader names it. */
    changes: ReadonlyArray<{ body: string; out: { id: string; priority: number | null; gender: GenderOfChange }; in: { id: string; priority: number | null; gender: GenderOfChange } }>;
  } | null;
}

/**
 * The gender shares in words: a line per target not reached, then the proposal's heading (unless it was applied
 * and changed nothing), and a line per change (without a bullet: the caller lays them out).
 */
export function genderBalanceLines(b: GenderBalanceText, lang: Lang): { lines: string[]; changes: string[] } {
  const w = CATALOGUE[lang].allocate;
  const lines = b.targets.filter((t) => !t.met).map((t) => w.targetShort({ scope: t.scope, where: t.scopeKey, gender: t.gender, required: t.required, actual: t.actual }, b.acrossBodies));
  const p = b.proposal;
  if (p === null || (p.applied && p.changes.length === 0)) return { lines, changes: [] };
  lines.push(w.proposal({ applied: p.applied, changes: p.changes.length, shortfallAfter: p.shortfallAfter }));
  return { lines, changes: p.changes.map((c) => w.proposalChange(c)) };
}

/** A warning's text in `lang`, from its code and facts. */
export function warningText(w: WarningFacts, lang: Lang): string {
  // The union's code and params belong together (WarningFacts); TypeScript cannot follow that into the lookup.
  const text = CATALOGUE[lang].warnings[w.code] as (p: typeof w.params) => string;
  return text(w.params);
}

/** A warning with its facts, and its English text (`message`) from the catalogue. */
export function warning<C extends WarningCode>(code: C, params: WarningParams[C]): Warning {
  const facts = { code, params } as WarningFacts;
  return { code, message: warningText(facts, 'en'), params } as Warning;
}
