/**
 * The difference between two allocations of the same programme year, as the admissions meeting asks it: who
 * came into the cohort, who went out and why (the reasons of the new run), who changed workshop group or
 * project team, what else changed for candidates outside the cohort, and how each nominating body's seats and
 * gender balance moved. Pure: rows in, a deterministic result out (never the rows' file order).
 *
 * People are matched by id. Group and team numbers are compared as written: they are what the meeting sees.
 */
import type { AllocationStatus } from '../read/allocation.js';
import { RHFS, type Gender } from '../domain/types.js';
import { compareCodeUnits } from '../domain/compare.js';
import { CHANGE_KINDS, type ChangeKind } from '../domain/i18n/catalogue.js';

/** One allocation row as the diff needs it (`readAllocationDetailed` gives these). */
export interface DiffRow {
  id: string;
  status: AllocationStatus;
  workshopGroup: number | null;
  projectTeam: number | null;
  reserveRank: number | null;
  details: {
    /** Quota cell key (`kommune`, `spesialist/Helse Vest`), null when blank. */
    cell: string | null;
    /** The run's reasons, `; `-separated `code: detail` texts. */
    reasons: string;
    gender: Gender;
    /** Input columns passed through, by canonical name or header. */
    input: Readonly<Record<string, string>>;
  };
}

/** Where a candidate stands in one allocation. */
export interface Place {
  status: AllocationStatus;
  cell: string | null;
  reserveRank: number | null;
  workshopGroup: number | null;
  projectTeam: number | null;
}


export interface PersonChange {
  id: string;
  kind: ChangeKind;
  /** Null: not in the old allocation. */
  old: Place | null;
  /** Null: not in the new allocation (no longer among the candidates). */
  new: Place | null;
  /** Reason codes of the new run, in its order (`selected`, `reserve`, `too_young`, …); [] when not in it. */
  reasons: string[];
  /** The new run's reasons as written (may hold ages and rankings: for files, not the terminal). */
  reasonText: string;
  /** Input columns whose value differs between the two files, by canonical name or header (names only). */
  columnsChanged: string[];
}

export interface BodyCount {
  /** Participants of the cell. */
  selected: number;
  reserves: number;
  /** Gender of the participants. */
  female: number;
  male: number;
  unknown: number;
}

/** A quota cell (a nominating body's seats: KS for `kommune`, an RHF for `spesialist/<RHF>`) in both runs. */
export interface BodyChange {
  cell: string;
  old: BodyCount;
  new: BodyCount;
}

export interface AllocationDiff {
  /** No change at all: every candidate in both, same decisions, same input columns. */
  equal: boolean;
  /** Sorted by kind (in `CHANGE_KINDS` order), then cell, then id. */
  changes: PersonChange[];
  /** Every quota cell of either allocation, in programme order (kommune, then the RHFs), then others. */
  bodies: BodyChange[];
  counts: Record<ChangeKind, number>;
}

/** Quota cells in the programme's order: `kommune`, `spesialist`, the RHFs' cells as `RHFS` lists them, then others. */
export function compareCells(a: string | null, b: string | null): number {
  const rank = (c: string | null): number => {
    if (c === null) return 1e6;
    if (c === 'kommune') return 0;
    if (c === 'spesialist') return 1;
    const i = RHFS.findIndex((r) => c === `spesialist/${r}`);
    return i >= 0 ? 2 + i : 1e5;
  };
  return rank(a) - rank(b) || compareCodeUnits(a ?? '', b ?? '');
}

/**
 * Reason codes of a reasons cell: the `code` of each `code: detail` part, parts split at `;` outside double quotes
 * (a lottery reason quotes its seed, which may hold anything). Free text of a hand edit gives no code.
 */
export function reasonCodes(text: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ';' && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => /^([a-z][a-z_]*):/.exec(part.trim())?.[1]).filter((c): c is string => c !== undefined);
}

function placeOf(r: DiffRow): Place {
  return { status: r.status, cell: r.details.cell, reserveRank: r.reserveRank, workshopGroup: r.workshopGroup, projectTeam: r.projectTeam };
}

function changedColumns(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => (a[k] ?? '') !== (b[k] ?? '')).sort(compareCodeUnits);
}

function kindOf(o: DiffRow | undefined, n: DiffRow | undefined): ChangeKind | null {
  const inOld = o?.status === 'selected';
  const inNew = n?.status === 'selected';
  if (inNew && !inOld) return 'in';
  if (inOld && !inNew) return 'out';
  if (o === undefined || n === undefined) return 'status';
  if (inOld && inNew) {
    const same = o.workshopGroup === n.workshopGroup && o.projectTeam === n.projectTeam && o.details.cell === n.details.cell;
    return same ? null : 'moved';
  }
  if (o.status !== n.status || o.details.cell !== n.details.cell) return 'status';
  if (o.status === 'reserve' && o.reserveRank !== n.reserveRank) return 'reserve_rank';
  return null;
}

function emptyCount(): BodyCount {
  return { selected: 0, reserves: 0, female: 0, male: 0, unknown: 0 };
}

function bodyCounts(rows: readonly DiffRow[]): Map<string, BodyCount> {
  const out = new Map<string, BodyCount>();
  for (const r of rows) {
    const cell = r.details.cell;
    if (cell === null) continue;
    const c = out.get(cell) ?? emptyCount();
    out.set(cell, c);
    if (r.status === 'selected') {
      c.selected += 1;
      c[r.details.gender] += 1;
    } else if (r.status === 'reserve') c.reserves += 1;
  }
  return out;
}

/** The difference from `before` to `after`. Each side's ids must be unique (the reader guarantees it). */
export function diffAllocations(before: readonly DiffRow[], after: readonly DiffRow[]): AllocationDiff {
  const oldById = new Map(before.map((r) => [r.id, r]));
  const newById = new Map(after.map((r) => [r.id, r]));
  const ids = [...new Set([...oldById.keys(), ...newById.keys()])];
  const changes: PersonChange[] = [];
  for (const id of ids) {
    const o = oldById.get(id);
    const n = newById.get(id);
    const columnsChanged = o !== undefined && n !== undefined ? changedColumns(o.details.input, n.details.input) : [];
    const kind = kindOf(o, n) ?? (columnsChanged.length > 0 ? 'data' : null);
    if (kind === null) continue;
    changes.push({
      id,
      kind,
      old: o === undefined ? null : placeOf(o),
      new: n === undefined ? null : placeOf(n),
      reasons: n === undefined ? [] : reasonCodes(n.details.reasons),
      reasonText: n?.details.reasons ?? '',
      columnsChanged,
    });
  }
  // The cell a change is listed under: where the person is now, or where they were when they left.
  const listedCell = (c: PersonChange): string | null => (c.kind === 'out' ? (c.old?.cell ?? null) : (c.new?.cell ?? c.old?.cell ?? null));
  changes.sort((a, b) => CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind) || compareCells(listedCell(a), listedCell(b)) || compareCodeUnits(a.id, b.id));

  const oldBodies = bodyCounts(before);
  const newBodies = bodyCounts(after);
  const cells = [...new Set([...oldBodies.keys(), ...newBodies.keys()])].sort(compareCells);
  const bodies = cells.map((cell) => ({ cell, old: oldBodies.get(cell) ?? emptyCount(), new: newBodies.get(cell) ?? emptyCount() }));

  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, changes.filter((c) => c.kind === k).length])) as Record<ChangeKind, number>;
  return { equal: changes.length === 0, changes, bodies, counts };
}
