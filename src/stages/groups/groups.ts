/**
 * Step 2 of `cohort allocate`: workshop groups ("basisgrupper").
 *
 * Rules, in order:
 * - hard: every participant in exactly one group; sizes within `workshopGroups.minSize..maxSize`; the number of
 *   groups from the config or the fewest that fit (40 → 5 groups of 8); locks (`inGroup`, `apart`);
 * - hard where the cohort allows it, else relaxed and reported: in every group the municipal and specialist
 *   counts differ by at most 1; no two participants from one organisation in a group;
 * - optimised in this order: each gender at least the Norwegian-table minimum for the group's size (else as
 *   even as possible); RHF/region spread (no group above the even share rounded up); an even spread of the
 *   finer categories; a seeded lottery among what is left equal.
 *
 * The model is the type-aggregated one of `groups-model.ts` (see there for why). The result is canonical:
 * participants are sorted by id before anything else, the lottery is keyed on ids, and groups are numbered by
 * their smallest member id (locked groups keep their numbers), so input row order never matters. Every model is
 * solved to its canonical optimum (`solver/canonical.ts`): the seeded tie-break costs can sum to equal totals, and
 * with an odd cohort the tie-break does not fit the objective's weights at all; among equal optima the choice is
 * then the lexicographically smallest vector of counts, so the groups never depend on which solver answered.
 *
 * The models are solved by the `Solve` function the caller hands in. The caller (`app/pipeline.ts`) re-checks
 * every result with the independent checker (`check/groups.ts`) before using it.
 */
import { compareCodeUnits } from '../../domain/compare.js';
import { InternalError } from '../../domain/errors.js';
import type { Solve, SolveResult, SolveStatus } from '../../solver/types.js';
import {
  lotteryOrder,
  normaliseGroupLocks,
  NOT_CANONICAL_NOTE,
  personsById,
  relativeGap,
  sortedIds,
  type EffectiveLocks,
  type ObjectiveTerm,
  type Person,
  type StageReport,
} from '../common.js';
import type { GroupLocks, Relaxation } from '../../domain/types.js';
import {
  buildGroupModel,
  groupTerms,
  GROUP_MODEL_VARIANTS,
  planSizes,
  placeIntoCounts,
  tieBreakCost,
  typeOf,
  type GroupModel,
  type GroupModelVariant,
  type OrgSet,
} from './model.js';
import { compositionModel } from './patterns.js';
import type { Programme } from '../../domain/programme.js';
import { groupCount, orgCapPerPart, sectorMixHolds, SECTOR_MIX_MAX_DIFFERENCE, workshopGroupRule } from '../../domain/rules.js';
import { groupQualityRows, type GroupQuality } from '../quality.js';
import type { Candidate } from '../../domain/types.js';
import { numberLikePrevious, type PreviousPlacement } from '../stable.js';

export type { StageReport, EffectiveLocks } from '../common.js';


/**
 * Group models beyond this many variables (200 seats and more; the bundled sample has 80) are solved by their
 * compositions (`patterns.ts`) where that applies, else to their canonical optimum with the relaxation first
 * (`solver/canonical.ts`, phase 0: its duals fix most variables for the uniqueness check).
 * Measured in-process, groups stage, Node 20, 2 cores: by compositions 0.11–0.22 s on four generated 200-seat
 * cohorts where the type-aggregated model took 0.41–1.6 s (0.8 s with the relaxation first where it had
 * taken 0.8 s without), and 0.33 s at 1,000 seats against 6.7 s; the same value of every level above the lottery.
 * Below it the type-aggregated model is solved on the calling thread in tens of milliseconds: its groups (and the
 * golden files) stay as they were.
 */
const LARGE_MODEL_VARIABLES = 200;
export interface FormGroupsOptions {
  /** Lottery seed for ties (recorded in the result). */
  seed: string;
  locks?: GroupLocks;
  /** Solves the stage's models (the caller chose the solvers and the deadline). */
  solve: Solve;
  /**
   * `allocate --previous`: the previous allocation's groups and teams. Among results equal by every rule and
   * quality term, the one keeping the most participants in their previous group is chosen (above the lottery),
   * and groups are numbered to keep the most members under their previous number. Default: none.
   */
  previous?: PreviousPlacement | undefined;
  /**
   * With `previous`: false leaves the keep-in-place level out of the model (the groups a run without --previous
   * forms), and only numbers the groups like the previous ones. Default true.
   */
  keepInPlace?: boolean | undefined;
}

/** A workshop group: its number (1..G) and members' ids in code-unit order. */
export interface WorkshopGroup {
  number: number;
  memberIds: string[];
}

export interface GroupsResult {
  seed: string;
  groups: WorkshopGroup[];
  /** Participant id → group number, keys in code-unit order. */
  groupOf: Record<string, number>;
  quality: GroupQuality[];
  /** Rules that could not hold and locks that could not be honoured, with the reasons. */
  relaxations: Relaxation[];
  report: StageReport;
  /** The locks as honoured by this stage (invalid ones dropped, see `relaxations`). */
  locks: EffectiveLocks;
}

interface Attempt {
  variant: GroupModelVariant;
  gm: GroupModel;
  solved: SolveResult;
  columns: Map<string, number>;
  clashes: Array<[string, string]>;
  orgSets: OrgSet[];
  individuals: Set<string>;
  /** Solved as the composition model (`patterns.ts`): its number of compositions and its lottery's value. */
  compositions?: { count: number; lottery: number };
}

/** Form the workshop groups (not yet checked: see the module comment). */
export async function computeGroups(participants: readonly Candidate[], programme: Programme, options: FormGroupsOptions): Promise<GroupsResult> {
  const persons = personsById(participants);
  for (let i = 1; i < persons.length; i++) {
    if ((persons[i] as Person).id === (persons[i - 1] as Person).id) {
      throw new InternalError('E_GROUPS_DUPLICATE_ID', `participant id ${(persons[i] as Person).id} appears twice`);
    }
  }
  const rule = workshopGroupRule(programme);
  const { minSize, maxSize } = rule;
  const n = persons.length;
  const k = persons.filter((p) => p.sector === 'kommune').length;
  const G = groupCount(n, rule);
  const { locks, relaxations } = normaliseGroupLocks(options.locks, persons, G);
  const byId = new Map(persons.map((p) => [p.id, p]));

  const fixed = new Map(locks.inGroup.map((l) => [l.id, l.group - 1]));
  // Previous group k is column k − 1 (as a lock to group k is): the model's previous level prefers it.
  const previousColumn = new Map<string, number>();
  for (const p of options.keepInPlace === false ? [] : persons) {
    const k = options.previous?.groupOf.get(p.id);
    if (k !== undefined && k >= 1 && k <= G && !fixed.has(p.id)) previousColumn.set(p.id, k - 1);
  }
  const lockedK = Array.from({ length: G }, () => 0);
  const lockedS = Array.from({ length: G }, () => 0);
  for (const [id, g] of fixed) {
    if ((byId.get(id) as Person).sector === 'kommune') lockedK[g] = (lockedK[g] ?? 0) + 1;
    else lockedS[g] = (lockedS[g] ?? 0) + 1;
  }
  const plan = planSizes(n, k, G, minSize, maxSize, lockedK, lockedS);
  if (!plan.sizesInRange) {
    relaxations.push({
      code: 'group_size',
      reason: `${n} participants cannot be split into ${G} group${G === 1 ? '' : 's'} of ${minSize}–${maxSize}${fixed.size > 0 ? ' with the locks given' : ''}: sizes ${plan.sizes.join(', ')}`,
      ids: [],
    });
  }
  if (!plan.sectorRuleHolds) relaxations.push(sectorRelaxation(n, k, G, plan.sizes, minSize, maxSize, fixed.size > 0));

  const apartSet = new Set(locks.apart.map(([a, b]) => `${a}\u0000${b}`));
  const conflict = (a: Person, b: Person): boolean => a.org === b.org || apartSet.has(compareCodeUnits(a.id, b.id) < 0 ? `${a.id}\u0000${b.id}` : `${b.id}\u0000${a.id}`);
  const orgMembers = new Map<string, string[]>();
  for (const p of persons) orgMembers.set(p.org, [...(orgMembers.get(p.org) ?? []), p.id]);
  const unavoidableOrgExcess = [...orgMembers.values()].reduce((a, ids) => a + Math.max(0, ids.length - Math.max(1, G)), 0);

  const allAttempts: SolveResult['attempts'] = [];
  const modelSizes: StageReport['modelSizes'] = [];
  let chosen: Attempt | null = null;
  let lastStatus: SolveStatus = 'error';
  let notCanonical = false;

  for (const variant of GROUP_MODEL_VARIANTS) {
    if (variant === 'free-soft-sector' && !plan.sectorRuleHolds) continue; // already soft
    const individuals = new Set<string>();
    let attempt: Attempt | null = null;
    // Round 0: everyone aggregated. Round 1: the colleagues (whole organisations) and kept-apart participants
    // that placement could not separate get their own variables. Round 2: every organisation with several
    // participants and every kept-apart participant, which makes the organisation term exact.
    for (let round = 0; round < 3; round++) {
      const orgSets = orgSetsFor(individuals, fixed, orgMembers, G);
      const gm = buildGroupModel({
        persons,
        sizes: plan.sizes,
        sectorRule: plan.sectorRuleHolds ? 'hard' : 'relaxed',
        variant,
        fixed,
        individuals,
        orgSets,
        apartPairs: locks.apart.filter(([a, b]) => (individuals.has(a) || fixed.has(a)) && (individuals.has(b) || fixed.has(b))),
        tieBreakSeed: options.seed,
        previousColumn,
      });
      modelSizes.push({ label: `${gm.model.label}${round > 0 ? `+individuals(${individuals.size})` : ''}`, variables: gm.model.variables.length, constraints: gm.model.constraints.length });
      // The tie-break costs can sum to equal totals (two groupings of equal cost): ask for the canonical optimum. A
      // larger model by its compositions, or with its relaxation first (see LARGE_MODEL_VARIABLES).
      const large = gm.model.variables.length > LARGE_MODEL_VARIABLES;
      const byCompositions = large ? await solveByCompositions(gm, options.seed, options.solve, allAttempts, modelSizes) : null;
      const solved = byCompositions?.solved ?? (await options.solve(gm.model, { jslpSuits: variant === 'bands' || variant === 'coarse', canonical: { levels: gm.objectiveLevels, then: gm.laterLevels, ...(large ? { relaxation: 'first' as const } : {}) } }));
      allAttempts.push(...solved.attempts);
      lastStatus = solved.status;
      if (solved.values !== null && solved.canonical === false) notCanonical = true;
      if (solved.values === null) break;
      const placed = readPlacement(gm, solved.values, fixed, persons, options.seed, conflict, G, previousColumn);
      attempt = { variant, gm, solved, columns: placed.column, clashes: placed.clashes, orgSets, individuals: new Set(individuals), ...(byCompositions !== null ? { compositions: byCompositions.compositions } : {}) };
      if (placed.clashes.length === 0) break;
      const before = individuals.size;
      const addAll = (ids: Iterable<string>): void => {
        for (const id of ids) if (!fixed.has(id)) individuals.add(id);
      };
      if (round === 0) {
        for (const [a, b] of placed.clashes) {
          const pa = byId.get(a) as Person;
          const pb = byId.get(b) as Person;
          addAll(pa.org === pb.org ? (orgMembers.get(pa.org) ?? []) : [a, b]);
        }
      } else {
        for (const ids of orgMembers.values()) if (ids.length > 1) addAll(ids);
        addAll(locks.apart.flat());
      }
      if (individuals.size === before) break;
    }
    if (attempt === null) continue;
    // Compare variants in the rules' order: the sector rule (where the plan says it can hold), then
    // kept-apart pairs and colleagues sharing a group.
    const rank = (a: Attempt): [number, number] => [plan.sectorRuleHolds ? sectorBreaks(a, byId, plan.sizes.length) : 0, orgExcessOf(a, byId)];
    const r = rank(attempt);
    if (chosen === null || r[0] < rank(chosen)[0] || (r[0] === rank(chosen)[0] && r[1] < rank(chosen)[1])) chosen = attempt;
    // An organisation clash the cohort could avoid may be forced by this variant's bands: try the next.
    if (r[0] === 0 && r[1] <= unavoidableOrgExcess) break;
  }

  let columns: Map<string, number>;
  let report: StageReport;
  if (chosen === null) {
    columns = greedyColumns(persons, plan.sizes, fixed, options.seed, conflict);
    report = {
      stage: 'groups',
      model: 'greedy fallback: no solver gave a usable answer',
      status: 'error',
      solverStatus: lastStatus,
      solver: null,
      objective: 0,
      bound: null,
      gap: null,
      terms: [],
      attempts: allAttempts,
      modelSizes,
    };
  } else {
    columns = chosen.columns;
    report = stageReport(chosen, persons, plan.sizes, plan.sectorRuleHolds, options.seed, fixed, allAttempts, modelSizes, byId, previousColumn);
    if (notCanonical) report.model += NOT_CANONICAL_NOTE;
  }

  // Canonical numbering: locked groups keep their number, the rest by smallest member id.
  const members: Person[][] = plan.sizes.map(() => []);
  for (const p of persons) members[columns.get(p.id) as number]?.push(p);
  const lockedCols = new Set(fixed.values());
  const free = members
    .map((m, g) => ({ g, first: m[0]?.id ?? '\uffff' }))
    .filter((c) => !lockedCols.has(c.g))
    .sort((a, b) => compareCodeUnits(a.first, b.first) || a.g - b.g);
  const freeNumbers = plan.sizes.map((_, g) => g + 1).filter((num) => !lockedCols.has(num - 1));
  const numberOf = new Map<number, number>();
  for (const g of lockedCols) numberOf.set(g, g + 1);
  free.forEach((c, i) => numberOf.set(c.g, freeNumbers[i] as number));
  if (options.previous !== undefined) {
    // With --previous: the numbers that keep the most members under their previous group number.
    const labels = numberLikePrevious(
      members.map((m) => m.map((p) => p.id)),
      options.previous.groupOf,
      new Map([...lockedCols].map((g) => [g, g + 1])),
    );
    labels.forEach((label, g) => numberOf.set(g, label));
  }

  const groups: WorkshopGroup[] = members
    .map((m, g) => ({ number: numberOf.get(g) as number, memberIds: m.map((p) => p.id) }))
    .sort((a, b) => a.number - b.number);
  // Null prototype: an id such as `__proto__` or `toString` is a key like any other.
  const groupOf = Object.create(null) as Record<string, number>;
  for (const p of persons) groupOf[p.id] = numberOf.get(columns.get(p.id) as number) as number;

  const quality = groupQualityRows(groups, (id) => byId.get(id) as Person);
  if (plan.sectorRuleHolds && quality.some((q) => !sectorMixHolds(q.kommune, q.spesialist))) {
    relaxations.push({ code: 'group_sector_mix', reason: `sector rule relaxed: the locks (keep apart, locked groups) cannot all hold with municipal and specialist counts within ${SECTOR_MIX_MAX_DIFFERENCE} of each other in every group`, ids: [] });
  }
  const clashPairs = quality.flatMap((q) => q.organisationClashes);
  if (clashPairs.length > 0) relaxations.push(orgRelaxation(clashPairs, orgMembers, byId, G));
  const apartLeft = groups.flatMap((grp) => locks.apart.filter(([a, b]) => grp.memberIds.includes(a) && grp.memberIds.includes(b)));
  for (const [a, b] of apartLeft) {
    relaxations.push({ code: 'lock_apart', reason: `${a} and ${b} could not be kept apart in the workshop groups together with the other locks`, ids: [a, b] });
  }
  return { seed: options.seed, groups, groupOf, quality, relaxations, report, locks };
}

/**
 * The model solved by its compositions (`patterns.ts`), where that applies and proves its canonical optimum; the
 * answer in the type-aggregated model's variables. Null otherwise: the caller solves the type-aggregated model. The
 * composition model's size goes to `modelSizes` when it is built, and the attempts of a solve that proved nothing to
 * `attempts` (those of one that did come with the answer).
 */
async function solveByCompositions(
  gm: GroupModel,
  seed: string,
  solve: FormGroupsOptions['solve'],
  attempts: SolveResult['attempts'],
  modelSizes: StageReport['modelSizes'],
): Promise<{ solved: SolveResult; compositions: { count: number; lottery: number } } | null> {
  const cm = compositionModel(gm, seed);
  if (cm === null) return null;
  modelSizes.push({ label: cm.model.label, variables: cm.model.variables.length, constraints: cm.model.constraints.length });
  const r = await solve(cm.model, { jslpSuits: cm.laterLevels.length === 0, canonical: { levels: cm.objectiveLevels, then: cm.laterLevels } });
  if (r.status !== 'optimal' || r.values === null || r.canonical !== true) {
    attempts.push(...r.attempts);
    return null;
  }
  const values = cm.expand(r.values);
  const lottery = cm.lottery(r.values);
  // The objective as the type-aggregated model weighs it, its lottery (when in the objective) the compositions' one.
  const tiebreak = gm.levels.some((l) => l.level === 'tiebreak') ? (gm.allLevels.find((l) => l.level === 'tiebreak')?.terms ?? []) : [];
  const objective =
    gm.model.variables.reduce((sum, v, j) => sum + v.cost * (values[j] as number), gm.model.offset ?? 0) -
    tiebreak.reduce((sum, [j, a]) => sum + a * (values[j] as number), 0) +
    (tiebreak.length > 0 ? lottery : 0);
  return { solved: { ...r, values, objective, bound: objective, gap: 0 }, compositions: { count: cm.compositions, lottery } };
}

function orgSetsFor(individuals: ReadonlySet<string>, fixed: ReadonlyMap<string, number>, orgMembers: ReadonlyMap<string, string[]>, G: number): OrgSet[] {
  const out: OrgSet[] = [];
  for (const [org, ids] of [...orgMembers.entries()].sort((a, b) => compareCodeUnits(a[0], b[0]))) {
    if (ids.length < 2) continue;
    const modelled = ids.filter((id) => individuals.has(id) || fixed.has(id));
    if (modelled.length < 2 || !ids.some((id) => individuals.has(id))) continue;
    out.push({ org, ids: modelled, cap: orgCapPerPart(ids.length, G) });
  }
  return out;
}

/** Groups whose municipal and specialist counts break the sector mix. */
function sectorBreaks(a: Attempt, byId: ReadonlyMap<string, Person>, G: number): number {
  const kommune = Array.from({ length: G }, () => 0);
  const spesialist = Array.from({ length: G }, () => 0);
  for (const [id, g] of a.columns) {
    const counts = (byId.get(id) as Person).sector === 'kommune' ? kommune : spesialist;
    counts[g] = (counts[g] ?? 0) + 1;
  }
  return kommune.filter((k, g) => !sectorMixHolds(k, spesialist[g] ?? 0)).length;
}

/** Participants beyond the first of their organisation in a group, plus kept-apart pairs sharing a group. */
function orgExcessOf(a: Attempt, byId: ReadonlyMap<string, Person>): number {
  const per = new Map<string, number>();
  for (const [id, g] of a.columns) {
    const key = `${(byId.get(id) as Person).org}\u0000${g}`;
    per.set(key, (per.get(key) ?? 0) + 1);
  }
  let excess = 0;
  for (const c of per.values()) excess += Math.max(0, c - 1);
  return excess + a.clashes.filter(([x, y]) => (byId.get(x) as Person).org !== (byId.get(y) as Person).org).length;
}

/** Counts and individual columns from the solver's values, then the placement into the counts. */
function readPlacement(
  gm: GroupModel,
  values: readonly number[],
  fixed: ReadonlyMap<string, number>,
  persons: readonly Person[],
  seed: string,
  conflict: (a: Person, b: Person) => boolean,
  G: number,
  preferred: ReadonlyMap<string, number>,
): { column: Map<string, number>; clashes: Array<[string, string]> } {
  const placed = new Map(fixed);
  for (const [id, vars] of gm.y) {
    const g = vars.findIndex((v) => Math.round(values[v] ?? 0) === 1);
    if (g < 0) throw new InternalError('E_GROUPS_MODEL', `individual ${id} has no group in the solver's answer`);
    placed.set(id, g);
  }
  const counts = new Map<string, number[]>();
  const queue = new Map<string, string[]>();
  gm.types.forEach((t, ti) => {
    counts.set(
      t.key,
      (gm.x[ti] as number[]).map((v) => Math.round(values[v] ?? 0)),
    );
    queue.set(t.key, lotteryOrder(seed, 'groups-placement', t.ids));
  });
  return placeIntoCounts({ persons, columns: G, placed, counts, queue, conflict, preferred });
}

function stageReport(
  a: Attempt,
  persons: readonly Person[],
  sizes: readonly number[],
  sectorRuleHolds: boolean,
  seed: string,
  fixed: ReadonlyMap<string, number>,
  attempts: StageReport['attempts'],
  modelSizes: StageReport['modelSizes'],
  byId: ReadonlyMap<string, Person>,
  previousColumn: ReadonlyMap<string, number>,
): StageReport {
  const members: Person[][] = sizes.map(() => []);
  for (const p of persons) members[a.columns.get(p.id) as number]?.push(p);
  const relaxedSector = !sectorRuleHolds || a.variant === 'free-soft-sector';
  const caps = new Map(a.orgSets.map((o) => [o.org, o.cap]));
  const values = groupTerms(persons, members, relaxedSector, (org) => caps.get(org) ?? null);
  // Lottery tie-break as the model priced it: per composition (the composition model), else per type for the
  // aggregated and per id for individuals.
  let tiebreak = 0;
  for (const [id, g] of a.compositions === undefined ? a.columns : []) {
    if (fixed.has(id)) continue;
    const p = byId.get(id) as Person;
    tiebreak += tieBreakCost(seed, a.individuals.has(id) ? `id:${id}` : typeOf(p).key, g);
  }
  values.tiebreak = a.compositions?.lottery ?? tiebreak;
  // Moved from the previous group as the model priced it: per (type, column) for the aggregated (min of the count
  // and the previous members), per id for individuals.
  const had = new Map<string, number>();
  const now = new Map<string, number>();
  let moved = 0;
  for (const [id, g] of a.columns) {
    const prev = previousColumn.get(id);
    if (fixed.has(id)) continue;
    if (a.individuals.has(id)) {
      if (prev !== undefined && prev !== g) moved++;
      continue;
    }
    const key = typeOf(byId.get(id) as Person).key;
    now.set(`${key}\u0000${g}`, (now.get(`${key}\u0000${g}`) ?? 0) + 1);
    if (prev !== undefined) had.set(`${key}\u0000${prev}`, (had.get(`${key}\u0000${prev}`) ?? 0) + 1);
  }
  for (const [k, h] of had) moved += h - Math.min(h, now.get(k) ?? 0);
  values.previous = moved;
  const terms: ObjectiveTerm[] = [...a.gm.levels].reverse().map((l) => ({ name: l.name, description: l.description, value: values[l.level], weight: l.weight }));
  const objective = terms.reduce((s, t) => s + t.value * t.weight, 0);
  const solved = a.solved;
  const matches = solved.objective !== null && Math.abs(objective - solved.objective) <= 1e-6 * Math.max(1, Math.abs(objective));
  // Clashes the model priced (organisations it modelled individually) are part of the proven optimum; any other
  // clash (placement could not repair it) is not.
  const modelled = new Set(a.orgSets.map((o) => o.org));
  const unpriced = a.clashes.filter(([x, y]) => {
    const px = byId.get(x) as Person;
    const py = byId.get(y) as Person;
    return px.org !== py.org || !modelled.has(px.org);
  });
  const proven = solved.status === 'optimal' && matches && unpriced.length === 0;
  const bound = proven ? objective : solved.bound !== null && matches ? solved.bound : null;
  const note = a.gm.laterLevels.length > 0 ? `; ${a.gm.laterLevels.length === 1 ? 'lowest level' : 'lowest levels'} optimised after the others (weights too large for one objective)` : '';
  return {
    stage: 'groups',
    model: `type-aggregated (${a.variant}${a.individuals.size > 0 ? `, ${a.individuals.size} participants modelled individually` : ''}${a.compositions !== undefined ? `, solved as the number of groups of each of ${a.compositions.count} compositions` : ''})${note}`,
    status: proven ? 'optimal' : 'feasible',
    solverStatus: solved.status,
    solver: solved.solver,
    objective,
    bound,
    gap: proven ? 0 : relativeGap(objective, bound),
    terms,
    attempts,
    modelSizes,
  };
}

function sectorRelaxation(n: number, k: number, G: number, sizes: readonly number[], minSize: number, maxSize: number, locked: boolean): Relaxation {
  const s = n - k;
  const odd = sizes.filter((x) => x % 2 === 1).length;
  const alternatives: number[] = [];
  for (let g = Math.max(1, Math.ceil(n / maxSize)); g <= Math.floor(n / minSize); g++) {
    if (g === G) continue;
    if (planSizes(n, k, g, minSize, maxSize, [], []).sectorRuleHolds) alternatives.push(g);
  }
  // Without locks (and a sector mix of at most 1), only an odd-sized group can hold one more of a sector than the other.
  const why = locked
    ? `with the locks given, no split keeps municipal and specialist counts within ${SECTOR_MIX_MAX_DIFFERENCE} of each other in every group`
    : `with ${k} municipal and ${s} specialist participants, ${G} groups of ${sizes.join('/')} allow a difference of at most 1 in ${odd === 0 ? 'no group with a difference' : `${odd} odd-sized group${odd === 1 ? '' : 's'}`}, and the cohort needs a difference of ${Math.abs(k - s)} in total`;
  const hint = alternatives.length > 0 ? ` (with ${alternatives.slice(0, 3).join(' or ')} groups it could hold)` : '';
  return { code: 'group_sector_mix', reason: `sector rule relaxed: ${why}; each group holds its even share of each sector instead${hint}`, ids: [] };
}

function orgRelaxation(pairs: ReadonlyArray<[string, string]>, orgMembers: ReadonlyMap<string, string[]>, byId: ReadonlyMap<string, Person>, G: number): Relaxation {
  const orgs = new Set(pairs.map(([a]) => (byId.get(a) as Person).org));
  const big = [...orgs].filter((o) => (orgMembers.get(o)?.length ?? 0) > G);
  const ids = sortedIds(new Set(pairs.flat()));
  const reason =
    big.length === orgs.size
      ? `${orgs.size === 1 ? 'an organisation has' : `${orgs.size} organisations have`} more participants than there are groups (${G}): colleagues share a group, spread as evenly as possible`
      : 'colleagues from one organisation share a group: no split that keeps them apart also keeps the sector rule and the locks';
  return { code: 'group_org_clash', reason, ids };
}

/** Last resort when no solver answered: sector by sector, participants dealt to the emptiest group. */
function greedyColumns(persons: readonly Person[], sizes: readonly number[], fixed: ReadonlyMap<string, number>, seed: string, conflict: (a: Person, b: Person) => boolean): Map<string, number> {
  const byId = new Map(persons.map((p) => [p.id, p]));
  const col = new Map(fixed);
  const members: Person[][] = sizes.map(() => []);
  for (const [id, g] of fixed) members[g]?.push(byId.get(id) as Person);
  const n = persons.length;
  const k = persons.filter((p) => p.sector === 'kommune').length;
  for (const sector of ['kommune', 'spesialist'] as const) {
    const total = sector === 'kommune' ? k : n - k;
    const target = sizes.map((s) => Math.floor((total * s) / Math.max(1, n)));
    let left = total - target.reduce((a, b) => a + b, 0);
    for (let g = 0; left > 0 && g < sizes.length; g++, left--) target[g] = (target[g] ?? 0) + 1;
    const order = lotteryOrder(seed, 'groups-greedy', persons.filter((p) => p.sector === sector && !fixed.has(p.id)).map((p) => p.id)).sort((a, b) => compareCodeUnits(typeOf(byId.get(a) as Person).key, typeOf(byId.get(b) as Person).key));
    for (const id of order) {
      const p = byId.get(id) as Person;
      let best = -1;
      let bestKey: [number, number] = [Infinity, Infinity];
      sizes.forEach((s, g) => {
        const inSector = (members[g] ?? []).filter((q) => q.sector === sector).length;
        if ((members[g]?.length ?? 0) >= s) return;
        const key: [number, number] = [(members[g] ?? []).filter((q) => conflict(p, q)).length, inSector - (target[g] ?? 0)];
        if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
          best = g;
          bestKey = key;
        }
      });
      col.set(id, best);
      members[best]?.push(p);
    }
  }
  return col;
}
