/**
 * Selection of the cohort (issue 3): which eligible candidates fill the quota cells, who are the
 * reserves, and why — as an integer program solved by the `Solve` function the caller hands in. The caller
 * (`app/pipeline.ts`) verifies the result with the independent checker (`check/selection.ts`) before using it.
 *
 * ## The model
 * Before the model, per cell c: the available candidates are the eligible ones not excluded; the cell
 * fills f_c = min(seats, available) seats; includes (locks) are placed first, leaving r_c free seats.
 * The call-in order of a cell is: priority (1 best, unranked last), then the lottery draw, then id.
 *
 * Within a cell and gender every optimum takes a prefix of the call-in order (an exchange argument:
 * two candidates of one cell and gender count the same for every rule, so the better-placed one is
 * always at least as good). So only the first r_c of each gender can ever be chosen (the rest are
 * pruned), and candidates group into **types**: a maximal run of consecutive same-gender candidates
 * within one priority class (cell × gender × rank class, split where the lottery order switches
 * gender, so a tie between a woman and a man is decided by their own draws, not by their gender's).
 * One integer count x_t per type; the first x_t members of a type are selected.
 *
 *   minimise   W · Σ_r s_r  +  R · Σ_t d_t x_t  +  Σ_t ℓ_t x_t
 *   subject to Σ_{t in c} x_t = r_c                               (every cell: exactly its free seats)
 *              Σ_{t in scope(r), gender(r)} x_t + s_r ≥ need_r      (every gender rule r, soft)
 *              0 ≤ x_t ≤ min(|t|, r_c) integer,  0 ≤ s_r ≤ need_r
 *
 * - need_r = required_r − (included candidates of the rule's gender in its scope); rows with need ≤ 0
 *   are met by the locks and left out. Gender rules (`genderRules`): each nominating body's own rule on its
 *   cell (by default the Norwegian table minimum of its filled seats); the cohort's and sectors' shares only
 *   when the bodies have agreed to balance across their lists (`acrossBodies`). Unknown gender counts for
 *   neither side.
 *
 * ## The bodies' own lists first
 * The stage solves the model with each body's own rule only. When that selection falls short of the cohort's or
 * a sector's share (`genderTargets`), it solves once more with the shares as rules: the difference is the
 * proposal (who would take whose seat), applied only with the agreement. Without it no body's better-ranked
 * candidate gives way for another body's list. From the applied answer it derives every departure from a body's
 * ranking (with its cause) and the seats a tie decided by the lottery.
 * - d_t: the type's rank class, the index of its priority among the distinct priorities kept in its
 *   cell (0 = best). ℓ_t: the type's place (1..T) when all types are ordered by their first member's
 *   draw — distinct for every type, increasing along the call-in order inside a tie.
 * - Lexicographic by construction, all costs integers: R = 1 + Σ_c (largest − smallest lottery total
 *   the cell's r_c seats can take), so one rank class outweighs any lottery difference; W = 1 +
 *   Σ_c (largest − smallest ranking-plus-lottery total of the cell), so one seat of gender shortfall
 *   outweighs any ranking difference. Hence the optimum has the least total gender shortfall, then the
 *   least total rank, then the lottery's order — and no justified envy (a better-ranked unselected
 *   candidate whose swap raises no rule's shortfall would lower the objective).
 * - The constraint matrix is the incidence matrix of two laminar families (cells; gender scopes
 *   cell ⊂ sector ⊂ cohort), hence totally unimodular: the LP relaxation is already integral and the
 *   solvers prove it at the root.
 *
 * ## Locks
 * - `exclude`: the candidate is out (`excluded`); an ineligible candidate stays `ineligible`.
 * - `include`: the candidate is in, unless the lock cannot be obeyed, which is reported as a warning
 *   and on the candidate, never silently applied: an unknown id; an id also excluded (neither lock
 *   applies); an ineligible candidate (stays `ineligible`); more includes than seats in a cell (the
 *   best-placed includes in call-in order take the seats, the rest compete as usual).
 *
 * ## Ties and determinism
 * Draws come from `lotteryDraw(seed, id)` (see lottery.ts), so the input's row order never matters:
 * the model is built from candidates sorted by cell, call-in order and id. The lottery places make the
 * optimum unique within a cell, not across cells: two selections of exactly equal cost exist when two cells
 * offer swaps whose rank and lottery differences coincide (lottery places are distinct, their sums are not:
 * 1 + 4 = 2 + 3; seen on generated cohorts). The stage asks the solver for the canonical optimum
 * (`solver/canonical.ts`, `prefer: 'max'`): of the equal-cost selections, the one that takes the most from
 * the first type in model order — programme cell order, call-in order within a cell — then the next, and so
 * on. So the selection is the same whichever solver answers.
 */
import { InternalError, TimeLimitError } from '../../domain/errors.js';
import type { LinearModel, ObjectiveLevel, Solve, SolveAttempt, SolveStatus, SolverName } from '../../solver/types.js';
import { compareCodeUnits } from '../../domain/compare.js';
import { lotteryDraw } from '../../domain/lottery.js';
import { quotaCells, type Programme, type QuotaCell } from '../../domain/programme.js';
import { overCapOnly } from '../../domain/nomination.js';
import { compareCallIn, genderRuleParams, genderRules, genderTargets, seatsToFill, type GenderRule } from '../../domain/rules.js';
import { plural } from '../../domain/text.js';
import type { Gender, Reason, RowRef, RuleFact, ScreenedCandidate, ScreeningReasonCode, Sector } from '../../domain/types.js';
import type { Warning } from '../../domain/warnings.js';
import { warning } from '../../domain/i18n/index.js';

/** Options of `select`. */
export interface SelectionOptions {
  /** Lottery seed for ties (recorded in the result). */
  seed: string;
  /** Ids the committee forces in (see the module comment for locks that cannot be obeyed). */
  include?: readonly string[];
  /** Ids the committee forces out. */
  exclude?: readonly string[];
  /** Solves the selection model (the caller chose the solvers and the deadline). */
  solve: Solve;
}

export type SelectionStatus = 'selected' | 'reserve' | 'ineligible' | 'excluded';

export interface GenderCount {
  female: number;
  male: number;
  unknown: number;
}

/** The outcome for one input candidate. */
export interface CandidateSelection {
  id: string;
  ref: RowRef;
  /** Quota cell key, or null when the candidate fits none. */
  cell: string | null;
  gender: Gender;
  priority: number | null;
  status: SelectionStatus;
  /**
   * Why, as codes with readable text (ids and ranks only, no personal data). Codes: screening codes and
   * `no_quota_cell` (ineligible); `excluded`; `included`; `selected`; `selected_for_gender_rule`
   * (chosen before a better-placed candidate of the same cell to meet a gender rule); `lottery` (a tie
   * decided by the draw); `reserve`; `passed_over_for_gender_rule`; `lock_not_obeyed`.
   */
  reasons: Reason[];
  /** 1-based place in its cell's reserve list (call-in order); null unless `reserve`. */
  reserveRank: number | null;
  /** Lottery draw for ties, an integer in [0, 2^53) from (seed, id); lower is drawn first. */
  draw: number;
  /** The lock the committee asked for (whether or not it could be obeyed). */
  lock: 'include' | 'exclude' | null;
}

/** One quota cell's outcome. */
export interface CellSelection {
  key: string;
  label: string;
  sector: Sector;
  rhf: string | null;
  seats: number;
  /** Candidates of this cell in the input, any status. */
  nominated: number;
  /** Of those, eligible (including excluded ones). */
  eligible: number;
  /** Eligible candidates excluded by the committee. */
  excluded: number;
  selected: number;
  /** seats − selected. */
  shortfall: number;
  /** Ineligible candidates of this cell per screening reason code (a candidate may count under several). */
  ineligibleByReason: Record<string, number>;
  gender: { nominated: GenderCount; eligible: GenderCount; selected: GenderCount };
  /** Plain words when seats are unfilled, e.g. "Helse Nord: 4 seats, 3 eligible of 5 nominated (2 under 25 years) — 1 seat unfilled". */
  explanation: string | null;
}

/** A programme rule and whether the selection meets it. */
export interface SelectionRule {
  /** `quota.<cell>`, `gender.cohort.<g>`, `gender.sector.<sector>.<g>`, `gender.cell.<cell>.<g>`. */
  id: string;
  kind: 'quota' | 'gender';
  scope: 'cohort' | 'sector' | 'cell';
  /** `cohort`, a sector, or a cell key. */
  scopeKey: string;
  gender: 'female' | 'male' | null;
  /** Seats (quota) or minimum members of the gender (gender rule). */
  required: number;
  actual: number;
  met: boolean;
  /** E.g. "at least 8 men in spesialist", "kommune: 20 seats filled". */
  text: string;
  /** Why a rule is not met, in plain words; null when met. */
  explanation: string | null;
}

/** The solver stage's record (for summary.json). */
export interface SelectionStage {
  label: 'selection';
  status: SolveStatus;
  solver: SolverName;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  attempts: SolveAttempt[];
  /** Model size after pruning. */
  variables: number;
  constraints: number;
  /** The objective's terms of the returned selection: seats of gender shortfall, rank classes, lottery places. */
  terms: { genderShortfall: number; rank: number; lottery: number } | null;
  /** Their weights in the objective (objective = Σ weight × term). */
  weights: { genderShortfall: number; rank: number; lottery: number };
  /**
   * The selection is the canonical one among equal-cost selections (see "Ties and determinism"); false when the
   * time limit cut that choice short (another run may pick another selection of the same cost).
   */
  canonical: boolean;
}

/**
 * A departure from a nominating body's ranking: `passedOver` comes before `takenInstead` in the body's call-in
 * order (rank, then the lottery), yet only `takenInstead` has a seat. `cause`: `gender_body` the body's own
 * gender rule; `gender_agreement` the cohort's or a sector's share, which the bodies agreed to balance across
 * their lists (`gender.acrossBodies`); `include` / `exclude` a committee lock; `nomination_cap` the passed-over
 * candidate is over their trust's nomination cap.
 */
export interface Departure {
  cell: string;
  label: string;
  passedOver: { id: string; priority: number | null };
  takenInstead: { id: string; priority: number | null };
  cause: 'gender_body' | 'gender_agreement' | 'include' | 'exclude' | 'nomination_cap';
  /** Both have the same priority: the lottery had placed `passedOver` first. */
  sameRank: boolean;
}

/** Seats of one cell decided by the seeded lottery: a priority class (or the unranked) split between selected and not. */
export interface LotterySeats {
  cell: string;
  label: string;
  /** The tied priority, or null for candidates the body did not rank. */
  priority: number | null;
  /** Seats the draw decided (the class's selected). */
  seats: number;
  /** Every available candidate of the class, in the draw's order. */
  among: string[];
  /** Of those, the selected. */
  selected: string[];
}

/** One change the proposal makes in a body's list: `out` leaves the selection, `in` takes the seat. */
export interface BalanceChange {
  cell: string;
  label: string;
  out: { id: string; priority: number | null; gender: Gender };
  in: { id: string; priority: number | null; gender: Gender };
}

/**
 * The cohort's and sectors' gender shares: targets (or, with `acrossBodies`, rules), measured on the selection.
 * When the bodies' own lists fall short of a target, `proposal` is the smallest change that reaches the targets
 * (or comes closest): the selection with the least total gender shortfall, then the best ranks. It is applied only
 * when the bodies have agreed (`applied`).
 */
export interface GenderBalance {
  acrossBodies: boolean;
  targets: Array<{ id: string; scope: 'cohort' | 'sector'; scopeKey: string; gender: 'female' | 'male'; required: number; actual: number; met: boolean }>;
  proposal: {
    applied: boolean;
    changes: BalanceChange[];
    /** The targets' total shortfall with the bodies' own lists and after the changes. */
    shortfallBefore: number;
    shortfallAfter: number;
    /** The balanced model was solved to proven optimality (else the proposal may not be the smallest change). */
    proven: boolean;
  } | null;
}

export interface SelectionResult {
  seed: string;
  /** One entry per input candidate, in input order. */
  candidates: CandidateSelection[];
  /** In programme order. */
  cells: CellSelection[];
  /** Selected per gender: whole cohort and per sector. */
  gender: { cohort: GenderCount; sectors: Record<Sector, GenderCount> };
  /** Quota rules (one per cell) then gender rules (cohort, sectors, cells). */
  rules: SelectionRule[];
  /** Every rule met (the CLI's exit code 0 versus "rule not met"). */
  allRulesMet: boolean;
  stage: SelectionStage;
  /** Run-level findings: locks that could not be obeyed, candidates without a quota cell. */
  warnings: Warning[];
  /** Every departure from a body's ranking, cell by cell in programme order, in call-in order. */
  departures: Departure[];
  /** Seats decided by the lottery, cell by cell. */
  lottery: LotterySeats[];
  /** The cohort's and sectors' gender shares and the proposal that would reach them. */
  balance: GenderBalance;
}

type G = 'female' | 'male';
const WORDS: Record<G, string> = { female: 'women', male: 'men' };

/** Per-candidate working state. */
interface Entry {
  index: number;
  sc: ScreenedCandidate;
  id: string;
  gender: Gender;
  priority: number | null;
  cell: QuotaCell | null;
  /** Screened eligible and in a quota cell. */
  eligible: boolean;
  draw: number;
  lock: 'include' | 'exclude' | null;
  included: boolean;
  excluded: boolean;
  selected: boolean;
  reserveRank: number | null;
  reasons: Reason[];
}

export function rankText(p: number | null): string {
  return p === null ? 'unranked' : `priority ${p}`;
}


interface ModelType {
  cellKey: string;
  gender: Gender;
  d: number;
  lottery: number;
  members: Entry[];
}

/**
 * Select the cohort. Throws `TimeLimitError` when no solver found a solution within its deadline, `InternalError`
 * when they failed otherwise.
 */
export async function select(screened: readonly ScreenedCandidate[], programme: Programme, options: SelectionOptions): Promise<SelectionResult> {
  const cells = quotaCells(programme);
  const cellByKey = new Map(cells.map((c) => [c.key, c]));
  const warnings: Warning[] = [];

  const entries: Entry[] = screened.map((sc, index) => {
    const c = sc.candidate;
    const cell = sc.cell === null ? null : (cellByKey.get(sc.cell) ?? null);
    const reasons: Reason[] = [...sc.reasons];
    if (sc.status === 'eligible' && cell === null) {
      reasons.push({ code: 'no_quota_cell', text: `no_quota_cell: ${c.sector}${c.rhf === null ? '' : ` / ${c.rhf}`} fits no quota cell of the programme`, facts: { code: 'no_quota_cell', sector: c.sector, rhf: c.rhf } });
    }
    return {
      index,
      sc,
      id: c.id,
      gender: c.gender,
      priority: c.priority,
      cell,
      eligible: sc.status === 'eligible' && cell !== null,
      draw: lotteryDraw(options.seed, c.id),
      lock: null,
      included: false,
      excluded: false,
      selected: false,
      reserveRank: null,
      reasons,
    };
  });
  const byId = new Map(entries.map((e) => [e.id, e]));
  const noCell = entries.filter((e) => e.sc.status === 'eligible' && e.cell === null);
  if (noCell.length > 0) {
    warnings.push(warning('no_quota_cell', { ids: noCell.map((e) => e.id) }));
  }

  applyLocks(entries, byId, cells, options, warnings);

  // Per cell: available candidates, seats to fill, free seats after includes.
  const fill = new Map<string, number>();
  const free = new Map<string, number>();
  const availableIn = new Map<string, Entry[]>();
  for (const cell of cells) {
    const avail = entries.filter((e) => e.cell === cell && e.eligible && !e.excluded).sort(compareCallIn);
    availableIn.set(cell.key, avail);
    const f = seatsToFill(cell.seats, avail.length);
    fill.set(cell.key, f);
    free.set(cell.key, f - avail.filter((e) => e.included).length);
  }

  // The bodies' own lists first: each cell's own gender rule, no body's ranking given way for another's list.
  const across = genderRuleParams(programme).acrossBodies;
  const targets = genderTargets(programme, cells, fill);
  const own = await solveSelection(cells, availableIn, free, genderRules(programme, cells, fill, false), options.solve, 'selection');
  const shortfallOf = (sel: ReadonlySet<Entry>) => targets.reduce((sum, t) => sum + Math.max(0, t.required - countIn(sel, t)), 0);
  const ownShortfall = shortfallOf(own.selected);
  // Short of the cohort's or a sector's share: the balanced selection, applied only when the bodies agreed.
  const balanced = ownShortfall > 0 ? await solveSelection(cells, availableIn, free, genderRules(programme, cells, fill, true), options.solve, 'selection:balanced') : null;
  const applied = across && balanced !== null ? balanced : own;
  const rules = across ? genderRules(programme, cells, fill, true) : applied.rules;
  const { built, result } = applied;
  for (const e of applied.selected) e.selected = true;
  let S = 0;
  let D = 0;
  let L = 0;
  built.types.forEach((t, j) => {
    D += t.d * (applied.values[j] ?? 0);
    L += t.lottery * (applied.values[j] ?? 0);
  });
  for (let k = built.types.length; k < applied.values.length; k++) S += applied.values[k] ?? 0;

  // Reserves: available, unselected, in call-in order per cell.
  for (const cell of cells) {
    let rank = 0;
    for (const e of availableIn.get(cell.key) ?? []) if (!e.selected) e.reserveRank = ++rank;
  }

  const isSel = (e: Entry) => e.selected;
  const countOf = (g: G, keys: ReadonlySet<string>) => entries.filter((e) => isSel(e) && e.gender === g && e.cell !== null && keys.has(e.cell.key)).length;
  const actual = new Map(rules.map((r) => [r.id, countOf(r.gender, r.cellKeys)]));

  addReasons(cells, availableIn, rules, actual, options.seed);

  const cellOut = cells.map((cell) => cellSummary(cell, entries, programme));
  const ruleOut: SelectionRule[] = [
    ...cellOut.map((c): SelectionRule => ({
      id: `quota.${c.key}`,
      kind: 'quota',
      scope: 'cell',
      scopeKey: c.key,
      gender: null,
      required: c.seats,
      actual: c.selected,
      met: c.selected === c.seats,
      text: `${c.label}: ${c.seats} seats filled`,
      explanation: c.explanation,
    })),
    ...rules.map((r): SelectionRule => {
      const a = actual.get(r.id) ?? 0;
      const met = a >= r.required;
      return {
        id: r.id,
        kind: 'gender',
        scope: r.scope,
        scopeKey: r.scopeKey,
        gender: r.gender,
        required: r.required,
        actual: a,
        met,
        text: r.text,
        explanation: met ? null : explainGenderRule(r, a, entries, cells, fill, rules, actual),
      };
    }),
  ];

  const selectedCount = (pred: (e: Entry) => boolean): GenderCount => countGenders(entries.filter((e) => isSel(e) && pred(e)));
  const out: SelectionResult = {
    seed: options.seed,
    candidates: entries.map((e) => ({
      id: e.id,
      ref: e.sc.candidate.ref,
      cell: e.cell?.key ?? null,
      gender: e.gender,
      priority: e.priority,
      status: e.selected ? 'selected' : !e.eligible ? 'ineligible' : e.excluded ? 'excluded' : 'reserve',
      reasons: e.reasons,
      reserveRank: e.reserveRank,
      draw: e.draw,
      lock: e.lock,
    })),
    cells: cellOut,
    gender: {
      cohort: selectedCount(() => true),
      sectors: { kommune: selectedCount((e) => e.cell?.sector === 'kommune'), spesialist: selectedCount((e) => e.cell?.sector === 'spesialist') },
    },
    rules: ruleOut,
    allRulesMet: ruleOut.every((r) => r.met),
    stage: {
      label: 'selection',
      status: result.status,
      solver: result.solver,
      objective: result.objective,
      bound: result.bound,
      gap: result.gap,
      attempts: result.attempts,
      variables: built.model.variables.length,
      constraints: built.model.constraints.length,
      terms: { genderShortfall: S, rank: D, lottery: L },
      weights: { genderShortfall: built.W, rank: built.R, lottery: 1 },
      canonical: result.canonical !== false,
    },
    warnings,
    departures: departures(cells, entries, own.selected, across ? balanced?.selected ?? null : null),
    lottery: lotterySeats(cells, availableIn, (cell, g) => rules.some((r) => r.gender === g && r.cellKeys.has(cell) && (actual.get(r.id) ?? 0) <= r.required)),
    balance: {
      acrossBodies: across,
      targets: targets.map((t) => {
        const a = countIn(applied.selected, t);
        return { id: t.id, scope: t.scope === 'cohort' ? 'cohort' : 'sector', scopeKey: t.scopeKey, gender: t.gender, required: t.required, actual: a, met: a >= t.required };
      }),
      proposal:
        balanced === null
          ? null
          : {
              applied: across,
              changes: changes(cells, availableIn, own.selected, balanced.selected),
              shortfallBefore: ownShortfall,
              shortfallAfter: shortfallOf(balanced.selected),
              proven: balanced.result.status === 'optimal' && balanced.result.canonical !== false,
            },
    },
  };
  return out;
}

/** Selected of a rule's gender within its cells. */
function countIn(sel: ReadonlySet<Entry>, r: GenderRule): number {
  let n = 0;
  for (const e of sel) if (e.gender === r.gender && e.cell !== null && r.cellKeys.has(e.cell.key)) n++;
  return n;
}

interface Solved {
  rules: GenderRule[];
  built: ReturnType<typeof buildModel>;
  result: Awaited<ReturnType<Solve>>;
  values: number[];
  /** Includes and the first x_t members of each type. */
  selected: Set<Entry>;
}

/** Build and solve the selection model for `rules`; throws as `select` documents when no solver answered. */
async function solveSelection(
  cells: readonly QuotaCell[],
  availableIn: ReadonlyMap<string, Entry[]>,
  free: ReadonlyMap<string, number>,
  rules: GenderRule[],
  solve: Solve,
  label: string,
): Promise<Solved> {
  const built = buildModel(cells, availableIn, free, rules, label);
  // Equal-cost selections can exist (see "Ties and determinism"): ask for the canonical one.
  const result = await solve(built.model, { canonical: { levels: built.levels, prefer: 'max' } });
  if (result.values === null) {
    // Every attempt ran out of time before any solution: the user's time limit, not a bug (the caller names it).
    if (result.attempts.some((a) => a.status === 'timed_out')) throw new TimeLimitError('selection', 'no solver found a selection within the time limit');
    throw new InternalError(
      'E_SELECTION_UNSOLVED',
      `the selection model has no solution (${result.status}${result.attempts.map((a) => `; ${a.solver}: ${a.status}${a.note === undefined ? '' : ` (${a.note})`}`).join('')})`,
      result,
    );
  }
  const values = result.values;
  const selected = new Set<Entry>();
  for (const cell of cells) for (const e of availableIn.get(cell.key) ?? []) if (e.included) selected.add(e);
  built.types.forEach((t, j) => {
    for (const e of t.members.slice(0, values[j] ?? 0)) selected.add(e);
  });
  return { rules, built, result, values, selected };
}

/** Pairs of (left the selection, took the seat) per cell, each side in call-in order. */
function pairUp<T>(outs: readonly T[], ins: readonly T[]): Array<[T, T]> {
  const n = Math.min(outs.length, ins.length);
  const pairs: Array<[T, T]> = [];
  for (let i = 0; i < n; i++) pairs.push([outs[i] as T, ins[i] as T]);
  return pairs;
}

const brief = (e: Entry) => ({ id: e.id, priority: e.priority });

/**
 * Departures from each body's ranking (see `Departure`). Per cell, the ranking's choice is the first k of the
 * cell's candidates in call-in order — eligible (excluded ones too) or only over the nomination cap — where k is the
 * cell's selected count; the passed over are the ranking's choice not selected, the taken instead the selected not
 * in it, paired in call-in order. A pair's cause: the passed-over one's exclusion or nomination cap, else an include
 * lock on the taken one, else gender: the body's own rule for as many pairs as the bodies' own selection (`own`)
 * has, the agreement for the rest (`balanced`, when it is the applied selection).
 */
function departures(cells: readonly QuotaCell[], entries: readonly Entry[], own: ReadonlySet<Entry>, balanced: ReadonlySet<Entry> | null): Departure[] {
  const out: Departure[] = [];
  const overCap = (e: Entry) => !e.eligible && e.sc.cell !== null && overCapOnly(e.sc.reasons.map((r) => r.code));
  const genderPairs = (cell: QuotaCell, sel: ReadonlySet<Entry>) => {
    const pool = entries.filter((e) => e.cell === cell && e.eligible && !e.excluded && !e.included).sort(compareCallIn);
    const k = pool.filter((e) => sel.has(e)).length;
    return pool.slice(0, k).filter((e) => !sel.has(e)).length;
  };
  for (const cell of cells) {
    const pool = entries.filter((e) => (e.cell === cell && e.eligible) || (e.sc.cell === cell.key && overCap(e))).sort(compareCallIn);
    const selected = pool.filter((e) => e.selected);
    const ranking = new Set(pool.slice(0, selected.length));
    const passed = pool.filter((e) => ranking.has(e) && !e.selected);
    const taken = selected.filter((e) => !ranking.has(e));
    // Locks and the cap first, in call-in order; the gender pairs are what is left.
    const lockOrCap = passed.filter((e) => e.excluded || overCap(e));
    const includes = taken.filter((e) => e.included);
    const rest = passed.filter((e) => !lockOrCap.includes(e));
    const restTaken = taken.filter((e) => !e.included);
    let bodyGender = balanced === null ? Number.POSITIVE_INFINITY : genderPairs(cell, own);
    const pairs: Array<[Entry, Entry, Departure['cause']]> = [];
    const takenQueue = [...includes, ...restTaken];
    for (const p of lockOrCap) {
      const q = takenQueue.shift();
      if (q !== undefined) pairs.push([p, q, p.excluded ? 'exclude' : 'nomination_cap']);
    }
    for (const [p, q] of pairUp(rest, takenQueue)) {
      const cause: Departure['cause'] = q.included ? 'include' : bodyGender-- > 0 ? 'gender_body' : 'gender_agreement';
      pairs.push([p, q, cause]);
    }
    pairs.sort((a, b) => compareCallIn(a[0], b[0]));
    for (const [p, q, cause] of pairs) {
      out.push({ cell: cell.key, label: cell.label, passedOver: brief(p), takenInstead: brief(q), cause, sameRank: p.priority === q.priority });
    }
  }
  return out;
}

/**
 * Seats decided by the lottery: per cell, each priority class (the unranked as one) whose available candidates are
 * split between selected and not — unless the split is by gender alone (every selected of one gender, every other
 * of the other) and a gender rule binds that gender in the cell (`binding`): then the rule decided, not the draw.
 */
function lotterySeats(cells: readonly QuotaCell[], availableIn: ReadonlyMap<string, Entry[]>, binding: (cellKey: string, gender: G) => boolean): LotterySeats[] {
  const out: LotterySeats[] = [];
  for (const cell of cells) {
    const classes = new Map<number | null, Entry[]>();
    for (const e of availableIn.get(cell.key) ?? []) {
      if (e.included) continue;
      const list = classes.get(e.priority) ?? [];
      list.push(e);
      classes.set(e.priority, list);
    }
    for (const [priority, members] of classes) {
      const sel = members.filter((e) => e.selected);
      const not = members.filter((e) => !e.selected);
      if (sel.length === 0 || not.length === 0) continue;
      const g = sel[0]?.gender;
      const byGenderAlone = g !== undefined && g !== 'unknown' && sel.every((e) => e.gender === g) && not.every((e) => e.gender !== g && e.gender !== 'unknown') && binding(cell.key, g);
      if (byGenderAlone) continue;
      out.push({ cell: cell.key, label: cell.label, priority, seats: sel.length, among: members.map((e) => e.id), selected: sel.map((e) => e.id) });
    }
  }
  return out;
}

/** The proposal's changes: per cell, who leaves the bodies' own selection and who takes the seat, paired in call-in order. */
function changes(cells: readonly QuotaCell[], availableIn: ReadonlyMap<string, Entry[]>, own: ReadonlySet<Entry>, balanced: ReadonlySet<Entry>): BalanceChange[] {
  const out: BalanceChange[] = [];
  for (const cell of cells) {
    const pool = availableIn.get(cell.key) ?? [];
    const outs = pool.filter((e) => own.has(e) && !balanced.has(e));
    const ins = pool.filter((e) => balanced.has(e) && !own.has(e));
    for (const [o, i] of pairUp(outs, ins)) {
      out.push({ cell: cell.key, label: cell.label, out: { ...brief(o), gender: o.gender }, in: { ...brief(i), gender: i.gender } });
    }
  }
  return out;
}

/** Apply the committee's locks, reporting every lock that cannot be obeyed. */
function applyLocks(entries: Entry[], byId: Map<string, Entry>, cells: readonly QuotaCell[], options: SelectionOptions, warnings: Warning[]): void {
  const inc = [...new Set(options.include ?? [])].sort(compareCodeUnits);
  const exc = [...new Set(options.exclude ?? [])].sort(compareCodeUnits);
  const excSet = new Set(exc);
  const incSet = new Set(inc);
  const notObeyed = (e: Entry, text: string, why: 'conflict' | 'not_eligible' | 'over_quota') => e.reasons.push({ code: 'lock_not_obeyed', text: `lock_not_obeyed: ${text}`, facts: { code: 'lock_not_obeyed', why } });

  for (const id of inc.filter((x) => excSet.has(x))) {
    warnings.push(warning('lock_conflict', { id }));
    const e = byId.get(id);
    if (e !== undefined) notObeyed(e, 'both included and excluded, neither lock applies', 'conflict');
  }
  for (const [list, kind] of [[inc, 'include'], [exc, 'exclude']] as const) {
    for (const id of list) {
      if (incSet.has(id) && excSet.has(id)) continue; // reported above
      const e = byId.get(id);
      if (e === undefined) {
        warnings.push(warning('lock_unknown_id', { lock: kind, id }));
        continue;
      }
      e.lock = kind;
      if (kind === 'exclude') {
        if (e.eligible) {
          e.excluded = true;
          e.reasons.push({ code: 'excluded', text: 'excluded: by the committee (exclude lock)', facts: { code: 'excluded', eligible: true } });
        } else e.reasons.push({ code: 'excluded', text: 'excluded: by the committee (exclude lock; not eligible anyway)', facts: { code: 'excluded', eligible: false } });
      } else if (!e.eligible) {
        warnings.push(warning('include_ineligible', { id, file: e.sc.candidate.ref.file, line: e.sc.candidate.ref.line }));
        notObeyed(e, 'included but not eligible', 'not_eligible');
      } else e.included = true;
    }
  }
  for (const cell of cells) {
    const incl = entries.filter((e) => e.cell === cell && e.included).sort(compareCallIn);
    if (incl.length <= cell.seats) continue;
    warnings.push(warning('include_over_quota', { cell: cell.label, included: incl.length, seats: cell.seats, ids: incl.map((e) => e.id) }));
    for (const e of incl.slice(cell.seats)) {
      e.included = false;
      notObeyed(e, `${cell.label} has more includes than its ${cell.seats} seats; this one competes as usual`, 'over_quota');
    }
  }
}

/** Sum of the k largest (or smallest) values of a multiset given as value → multiplicity pairs. */
function sumExtreme(units: Array<[number, number]>, k: number, largest: boolean): number {
  const sorted = [...units].sort((a, b) => (largest ? b[0] - a[0] : a[0] - b[0]));
  let left = k;
  let s = 0;
  for (const [v, m] of sorted) {
    const take = Math.min(m, left);
    s += v * take;
    left -= take;
    if (left === 0) break;
  }
  return s;
}

/** Build the integer program (see the module comment). */
function buildModel(
  cells: readonly QuotaCell[],
  availableIn: ReadonlyMap<string, Entry[]>,
  free: ReadonlyMap<string, number>,
  rules: readonly GenderRule[],
  label: string,
): { model: LinearModel; types: ModelType[]; levels: ObjectiveLevel[]; W: number; R: number } {
  const types: ModelType[] = [];
  for (const cell of cells) {
    const r = free.get(cell.key) ?? 0;
    if (r <= 0) continue;
    // Prune: only the first r of each gender (in call-in order) can be chosen.
    const seen = new Map<Gender, number>();
    const kept = (availableIn.get(cell.key) ?? []).filter((e) => {
      if (e.included) return false;
      const n = seen.get(e.gender) ?? 0;
      seen.set(e.gender, n + 1);
      return n < r;
    });
    let d = -1;
    let prev: Entry | null = null;
    for (const e of kept) {
      const newClass = prev === null || prev.priority !== e.priority;
      if (newClass) d++;
      const last = types[types.length - 1];
      if (!newClass && last !== undefined && last.cellKey === cell.key && last.gender === e.gender) last.members.push(e);
      else types.push({ cellKey: cell.key, gender: e.gender, d, lottery: 0, members: [e] });
      prev = e;
    }
  }
  // Lottery places: every type ordered by its first member's draw (then id).
  const order = types.map((t, j) => ({ j, e: t.members[0] })).sort((a, b) => {
    const x = a.e;
    const y = b.e;
    if (x === undefined || y === undefined) return 0;
    return x.draw - y.draw || compareCodeUnits(x.id, y.id);
  });
  order.forEach(({ j }, place) => {
    const t = types[j];
    if (t !== undefined) t.lottery = place + 1;
  });

  const cap = (t: ModelType) => Math.min(t.members.length, free.get(t.cellKey) ?? 0);
  const perCell = (f: (t: ModelType) => number): number =>
    cells.reduce((s, cell) => {
      const r = free.get(cell.key) ?? 0;
      const units = types.filter((t) => t.cellKey === cell.key).map((t): [number, number] => [f(t), cap(t)]);
      return s + sumExtreme(units, r, true) - sumExtreme(units, r, false);
    }, 0);
  const R = 1 + perCell((t) => t.lottery);
  const W = 1 + perCell((t) => R * t.d + t.lottery);

  const variables: LinearModel['variables'] = types.map((t, j) => ({
    name: `x${j}:${t.cellKey}:${t.gender}:d${t.d}:${t.members[0]?.id ?? ''}`,
    cost: R * t.d + t.lottery,
    ub: cap(t),
    integer: true,
  }));
  const constraints: LinearModel['constraints'] = [];
  for (const cell of cells) {
    const r = free.get(cell.key) ?? 0;
    const terms = types.flatMap((t, j) => (t.cellKey === cell.key ? [[j, 1] as const] : []));
    if (r > 0 || terms.length > 0) constraints.push({ name: `seats:${cell.key}`, terms, lo: r, hi: r });
  }
  for (const rule of rules) {
    const included = [...rule.cellKeys].reduce((s, k) => s + (availableIn.get(k) ?? []).filter((e) => e.included && e.gender === rule.gender).length, 0);
    const need = rule.required - included;
    if (need <= 0) continue;
    const slack = variables.length;
    // Integer (the matrix is totally unimodular, so this costs nothing): answers carry exact counts, no 0.9999.
    variables.push({ name: `short:${rule.id}`, cost: W, ub: need, integer: true });
    const terms: Array<readonly [number, number]> = types.flatMap((t, j) => (t.gender === rule.gender && rule.cellKeys.has(t.cellKey) ? [[j, 1] as const] : []));
    terms.push([slack, 1]);
    constraints.push({ name: `gender:${rule.id}`, terms, lo: need });
  }
  // The objective's levels (for the canonical optimum): gender shortfall, rank classes, lottery places.
  const levels: ObjectiveLevel[] = [
    { terms: variables.flatMap((_, j) => (j >= types.length ? [[j, 1] as const] : [])), weight: W, step: 1 },
    { terms: types.flatMap((t, j) => (t.d !== 0 ? [[j, t.d] as const] : [])), weight: R, step: 1 },
    { terms: types.map((t, j) => [j, t.lottery] as const), weight: 1, step: 1 },
  ];
  const maxObjective = W * variables.slice(types.length).reduce((s, v) => s + (v.ub ?? 0), 0) + W;
  if (!(maxObjective < 2 ** 50)) {
    throw new InternalError('E_SELECTION_SCALE', `the selection objective's weights are too large to be exact (${maxObjective})`);
  }
  return { model: { label, variables, constraints }, types, levels, W, R };
}

function countGenders(es: readonly Entry[]): GenderCount {
  const c: GenderCount = { female: 0, male: 0, unknown: 0 };
  for (const e of es) c[e.gender]++;
  return c;
}

/** The gender rules a swap (this candidate out, one of another gender in) would push below or further below their minimum. */
function blockingRules(v: Entry, rules: readonly GenderRule[], actual: ReadonlyMap<string, number>): GenderRule[] {
  if (v.gender === 'unknown' || v.cell === null) return [];
  const key = v.cell.key;
  return rules.filter((r) => r.gender === v.gender && r.cellKeys.has(key) && (actual.get(r.id) ?? 0) <= r.required);
}

function ruleList(rs: readonly GenderRule[], actual: ReadonlyMap<string, number>): string {
  return rs.map((r) => `${r.text} (${actual.get(r.id) ?? 0} selected)`).join('; ');
}

/** The same rules as facts: where (a cell by its label), the gender, the minimum and how many were admitted. */
function ruleFacts(rs: readonly GenderRule[], actual: ReadonlyMap<string, number>): RuleFact[] {
  return rs.map((r) => ({ scope: r.scope, where: r.scope === 'cohort' ? '' : r.scope === 'sector' ? r.scopeKey : r.where, gender: r.gender, required: r.required, actual: actual.get(r.id) ?? 0 }));
}

/** Reasons for selected and reserve candidates: rank, lottery ties, gender rules. Linear per cell. */
function addReasons(
  cells: readonly QuotaCell[],
  availableIn: ReadonlyMap<string, Entry[]>,
  rules: readonly GenderRule[],
  actual: ReadonlyMap<string, number>,
  seed: string,
): void {
  const GENDERS: readonly Gender[] = ['female', 'male', 'unknown'];
  for (const cell of cells) {
    const avail = availableIn.get(cell.key) ?? []; // in call-in order
    const n = avail.length;
    // Forward: per gender, how many unselected came earlier and the first of them.
    const run = new Map<Gender, { count: number; first: Entry | null; firstAt: number }>(GENDERS.map((g) => [g, { count: 0, first: null, firstAt: n }]));
    const earlierOut: Array<{ count: number; first: Entry | null }> = [];
    avail.forEach((e, i) => {
      let count = 0;
      let first: Entry | null = null;
      let firstAt = n;
      for (const g of GENDERS) {
        const r = run.get(g);
        if (g === e.gender || r === undefined) continue;
        count += r.count;
        if (r.first !== null && r.firstAt < firstAt) {
          first = r.first;
          firstAt = r.firstAt;
        }
      }
      earlierOut.push({ count, first });
      if (!e.selected) {
        const r = run.get(e.gender);
        if (r !== undefined) {
          if (r.first === null) {
            r.first = e;
            r.firstAt = i;
          }
          r.count++;
        }
      }
    });
    // Backward: per gender, how many selected (not included) come later and the nearest of them.
    const next = new Map<Gender, { count: number; nearest: Entry | null; at: number }>(GENDERS.map((g) => [g, { count: 0, nearest: null, at: n }]));
    const laterIn: Array<{ count: number; first: Entry | null }> = new Array<{ count: number; first: Entry | null }>(n);
    for (let i = n - 1; i >= 0; i--) {
      const e = avail[i];
      if (e === undefined) continue;
      let count = 0;
      let first: Entry | null = null;
      let at = n;
      for (const g of GENDERS) {
        const r = next.get(g);
        if (g === e.gender || r === undefined) continue;
        count += r.count;
        if (r.nearest !== null && r.at < at) {
          first = r.nearest;
          at = r.at;
        }
      }
      laterIn[i] = { count, first };
      if (e.selected && !e.included) {
        const r = next.get(e.gender);
        if (r !== undefined) {
          r.count++;
          r.nearest = e;
          r.at = i;
        }
      }
    }
    // Ties: selected and unselected per priority class.
    const tieSel = new Map<number | null, number>();
    const tieOut = new Map<number | null, number>();
    for (const e of avail) {
      const m = e.selected ? tieSel : tieOut;
      m.set(e.priority, (m.get(e.priority) ?? 0) + 1);
    }

    avail.forEach((e, i) => {
      if (e.selected) {
        if (e.included) e.reasons.push({ code: 'included', text: 'included: by the committee (include lock)', facts: { code: 'included' } });
        else e.reasons.push({ code: 'selected', text: `selected: ${rankText(e.priority)} in ${cell.label}`, facts: { code: 'selected', priority: e.priority, cell: cell.label } });
        const out = earlierOut[i];
        if (!e.included && out !== undefined && out.first !== null) {
          const blocking = blockingRules(e, rules, actual);
          const first = out.first;
          if (blocking.length > 0) {
            const strict = first.priority !== e.priority;
            const others = out.count - 1;
            e.reasons.push({
              code: 'selected_for_gender_rule',
              text: `selected_for_gender_rule: chosen before ${strict ? `better-ranked ${first.id} (${rankText(first.priority)})` : `${first.id} (same rank, earlier lottery place)`}${others > 0 ? ` and ${plural(others, 'other', 'others')}` : ''} to meet: ${ruleList(blocking, actual)}`,
              facts: { code: 'selected_for_gender_rule', first: { id: first.id, priority: first.priority }, sameRank: !strict, others, rules: ruleFacts(blocking, actual) },
            });
          }
        }
        const notSelected = tieOut.get(e.priority) ?? 0;
        if (notSelected > 0) {
          e.reasons.push({
            code: 'lottery',
            text: `lottery: tied at ${rankText(e.priority)} in ${cell.label} with ${plural(notSelected, 'candidate', 'candidates')} not selected; order drawn by lottery (seed "${seed}")`,
            facts: { code: 'lottery', selected: true, priority: e.priority, cell: cell.label, others: notSelected, seed },
          });
        }
      } else {
        e.reasons.push({ code: 'reserve', text: `reserve: number ${e.reserveRank ?? '?'} in ${cell.label} (${rankText(e.priority)})`, facts: { code: 'reserve', rank: e.reserveRank, priority: e.priority, cell: cell.label } });
        const later = laterIn[i];
        const first = later?.first ?? null;
        if (later !== undefined && first !== null) {
          const blocking = blockingRules(first, rules, actual);
          if (blocking.length > 0) {
            const strict = first.priority !== e.priority;
            e.reasons.push({
              code: 'passed_over_for_gender_rule',
              text: `passed_over_for_gender_rule: ${first.id} (${rankText(first.priority)}${strict ? '' : ', a later lottery place'})${later.count > 1 ? ` and ${plural(later.count - 1, 'other', 'others')}` : ''} selected instead to meet: ${ruleList(blocking, actual)}`,
              facts: { code: 'passed_over_for_gender_rule', first: { id: first.id, priority: first.priority }, sameRank: !strict, others: later.count - 1, rules: ruleFacts(blocking, actual) },
            });
          }
        }
        const selectedInTie = tieSel.get(e.priority) ?? 0;
        if (selectedInTie > 0) {
          e.reasons.push({
            code: 'lottery',
            text: `lottery: tied at ${rankText(e.priority)} in ${cell.label} with ${plural(selectedInTie, 'selected candidate', 'selected candidates')}; order drawn by lottery (seed "${seed}")`,
            facts: { code: 'lottery', selected: false, priority: e.priority, cell: cell.label, others: selectedInTie, seed },
          });
        }
      }
    });
  }
}

const REASON_WORDS: Partial<Record<ScreeningReasonCode | string, (p: Programme) => string>> = {
  too_young: (p) => `under ${p.eligibility.minAge} years`,
  missing_birth_date: () => 'no birth date',
  no_bachelor: (p) => `no ${p.eligibility.minEducation} degree`,
  missing_education: () => 'no education given',
  too_little_experience: () => 'too little experience',
  missing_experience: () => 'no experience given',
  nomination_cap: () => 'over the nomination cap',
  not_endorsed: () => 'not endorsed',
  unknown_rhf: () => 'unknown RHF',
};

function cellSummary(cell: QuotaCell, entries: readonly Entry[], programme: Programme): CellSelection {
  const nominated = entries.filter((e) => e.sc.cell === cell.key);
  const eligible = nominated.filter((e) => e.eligible);
  const excluded = eligible.filter((e) => e.excluded);
  const selected = eligible.filter((e) => e.selected);
  const byReason: Record<string, number> = {};
  for (const e of nominated.filter((x) => !x.eligible)) {
    for (const code of new Set(e.sc.reasons.map((r) => r.code))) byReason[code] = (byReason[code] ?? 0) + 1;
  }
  const sortedReasons = Object.fromEntries(Object.entries(byReason).sort((a, b) => compareCodeUnits(a[0], b[0])));
  const shortfall = cell.seats - selected.length;
  let explanation: string | null = null;
  if (shortfall > 0) {
    const why = Object.entries(sortedReasons).map(([code, n]) => `${n} ${REASON_WORDS[code]?.(programme) ?? code}`);
    explanation =
      `${cell.label}: ${plural(cell.seats, 'seat', 'seats')}, ${eligible.length} eligible of ${nominated.length} nominated` +
      (why.length > 0 ? ` (${why.join(', ')})` : '') +
      (excluded.length > 0 ? `, ${excluded.length} excluded by the committee` : '') +
      ` — ${plural(shortfall, 'seat', 'seats')} unfilled`;
  }
  return {
    key: cell.key,
    label: cell.label,
    sector: cell.sector,
    rhf: cell.rhf,
    seats: cell.seats,
    nominated: nominated.length,
    eligible: eligible.length,
    excluded: excluded.length,
    selected: selected.length,
    shortfall,
    ineligibleByReason: sortedReasons,
    gender: { nominated: countGenders(nominated), eligible: countGenders(eligible), selected: countGenders(selected) },
    explanation,
  };
}

/** Plain words for a gender rule that is not met. */
function explainGenderRule(
  r: GenderRule,
  got: number,
  entries: readonly Entry[],
  cells: readonly QuotaCell[],
  fill: ReadonlyMap<string, number>,
  rules: readonly GenderRule[],
  actual: ReadonlyMap<string, number>,
): string {
  const g = r.gender;
  const w = WORDS[g];
  const inScope = cells.filter((c) => r.cellKeys.has(c.key));
  const parts: string[] = [];
  for (const c of inScope) {
    const nominated = entries.filter((e) => e.sc.cell === c.key && e.gender === g);
    const eligible = nominated.filter((e) => e.eligible);
    if (nominated.length === 0) parts.push(`${c.label} nominated no ${w}`);
    else if (eligible.length === 0) parts.push(`${c.label} has no eligible ${w} (${nominated.length} nominated)`);
  }
  // Most of this gender the seats and locks allow, one cell at a time.
  let most = 0;
  for (const c of inScope) {
    const avail = entries.filter((e) => e.cell === c && e.eligible && !e.excluded);
    const incl = avail.filter((e) => e.included);
    const freeSeats = (fill.get(c.key) ?? 0) - incl.length;
    most += incl.filter((e) => e.gender === g).length + Math.min(freeSeats, avail.filter((e) => !e.included && e.gender === g).length);
  }
  const head = `${r.where}: at least ${r.required} ${w} required, ${got} selected`;
  if (most < r.required) {
    const eligibleTotal = entries.filter((e) => e.cell !== null && r.cellKeys.has(e.cell.key) && e.eligible && !e.excluded && e.gender === g).length;
    const locks = entries.some((e) => e.included || e.excluded);
    return `${head} — at most ${most} possible (${eligibleTotal} eligible ${w}${locks ? ', given the committee\'s locks' : ''})${parts.length > 0 ? `: ${parts.join('; ')}` : ''}`;
  }
  const others = rules.filter((o) => o !== r && (actual.get(o.id) ?? 0) < o.required);
  return `${head} — the candidates allow ${most}, but not together with the other gender rules${others.length > 0 ? ` (${others.map((o) => o.text).join('; ')})` : ''}: the selection has the least total shortfall possible`;
}
