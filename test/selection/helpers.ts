/** Builders for selection tests: a programme like the built-in one and hand-made screened candidates. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { cellFor, parseProgramme, type Programme } from '../../src/domain/programme.js';
import type { Gender, Reason, Rhf, ScreenedCandidate, Sector } from '../../src/domain/types.js';

/**
 * The built-in programme with the cohort's and sectors' shares as rules and no per-body rule (`acrossBodies`,
 * `cells: "none"`): the model's mechanics under nested rules, which most tests here exercise. The built-in default
 * (each body's own rule, shares as targets) is `builtinProgramme()`.
 */
export function programme(overrides: { gender?: Partial<Programme['gender']> } = {}): Programme {
  const p = builtinProgramme();
  return { ...p, gender: { ...p.gender, cells: 'none', acrossBodies: true, ...overrides.gender } };
}

/** The built-in programme as shipped. */
export function builtinProgramme(): Programme {
  const raw = JSON.parse(readFileSync(new URL('../../data/programme.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const parsed = parseProgramme(raw, z);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.programme;
}

export interface Spec {
  id: string;
  gender?: Gender;
  /** `kommune` or an RHF name (a specialist candidate of that RHF). */
  cell?: 'kommune' | Rhf;
  priority?: number | null;
  /** Screening reasons that make the candidate ineligible. */
  ineligible?: string[];
  line?: number;
}

let nextLine = 2;
export function cand(p: Programme, s: Spec): ScreenedCandidate {
  const sector: Sector = s.cell === undefined || s.cell === 'kommune' ? 'kommune' : 'spesialist';
  const rhf: Rhf | null = sector === 'spesialist' ? (s.cell as Rhf) : null;
  const cell = cellFor(p, sector, rhf);
  const reasons: Reason[] = (s.ineligible ?? []).map((code) => ({ code, text: `${code}: test` }));
  return {
    candidate: {
      id: s.id,
      ref: { file: `${sector === 'kommune' ? 'kommune' : (rhf ?? 'x')}.csv`, line: s.line ?? nextLine++ },
      name: `Name ${s.id}`,
      birthDate: '1980-01-01',
      gender: s.gender ?? 'female',
      sector,
      rhf,
      organisation: `Org ${s.id}`,
      organisationKey: `org ${s.id.toLowerCase()}`,
      municipality: null,
      trust: null,
      position: 'leder',
      education: 'master',
      experienceYears: 10,
      priority: s.priority === undefined ? null : s.priority,
      endorsed: true,
      raw: {},
    },
    status: reasons.length > 0 ? 'ineligible' : 'eligible',
    reasons,
    warnings: [],
    cell: cell?.key ?? null,
  };
}

/** A ranked list for one cell from a gender pattern like "MMFW": candidates `${prefix}-1`… with priorities 1…. */
export function ranked(p: Programme, cell: 'kommune' | Rhf, prefix: string, pattern: string): ScreenedCandidate[] {
  return [...pattern].map((ch, i) => cand(p, { id: `${prefix}-${String(i + 1).padStart(2, '0')}`, cell, priority: i + 1, gender: ch === 'M' ? 'male' : ch === 'F' ? 'female' : 'unknown' }));
}

/** Deterministic shuffle (seeded) of an array copy. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const x = out[i];
    const y = out[j];
    if (x !== undefined && y !== undefined) {
      out[i] = y;
      out[j] = x;
    }
  }
  return out;
}

/** Balanced default cohort: every cell has twice its seats, alternating F/M from rank 1. */
export function balanced(p: Programme): ScreenedCandidate[] {
  return [
    ...ranked(p, 'kommune', 'K', 'FM'.repeat(20)),
    ...ranked(p, 'Helse Sør-Øst', 'SO', 'FM'.repeat(8)),
    ...ranked(p, 'Helse Vest', 'V', 'FM'.repeat(4)),
    ...ranked(p, 'Helse Midt-Norge', 'MN', 'FM'.repeat(4)),
    ...ranked(p, 'Helse Nord', 'N', 'FM'.repeat(4)),
  ];
}
