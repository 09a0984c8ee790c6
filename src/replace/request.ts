/**
 * Step 1 of `cohort replace`: read the state (each candidate's quota cell and lottery draw, the current rows) and
 * check the request against it. Pure.
 */
import { compareCodeUnits } from '../domain/compare.js';
import { lotteryDraw } from '../domain/lottery.js';
import { quotaCells, type QuotaCell } from '../domain/programme.js';
import type { CurrentRow, Info, ReplaceInput, RequestProblem } from './types.js';

/** What every later step reads: the programme's cells, the candidates, the current rows and the request. */
export interface ReplaceState {
  input: ReplaceInput;
  cells: QuotaCell[];
  cellByKey: ReadonlyMap<string, QuotaCell>;
  infoById: ReadonlyMap<string, Info>;
  rowById: ReadonlyMap<string, CurrentRow>;
  /** The ids withdrawn and added, each once, in code-unit order. */
  withdraw: string[];
  add: string[];
  withdrawSet: ReadonlySet<string>;
  /** The info of a known id. */
  info: (id: string) => Info;
  /** The current rows of a cell that `pred` accepts, in row order. */
  inCell: (key: string, pred: (r: CurrentRow) => boolean) => CurrentRow[];
}

/** The state, or every problem with the request (unknown ids, ids that cannot be withdrawn or added). */
export function readRequest(input: ReplaceInput): { ok: true; state: ReplaceState } | { ok: false; problems: RequestProblem[] } {
  const cells = quotaCells(input.programme);
  const cellByKey = new Map(cells.map((c) => [c.key, c]));
  const infoById = new Map<string, Info>();
  for (const s of input.screened) {
    const cell = s.cell === null ? null : (cellByKey.get(s.cell) ?? null);
    infoById.set(s.candidate.id, { id: s.candidate.id, c: s.candidate, cell, draw: lotteryDraw(input.seed, s.candidate.id) });
  }
  const rowById = new Map(input.rows.map((r) => [r.id, r]));
  const withdraw = [...new Set(input.withdraw)].sort(compareCodeUnits);
  const add = [...new Set(input.add)].sort(compareCodeUnits);

  const problems: RequestProblem[] = [];
  for (const id of withdraw) {
    const r = rowById.get(id);
    if (r === undefined || !infoById.has(id)) problems.push({ code: 'unknown_id', option: '--withdraw', id, message: `expected the id of a candidate in the allocation, got "${id}"`, params: { kind: 'request', problem: 'unknown_id', id, status: null } });
    else if (r.status !== 'selected' && r.status !== 'reserve') {
      problems.push({
        code: 'not_withdrawable',
        option: '--withdraw',
        id,
        message: `expected a selected participant or a reserve, ${id} is ${r.status === 'withdrawn' ? 'withdrawn already' : r.status}`,
        params: { kind: 'request', problem: 'not_withdrawable', id, status: r.status },
      });
    }
  }
  for (const id of add) {
    const r = rowById.get(id);
    if (r === undefined || !infoById.has(id)) problems.push({ code: 'unknown_id', option: '--add', id, message: `expected the id of a candidate in the allocation, got "${id}"`, params: { kind: 'request', problem: 'unknown_id', id, status: null } });
    else if (withdraw.includes(id)) problems.push({ code: 'conflicting_request', option: '--add', id, message: `${id} is both withdrawn and added`, params: { kind: 'request', problem: 'conflicting_request', id, status: r.status } });
    else if (r.status !== 'reserve') {
      problems.push({
        code: 'not_a_reserve',
        option: '--add',
        id,
        message: `expected a reserve to bring in, ${id} is ${r.status === 'selected' ? 'selected already' : r.status}`,
        params: { kind: 'request', problem: 'not_a_reserve', id, status: r.status },
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const info = (id: string): Info => infoById.get(id) as Info;
  return {
    ok: true,
    state: {
      input,
      cells,
      cellByKey,
      infoById,
      rowById,
      withdraw,
      add,
      withdrawSet: new Set(withdraw),
      info,
      inCell: (key, pred) => input.rows.filter((r) => info(r.id).cell?.key === key && pred(r)),
    },
  };
}
