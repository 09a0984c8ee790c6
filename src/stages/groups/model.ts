/**
 * The workshop-group model: pure builders and placement, no solver calls.
 *
 * Why this shape (measured, see issue 4): a binary per person and group drowns every solver in the symmetry
 * of interchangeable groups. Here the unknowns are integer COUNTS of each participant type
 * (sector × region × gender) per group. Every category (a gender, a region, a sector × region, a type, …) is
 * held per group within floor/ceil of its even share `N_c · size / N`; inside that band the deviation
 * `|N · count − size · N_c|` is linear in the count (`r + (N − 2r)(count − floor)`), so the model needs no
 * absolute-value variables. Individuals are placed into the counts afterwards (lottery order, then swaps that
 * repair organisation clashes); when that fails, the clashing colleagues get individual variables.
 *
 * Model variants, tried in this order when the previous one is infeasible (locks can make bands impossible):
 * - `bands`: every category banded, deviations as costs;
 * - `coarse`: bands on sector, gender and region only;
 * - `free`: only the sector band; gender and region deviations as absolute-value variables;
 * - `free-soft-sector`: the sector rule too becomes a cost (only when locks make it impossible).
 */
import { genderTableMinimum, groupGenderMinimum, municipalBand } from '../../domain/rules.js';
import { compareCodeUnits } from '../../domain/compare.js';
import { lexWeights, lotteryKey, REGIONS, type Person, type Region } from '../common.js';
import { GENDERS, SECTORS, type Gender, type Sector } from '../../domain/types.js';
import type { Constraint, LinearModel, ObjectiveLevel, Variable } from '../../solver/types.js';

export type GroupModelVariant = 'bands' | 'coarse' | 'free' | 'free-soft-sector';
export const GROUP_MODEL_VARIANTS: readonly GroupModelVariant[] = ['bands', 'coarse', 'free', 'free-soft-sector'];

/** A participant type of the group model: sector × region × gender. */
export interface PersonType {
  key: string;
  sector: Sector;
  region: Region;
  gender: Gender;
}

export function typeOf(p: Person): PersonType {
  return { key: `${p.sector}|${p.region}|${p.gender}`, sector: p.sector, region: p.region, gender: p.gender };
}

/** Canonical order of types: sector, region, gender in their declared orders. */
function compareTypes(a: PersonType, b: PersonType): number {
  return (
    SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector) ||
    REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region) ||
    GENDERS.indexOf(a.gender) - GENDERS.indexOf(b.gender)
  );
}

// ---------------------------------------------------------------------------------------------------------
// Group count and sizes

export interface SizePlan {
  /** Sizes per group column (column g is group number g + 1 for locked groups). */
  sizes: number[];
  /** Whether every size lies within the programme's range. */
  sizesInRange: boolean;
  /** Whether the sector mix (`sectorMixHolds` in rules.ts, in every group) can hold with these sizes and locks. */
  sectorRuleHolds: boolean;
}

/**
 * Choose the group sizes: within `min..max` when the count allows, the sector rule achievable when the cohort
 * and the locks allow, then as even as possible (least Σ size²), larger sizes in lower columns.
 * `lockedK[g]`/`lockedS[g]`: participants of each sector locked into column g.
 */
export function planSizes(
  n: number,
  k: number,
  count: number,
  minSize: number,
  maxSize: number,
  lockedK: readonly number[],
  lockedS: readonly number[],
): SizePlan {
  if (count === 0) return { sizes: [], sizesInRange: true, sectorRuleHolds: true };
  const inRange = count * minSize <= n && n <= count * maxSize;
  const lo = inRange ? minSize : Math.floor(n / count);
  const hi = inRange ? maxSize : Math.ceil(n / count);
  const anyLock = lockedK.some((x) => x > 0) || lockedS.some((x) => x > 0);
  if (!anyLock) {
    // Without locks the sector rule can hold exactly when k lies between the sizes' least and most municipal counts.
    const sectorFits = (sizes: readonly number[]): boolean => {
      const bands = sizes.map(municipalBand);
      return bands.reduce((a, b) => a + b.lo, 0) <= k && k <= bands.reduce((a, b) => a + b.hi, 0);
    };
    const withRule = bestMultiset(n, count, lo, hi, sectorFits);
    if (withRule !== null) return { sizes: withRule, sizesInRange: inRange, sectorRuleHolds: true };
    const plain = bestMultiset(n, count, lo, hi, () => true);
    if (plain === null) throw new Error(`no split of ${n} into ${count} groups of ${lo}..${hi}`);
    return { sizes: plain, sizesInRange: inRange, sectorRuleHolds: false };
  }
  const withRule = sizesByDp(n, k, count, lo, hi, lockedK, lockedS, true);
  if (withRule !== null) return { sizes: withRule, sizesInRange: inRange, sectorRuleHolds: true };
  const plain = sizesByDp(n, k, count, lo, hi, lockedK, lockedS, false);
  if (plain !== null) return { sizes: plain, sizesInRange: inRange, sectorRuleHolds: false };
  // Locks hold more people than a group can take: widen the range to the locks and report sizes.
  const wideHi = Math.max(hi, ...lockedK.map((x, g) => x + (lockedS[g] ?? 0)));
  const wide = sizesByDp(n, k, count, 0, wideHi, lockedK, lockedS, false);
  if (wide === null) throw new Error(`no split of ${n} into ${count} groups fits the locks`);
  return { sizes: wide, sizesInRange: false, sectorRuleHolds: false };
}

/** Sizes (descending) that `fits` accepts, least Σ size², or null. */
function bestMultiset(n: number, count: number, lo: number, hi: number, fits: (sizes: readonly number[]) => boolean): number[] | null {
  let best: number[] | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  const cur: number[] = [];
  const rec = (left: number, slots: number, maxV: number): void => {
    if (slots === 0) {
      if (left !== 0 || !fits(cur)) return;
      const cost = cur.reduce((a, v) => a + v * v, 0);
      if (cost < bestCost) {
        bestCost = cost;
        best = [...cur];
      }
      return;
    }
    for (let v = Math.min(maxV, left - lo * (slots - 1)); v >= lo; v--) {
      if (v * slots < left) break;
      cur.push(v);
      rec(left - v, slots - 1, v);
      cur.pop();
    }
  };
  rec(n, count, hi);
  return best;
}

/**
 * Per-column sizes by dynamic programming over columns; state (Σ size, 2ΣK − Σ size) when the sector rule is
 * required, (Σ size) otherwise. Least Σ size², ties to the first option tried (larger sizes first).
 */
function sizesByDp(
  n: number,
  k: number,
  count: number,
  lo: number,
  hi: number,
  lockedK: readonly number[],
  lockedS: readonly number[],
  rule: boolean,
): number[] | null {
  type State = { cost: number; sizes: number[]; minK: number; maxK: number };
  let layer = new Map<string, State>([['0|0', { cost: 0, sizes: [], minK: 0, maxK: 0 }]]);
  for (let g = 0; g < count; g++) {
    const lk = lockedK[g] ?? 0;
    const ls = lockedS[g] ?? 0;
    const next = new Map<string, State>();
    for (const [key, st] of layer) {
      const [sumS, d] = key.split('|').map(Number) as [number, number];
      for (let v = hi; v >= lo; v--) {
        if (lk + ls > v || sumS + v > n) continue;
        const band = municipalBand(v);
        const options = rule ? Array.from({ length: band.hi - band.lo + 1 }, (_, i) => band.lo + i) : [null];
        for (const kv of options) {
          if (kv !== null && (kv < lk || v - kv < ls)) continue;
          const nd = kv === null ? 0 : d + 2 * kv - v;
          const nk = `${sumS + v}|${nd}`;
          const cand: State = {
            cost: st.cost + v * v,
            sizes: [...st.sizes, v],
            minK: st.minK + (kv ?? lk),
            maxK: st.maxK + (kv ?? v - ls),
          };
          const old = next.get(nk);
          if (old === undefined || cand.cost < old.cost) next.set(nk, cand);
        }
      }
    }
    layer = next;
  }
  let best: State | null = null;
  for (const [key, st] of layer) {
    const [sumS, d] = key.split('|').map(Number) as [number, number];
    if (sumS !== n) continue;
    if (rule && d !== 2 * k - n) continue;
    if (!rule && (k < st.minK || k > st.maxK)) continue;
    if (best === null || st.cost < best.cost) best = st;
  }
  return best === null ? null : best.sizes;
}

// ---------------------------------------------------------------------------------------------------------
// The model

/** A set of individually modelled participants of whom at most `cap` may share a group (one organisation). */
export interface OrgSet {
  org: string;
  ids: string[];
  cap: number;
}

export interface GroupModelInput {
  /** All participants, sorted by id. */
  persons: readonly Person[];
  sizes: readonly number[];
  /** Hard sector rule (`municipalBand` of each size) or the relaxed even-share band. */
  sectorRule: 'hard' | 'relaxed';
  variant: GroupModelVariant;
  /** Locked participants: id → column. */
  fixed: ReadonlyMap<string, number>;
  /** Participants with their own binary per group (clashing colleagues, kept-apart pairs). */
  individuals: ReadonlySet<string>;
  /** Organisations among the individuals (and the locked): at most `cap` per group, excess at a top cost. */
  orgSets: readonly OrgSet[];
  /** Pairs that must not share a group (both individual or locked). */
  apartPairs: ReadonlyArray<readonly [string, string]>;
  /**
   * Seed of the lottery tie-break: a small cost per (type, group) and (individual, group) below every other
   * level, so that ties are rare and decided by the seed (the canonical solve settles any that remain). Null: none.
   */
  tieBreakSeed: string | null;
  /**
   * `allocate --previous`: the column each participant's previous workshop group maps to (group k → column
   * k − 1). A level just above the lottery then prefers keeping them there among otherwise equal results.
   */
  previousColumn?: ReadonlyMap<string, number> | undefined;
}

/** One level of the lexicographic objective, lowest first in `GroupModel.levels`. */
export interface Level {
  level: CategoryLevel;
  name: string;
  description: string;
  weight: number;
}

export interface GroupModel {
  model: LinearModel;
  /** Aggregated types (participants not individual and not fixed), canonical order. */
  types: Array<PersonType & { ids: string[] }>;
  /** Variable index of x[type][column]. */
  x: number[][];
  /** Variable indices of each free individual's binaries, per column (−1 where none). */
  y: Map<string, number[]>;
  levels: Level[];
  /** The objective as its lexicographic levels (for the canonical optimum, `CanonicalTies`), lowest first. */
  objectiveLevels: ObjectiveLevel[];
  /**
   * Lowest levels whose exact weights would exceed safe magnitudes (`MAX_WEIGHT`): left out of the objective and
   * optimised after it by the canonical solve (`CanonicalTies.then`), highest first. Usually none.
   */
  laterLevels: ObjectiveLevel[];
  /** Every level with terms, in the objective or not, lowest first (for the composition model, `patterns.ts`). */
  allLevels: Array<{ level: CategoryLevel; terms: ReadonlyArray<readonly [number, number]>; step: number }>;
}

interface Category {
  level: CategoryLevel;
  name: string;
  match: (p: Person | PersonType) => boolean;
}
export type CategoryLevel = 'tiebreak' | 'previous' | 'fine' | 'region' | 'gender' | 'gender_min' | 'sector' | 'org';
/** Lexicographic levels, lowest first. */
const LEVEL_ORDER: readonly CategoryLevel[] = ['tiebreak', 'previous', 'fine', 'region', 'gender', 'gender_min', 'org', 'sector'];

/** Largest objective weight that keeps costs comfortably inside double precision for every solver. */
export const MAX_WEIGHT = 2 ** 30;

const GROUP_LEVEL_TEXT: Readonly<Record<CategoryLevel, { name: string; description: string }>> = {
  tiebreak: { name: 'lottery_tiebreak', description: 'seeded lottery cost that makes the optimum unique (below every other term)' },
  previous: { name: 'moved_from_previous_group', description: 'participants not in the workshop group they had in the --previous allocation (above the lottery, below every rule)' },
  fine: { name: 'fine_deviation', description: 'Σ over groups of |N·count − size·N_c| for the sector×region, sector×gender and sector×region×gender categories (N = cohort size)' },
  region: { name: 'region_deviation', description: 'Σ over groups and regions of |N·count − size·N_region|' },
  gender: { name: 'gender_deviation', description: 'Σ over groups and genders of |N·count − size·N_gender|' },
  gender_min: { name: 'gender_min_shortfall', description: 'members below the Norwegian-table minimum of each gender (capped by the cohort’s count), summed over groups' },
  sector: { name: 'sector_deviation', description: 'Σ over groups of |N·kommune − size·N_kommune| (a cost only when the sector rule cannot hold)' },
  org: { name: 'org_excess', description: 'participants beyond the allowed number from one organisation in one group' },
};

function categories(persons: readonly Person[], relaxedSector: boolean): Category[] {
  const out: Category[] = [];
  if (relaxedSector) out.push({ level: 'sector', name: 'kommune', match: (p) => p.sector === 'kommune' });
  for (const g of ['female', 'male'] as const) out.push({ level: 'gender_min', name: `min:${g}`, match: (p) => p.gender === g });
  for (const g of ['female', 'male'] as const) out.push({ level: 'gender', name: g, match: (p) => p.gender === g });
  const present = <T>(f: (p: Person) => T): Set<T> => new Set(persons.map(f));
  const regions = present((p) => p.region);
  for (const r of REGIONS) if (regions.has(r)) out.push({ level: 'region', name: r, match: (p) => p.region === r });
  const sr = present((p) => `${p.sector}|${p.region}`);
  const sg = present((p) => `${p.sector}|${p.gender}`);
  const types = present((p) => typeOf(p).key);
  for (const s of SECTORS) {
    for (const r of REGIONS) if (sr.has(`${s}|${r}`)) out.push({ level: 'fine', name: `${s}|${r}`, match: (p) => p.sector === s && p.region === r });
    for (const g of GENDERS) if (sg.has(`${s}|${g}`)) out.push({ level: 'fine', name: `${s}|${g}`, match: (p) => p.sector === s && p.gender === g });
    for (const r of REGIONS) {
      for (const g of GENDERS) {
        if (types.has(`${s}|${r}|${g}`)) out.push({ level: 'fine', name: `${s}|${r}|${g}`, match: (p) => p.sector === s && p.region === r && p.gender === g });
      }
    }
  }
  return out;
}

/** The lottery tie-break cost of a (type or individual, column): an integer in 1..TIEBREAK_SPAN. */
const TIEBREAK_SPAN = 1000;
export function tieBreakCost(seed: string, key: string, column: number): number {
  return 1 + (parseInt(lotteryKey(seed, `groups-tiebreak:${column}`, key).slice(0, 8), 16) % TIEBREAK_SPAN);
}

/** Even-share band of a category of `nc` members in a group of `size` out of `n`: [f, f] or [f, f + 1]. */
function shareBand(nc: number, size: number, n: number): { lo: number; hi: number; r: number } {
  const f = Math.floor((nc * size) / n);
  const r = nc * size - n * f;
  return { lo: f, hi: r === 0 ? f : f + 1, r };
}

/** Upper bound on how much Σ_g coef_g·δ_g can vary when `units` of the δ_g ∈ {0, 1} are 1. */
function categoryRange(coefs: readonly number[], units: number): number {
  if (units <= 0 || coefs.length === 0) return 0;
  const sorted = [...coefs].sort((a, b) => a - b);
  const u = Math.min(units, sorted.length);
  let top = 0;
  let bottom = 0;
  for (let i = 0; i < u; i++) {
    bottom += sorted[i] as number;
    top += sorted[sorted.length - 1 - i] as number;
  }
  return top - bottom;
}

/** A linear piece of the objective before weighting: Σ a·var + constant, in the level's reported units. */
interface Piece {
  level: CategoryLevel;
  terms: Array<[number, number]>;
  constant: number;
}

export function buildGroupModel(input: GroupModelInput): GroupModel {
  const { persons, sizes, variant } = input;
  const n = persons.length;
  const G = sizes.length;
  const relaxedSector = input.sectorRule === 'relaxed' || variant === 'free-soft-sector';
  const cats = categories(persons, relaxedSector);
  const free = variant === 'free' || variant === 'free-soft-sector';

  // Types of the aggregated participants.
  const typeMap = new Map<string, PersonType & { ids: string[] }>();
  for (const p of persons) {
    if (input.fixed.has(p.id) || input.individuals.has(p.id)) continue;
    const t = typeOf(p);
    const e = typeMap.get(t.key) ?? { ...t, ids: [] };
    e.ids.push(p.id);
    typeMap.set(t.key, e);
  }
  const types = [...typeMap.values()].sort(compareTypes);
  const byId = new Map(persons.map((p) => [p.id, p]));
  const freeIndividuals = persons.filter((p) => input.individuals.has(p.id) && !input.fixed.has(p.id));

  const variables: Variable[] = [];
  const constraints: Constraint[] = [];
  const addVar = (v: Variable): number => variables.push(v) - 1;

  const x = types.map((t, ti) => sizes.map((s, g) => addVar({ name: `x_${ti}_${g}`, cost: 0, lb: 0, ub: Math.min(t.ids.length, s), integer: true })));
  const y = new Map<string, number[]>();
  freeIndividuals.forEach((p, i) => {
    y.set(
      p.id,
      sizes.map((_, g) => addVar({ name: `y_${i}_${g}`, cost: 0, lb: 0, ub: 1, integer: true })),
    );
  });

  const fixedIn = sizes.map(() => [] as Person[]);
  for (const [id, g] of input.fixed) {
    const p = byId.get(id);
    if (p !== undefined && g >= 0 && g < G) fixedIn[g]?.push(p);
  }

  /** Terms of "members of a category in column g" over the variables, and the locked members' count. */
  const countTerms = (match: (p: Person | PersonType) => boolean, g: number): { terms: Array<[number, number]>; fixed: number } => {
    const terms: Array<[number, number]> = [];
    types.forEach((t, ti) => {
      if (match(t)) terms.push([x[ti]?.[g] as number, 1]);
    });
    for (const p of freeIndividuals) if (match(p)) terms.push([(y.get(p.id) as number[])[g] as number, 1]);
    const fixed = (fixedIn[g] ?? []).filter((p) => match(p)).length;
    return { terms, fixed };
  };

  types.forEach((t, ti) => constraints.push({ name: `supply_${ti}`, terms: (x[ti] as number[]).map((v) => [v, 1] as const), lo: t.ids.length, hi: t.ids.length }));
  freeIndividuals.forEach((p, i) => constraints.push({ name: `one_${i}`, terms: (y.get(p.id) as number[]).map((v) => [v, 1] as const), lo: 1, hi: 1 }));
  sizes.forEach((s, g) => {
    const { terms, fixed } = countTerms(() => true, g);
    constraints.push({ name: `size_${g}`, terms, lo: s - fixed, hi: s - fixed });
  });
  if (!relaxedSector) {
    sizes.forEach((s, g) => {
      const { terms, fixed } = countTerms((p) => p.sector === 'kommune', g);
      const band = municipalBand(s);
      constraints.push({ name: `sector_${g}`, terms, lo: band.lo - fixed, hi: band.hi - fixed });
    });
  }

  const banded = (level: CategoryLevel): boolean => {
    if (level === 'sector') return variant !== 'free-soft-sector';
    if (variant === 'bands') return true;
    if (variant === 'coarse') return level !== 'fine';
    return false;
  };

  const pieces: Piece[] = [];
  const ranges = new Map<CategoryLevel, number>();
  const active = new Set<CategoryLevel>();
  /** Reported units per model unit for a level (free variants measure deviations in persons, not N-ths). */
  const unitScale = new Map<CategoryLevel, number>();
  const bumpRange = (level: CategoryLevel, r: number): void => {
    ranges.set(level, (ranges.get(level) ?? 0) + r);
  };

  for (const c of cats) {
    const nc = persons.filter((p) => c.match(p)).length;
    if (c.level === 'fine' && !banded('fine')) continue;
    active.add(c.level);
    if (c.level === 'gender_min') {
      if (!free) {
        // Inside the gender band [f, f+1]: the shortfall below the minimum m is (m − f) − (count − f) when f < m.
        const coefs: number[] = [];
        let units = nc;
        sizes.forEach((s, g) => {
          const b = shareBand(nc, s, n);
          const m = groupGenderMinimum(s, nc);
          units -= b.lo;
          const { terms, fixed } = countTerms(c.match, g);
          if (b.hi === b.lo + 1) {
            coefs.push(b.lo < m ? -1 : 0);
            // count = Σ terms + fixed ≤ m here, so the shortfall is (m − fixed) − Σ terms.
            if (b.lo < m) pieces.push({ level: 'gender_min', terms: terms.map(([v]) => [v, -1]), constant: m - fixed });
          } else pieces.push({ level: 'gender_min', terms: [], constant: Math.max(0, m - b.lo) });
        });
        bumpRange('gender_min', categoryRange(coefs, units));
      } else {
        unitScale.set('gender_min', 1);
        sizes.forEach((s, g) => {
          const m = groupGenderMinimum(s, nc);
          if (m === 0) return;
          const { terms, fixed } = countTerms(c.match, g);
          const v = addVar({ name: `short_${c.name}_${g}`, cost: 0, lb: 0 });
          pieces.push({ level: 'gender_min', terms: [[v, 1]], constant: 0 });
          constraints.push({ name: `short_${c.name}_${g}`, terms: [...terms, [v, 1]], lo: m - fixed });
        });
        bumpRange('gender_min', sizes.reduce((a, s) => a + 2 * genderTableMinimum(s), 0));
      }
      continue;
    }
    if (banded(c.level)) {
      const coefs: number[] = [];
      let units = nc;
      sizes.forEach((s, g) => {
        const b = shareBand(nc, s, n);
        const { terms, fixed } = countTerms(c.match, g);
        constraints.push({ name: `band_${c.name}_${g}`, terms, lo: b.lo - fixed, hi: b.hi - fixed });
        units -= b.lo;
        if (b.hi === b.lo + 1) {
          // dev = r + (n − 2r)(count − f), count = Σ terms + fixed.
          const a = n - 2 * b.r;
          coefs.push(a);
          pieces.push({ level: c.level, terms: terms.map(([v]) => [v, a]), constant: b.r + a * (fixed - b.lo) });
        }
      });
      bumpRange(c.level, categoryRange(coefs, units));
    } else {
      // Free variants: |count − share| (in persons) by a pair of rows per group.
      unitScale.set(c.level, n);
      sizes.forEach((s, g) => {
        const share = (nc * s) / n;
        const { terms, fixed } = countTerms(c.match, g);
        const v = addVar({ name: `dev_${c.name}_${g}`, cost: 0, lb: 0 });
        pieces.push({ level: c.level, terms: [[v, 1]], constant: 0 });
        constraints.push({ name: `devp_${c.name}_${g}`, terms: [...terms, [v, -1]], hi: share - fixed });
        constraints.push({ name: `devm_${c.name}_${g}`, terms: [...terms, [v, 1]], lo: share - fixed });
      });
      bumpRange(c.level, 2 * n);
    }
  }

  if (input.tieBreakSeed !== null) {
    const seed = input.tieBreakSeed;
    active.add('tiebreak');
    let range = 0;
    types.forEach((t, ti) => {
      let top = 0;
      sizes.forEach((_, g) => {
        const c = tieBreakCost(seed, t.key, g);
        top = Math.max(top, c);
        pieces.push({ level: 'tiebreak', terms: [[x[ti]?.[g] as number, c]], constant: 0 });
      });
      range += top * t.ids.length;
    });
    for (const p of freeIndividuals) {
      let top = 0;
      sizes.forEach((_, g) => {
        const c = tieBreakCost(seed, `id:${p.id}`, g);
        top = Math.max(top, c);
        pieces.push({ level: 'tiebreak', terms: [[(y.get(p.id) as number[])[g] as number, c]], constant: 0 });
      });
      range += top;
    }
    bumpRange('tiebreak', range);
  }

  if (input.previousColumn !== undefined && input.previousColumn.size > 0) {
    // Kept = min(count, previous members of the type in the column): keep ≤ x with ub = previous members.
    const prev = input.previousColumn;
    active.add('previous');
    let range = 0;
    types.forEach((t, ti) => {
      sizes.forEach((_, g) => {
        const had = t.ids.filter((id) => prev.get(id) === g).length;
        if (had === 0) return;
        const keep = addVar({ name: `keep_${ti}_${g}`, cost: 0, lb: 0, ub: had });
        constraints.push({ name: `keep_${ti}_${g}`, terms: [[keep, 1], [x[ti]?.[g] as number, -1]], hi: 0 });
        pieces.push({ level: 'previous', terms: [[keep, -1]], constant: had });
        range += had;
      });
    });
    for (const p of freeIndividuals) {
      const g = prev.get(p.id);
      const yv = g === undefined ? undefined : y.get(p.id)?.[g];
      if (yv === undefined) continue;
      pieces.push({ level: 'previous', terms: [[yv, -1]], constant: 1 });
      range += 1;
    }
    bumpRange('previous', range);
  }

  // Organisations and kept-apart pairs among the individually modelled.
  for (const o of input.orgSets) {
    sizes.forEach((_, g) => {
      const terms: Array<[number, number]> = [];
      let fixed = 0;
      for (const id of o.ids) {
        if (input.fixed.get(id) === g) fixed++;
        const yv = y.get(id)?.[g];
        if (yv !== undefined) terms.push([yv, 1]);
      }
      if (terms.length === 0) {
        if (fixed > o.cap) pieces.push({ level: 'org', terms: [], constant: fixed - o.cap });
        return;
      }
      const e = addVar({ name: `orgx_${o.org}_${g}`, cost: 0, lb: 0, integer: true });
      pieces.push({ level: 'org', terms: [[e, 1]], constant: 0 });
      constraints.push({ name: `org_${o.org}_${g}`, terms: [...terms, [e, -1]], hi: o.cap - fixed });
    });
    active.add('org');
    bumpRange('org', o.ids.length);
  }
  input.apartPairs.forEach(([a, b], i) => {
    sizes.forEach((_, g) => {
      const terms: Array<[number, number]> = [];
      let fixed = 0;
      for (const id of [a, b]) {
        if (input.fixed.get(id) === g) fixed++;
        const yv = y.get(id)?.[g];
        if (yv !== undefined) terms.push([yv, 1]);
      }
      if (terms.length > 0) constraints.push({ name: `apart_${i}_${g}`, terms, hi: 1 - fixed });
    });
  });

  // Lexicographic weights, lowest level first (in model units).
  let rangeList = LEVEL_ORDER.map((l) => (active.has(l) ? (ranges.get(l) ?? 0) : 0));
  let weights = lexWeights(rangeList);
  const dropped: CategoryLevel[] = [];
  for (const drop of ['tiebreak', 'fine'] as const) {
    if (Math.max(...weights) <= MAX_WEIGHT) break;
    // Take the lowest level out of the objective (bands still hold): exact weights would lose precision. The
    // canonical solve optimises it after the others (`laterLevels`).
    if (active.delete(drop)) dropped.unshift(drop);
    rangeList = rangeList.map((r, i) => (i === LEVEL_ORDER.indexOf(drop) ? 0 : r));
    weights = lexWeights(rangeList);
  }
  const weightOf = (l: CategoryLevel): number => weights[LEVEL_ORDER.indexOf(l)] as number;
  let offset = 0;
  const levelTerms = new Map<CategoryLevel, Map<number, number>>();
  for (const piece of pieces) {
    const acc = levelTerms.get(piece.level) ?? new Map<number, number>();
    levelTerms.set(piece.level, acc);
    for (const [v, a] of piece.terms) acc.set(v, (acc.get(v) ?? 0) + a);
    if (!active.has(piece.level)) continue;
    const w = weightOf(piece.level);
    offset += w * piece.constant;
    for (const [v, a] of piece.terms) (variables[v] as Variable).cost += w * a;
  }
  const levelOf = (l: CategoryLevel): ObjectiveLevel => ({
    terms: [...(levelTerms.get(l) ?? [])].filter(([, a]) => a !== 0).sort((a, b) => a[0] - b[0]),
    weight: active.has(l) ? weightOf(l) : 0,
    // Deviations of the free variants are |count − share| in persons: multiples of 1/N at their best.
    step: unitScale.get(l) === n ? 1 / n : 1,
  });
  const objectiveLevels = LEVEL_ORDER.filter((l) => active.has(l)).map(levelOf);
  const laterLevels = dropped.filter((l) => levelTerms.has(l)).map(levelOf);

  const levels: Level[] = LEVEL_ORDER.filter((l) => active.has(l)).map((l) => ({
    level: l,
    ...GROUP_LEVEL_TEXT[l],
    // Reported terms are in N-ths of a person for deviations; free variants model them in persons.
    weight: weightOf(l) / (unitScale.get(l) ?? 1),
  }));
  const allLevels = LEVEL_ORDER.filter((l) => levelTerms.has(l)).map((l) => ({ level: l, terms: levelOf(l).terms, step: levelOf(l).step }));
  return { model: { label: `groups-${variant}`, variables, constraints, offset }, types, x, y, levels, objectiveLevels, laterLevels, allLevels };
}

// ---------------------------------------------------------------------------------------------------------
// Evaluation of a placement by the same terms (also used to cross-check the solver's objective)

export type GroupTermValues = Record<CategoryLevel, number>;

/**
 * The objective terms of a complete placement (`columns[g]` = members): deviations in N-ths of a person
 * (integers), shortfalls and excess in persons. `orgCap(org)` is the allowed number per organisation and group
 * for the organisations the model constrains (others count 0).
 */
export function groupTerms(persons: readonly Person[], columns: ReadonlyArray<readonly Person[]>, relaxedSector: boolean, orgCap: (org: string) => number | null): GroupTermValues {
  const n = persons.length;
  const cats = categories(persons, relaxedSector);
  // The lottery and the previous-group levels depend on the model's types: the caller fills them in.
  const t: GroupTermValues = { tiebreak: 0, previous: 0, fine: 0, region: 0, gender: 0, gender_min: 0, sector: 0, org: 0 };
  for (const c of cats) {
    const nc = persons.filter((p) => c.match(p)).length;
    columns.forEach((members) => {
      const s = members.length;
      const count = members.filter((p) => c.match(p)).length;
      if (c.level === 'gender_min') t.gender_min += Math.max(0, groupGenderMinimum(s, nc) - count);
      else t[c.level] += Math.abs(n * count - s * nc);
    });
  }
  for (const members of columns) {
    const byOrg = new Map<string, number>();
    for (const p of members) byOrg.set(p.org, (byOrg.get(p.org) ?? 0) + 1);
    for (const [org, c] of byOrg) {
      const cap = orgCap(org);
      if (cap !== null) t.org += Math.max(0, c - cap);
    }
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------------
// Placement of individuals into the counts

export interface PlacementInput {
  persons: readonly Person[];
  /** Number of columns. */
  columns: number;
  /** Already placed: locked and individually modelled participants. */
  placed: ReadonlyMap<string, number>;
  /** Per aggregated type key: count per column. */
  counts: ReadonlyMap<string, readonly number[]>;
  /** Aggregated participants per type key, in the order they are to be placed (the seeded lottery). */
  queue: ReadonlyMap<string, readonly string[]>;
  /** Whether two participants must not share a column (same organisation, kept apart). */
  conflict: (a: Person, b: Person) => boolean;
  /** `allocate --previous`: each participant's previous column, taken first when it has a slot and no more conflicts. */
  preferred?: ReadonlyMap<string, number> | undefined;
}

export interface Placement {
  column: Map<string, number>;
  /** Conflicting pairs left in the same column (ids sorted within and across pairs). */
  clashes: Array<[string, string]>;
}

/**
 * Place the aggregated participants into their type's counts: each (in lottery order) into the first column
 * with a free slot of its type and the fewest conflicts; then swap participants of the same type between
 * columns while a swap lowers the number of conflicting pairs. Deterministic.
 */
export function placeIntoCounts(input: PlacementInput): Placement {
  const byId = new Map(input.persons.map((p) => [p.id, p]));
  const column = new Map(input.placed);
  const members: Person[][] = Array.from({ length: input.columns }, () => []);
  for (const [id, g] of column) members[g]?.push(byId.get(id) as Person);
  const conflictsWith = (p: Person, g: number, except?: Person): number =>
    (members[g] ?? []).reduce((a, q) => a + (q !== p && q !== except && input.conflict(p, q) ? 1 : 0), 0);

  const movable = new Set<string>();
  const typeKeys = [...input.queue.keys()].sort(compareCodeUnits);
  const preferred = input.preferred ?? new Map<string, number>();
  for (const key of typeKeys) {
    const left = [...(input.counts.get(key) ?? [])];
    // First everyone whose previous column still has a slot of their type and no conflict for them (in lottery
    // order), then the rest.
    const queue = input.queue.get(key) ?? [];
    const rest: string[] = [];
    for (const id of queue) {
      const g = preferred.get(id);
      const p = byId.get(id) as Person;
      if (g === undefined || (left[g] ?? 0) <= 0 || conflictsWith(p, g) > 0) {
        rest.push(id);
        continue;
      }
      left[g] = (left[g] ?? 0) - 1;
      column.set(id, g);
      members[g]?.push(p);
      movable.add(id);
    }
    for (const id of rest) {
      const p = byId.get(id) as Person;
      let best = -1;
      let bestC = Number.POSITIVE_INFINITY;
      for (let g = 0; g < input.columns; g++) {
        if ((left[g] ?? 0) <= 0) continue;
        // Conflicts first; among equals the previous column.
        const c = 2 * conflictsWith(p, g) + (preferred.get(id) === g ? 0 : 1);
        if (c < bestC) {
          best = g;
          bestC = c;
        }
      }
      if (best < 0) throw new Error(`placement: no slot of type ${key} left for ${id}`);
      left[best] = (left[best] ?? 0) - 1;
      column.set(id, best);
      members[best]?.push(p);
      movable.add(id);
    }
  }

  // Repair by same-type swaps (the counts, hence the objective, stay as solved).
  const typeOfId = (p: Person): string => typeOf(p).key;
  for (let pass = 0; pass < 50; pass++) {
    let improved = false;
    for (let g = 0; g < input.columns; g++) {
      for (const p of [...(members[g] ?? [])]) {
        if (!movable.has(p.id) || conflictsWith(p, g) === 0) continue;
        let done = false;
        for (let h = 0; h < input.columns && !done; h++) {
          if (h === g) continue;
          for (const q of [...(members[h] ?? [])]) {
            if (!movable.has(q.id) || typeOfId(q) !== typeOfId(p)) continue;
            const before = conflictsWith(p, g) + conflictsWith(q, h);
            const after = conflictsWith(p, h, q) + conflictsWith(q, g, p);
            if (after < before) {
              const mg = members[g] as Person[];
              const mh = members[h] as Person[];
              mg.splice(mg.indexOf(p), 1, q);
              mh.splice(mh.indexOf(q), 1, p);
              column.set(p.id, h);
              column.set(q.id, g);
              improved = true;
              done = true;
              break;
            }
          }
        }
      }
    }
    if (!improved) break;
  }

  const clashes: Array<[string, string]> = [];
  for (const m of members) {
    const sorted = [...m].sort((a, b) => compareCodeUnits(a.id, b.id));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i] as Person;
        const b = sorted[j] as Person;
        if (input.conflict(a, b)) clashes.push([a.id, b.id]);
      }
    }
  }
  clashes.sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]));
  return { column, clashes };
}
