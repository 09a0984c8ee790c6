/**
 * The lists after the admissions meeting, from an allocation: for each nominating body (KS for the municipal
 * cell, each RHF for its specialist cell) its admitted participants and its reserves in call-in order, with
 * contact details; for BI the admission list with what its registration needs. Pure: rows in, lists out, in a
 * deterministic order (never the file's). Every participant is on exactly one body's list and on BI's list.
 */
import { compareCodeUnits } from '../domain/compare.js';
import { RHFS, type Sector } from '../domain/types.js';
import type { AllocationStatus } from '../read/allocation.js';
import { fold, parseDate, parseSector } from '../read/values.js';
import { isEmailHeader } from '../read/columns.js';

/** One allocation row as the lists need it (`readAllocationDetailed` gives these). */
export interface ListRow {
  id: string;
  line: number;
  status: AllocationStatus;
  reserveRank: number | null;
  details: { cell: string | null; input: Readonly<Record<string, string>> };
}

/** A person on a list. Personal data: for the files only. */
export interface ListEntry {
  id: string;
  /** The nominating body whose list the person is on. */
  body: string;
  name: string;
  /** Job title (`position`), as written. */
  position: string;
  /** From an e-mail column of the input (`E-post`, `E-mail`, …); blank when the files have none. */
  email: string;
  /** The hospital trust or municipality, as written. */
  organisation: string;
  gender: string;
  /** The nominating body's own ranking as written (blank: unranked). */
  priority: string;
  /** Reserves: the place in call-in order. */
  reserveRank: number | null;
  /** Birth date as `YYYY-MM-DD` when it reads as a date, else as written. */
  birthDate: string;
  sector: Sector | null;
}

export interface BodyList {
  /** `KS`, or the RHF's name (or, for a programme's own cells, the cell key). */
  body: string;
  /** A plain file name stem: `ks`, `helse-sor-ost`, … */
  slug: string;
  /** Admitted participants, by the body's priority (unranked last), then id. */
  admitted: ListEntry[];
  /** Reserves in call-in order (rank, then id). */
  reserves: ListEntry[];
}

export interface Lists {
  bodies: BodyList[];
  /** BI's admission list: every participant once, by sector, then name, then id. */
  admission: ListEntry[];
}

/** A row that cannot be put on a list; located by the allocation's line. */
export interface ListProblem {
  id: string;
  line: number;
  code: 'no_body';
}

/** The e-mail column's key among a row's input columns, if any (the first in code-unit order). */
export function emailColumn(input: Readonly<Record<string, string>>): string | null {
  return Object.keys(input).filter(isEmailHeader).sort(compareCodeUnits)[0] ?? null;
}

const KS = 'KS';

function rhfOf(text: string): string | null {
  const f = fold(text);
  if (f === '') return null;
  return RHFS.find((r) => fold(r) === f || fold(r).replace(/^helse /, '') === f) ?? null;
}

/**
 * The nominating body of a row: KS for the municipal cell, the RHF for its specialist cell; without a cell (a
 * hand-made file), from the input's sector and RHF columns. Null when it cannot be told.
 */
export function bodyOf(r: ListRow): string | null {
  const cell = r.details.cell;
  const input = r.details.input;
  if (cell === 'kommune') return KS;
  if (cell !== null && cell.startsWith('spesialist/')) return cell.slice('spesialist/'.length);
  if (cell !== null && cell !== 'spesialist') return cell;
  const sector = parseSector((input.sector ?? '').trim());
  if (cell === null && sector.ok && sector.value === 'kommune') return KS;
  if (cell === 'spesialist' || (sector.ok && sector.value === 'spesialist')) return rhfOf(input.rhf ?? '');
  return null;
}

/** File name stem of a body: folded, ASCII, hyphens. */
export function slugOf(body: string): string {
  return fold(body).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'liste';
}

function bodyOrder(body: string): number {
  if (body === KS) return 0;
  const i = (RHFS as readonly string[]).indexOf(body);
  return i >= 0 ? 1 + i : 100;
}

function entryOf(r: ListRow, body: string, email: string | null): ListEntry {
  const input = r.details.input;
  const birth = (input.birth_date ?? '').trim();
  const parsedBirth = birth === '' ? null : parseDate(birth);
  const sector = parseSector((input.sector ?? '').trim());
  return {
    id: r.id,
    body,
    name: (input.name ?? '').trim(),
    position: (input.position ?? '').trim(),
    email: email === null ? '' : (input[email] ?? '').trim(),
    organisation: (input.organisation ?? '').trim(),
    gender: (input.gender ?? '').trim(),
    priority: (input.priority ?? '').trim(),
    reserveRank: r.reserveRank,
    birthDate: parsedBirth?.ok === true ? parsedBirth.value : birth,
    sector: sector.ok ? sector.value : r.details.cell === 'kommune' ? 'kommune' : r.details.cell?.startsWith('spesialist') === true ? 'spesialist' : null,
  };
}

/** A priority as written, as a number for ordering (unranked or unreadable last). */
function priorityKey(p: string): number {
  const n = Number(p.replace(',', '.'));
  return p !== '' && Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

const byPriority = (a: ListEntry, b: ListEntry): number => priorityKey(a.priority) - priorityKey(b.priority) || compareCodeUnits(a.id, b.id);
const byReserveRank = (a: ListEntry, b: ListEntry): number => (a.reserveRank ?? Number.POSITIVE_INFINITY) - (b.reserveRank ?? Number.POSITIVE_INFINITY) || compareCodeUnits(a.id, b.id);
const NAME_ORDER = new Intl.Collator('nb', { sensitivity: 'base' });
const SECTOR_ORDER: ReadonlyArray<Sector | null> = ['kommune', 'spesialist', null];

/**
 * The lists of an allocation. Participants and reserves whose body cannot be told are problems (the caller
 * refuses the file); other statuses are on no list.
 */
export function buildLists(rows: readonly ListRow[]): { lists: Lists; problems: ListProblem[] } {
  const problems: ListProblem[] = [];
  const bodies = new Map<string, BodyList>();
  const admission: ListEntry[] = [];
  for (const r of rows) {
    const body = bodyOf(r);
    const listed = r.status === 'selected' || r.status === 'reserve';
    if (body === null) {
      if (listed) problems.push({ id: r.id, line: r.line, code: 'no_body' });
      continue;
    }
    const list = bodies.get(body) ?? { body, slug: slugOf(body), admitted: [], reserves: [] };
    bodies.set(body, list);
    if (!listed) continue;
    const entry = entryOf(r, body, emailColumn(r.details.input));
    if (r.status === 'selected') {
      list.admitted.push(entry);
      admission.push(entry);
    } else list.reserves.push(entry);
  }
  for (const l of bodies.values()) {
    l.admitted.sort(byPriority);
    l.reserves.sort(byReserveRank);
  }
  admission.sort((a, b) => SECTOR_ORDER.indexOf(a.sector) - SECTOR_ORDER.indexOf(b.sector) || NAME_ORDER.compare(a.name, b.name) || compareCodeUnits(a.name, b.name) || compareCodeUnits(a.id, b.id));
  const ordered = [...bodies.values()].sort((a, b) => bodyOrder(a.body) - bodyOrder(b.body) || compareCodeUnits(a.body, b.body));
  return { lists: { bodies: ordered, admission }, problems: problems.sort((a, b) => a.line - b.line) };
}
