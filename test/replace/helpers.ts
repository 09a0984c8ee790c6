/**
 * Helpers for the `cohort replace` tests: the sample year allocated once by the CLI, the allocation read
 * back as plain rows, and finders that pick a withdrawal with a stated property from whatever the allocation is
 * (so that a retuned group or team stage does not silently turn a test into one that cannot fail: every finder
 * throws when the sample no longer offers its case).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ROOT, SAMPLE_EN, cohort, tempDir, type Run } from '../e2e/helpers.js';
import { genderTableMinimum } from '../../src/domain/rules.js';

export { cohort, tempDir, type Run };

/** The English sample, relative to the repository root (the cwd of every run). */
export const SAMPLE = SAMPLE_EN.map((f) => relative(ROOT, f));

export interface Row {
  id: string;
  status: string;
  cell: string;
  reserveRank: number | null;
  group: number | null;
  team: number | null;
  reasons: string;
  gender: string;
  sector: string;
  organisation: string;
}

const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

/** An allocation.csv as rows (the columns the tests look at). */
export function readRows(file: string): Row[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const delimiter = text.split('\n', 1)[0]?.includes(';') ? ';' : ',';
  const records = parse(text, { columns: true, delimiter }) as Array<Record<string, string>>;
  return records.map((r) => ({
    id: r.id ?? '',
    status: r.status ?? '',
    cell: r.cell ?? '',
    reserveRank: num(r.reserve_rank),
    group: num(r.workshop_group),
    team: num(r.project_team),
    reasons: r.reasons ?? '',
    gender: r.gender ?? '',
    sector: r.sector ?? '',
    organisation: r.organisation ?? '',
  }));
}

/** Allocate the English sample with the CLI; returns the allocation.csv path. */
export async function allocateSample(): Promise<string> {
  const out = join(tempDir('cohort-replace-'), 'allocated');
  const r = await cohort(['allocate', ...SAMPLE, '--out', out]);
  if (r.code !== 0) throw new Error(`allocate exited ${r.code}: ${r.stderr}`);
  return join(out, 'allocation.csv');
}

export function replace(allocation: string, out: string, args: readonly string[]): Promise<Run> {
  return cohort(['replace', '--candidates', ...SAMPLE, '--allocation', allocation, '--out', out, ...args]);
}

export function check(allocation: string, extra: readonly string[] = []): Promise<Run> {
  return cohort(['check', '--candidates', ...SAMPLE, '--allocation', allocation, ...extra]);
}

/** A cell's reserves in call-in order. */
export function reservesOf(rows: readonly Row[], cell: string): Row[] {
  return rows.filter((r) => r.status === 'reserve' && r.cell === cell).sort((a, b) => (a.reserveRank ?? 0) - (b.reserveRank ?? 0));
}

/** Whether `newcomer` would share an organisation with anyone but `leaving` in `leaving`'s group or team. */
export function clashes(rows: readonly Row[], leaving: Row, newcomer: Row): boolean {
  return rows.some((r) => r.status === 'selected' && r.id !== leaving.id && (r.group === leaving.group || r.team === leaving.team) && r.organisation === newcomer.organisation);
}

/** Selected men (or women) of a sector. */
/** Selected of a gender in one quota cell. */
export function cellCount(rows: readonly Row[], cell: string, gender: string): number {
  return rows.filter((r) => r.status === 'selected' && r.cell === cell && r.gender === gender).length;
}

/** The cell's own gender minimum by the built-in programme's rule (the representation table of its seats). */
export function cellMinimum(rows: readonly Row[], cell: string): number {
  return genderTableMinimum(rows.filter((r) => r.status === 'selected' && r.cell === cell).length);
}

export function countOf(rows: readonly Row[], sector: string, gender: string): number {
  return rows.filter((r) => r.status === 'selected' && r.sector === sector && r.gender === gender).length;
}

/**
 * The first selected participant (by id) whose cell's next reserve is of the same gender and would clash with nobody
 * in the freed place: the plain case, where the newcomer takes the exact place.
 */
export function plainWithdrawal(rows: readonly Row[]): { leaving: Row; newcomer: Row } {
  for (const leaving of rows.filter((r) => r.status === 'selected').sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const next = reservesOf(rows, leaving.cell)[0];
    if (next !== undefined && next.gender === leaving.gender && !clashes(rows, leaving, next)) return { leaving, newcomer: next };
  }
  throw new Error('the sample offers no plain withdrawal');
}

/**
 * A specialist man whose withdrawal forces a gender swap: the sector holds exactly its minimum of men (8 of 20), his
 * cell's next reserve is a woman and a man is among the reserves. Returns him, the reserve passed over and the man
 * who should come in.
 */
export function genderSwap(rows: readonly Row[]): { leaving: Row; passedOver: Row; newcomer: Row; minimum: number; label: string } {
  for (const leaving of rows.filter((r) => r.status === 'selected' && r.sector === 'spesialist' && r.gender === 'male').sort((a, b) => (a.id < b.id ? -1 : 1))) {
    // The body's own rule (the table minimum of its seats) binds: its men are at the minimum.
    const minimum = cellMinimum(rows, leaving.cell);
    if (cellCount(rows, leaving.cell, 'male') !== minimum) continue;
    const reserves = reservesOf(rows, leaving.cell);
    const first = reserves[0];
    const man = reserves.find((r) => r.gender === 'male');
    if (first !== undefined && first.gender === 'female' && man !== undefined) return { leaving, passedOver: first, newcomer: man, minimum, label: leaving.cell.replace(/^spesialist\//, '') };
  }
  throw new Error('the sample offers no gender swap');
}
