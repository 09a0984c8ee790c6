/**
 * Independent checker of a cohort selection, in plain TypeScript: no solver, no code shared with the
 * selection model. It takes the rules (seats to fill, gender rules, ranking order) from their declarations
 * (domain/rules.ts) and re-derives everything else from the screened candidates and the proposal (selected
 * ids, reserve ranks, the committee's locks), so it can also check a selection that a person edited by hand
 * (`cohort check`).
 *
 * What it checks:
 * - every selected id exists, once, is eligible, sits in a quota cell and is not excluded;
 * - each cell has exactly its seats, or every available (eligible, not excluded) candidate when there
 *   are fewer (a shortfall is a warning: the rule is not met, but nothing better was possible);
 * - includes are selected (a cell with more includes than seats: only includes are selected);
 * - gender rules: each rule's shortfall is reported; the total shortfall must be the least the
 *   candidates and locks allow. That least total is computed exactly by a min-cost flow on the
 *   laminar structure cohort ⊃ sector ⊃ cell (see `minGenderShortfall`);
 * - no justified envy: no available unselected candidate ranked strictly better than a selected,
 *   not-included candidate of the same cell, unless swapping the two would raise the shortfall of a
 *   gender rule (i.e. the selected one's gender is at or below a minimum that covers the cell);
 * - reserve ranks: exactly the available unselected candidates have one, 1..k within each cell, and
 *   never a better-ranked candidate after a worse-ranked one.
 */
import { compareCodeUnits } from '../domain/compare.js';
import type { FindingFacts } from '../domain/i18n/catalogue.js';
import { quotaCells, type Programme, type QuotaCell } from '../domain/programme.js';
import { compareRank, genderRules, seatsToFill, type GenderRule } from '../domain/rules.js';
import type { Gender, ScreenedCandidate } from '../domain/types.js';

export interface SelectionProposal {
  /** Ids of the selected candidates. */
  selected: readonly string[];
  /** Reserve rank within the candidate's cell (1 = called in first), per reserve id. */
  reserveRanks: ReadonlyMap<string, number>;
  /** The committee's locks as requested (the checker itself decides which could be obeyed). */
  include?: readonly string[];
  exclude?: readonly string[];
}

export interface Violation {
  /** Stable code, e.g. `justified_envy`, `seats_unfilled`, `gender_rule_not_met`. */
  code: string;
  /** `error`: the selection breaks a rule it could have met. `warning`: a rule not met that could not be. */
  severity: 'error' | 'warning';
  /** Readable text naming ids and their file lines (never names or birth dates). */
  message: string;
  /** Candidate ids concerned (may be empty). */
  ids: string[];
  /** The figures of `message`, for the other languages' words. */
  facts?: FindingFacts;
  /** Rule id for rule findings: `quota.<cell>`, `gender.cohort.female`, `gender.sector.kommune.male`, `gender.cell.<cell>.female`. */
  rule?: string;
  /** Quota cell key, when the finding is about one cell. */
  cell?: string;
}

type G = 'female' | 'male';
const GS: readonly G[] = ['female', 'male'];

interface Cand {
  id: string;
  /** `ID (file line N)`. */
  where: string;
  /** `ID (file line N, priority P)`. */
  ranked: string;
  gender: Gender;
  priority: number | null;
  cell: QuotaCell | null;
  eligible: boolean;
}

/** Strictly better rank in the nominating body's order (see `compareRank`). */
function better(a: number | null, b: number | null): boolean {
  return compareRank(a, b) < 0;
}

function rankText(p: number | null): string {
  return p === null ? 'unranked' : `priority ${p}`;
}

/** Check a proposed selection; returns every finding, errors and warnings, in a stable order. */
export function checkSelection(screened: readonly ScreenedCandidate[], programme: Programme, proposal: SelectionProposal): Violation[] {
  const out: Violation[] = [];
  const cells = quotaCells(programme);
  const cellByKey = new Map(cells.map((c) => [c.key, c]));

  const byId = new Map<string, Cand>();
  for (const s of screened) {
    const c = s.candidate;
    const where = `${c.id} (${c.ref.file} line ${c.ref.line})`;
    if (byId.has(c.id)) {
      out.push({ code: 'duplicate_candidate_id', severity: 'error', message: `${where}: id appears more than once in the input`, ids: [c.id] });
      continue;
    }
    const cell = s.cell === null ? null : (cellByKey.get(s.cell) ?? null);
    const ranked = `${c.id} (${c.ref.file} line ${c.ref.line}, ${rankText(c.priority)})`;
    byId.set(c.id, { id: c.id, where, ranked, gender: c.gender, priority: c.priority, cell, eligible: s.status === 'eligible' && cell !== null });
  }
  const at = (id: string) => byId.get(id)?.where ?? id;

  // Locks the checker can honour: known ids, not both ways, includes eligible.
  const inc = new Set(proposal.include ?? []);
  const exc = new Set(proposal.exclude ?? []);
  for (const id of [...inc].filter((x) => exc.has(x)).sort(compareCodeUnits)) {
    out.push({ code: 'lock_conflict', severity: 'warning', message: `${at(id)} is both included and excluded: neither lock applies`, ids: [id] });
    inc.delete(id);
    exc.delete(id);
  }
  for (const set of [inc, exc]) {
    for (const id of [...set].sort(compareCodeUnits)) {
      if (!byId.has(id)) {
        out.push({ code: 'lock_unknown_id', severity: 'warning', message: `${set === inc ? 'include' : 'exclude'} lock on unknown id ${id}`, ids: [id] });
        set.delete(id);
      }
    }
  }
  for (const id of [...inc].sort(compareCodeUnits)) {
    if (byId.get(id)?.eligible !== true) {
      out.push({ code: 'include_ineligible', severity: 'warning', message: `${at(id)} is included but not eligible: the lock cannot apply`, ids: [id] });
      inc.delete(id);
    }
  }

  // Selected ids.
  const selected = new Set<string>();
  for (const id of proposal.selected) {
    const c = byId.get(id);
    if (c === undefined) {
      out.push({ code: 'unknown_id', severity: 'error', message: `selected id ${id} is not a candidate`, ids: [id] });
      continue;
    }
    if (selected.has(id)) {
      out.push({ code: 'duplicate_selected', severity: 'error', message: `${c.where} is selected twice`, ids: [id] });
      continue;
    }
    selected.add(id);
    if (!c.eligible) out.push({ code: 'selected_ineligible', severity: 'error', message: `${c.where} is selected but not eligible for any quota cell`, ids: [id] });
    if (exc.has(id)) out.push({ code: 'excluded_selected', severity: 'error', message: `${c.where} is selected although excluded`, ids: [id] });
  }

  // Per cell: available candidates, seats to fill, includes.
  const all = [...byId.values()];
  const available = (c: Cand) => c.eligible && !exc.has(c.id);
  const fill = new Map<string, number>();
  const obeyedIncludes = new Set<string>();
  for (const cell of cells) {
    const inCell = all.filter((c) => c.cell?.key === cell.key);
    const avail = inCell.filter(available);
    const sel = inCell.filter((c) => selected.has(c.id) && c.eligible);
    const k = seatsToFill(cell.seats, avail.length);
    fill.set(cell.key, k);
    if (sel.length > cell.seats) {
      out.push({ code: 'over_quota', severity: 'error', message: `${cell.label}: ${sel.length} selected for ${cell.seats} seats`, ids: sel.map((c) => c.id), cell: cell.key, rule: `quota.${cell.key}`, facts: { fact: 'over_quota', selected: sel.length, seats: cell.seats } });
    } else if (sel.length < k) {
      out.push({
        code: 'seats_unfilled',
        severity: 'error',
        message: `${cell.label}: ${sel.length} selected for ${cell.seats} seats although ${avail.length} candidates are available`,
        ids: [],
        cell: cell.key,
        rule: `quota.${cell.key}`,
        facts: { fact: 'unfilled', selected: sel.length, seats: cell.seats, available: avail.length },
      });
    }
    if (avail.length < cell.seats) {
      const n = cell.seats - avail.length;
      out.push({
        code: 'shortfall',
        severity: 'warning',
        message: `${cell.label}: ${cell.seats} seats, ${avail.length} available — ${n} seat${n === 1 ? '' : 's'} cannot be filled`,
        ids: [],
        cell: cell.key,
        rule: `quota.${cell.key}`,
        facts: { fact: 'shortfall', seats: cell.seats, available: avail.length },
      });
    }
    const incl = inCell.filter((c) => inc.has(c.id));
    if (incl.length <= cell.seats) {
      for (const c of incl) {
        obeyedIncludes.add(c.id);
        if (!selected.has(c.id)) out.push({ code: 'include_not_selected', severity: 'error', message: `${c.where} is included but not selected`, ids: [c.id], cell: cell.key });
      }
    } else {
      out.push({
        code: 'include_over_quota',
        severity: 'warning',
        message: `${cell.label}: ${incl.length} candidates included for ${cell.seats} seats`,
        ids: incl.map((c) => c.id),
        cell: cell.key,
        facts: { fact: 'included', included: incl.length, seats: cell.seats },
      });
      for (const c of sel) {
        if (inc.has(c.id)) obeyedIncludes.add(c.id);
        else out.push({ code: 'include_not_selected', severity: 'error', message: `${cell.label}: ${c.where} is selected while included candidates are not`, ids: [c.id], cell: cell.key });
      }
    }
  }

  // Gender rules and actual counts.
  const rules = genderRules(programme, cells, fill);
  const count = (g: G, cellKeys: ReadonlySet<string>) => all.filter((c) => selected.has(c.id) && c.eligible && c.gender === g && c.cell !== null && cellKeys.has(c.cell.key)).length;
  const actual = new Map(rules.map((r) => [r.id, count(r.gender, r.cellKeys)]));
  let proposalShortfall = 0;
  const unmet: GenderRule[] = [];
  for (const r of rules) {
    const a = actual.get(r.id) ?? 0;
    if (a < r.required) {
      proposalShortfall += r.required - a;
      unmet.push(r);
    }
  }
  const least = minGenderShortfall(cells, rules, (cellKey, g) => {
    const inCell = all.filter((c) => c.cell?.key === cellKey && available(c));
    const forced = inCell.filter((c) => obeyedIncludes.has(c.id) && c.gender === g).length;
    const free = inCell.filter((c) => !obeyedIncludes.has(c.id) && c.gender === g).length;
    return { forced, free };
  }, (cellKey) => (fill.get(cellKey) ?? 0) - all.filter((c) => c.cell?.key === cellKey && obeyedIncludes.has(c.id)).length);
  if (proposalShortfall > least) {
    out.push({
      code: 'gender_rules_below_achievable',
      severity: 'error',
      message: `gender rules fall short by ${proposalShortfall} seat${proposalShortfall === 1 ? '' : 's'} in total, the candidates allow ${least}: ${unmet.map((r) => r.text).join('; ')}`,
      ids: [],
      facts: { fact: 'gender_total', shortfall: proposalShortfall, least },
    });
  }
  for (const r of unmet) {
    out.push({
      code: 'gender_rule_not_met',
      severity: 'warning',
      message: `${r.text}: ${actual.get(r.id) ?? 0} selected`,
      ids: [],
      rule: r.id,
      facts: { fact: 'gender', selected: actual.get(r.id) ?? 0, required: r.required },
    });
  }

  // No justified envy: per cell and pair of genders, the best unselected against the worst selected.
  for (const cell of cells) {
    const inCell = all.filter((c) => c.cell?.key === cell.key && available(c));
    for (const gu of ['female', 'male', 'unknown'] as const) {
      const us = inCell.filter((c) => c.gender === gu && !selected.has(c.id));
      const u = us.reduce<Cand | null>((b, c) => (b === null || better(c.priority, b.priority) ? c : b), null);
      if (u === null) continue;
      for (const gv of ['female', 'male', 'unknown'] as const) {
        const vs = inCell.filter((c) => c.gender === gv && selected.has(c.id) && !obeyedIncludes.has(c.id));
        const v = vs.reduce<Cand | null>((w, c) => (w === null || better(w.priority, c.priority) ? c : w), null);
        if (v === null || !better(u.priority, v.priority)) continue;
        const blockedBy = gu === gv || gv === 'unknown' ? [] : rules.filter((r) => r.gender === gv && r.cellKeys.has(cell.key) && (actual.get(r.id) ?? 0) <= r.required);
        if (blockedBy.length === 0) {
          out.push({
            code: 'justified_envy',
            severity: 'error',
            message: `${cell.label}: ${u.ranked} is not selected while ${v.ranked} is, and swapping them breaks no gender rule`,
            ids: [u.id, v.id],
            cell: cell.key,
          });
        }
      }
    }
  }

  // Reserve ranks.
  const ranks = proposal.reserveRanks;
  for (const [id, rank] of [...ranks.entries()].sort((a, b) => compareCodeUnits(a[0], b[0]))) {
    const c = byId.get(id);
    if (c === undefined) out.push({ code: 'unknown_id', severity: 'error', message: `reserve id ${id} is not a candidate`, ids: [id] });
    else if (!available(c) || selected.has(id)) out.push({ code: 'reserve_rank_not_reserve', severity: 'error', message: `${c.where} has reserve rank ${rank} but is not an available unselected candidate`, ids: [id] });
  }
  for (const cell of cells) {
    const reserves = all.filter((c) => c.cell?.key === cell.key && available(c) && !selected.has(c.id));
    const missing = reserves.filter((c) => !ranks.has(c.id));
    for (const c of missing) out.push({ code: 'reserve_rank_missing', severity: 'error', message: `${c.where} is an unselected eligible candidate without a reserve rank`, ids: [c.id], cell: cell.key });
    const ranked = reserves.filter((c) => ranks.has(c.id)).map((c) => ({ c, r: ranks.get(c.id) ?? 0 }));
    ranked.sort((a, b) => a.r - b.r);
    const okSequence = ranked.every((x, i) => x.r === i + 1);
    if (!okSequence || missing.length > 0) {
      if (!okSequence) out.push({ code: 'reserve_rank_sequence', severity: 'error', message: `${cell.label}: reserve ranks are not 1..${reserves.length}`, ids: ranked.map((x) => x.c.id), cell: cell.key, facts: { fact: 'reserve_ranks', body: cell.label, reserves: reserves.length } });
    }
    for (let i = 1; i < ranked.length; i++) {
      const prev = ranked[i - 1];
      const cur = ranked[i];
      if (prev !== undefined && cur !== undefined && better(cur.c.priority, prev.c.priority)) {
        out.push({
          code: 'reserve_order',
          severity: 'error',
          message: `${cell.label}: reserve ${cur.r} ${cur.c.ranked} comes after reserve ${prev.r} ${prev.c.ranked}`,
          ids: [prev.c.id, cur.c.id],
          cell: cell.key,
        });
      }
    }
  }
  return out;
}

/**
 * The least total shortfall (Σ over rules of max(0, required − selected of that gender)) any selection
 * can reach, by min-cost flow. Network: source → cohort(g) → sector(g) → cell(g) → cell → sink for
 * g ∈ {female, male}, plus source → cell for unknown gender. A rule with r seats still missing after
 * the forced includes becomes two parallel arcs on its node's inflow: r units at cost −1 and the rest
 * at cost 0, so every unit of flow through it lowers the shortfall by one until it is met. Cell → sink
 * carries exactly the free seats; cell(g) → cell at most the free candidates of g. The least shortfall
 * is Σ r − (−min cost). Successive shortest paths with Bellman–Ford (the graph starts acyclic, so
 * negative costs are fine).
 */
function minGenderShortfall(
  cells: readonly QuotaCell[],
  rules: readonly GenderRule[],
  candidates: (cellKey: string, g: G | 'unknown') => { forced: number; free: number },
  freeSeats: (cellKey: string) => number,
): number {
  const net = new FlowNet();
  const S = net.node();
  const T = net.node();
  const forcedIn = (g: G, keys: ReadonlySet<string>) => [...keys].reduce((s, k) => s + candidates(k, g).forced, 0);
  let missingTotal = 0;
  const ruleArcs = (from: number, to: number, rule: GenderRule | undefined) => {
    const missing = rule === undefined ? 0 : Math.max(0, rule.required - forcedIn(rule.gender, rule.cellKeys));
    if (missing > 0) net.arc(from, to, missing, -1);
    missingTotal += missing;
    net.arc(from, to, FlowNet.INF, 0);
  };
  const cellNode = new Map<string, number>();
  let demand = 0;
  for (const c of cells) {
    const n = net.node();
    cellNode.set(c.key, n);
    const seats = freeSeats(c.key);
    demand += seats;
    net.arc(n, T, seats, 0);
    net.arc(S, n, candidates(c.key, 'unknown').free, 0);
  }
  for (const g of GS) {
    const root = net.node();
    ruleArcs(S, root, rules.find((r) => r.gender === g && r.scope === 'cohort'));
    for (const sector of ['kommune', 'spesialist'] as const) {
      const sc = cells.filter((c) => c.sector === sector);
      if (sc.length === 0) continue;
      const sn = net.node();
      ruleArcs(root, sn, rules.find((r) => r.gender === g && r.scope === 'sector' && r.scopeKey === sector));
      for (const c of sc) {
        const cg = net.node();
        ruleArcs(sn, cg, rules.find((r) => r.gender === g && r.scope === 'cell' && r.scopeKey === c.key));
        net.arc(cg, cellNode.get(c.key) ?? T, candidates(c.key, g).free, 0);
      }
    }
  }
  const { flow, cost } = net.minCostFlow(S, T, demand);
  if (flow < demand) throw new Error(`checker: only ${flow} of ${demand} free seats can be filled`);
  return missingTotal + cost;
}

/** A small min-cost-flow network (integer capacities). */
class FlowNet {
  static readonly INF = 1e9;
  private to: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];
  private head: number[][] = [];

  node(): number {
    this.head.push([]);
    return this.head.length - 1;
  }

  arc(u: number, v: number, cap: number, cost: number): void {
    if (cap <= 0) return;
    this.head[u]?.push(this.to.length);
    this.to.push(v);
    this.cap.push(cap);
    this.cost.push(cost);
    this.head[v]?.push(this.to.length);
    this.to.push(u);
    this.cap.push(0);
    this.cost.push(-cost);
  }

  minCostFlow(s: number, t: number, want: number): { flow: number; cost: number } {
    let flow = 0;
    let total = 0;
    const n = this.head.length;
    while (flow < want) {
      const dist = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
      const via = new Array<number>(n).fill(-1);
      dist[s] = 0;
      for (let round = 0; round < n; round++) {
        let changed = false;
        for (let u = 0; u < n; u++) {
          const du = dist[u] ?? Number.POSITIVE_INFINITY;
          if (du === Number.POSITIVE_INFINITY) continue;
          for (const e of this.head[u] ?? []) {
            if ((this.cap[e] ?? 0) <= 0) continue;
            const v = this.to[e] ?? 0;
            const nd = du + (this.cost[e] ?? 0);
            if (nd < (dist[v] ?? Number.POSITIVE_INFINITY)) {
              dist[v] = nd;
              via[v] = e;
              changed = true;
            }
          }
        }
        if (!changed) break;
      }
      if (dist[t] === Number.POSITIVE_INFINITY) break;
      let push = want - flow;
      for (let v = t; v !== s; ) {
        const e = via[v] ?? -1;
        push = Math.min(push, this.cap[e] ?? 0);
        v = this.to[e ^ 1] ?? s;
      }
      for (let v = t; v !== s; ) {
        const e = via[v] ?? -1;
        this.cap[e] = (this.cap[e] ?? 0) - push;
        this.cap[e ^ 1] = (this.cap[e ^ 1] ?? 0) + push;
        v = this.to[e ^ 1] ?? s;
      }
      flow += push;
      total += push * (dist[t] ?? 0);
    }
    return { flow, cost: total };
  }
}
