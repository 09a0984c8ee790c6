/**
 * The group model by compositions: for larger cohorts, how many groups take each composition, instead of a count
 * per type and group.
 *
 * Why (measured on generated cohorts, Node 20, 2 cores): in the type-aggregated model (`model.ts`) every level above
 * the lottery is a sum over groups of the group's own composition, and groups of one size are interchangeable. What
 * makes its integer program hard is the lottery alone, a cost per type and group: at 1,000 seats (2,000 × 4,516)
 * HiGHS took 3.9 s for the optimum and 2.0 s for its uniqueness check; at 200 seats (400 × 916) 0.1–1.6 s. Here the
 * unknowns are the numbers of groups of each feasible composition, and the lottery is a seeded cost per composition.
 *
 * The model is derived from the type-aggregated model's own rows and levels (every rule is declared there once):
 * - columns whose rows, bounds and level coefficients read alike (groups of one size, no lock) form a class;
 * - a composition of a class is a count per type that meets the class's rows (size, sector rule, every band); they
 *   are enumerated exhaustively, so every grouping of the type-aggregated model is a choice of compositions and
 *   the two models have the same optimum at every level above the lottery;
 * - the rows across columns (each type's supply) become rows over the composition counts.
 *
 * Its levels are the type-aggregated model's, with weights from its own (smaller) ranges: a level the type-aggregated
 * model had to leave out of its objective (`laterLevels`) usually fits here. It applies only where every variable of
 * the model is a type count (no individually modelled participant, no previous-group level) and the weights stay
 * within `MAX_WEIGHT`; otherwise, or with more compositions than the type-aggregated model has variables, it returns
 * null and the type-aggregated model is solved as it is.
 */
import { lexWeights } from '../common.js';
import { MAX_WEIGHT, tieBreakCost, type GroupModel } from './model.js';
import type { Constraint, LinearModel, ObjectiveLevel, Variable } from '../../solver/types.js';


export interface CompositionModel {
  model: LinearModel;
  /**
   * Every level of the type-aggregated model (`GroupModel.allLevels`), the lottery replaced by the per-composition
   * one, lowest first, with weights from this model's own ranges (no constants: the model has no offset).
   */
  objectiveLevels: ObjectiveLevel[];
  /** Lowest levels left out of the objective (weights too large), highest first: `CanonicalTies.then`. */
  laterLevels: ObjectiveLevel[];
  /** Number of compositions (the model's variables). */
  compositions: number;
  /** The type-aggregated model's values for the composition counts `values` (classes' columns in ascending order). */
  expand: (values: readonly number[]) => number[];
  /** The lottery level's value at `values`. */
  lottery: (values: readonly number[]) => number;
}

interface ColumnClass {
  columns: number[];
  /** Per type: the representative column's lower and upper bound. */
  lb: number[];
  ub: number[];
  /** The representative column's rows, as coefficients per type. */
  rows: Array<{ coef: number[]; lo: number; hi: number }>;
  compositions: number[][];
}

/**
 * The composition model of `gm`, or null where it does not apply (see the module comment). `seed`: the lottery's.
 * `maxCompositions`: the most compositions (over all classes) worth a model; by default as many as `gm` has
 * variables. Measured: a 25-participant model of the `coarse` variant (80 variables) has 9,966 compositions, whose
 * model took more than 40 s where the type-aggregated one took 16 ms; the 200- and 1,000-seat models of the `bands`
 * variant (400 and 2,000 variables) have 150–300.
 */
export function compositionModel(gm: GroupModel, seed: string, maxCompositions = gm.model.variables.length): CompositionModel | null {
  const { model, x } = gm;
  const T = x.length;
  const G = x[0]?.length ?? 0;
  if (T === 0 || G === 0 || gm.y.size > 0) return null;
  const lotteryLevel = gm.allLevels.findIndex((l) => l.level === 'tiebreak');
  if (lotteryLevel < 0) return null;
  // Every variable a type count.
  const typeOfVar = new Int32Array(model.variables.length).fill(-1);
  const columnOfVar = new Int32Array(model.variables.length).fill(-1);
  x.forEach((row, t) =>
    row.forEach((v, g) => {
      typeOfVar[v] = t;
      columnOfVar[v] = g;
    }),
  );
  if (typeOfVar.some((t) => t < 0)) return null;

  // Rows inside one column, and rows across columns (which must weigh each type alike in every column of a class).
  const columnRows: Array<Array<{ coef: number[]; lo: number; hi: number }>> = Array.from({ length: G }, () => []);
  const crossRows: Constraint[] = [];
  for (const row of model.constraints) {
    const cols = new Set(row.terms.map(([v]) => columnOfVar[v] as number));
    // A row without terms (its members all locked) holds or makes the model infeasible, which is the other model's to say.
    if (cols.size === 0 && ((row.lo ?? 0) > 1e-9 || (row.hi ?? 0) < -1e-9)) return null;
    if (cols.size === 1) {
      const coef = new Array<number>(T).fill(0);
      for (const [v, a] of row.terms) coef[typeOfVar[v] as number] = (coef[typeOfVar[v] as number] as number) + a;
      columnRows[[...cols][0] as number]?.push({ coef, lo: row.lo ?? Number.NEGATIVE_INFINITY, hi: row.hi ?? Number.POSITIVE_INFINITY });
    } else if (cols.size > 1) crossRows.push(row);
  }
  // Per level and column: coefficient per type (the lottery's left out: it is replaced).
  const levelCoef = gm.allLevels.map((level, l) => {
    const byColumn = Array.from({ length: G }, () => new Array<number>(T).fill(0));
    if (l === lotteryLevel) return byColumn;
    for (const [v, a] of level.terms) {
      const row = byColumn[columnOfVar[v] as number] as number[];
      row[typeOfVar[v] as number] = (row[typeOfVar[v] as number] as number) + a;
    }
    return byColumn;
  });
  const signature = (g: number): string => {
    const bounds = x.map((row) => {
      const v = model.variables[row[g] as number] as Variable;
      return `${v.lb ?? 0}:${v.ub ?? 'inf'}`;
    });
    const rows = (columnRows[g] ?? []).map((r) => `${r.coef.join(',')}[${r.lo},${r.hi}]`).sort();
    return JSON.stringify([bounds, rows, levelCoef.map((byColumn) => (byColumn[g] as number[]).join(','))]);
  };
  const classOf = new Map<string, ColumnClass>();
  const classes: ColumnClass[] = [];
  for (let g = 0; g < G; g++) {
    const key = signature(g);
    const known = classOf.get(key);
    if (known !== undefined) {
      known.columns.push(g);
      continue;
    }
    const c: ColumnClass = {
      columns: [g],
      lb: x.map((row) => (model.variables[row[g] as number] as Variable).lb ?? 0),
      ub: x.map((row) => (model.variables[row[g] as number] as Variable).ub ?? Number.POSITIVE_INFINITY),
      rows: columnRows[g] ?? [],
      compositions: [],
    };
    classOf.set(key, c);
    classes.push(c);
  }
  // A row across columns must give each type one coefficient in all the columns of a class.
  const crossCoef: number[][][] = [];
  for (const row of crossRows) {
    const perClass = classes.map(() => new Array<number | null>(T).fill(null));
    const classIndex = new Int32Array(G);
    classes.forEach((c, k) => c.columns.forEach((g) => (classIndex[g] = k)));
    const seen = classes.map((c) => c.columns.map(() => new Array<number>(T).fill(0)));
    for (const [v, a] of row.terms) {
      const g = columnOfVar[v] as number;
      const k = classIndex[g] as number;
      const at = (seen[k] as number[][])[(classes[k] as ColumnClass).columns.indexOf(g)] as number[];
      at[typeOfVar[v] as number] = (at[typeOfVar[v] as number] as number) + a;
    }
    for (const [k, cols] of seen.entries()) {
      for (let t = 0; t < T; t++) {
        const first = (cols[0] as number[])[t] as number;
        if (cols.some((c) => c[t] !== first)) return null;
        (perClass[k] as Array<number | null>)[t] = first;
      }
    }
    crossCoef.push(perClass as number[][]);
  }

  let total = 0;
  for (const c of classes) {
    const found = enumerate(c, maxCompositions - total);
    // Too many, or none (the class's rows cannot hold: the type-aggregated model says so in its own terms).
    if (found === null || found.length === 0) return null;
    c.compositions = found;
    total += found.length;
  }

  // The composition model.
  const variables: Variable[] = [];
  const owner: Array<{ k: number; p: number }> = [];
  classes.forEach((c, k) =>
    c.compositions.forEach((_, p) => {
      owner.push({ k, p });
      variables.push({ name: `n_${k}_${p}`, cost: 0, lb: 0, ub: c.columns.length, integer: true });
    }),
  );
  const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, ai, t) => s + ai * (b[t] as number), 0);
  const constraints: Constraint[] = classes.map((c, k) => ({
    name: `columns_${k}`,
    terms: owner.flatMap(({ k: kk }, j) => (kk === k ? [[j, 1] as const] : [])),
    lo: c.columns.length,
    hi: c.columns.length,
  }));
  crossRows.forEach((row, r) => {
    const terms: Array<[number, number]> = [];
    owner.forEach(({ k, p }, j) => {
      const a = dot(((crossCoef[r] as number[][])[k] as number[]), (classes[k] as ColumnClass).compositions[p] as number[]);
      if (a !== 0) terms.push([j, a]);
    });
    constraints.push({ name: row.name, terms, ...(row.lo !== undefined ? { lo: row.lo } : {}), ...(row.hi !== undefined ? { hi: row.hi } : {}) });
  });
  const lotteryCost = owner.map(({ k, p }) => tieBreakCost(seed, `composition:${k}:${((classes[k] as ColumnClass).compositions[p] as number[]).join(',')}`, 0));
  // Every level of the type-aggregated model, the lottery replaced, with weights from this model's own ranges. Where
  // each type's supply is a row of its own (Σ over groups = its count), a level's coefficients less b_t per member of
  // type t (b_t: the first class's) differ from the level by the constant Σ b_t·count_t: groups of one size then
  // leave every level but the lottery constant, and mixed sizes vary only by what their coefficients differ.
  const supplied = x.every((_, t) =>
    crossRows.some((row, r) => row.lo !== undefined && row.lo === row.hi && (crossCoef[r] as number[][]).every((perType) => perType.every((a, u) => a === (u === t ? 1 : 0)))),
  );
  const first = classes[0] as ColumnClass;
  const levelTerms = gm.allLevels.map((_, l) => {
    const byColumn = levelCoef[l] as number[][];
    const base = supplied ? (byColumn[first.columns[0] as number] as number[]) : new Array<number>(T).fill(0);
    const terms: Array<[number, number]> = [];
    owner.forEach(({ k, p }, j) => {
      const c = classes[k] as ColumnClass;
      const own = byColumn[c.columns[0] as number] as number[];
      const a = l === lotteryLevel ? (lotteryCost[j] as number) : dot(own.map((v, t) => v - (base[t] as number)), c.compositions[p] as number[]);
      if (a !== 0) terms.push([j, a]);
    });
    return terms;
  });
  const ranges = levelTerms.map((terms) => {
    const coef = new Map(terms);
    return classes.reduce((sum, c, k) => {
      const own = owner.flatMap((o, j) => (o.k === k ? [coef.get(j) ?? 0] : []));
      return sum + c.columns.length * (Math.max(...own) - Math.min(...own));
    }, 0);
  });
  // As the type-aggregated model does: the lowest levels whose exact weights would be too large are optimised after
  // the others (`CanonicalTies.then`, highest first).
  let out = 0;
  let weights = lexWeights(ranges);
  while (Math.max(...weights) > MAX_WEIGHT && out < ranges.length - 1) weights = lexWeights(ranges.slice(++out));
  if (Math.max(...weights) > MAX_WEIGHT) return null;
  const levels = gm.allLevels.map((level, l) => ({ terms: levelTerms[l] as Array<[number, number]>, weight: l < out ? 0 : (weights[l - out] as number), step: level.step }));
  const objectiveLevels: ObjectiveLevel[] = levels.slice(out);
  const laterLevels: ObjectiveLevel[] = levels.slice(0, out).reverse();
  for (const level of objectiveLevels) for (const [j, a] of level.terms) (variables[j] as Variable).cost += level.weight * a;

  const expand = (values: readonly number[]): number[] => {
    const out = new Array<number>(model.variables.length).fill(0);
    const next = classes.map(() => 0);
    owner.forEach(({ k, p }, j) => {
      const c = classes[k] as ColumnClass;
      const composition = c.compositions[p] as number[];
      for (let m = Math.round(values[j] ?? 0); m > 0; m--) {
        const g = c.columns[next[k] as number];
        if (g === undefined) throw new Error('composition model: more groups than columns');
        next[k] = (next[k] as number) + 1;
        composition.forEach((count, t) => (out[(x[t] as number[])[g] as number] = count));
      }
    });
    if (next.some((used, k) => used !== (classes[k] as ColumnClass).columns.length)) throw new Error('composition model: a column left without a composition');
    return out;
  };
  const lottery = (values: readonly number[]): number => lotteryCost.reduce((s, c, j) => s + c * Math.round(values[j] ?? 0), 0);
  return {
    model: { label: `${model.label}:compositions`, variables, constraints },
    objectiveLevels,
    laterLevels,
    compositions: total,
    expand,
    lottery,
  };
}

/**
 * Every count per type within the class's bounds that meets its rows, in lexicographic order; null beyond `cap`.
 * Depth-first over the types, each row held within what the types still to come can add.
 */
function enumerate(c: ColumnClass, cap: number): number[][] | null {
  const T = c.lb.length;
  if (c.ub.some((u) => !Number.isFinite(u))) return null;
  // Per row: the least and most the types from t on can add.
  const fromEach = (pick: (x: number, y: number) => number): number[][] =>
    c.rows.map((r) => {
      const out = new Array<number>(T + 1).fill(0);
      for (let t = T - 1; t >= 0; t--) {
        const a = r.coef[t] as number;
        out[t] = (out[t + 1] as number) + pick(a * (c.lb[t] as number), a * (c.ub[t] as number));
      }
      return out;
    });
  const least = fromEach(Math.min);
  const most = fromEach(Math.max);
  const sums = new Array<number>(c.rows.length).fill(0);
  const current = new Array<number>(T).fill(0);
  const found: number[][] = [];
  let over = false;
  const rec = (t: number): void => {
    if (over) return;
    if (t === T) {
      if (found.length >= cap) {
        over = true;
        return;
      }
      found.push([...current]);
      return;
    }
    for (let v = c.lb[t] as number; v <= (c.ub[t] as number); v++) {
      let fits = true;
      for (let r = 0; r < c.rows.length; r++) {
        const row = c.rows[r] as { coef: number[]; lo: number; hi: number };
        const s = (sums[r] as number) + (row.coef[t] as number) * v;
        if (s + ((least[r] as number[])[t + 1] as number) > row.hi + 1e-9 || s + ((most[r] as number[])[t + 1] as number) < row.lo - 1e-9) {
          fits = false;
          break;
        }
      }
      if (!fits) continue;
      current[t] = v;
      for (let r = 0; r < c.rows.length; r++) sums[r] = (sums[r] as number) + ((c.rows[r] as { coef: number[] }).coef[t] as number) * v;
      rec(t + 1);
      for (let r = 0; r < c.rows.length; r++) sums[r] = (sums[r] as number) - ((c.rows[r] as { coef: number[] }).coef[t] as number) * v;
    }
  };
  rec(0);
  return over ? null : found;
}
