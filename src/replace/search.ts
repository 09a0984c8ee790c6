/**
 * Step 4b of `cohort replace`: the local search over placements of participants into parts (workshop groups or
 * project teams) that `placement.ts` sets up. A state is scored lexicographically by (hard rules broken, people
 * moved, people moved who had not moved already, newcomers away from their freed place, the quality terms). Pure.
 */
import type { Person } from '../stages/common.js';

/** States kept from one search depth to the next. */
const BEAM = 200;
/** Most steps (swaps or relocations) the search chains. */
const MAX_DEPTH = 3;

export interface PartCost {
  hard: number;
  /** Counted globally: the total above `extraAllowance` is hard (teams of a smaller shape). */
  extra: number;
  quality: number[];
}

export interface SearchSpec {
  /** Participants, by index (the search only needs how many). */
  persons: readonly Person[];
  /** Part labels (group or team numbers), by part index. */
  labels: readonly number[];
  start: Int32Array;
  /** Part index of an old participant's place; -1 for a newcomer. */
  home: Int32Array;
  /** Part index of a newcomer's freed place; -1 for anyone else. */
  slot: Int32Array;
  /** 1 for participants an earlier stage moved already: moving them again disturbs no one new (a tie-break). */
  movedBefore: Uint8Array;
  capacity: number;
  extraAllowance: number;
  qualityLength: number;
  cost: (members: readonly number[], part: number) => PartCost;
  /** The broken rules of a part, in words. */
  describe: (members: readonly number[], part: number) => string[];
}

export interface State {
  assign: Int32Array;
  members: number[][];
  costs: PartCost[];
  key: number[];
}

function keyOf(spec: SearchSpec, assign: Int32Array, costs: readonly PartCost[]): number[] {
  let hard = 0;
  let extra = 0;
  const quality = new Array<number>(spec.qualityLength).fill(0);
  for (const c of costs) {
    hard += c.hard;
    extra += c.extra;
    c.quality.forEach((v, i) => (quality[i] = (quality[i] ?? 0) + v));
  }
  hard += Math.max(0, extra - spec.extraAllowance);
  let moves = 0;
  let fresh = 0;
  let displaced = 0;
  for (let i = 0; i < assign.length; i++) {
    const h = spec.home[i] ?? -1;
    const s = spec.slot[i] ?? -1;
    if (h >= 0 && assign[i] !== h) {
      moves++;
      if (spec.movedBefore[i] !== 1) fresh++;
    }
    if (s >= 0 && assign[i] !== s) displaced++;
  }
  return [hard, moves, fresh, displaced, ...quality];
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

function stateOf(spec: SearchSpec, assign: Int32Array): State {
  const members: number[][] = spec.labels.map(() => []);
  assign.forEach((p, i) => members[p]?.push(i));
  const costs = members.map((m, p) => spec.cost(m, p));
  return { assign, members, costs, key: keyOf(spec, assign, costs) };
}

/** One step: swap two people's parts (`j >= 0`) or move `i` to part `to`. */
interface Step {
  i: number;
  j: number;
  to: number;
}

function apply(spec: SearchSpec, s: State, step: Step): State {
  const assign = Int32Array.from(s.assign);
  const members = s.members.slice();
  const costs = s.costs.slice();
  const from = s.assign[step.i] as number;
  const to = step.j >= 0 ? (s.assign[step.j] as number) : step.to;
  if (step.j >= 0) {
    assign[step.i] = to;
    assign[step.j] = from;
    members[from] = (s.members[from] as number[]).map((x) => (x === step.i ? step.j : x));
    members[to] = (s.members[to] as number[]).map((x) => (x === step.j ? step.i : x));
  } else {
    assign[step.i] = to;
    members[from] = (s.members[from] as number[]).filter((x) => x !== step.i);
    members[to] = [...(s.members[to] as number[]), step.i];
  }
  costs[from] = spec.cost(members[from] as number[], from);
  costs[to] = spec.cost(members[to] as number[], to);
  return { assign, members, costs, key: keyOf(spec, assign, costs) };
}

function steps(spec: SearchSpec, s: State): Step[] {
  const n = spec.persons.length;
  const extra = s.costs.reduce((a, c) => a + c.extra, 0);
  const bad = new Set<number>();
  s.costs.forEach((c, p) => {
    if (c.hard > 0 || (extra > spec.extraAllowance && c.extra > 0)) bad.add(p);
  });
  const relevant = new Set<number>();
  for (let i = 0; i < n; i++) if (bad.has(s.assign[i] as number) || (spec.home[i] ?? -1) < 0) relevant.add(i);
  const out: Step[] = [];
  for (let i = 0; i < n; i++) {
    if (!relevant.has(i)) continue;
    for (let j = 0; j < n; j++) {
      if (j === i || s.assign[j] === s.assign[i] || (relevant.has(j) && j < i)) continue;
      out.push({ i, j, to: -1 });
    }
    for (let p = 0; p < spec.labels.length; p++) {
      if (p !== s.assign[i] && (s.members[p]?.length ?? 0) < spec.capacity) out.push({ i, j: -1, to: p });
    }
  }
  for (const p of [...bad].sort((a, b) => a - b)) {
    if ((s.members[p]?.length ?? 0) >= spec.capacity) continue;
    for (let j = 0; j < n; j++) if (!relevant.has(j) && s.assign[j] !== p) out.push({ i: j, j: -1, to: p });
  }
  return out;
}

/**
 * The search: exhaustive over every single swap or relocation that involves a newcomer or a member of a part that
 * breaks a rule; from the best `BEAM` of those the same again, up to `MAX_DEPTH` steps; it stops as soon as no
 * further step can lower the number of people moved. Ties go to the first state in the enumeration order.
 */
export function search(spec: SearchSpec): { best: State; start: State; explored: number } {
  const start = stateOf(spec, spec.start);
  let best = start;
  let explored = 1;
  let frontier: State[] = [start];
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    // Stop when the best needs no rule fixed and no step can lower the moves any further.
    if ((best.key[0] ?? 0) === 0 && (best.key[1] ?? 0) < depth) break;
    const children: Array<{ key: number[]; parent: number; step: Step }> = [];
    frontier.forEach((s, parent) => {
      for (const step of steps(spec, s)) {
        const child = apply(spec, s, step);
        explored++;
        children.push({ key: child.key, parent, step });
        if (lexLess(child.key, best.key)) best = child;
      }
    });
    if (children.length === 0) break;
    // A stable sort: equal keys keep their enumeration order.
    const order = children.map((c, i) => ({ c, i })).sort((a, b) => (lexLess(a.c.key, b.c.key) ? -1 : lexLess(b.c.key, a.c.key) ? 1 : a.i - b.i));
    frontier = order.slice(0, BEAM).map(({ c }) => apply(spec, frontier[c.parent] as State, c.step));
  }
  return { best, start, explored };
}
