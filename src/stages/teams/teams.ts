/**
 * Step 3 of `cohort allocate`: project teams.
 *
 * Rules, in order:
 * - hard: every participant in exactly one team of `projectTeams.kommune` municipal + `projectTeams.spesialist`
 *   specialist members (2 + 2: 10 teams for 20/20). When the cohort's sectors do not allow that (a shortfall),
 *   the fewest teams one member smaller with both sectors (2 + 1 or 1 + 2), reported; other shapes only when even
 *   that cannot cover the cohort, reported. No two members from one organisation. Locks: kept-apart pairs never
 *   in one team, kept-together pairs in one team.
 * - optimised in this order: catchment match (region-matched, and every municipal member's municipality lies in
 *   the catchment area, `data/opptaksomrader.csv`, of one of the team's specialist members' trusts; `catchmentMatch`
 *   in domain/rules.ts), region match (every member belongs to one RHF: the municipalities' counties lie in the
 *   area of the specialist members' RHF), members from different workshop groups (pairs sharing a group), both
 *   genders in each team.
 *
 * Where the cohort is small enough, the column model of `columns.ts` (one variable per possible team) comes first:
 * its relaxation at the catchment bound usually proves the best set of teams outright (`columnsFirst`). Where it
 * cannot be built (a large cohort, kept-together wishes), the catchment construction of `catchment.ts` comes first: teams on the templates
 * of its integer program's canonical optimum (the most catchment-matched teams, then RHF-matched), improved by swaps;
 * on generated 200-seat cohorts they usually meet every bound below, so they are proven. Otherwise
 * the model is the pattern model of `model.ts`: its optimum is a lower bound on (region, gender) for every valid
 * set of teams. Catchment match is not in the patterns (refining them by trust multiplies the model and its
 * canonical solve); the fill, the swaps and the exact assignment raise it within the optimum's region classes, and
 * `catchment.ts` bounds it from above with a small integer program; then the column model, where it can be built,
 * proves or improves the teams (its optimum, its relaxation's bound, or its integer search within a budget). A
 * result is labelled `optimal` only when its full objective equals the bounds together (the most catchment matches
 * possible, no shared workshop groups, no clash) or the column model proves it, else the gap is reported.
 * `TeamsResult.match` reports both match counts against their bounds.
 *
 * Every model is solved to its canonical optimum (`solver/canonical.ts`), so the teams never depend on which
 * solver answered. The models are solved by the `Solve` function the caller hands in. The caller (`app/pipeline.ts`) re-checks the
 * groups and teams together with the independent checker (`check/groups.ts`) before using them.
 */
import { compareCodeUnits } from '../../domain/compare.js';
import { InternalError } from '../../domain/errors.js';
import type { LinearModel, ModelHints, ObjectiveLevel, Solve, SolveResult } from '../../solver/types.js';
import type { GroupsResult } from '../groups/groups.js';
import {
  lexWeights,
  normaliseTeamLocks,
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
  addScores,
  buildAssignmentModel,
  buildTeamModel,
  fillTeams,
  improveTeams,
  regroupTeams,
  modelCounts,
  planShapes,
  scoreTeam,
  teamSpecs,
  type Cluster,
  type ShapePlan,
  type Team,
  type AssignmentModel,
  type TeamContext,
  type TeamModel,
  type TeamScore,
  type TeamSpec,
} from './model.js';
import type { Programme } from '../../domain/programme.js';
import { teamRule, type TeamRule } from '../../domain/rules.js';
import { teamQualityRows, type TeamQuality } from '../quality.js';
import type { Candidate, Sector } from '../../domain/types.js';
import { numberLikePrevious, type PreviousPlacement } from '../stable.js';
import { keepPreviousTeams } from './keep.js';
import { buildCatchmentBound, buildCatchmentTeams, catchmentTeams, provenByConstruction, templateSeats, type CatchmentTeamsModel, type GenderSplit, type TemplateSeat } from './catchment.js';
import { buildColumnModel, columnCount, columnModelOf, provenByBound, type ColumnModel } from './columns.js';
import { partitionBound } from './partition.js';

/** Every team model asks for the canonical optimum, so the teams never depend on which solver answered. */
/**
 * Teams beyond which the exact assignment within region classes runs only to settle clashes: measured on two
 * 200-seat cohorts (50 teams, the golden programme-200 and a generated one), its model of 6,998 x 6,538 took
 * HiGHS 3.4-4.3 s and improved nothing the search had not found (the same objective, term by term).
 */
const ASSIGNMENT_MAX_TEAMS = 20;

/**
 * Each solve of the column model's integer search when the teams already reach the catchment target and its
 * relaxation proved nothing (optional work: the teams stay as the search made them without it), in milliseconds.
 */
const PROOF_BUDGET_MS = 10_000;

/**
 * `allocate --previous`: the assignment that keeps the previous teams is solved up to this many variables. Measured:
 * 255 at 40 seats (the sample); 6,582 on a 200-seat cohort, where HiGHS and then YALPS each ran out of the 20 s
 * deadline (80 s and 2 GB for the run). A size, not a time limit, so the teams never depend on the machine's speed;
 * beyond it the teams stay as a run without --previous forms them, numbered like the previous ones.
 */
const KEEP_PREVIOUS_MAX_VARIABLES = 2_000;

/**
 * Most teams in the column model over the teams that can reach the relaxation's bound over every possible team (a
 * size, never a time). Measured on generated 40-seat cohorts: 874 teams, 81 ms for HiGHS's search.
 */
const REACHED_MAX_COLUMNS = 5_000;

/** Rounding allowed in a bound computed in floating point from integral costs (`partition.ts`). */
const BOUND_TOLERANCE = 1e-6;

/** For `provenByConstruction` without the pattern model's bound: it then needs a gender mix in every team. */
const NO_PATTERN = { unmatched: -1, missingGender: -1 };

/** Catchment bounds beyond this many variables skip the small-model first try (see its solve). */
const BOUND_IN_THREAD_MAX = 100;

/** The catchment models (the bound, the construction) beyond BOUND_IN_THREAD_MAX variables go to HiGHS at once. */
function boundHints(model: LinearModel): ModelHints {
  return model.variables.length > BOUND_IN_THREAD_MAX ? { jslpSuits: false } : {};
}

function canonical(levels: readonly ObjectiveLevel[]): ModelHints {
  return { canonical: { levels } };
}

/**
 * The pattern model's canonical optimum, its relaxation first (`solver/canonical.ts`, phase 0): rarely a proof by
 * itself, but the relaxation's duals then fix most pattern counts for the uniqueness check. Measured on a generated
 * 2,000-candidate / 200-seat cohort (2,414 patterns): the teams stage 1.20-1.21 s -> 0.77-0.80 s in-process, the
 * same teams.
 */
function canonicalFirst(levels: readonly ObjectiveLevel[]): ModelHints {
  return { canonical: { levels, relaxation: 'first' } };
}

export interface FormTeamsOptions {
  /** Lottery seed for ties (recorded in the result). */
  seed: string;
  /** The same locks as given to `computeGroups` (`apart`, `togetherInTeam` apply here). */
  locks?: GroupLocks;
  /** Solves the stage's models (the caller chose the solvers and the deadline). */
  solve: Solve;
  /**
   * `allocate --previous`: among teams equal in every respect, bring previous members back under their previous
   * team number, and number the teams to keep the most members under it. Default: none.
   */
  previous?: PreviousPlacement | undefined;
}

export interface ProjectTeam {
  number: number;
  /** Members' ids in code-unit order. */
  memberIds: string[];
}

/**
 * Catchment-matched and RHF-matched teams (`catchmentMatch`, `regionMatch` in domain/rules.ts; every
 * catchment-matched team is RHF-matched too), each with the most the cohort allows (`best`), null when no solver
 * gave it.
 */
export interface TeamMatch {
  catchmentMatched: { count: number; best: number | null };
  regionMatched: { count: number; best: number | null };
}

export interface TeamsResult {
  seed: string;
  teams: ProjectTeam[];
  /** Participant id → team number, keys in code-unit order. */
  teamOf: Record<string, number>;
  quality: TeamQuality[];
  /** Catchment- and RHF-matched teams against the most possible. */
  match: TeamMatch;
  relaxations: Relaxation[];
  report: StageReport;
  /** The team locks as honoured (invalid ones dropped, see `relaxations`). */
  locks: EffectiveLocks;
}

/**
 * Have the solver worker the teams stage will want first started now (`Solve.prepare`): the column model's, or where
 * there is none, the catchment bound's. A caller that knows the participants before it forms the workshop groups
 * calls this first, so the worker is ready by the time the teams are formed. Changes no answer.
 */
export function prepareTeams(participants: readonly Candidate[], programme: Programme, solve: Solve): void {
  const persons = personsById(participants);
  const K = persons.filter((p) => p.sector === 'kommune').length;
  const plan = planShapes(K, persons.length - K, teamRule(programme));
  const columns = columnCount(persons, plan);
  if (columns !== null) {
    prepareColumns(columns, persons.length, solve);
    return;
  }
  const bound = buildCatchmentBound(persons, plan);
  if (bound !== null) solve.prepare?.({ variables: bound.model.variables.length, constraints: bound.model.constraints.length }, boundHints(bound.model));
}

function prepareColumns(columns: number, persons: number, solve: Solve): void {
  // Its first solve is the relaxation (`columnsFirst`).
  solve.prepare?.({ variables: columns, constraints: persons + 2, integer: false }, { jslpSuits: false });
}

/** Form the project teams for participants already in workshop groups (not yet checked: see the module comment). */
export async function computeTeams(participants: readonly Candidate[], groupsResult: GroupsResult, programme: Programme, handed: FormTeamsOptions): Promise<TeamsResult> {
  // Whether a solve ended without its answer for the time limit (a result left unsettled after an attempt ran out of
  // time, not a first try that a later solver made good): which teams a run ends with then depends on the machine's
  // speed.
  let cut = false;
  const solve: Solve = Object.assign(
    async (model: LinearModel, hints?: ModelHints): Promise<SolveResult> => {
      const r = await handed.solve(model, hints);
      const settled = r.status === 'optimal' || r.status === 'infeasible' || r.status === 'unbounded';
      if (r.status === 'timed_out' || (!settled && r.attempts.some((a) => a.status === 'timed_out')) || (r.values !== null && r.canonical === false)) cut = true;
      return r;
    },
    handed.solve.prepare === undefined ? {} : { prepare: handed.solve.prepare },
  );
  const options: FormTeamsOptions = { ...handed, solve };
  const persons = personsById(participants);
  for (let i = 1; i < persons.length; i++) {
    if ((persons[i] as Person).id === (persons[i - 1] as Person).id) throw new InternalError('E_TEAMS_DUPLICATE_ID', `participant id ${(persons[i] as Person).id} appears twice`);
  }
  const byId = new Map(persons.map((p) => [p.id, p]));
  const shape = teamRule(programme);
  const { locks, relaxations } = normaliseTeamLocks(options.locks, persons, shape);
  const K = persons.filter((p) => p.sector === 'kommune').length;
  const S = persons.length - K;
  const plan = planShapes(K, S, shape);
  if (plan.worstTier > 0) relaxations.push(compositionRelaxation(K, S, shape, plan));

  const apartSet = new Set(locks.apart.map(([a, b]) => `${a}\u0000${b}`));
  const isApart = (a: Person, b: Person): boolean => apartSet.size > 0 && apartSet.has(compareCodeUnits(a.id, b.id) < 0 ? `${a.id}\u0000${b.id}` : `${b.id}\u0000${a.id}`);
  const ctx: TeamContext = {
    byId,
    groupOf: (id) => groupsResult.groupOf[id],
    conflict: (a, b) => a.org === b.org || isApart(a, b),
    apart: (a, b) => isApart(a, b),
  };

  const clusters = clustersOf(locks.togetherInTeam, byId);
  // The column model further down may need a solver worker: have it started (when the caller has not already).
  const columns = clusters.length === 0 ? columnCount(persons, plan) : null;
  if (columns !== null) prepareColumns(columns, persons.length, options.solve);
  const attempts: SolveResult['attempts'] = [];
  let notCanonical = false;
  const modelSizes: StageReport['modelSizes'] = [];
  /**
   * Solve the split-pattern model; when it is infeasible because an organisation has more members than there are
   * parts of its sector, model colleagues like anyone else (the fill then spreads them; clashes are reported).
   */
  const solveModel = async (cl: readonly Cluster[], label: string, valueOnly = false): Promise<{ tm: TeamModel; solved: SolveResult }> => {
    let tm = buildTeamModel(persons, plan, cl, options.seed);
    modelSizes.push({ label: `${tm.model.label}${label}${valueOnly ? ' (value only)' : ''}`, variables: tm.model.variables.length, constraints: tm.model.constraints.length });
    let solved = await options.solve(tm.model, valueOnly ? {} : canonicalFirst(tm.levels));
    attempts.push(...solved.attempts);
    if (solved.values !== null && solved.canonical === false) notCanonical = true;
    if (solved.status === 'infeasible') {
      const loose = buildTeamModel(persons, plan, cl, options.seed, false);
      modelSizes.push({ label: `${loose.model.label}${label} (colleagues not separated)${valueOnly ? ' (value only)' : ''}`, variables: loose.model.variables.length, constraints: loose.model.constraints.length });
      const r = await options.solve(loose.model, valueOnly ? {} : canonicalFirst(loose.levels));
      attempts.push(...r.attempts);
      if (r.values !== null && r.canonical === false) notCanonical = true;
      if (r.status !== 'infeasible') {
        tm = loose;
        solved = r;
      }
    }
    return { tm, solved };
  };
  const T = plan.counts.reduce((a, c) => a + c.teams, 0);
  // The report's weights: pairs within the teams of the plan's shapes.
  const maxPairs = plan.counts.reduce((a, c) => a + (c.teams * (c.shape[0] + c.shape[1]) * (c.shape[0] + c.shape[1] - 1)) / 2, 0);
  const [wGender, wPairs, wRegion, wCatchment, wConflict, wApart] = lexWeights([T, maxPairs, T, T, maxPairs, maxPairs]) as [number, number, number, number, number, number];
  /** The report's terms, highest level first: each a count of `TeamScore` and its weight (the bound over every team weighs teams by them too). */
  const levels: ReadonlyArray<{ name: string; description: string; of: keyof TeamScore; weight: number }> = [
    { name: 'kept_apart_pairs', description: 'pairs to be kept apart that share a team (a lock: 0 unless impossible)', of: 'apart', weight: wApart },
    { name: 'organisation_clashes', description: 'pairs in one team from the same organisation (hard: 0 where the cohort allows)', of: 'conflicts', weight: wConflict },
    {
      name: 'teams_not_catchment_matched',
      description: "teams not region-matched, or with a municipal member whose municipality lies outside every specialist member's trust's catchment area",
      of: 'notCatchment',
      weight: wCatchment,
    },
    { name: 'teams_not_region_matched', description: 'teams whose members do not all belong to one RHF', of: 'unmatched', weight: wRegion },
    { name: 'same_group_pairs', description: 'pairs of team members from the same workshop group', of: 'sameGroupPairs', weight: wPairs },
    { name: 'teams_missing_a_gender', description: 'teams without both a woman and a man', of: 'missingGender', weight: wGender },
  ];
  const weighted = (x: TeamScore): number => levels.reduce((a, l) => a + x[l.of] * l.weight, 0);
  /** Whether `overEveryTeam` ran, whether it replaced the teams, and the bound it raised where it proved nothing. */
  let partitionTried = false;
  let replaced = false;
  let partitionFloor: number | null = null;
  /**
   * The linear relaxation over every possible team (`partition.ts`), workshop-group term included, for teams (member
   * ids) without colleagues or kept-apart pairs costing `objective` in the report's weights: where it leaves less than
   * one unit of the lowest level below `objective`, no set of teams is better. Otherwise every set of teams that
   * costs at most a target is made of the few possible teams `within` lists, so the column model over them has, where
   * its optimum costs no more than the target, the best of all sets of teams as its canonical optimum (its lottery is
   * each team's own, whichever teams are columns); where it costs more, or is infeasible, no set of teams costs that
   * little. Targets: the relaxation's bound (usually reached: few teams), then one unit below `objective` (every
   * better set). Only where no solve was cut short by the time limit: the teams are then those of any run with more
   * time, and proving them changes no answer a faster machine would give. Teams are not replaced with kept-together
   * wishes, which the columns do not hold; with --previous the columns weigh the previous team-mates kept.
   */
  const overEveryTeam = async (current: ReadonlyArray<readonly string[]>, objective: number): Promise<{ proven: boolean; replacement: Team[] | null; note: string }> => {
    partitionTried = true;
    const none = { proven: false, replacement: null, note: '' };
    const pb = await partitionBound(persons, plan, ctx, weighted, current, objective - 1 + BOUND_TOLERANCE, options.solve, undefined, { catchment: catchmentBest, region: patternCounts === null ? null : T - patternCounts.unmatched });
    if (pb === null) return none;
    modelSizes.push({ label: `teams-partition-bound (value only; ${pb.columns} possible teams priced, ${pb.rounds} round${pb.rounds === 1 ? '' : 's'})`, variables: pb.variables, constraints: pb.constraints });
    attempts.push(...pb.attempts);
    // −Infinity when no solve gave row prices: no bound.
    let floor = Math.ceil(pb.bound - BOUND_TOLERANCE);
    if (floor >= objective) return { proven: true, replacement: null, note: '; proven as good as any set of teams by the linear relaxation over every possible team' };
    if (!Number.isFinite(floor)) return none;
    // The second target: one unit below `objective` (every better set), or where the teams that can be in such a set
    // are more than REACHED_MAX_COLUMNS, the highest target whose teams are not (they grow with the target): every set
    // costing at most it is among them, so its optimum there is the best of all sets where it costs no more, and where
    // there is none, the floor rises above it. Measured on the bench's slowest 150 / 40 seed: the teams of the sets one
    // unit under the fill's objective were more than 26,000 (of 34,968), those of the sets at most 10 units above the
    // bound 4,144, among which the best set (1.2 s, where the column model's integer search took 4.7 s). Such a target
    // is at most one unit of the shared-groups level above the floor (the sets there differ from it in teams of one
    // gender and the lottery): further up the sets are many and the search for the lottery's best among them long
    // (measured on reruns of the bundled sample: 4,460-4,863 teams at 334-337 above the floor, 1.7-7.2 s each, where
    // the stage's other models settle the teams in well under a second).
    const fits = (target: number): boolean => pb.within(target - pb.bound, REACHED_MAX_COLUMNS) !== null;
    const highest = Math.min(objective - 1, floor + wPairs - 1);
    let top: number | null = highest;
    if (!fits(top)) {
      let [lo, hi] = [floor, highest];
      if (fits(lo)) {
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (fits(mid)) lo = mid;
          else hi = mid;
        }
        top = lo;
      } else top = null;
    }
    const targets = clusters.length === 0 ? [...new Set([floor, ...(top === null ? [] : [top])])] : [];
    for (const target of targets) {
      const reached = pb.within(target - pb.bound, REACHED_MAX_COLUMNS);
      if (reached === null) break;
      // Null where those teams leave someone out: then no set of teams costs this little.
      // With --previous, keeping team-mates together is the level below the rules (as in the column model): an unchanged
      // rerun keeps the previous teams where they are among the best.
      const built = columnModelOf(persons, plan, reached, null, null, ctx.groupOf, options.seed, options.previous?.teamOf);
      if (built !== null) {
        // Only sets costing at most the target: the search is then for the lottery's best among them (measured on a
        // generated 40-seat cohort, 1,091 teams: 1.1 s against 11.6 s without the row).
        const cm = { ...built, model: { ...built.model, constraints: [...built.model.constraints, { name: 'at_most_target', terms: reached.map((t, v): [number, number] => [v, t.cost]), hi: target }] } };
        modelSizes.push({ label: `${cm.model.label} (the teams of every set of teams costing at most ${target})`, variables: cm.model.variables.length, constraints: cm.model.constraints.length });
        const r = await options.solve(cm.model, { canonical: { levels: cm.levels, relaxation: 'first' }, jslpSuits: false, budgetMs: PROOF_BUDGET_MS });
        attempts.push(...r.attempts);
        const chosen = r.status === 'optimal' && r.values !== null && r.canonical === true ? chosenTeams(cm.columns, r.values) : null;
        if (chosen !== null && weighted(totalScore(chosen, ctx)) <= target) {
          return { proven: true, replacement: chosen, note: '; replaced by the best set of teams over every possible team (the column model over the teams that can be in a set as good)' };
        }
        if (r.status !== 'infeasible' && chosen === null) break;
      }
      // No set of teams costs this little.
      if (target >= objective - 1) return { proven: true, replacement: null, note: '; proven as good as any set of teams by the column model over the teams that can be in a better set' };
      floor = target + 1;
    }
    partitionFloor = floor;
    return none;
  };
  // The most catchment-matched teams (a bound; see catchment.ts): 0 when no team can be, the team count when the
  // bound's model is too large or unsolved.
  const catchmentModel = buildCatchmentBound(persons, plan);
  let catchmentBest: number | null = 0;
  if (catchmentModel !== null) {
    modelSizes.push({ label: catchmentModel.model.label, variables: catchmentModel.model.variables.length, constraints: catchmentModel.model.constraints.length });
    // Only the optimum's value is used, which every solver proves alike: no canonical solution needed. A bound of
    // more than BOUND_IN_THREAD_MAX variables goes to HiGHS at once (measured: 27 variables at 40 seats, 5 ms on the
    // calling thread; 187 at 200 seats, where the calling thread's first try ran out of its second, HiGHS 42 ms).
    const r = await options.solve(catchmentModel.model, boundHints(catchmentModel.model));
    attempts.push(...r.attempts);
    catchmentBest = r.status === 'optimal' && r.objective !== null ? Math.round(-r.objective) : r.bound !== null ? Math.min(catchmentModel.teams, Math.floor(-r.bound + 1e-9)) : null;
  }
  // First, where the cohort is small enough for the column model (see `columnsFirst`): its relaxation may prove the
  // best set of teams outright, before any teams are formed. (Solving the pattern model's canonical optimum, which
  // the fill needs when it proves nothing, while a worker solves the relaxation made the bundled sample's teams
  // stage slower, 426–481 ms against 353–395 ms in 5 runs each at load 2 on 2 cores: the two compete with the
  // worker's compiling.)
  const firstPattern: { value?: { tm: TeamModel; solved: SolveResult } } = {};
  const early = clusters.length === 0 && columns !== null && catchmentBest !== null ? await columnsFirst(persons, plan, T, catchmentBest, ctx, options, attempts, modelSizes, firstPattern) : null;
  /**
   * Where no column model can be built (a large cohort, or kept-together wishes, which the column model does not
   * hold): teams on the catchment templates first (`catchment.ts`), which have the most catchment matches the bound
   * allows in the usual case, with each kept-together group brought into one team. When the construction's optimum
   * proves them with a gender mix in every team (`provenByConstruction`), the pattern model is not solved at all
   * (measured at 20,000 / 1,000: its value alone took 25 s of a 39 s run); otherwise its value bounds them, and when
   * they meet every bound the split patterns' fill and swaps are not needed.
   */
  const constructFirst = early === null && catchmentBest !== null && catchmentBest > 0;
  const blind = constructFirst ? await constructTeams(persons, plan, clusters, ctx, options, attempts, modelSizes) : null;
  // Teams of one gender left where the templates have the most matches and nothing else is amiss: the same templates,
  // their seats split between women and men for the fewest teams of one gender (`buildCatchmentTeams` with genders),
  // taken when their teams are better. Measured on 37 generated 200-seat cohorts: it ran on 5 and proved 1 (0.15-0.24 s
  // more each); choosing the templates with their genders (not only splitting their seats) proved one more of three
  // tried, but took 6-9 s.
  const gendered =
    blind !== null && blind.score.missingGender > 0 && provenByConstruction({ ...blind.score, missingGender: 0 }, blind.most, T, NO_PATTERN)
      ? await constructTeams(persons, plan, clusters, ctx, options, attempts, modelSizes, { slots: blind.ctm.slots, values: blind.answer.values ?? [] })
      : null;
  const split = gendered !== null && blind !== null && lexBetter(gendered.score, blind.score) ? gendered : blind;
  // Still short of the construction's own proof (colleagues, a shared workshop group or a team of one gender left), no
  // column model to find the best teams further down and no kept-together wishes (the assignment does not hold them):
  // the templates filled exactly (`fillTemplates`; it holds every
  // split by gender too), taken when their teams are better. Measured on 38 generated 200-seat cohorts: it ran on 6,
  // proved 1 (a bench seed) and halved the teams of one gender on another, 0.6-1.2 s more each; on the other 4, the
  // best seating of the templates is the one the fill and the swaps found.
  const filled =
    split !== null && blind !== null && clusters.length === 0 && columns === null && !provenByConstruction(split.score, split.most, T, NO_PATTERN)
      ? await fillTemplates(blind, persons, plan, ctx, locks.apart, options, attempts, modelSizes)
      : null;
  const constructed = filled !== null && split !== null && lexBetter(filled.score, split.score) ? filled : split;
  const alone = constructed !== null && provenByConstruction(constructed.score, constructed.most, T, NO_PATTERN);
  // Otherwise, where the construction came first, the pattern model's value is all it needs: its canonical optimum is
  // solved only for the fill when the constructed teams miss a bound (measured on a 200-seat cohort: the value 118-120
  // ms against 240-300 ms). Null `tm`: the pattern model was not needed.
  let { tm, solved }: { tm: TeamModel | null; solved: SolveResult } =
    early?.proof !== undefined
      ? early.proof.pattern
      : alone
        ? { tm: null, solved: constructed.answer }
        : constructFirst && firstPattern.value?.solved.status === 'optimal'
          ? firstPattern.value // `columnsFirst` solved it so, and built no column model
          : await solveModel(clusters, '', constructFirst);
  // Clusters the model holds (each in a team of its own); when that is infeasible — clusters that must share a
  // team, or no completion without colleagues — they are placed by the exact assignment further down.
  let modelClusters: readonly Cluster[] = clusters;
  let together = locks.togetherInTeam;
  let valueOnly = early?.proof === undefined && constructFirst && !alone;
  if (solved.status === 'infeasible' && clusters.length > 0) {
    modelClusters = [];
    ({ tm, solved } = await solveModel([], ' (kept-together placed afterwards)'));
    valueOnly = false;
  }

  /** The pattern optimum's region and gender terms: lower bounds for every valid set of teams. */
  const patternCounts = tm !== null && solved.status === 'optimal' && solved.values !== null ? modelCounts(tm, solved.values) : null;
  /** Whether teams with this score meet every level's bound (then they are proven optimal). */
  const reachesBounds = (x: TeamScore): boolean =>
    patternCounts !== null &&
    catchmentBest !== null &&
    x.apart === 0 &&
    x.conflicts === 0 &&
    x.notCatchment === T - catchmentBest &&
    x.unmatched === patternCounts.unmatched &&
    x.sameGroupPairs === 0 &&
    x.missingGender === patternCounts.missingGender;
  /**
   * The constructed teams are taken as they are when they are proven or meet every bound, and in a large cohort (more
   * than ASSIGNMENT_MAX_TEAMS teams) when they reach the catchment bound without a clash: the split patterns' teams
   * would have to reach it too to be kept, and on generated 200-seat cohorts they fell 3 to 13 teams short on every
   * one, while their fill, swaps and canonical solve took 1 to 3 s (measured on four cohorts whose constructed teams
   * missed a bound below the catchment level: the constructed teams were kept on all four).
   */
  const takeConstructed =
    constructed !== null &&
    (alone ||
      reachesBounds(constructed.score) ||
      (T > ASSIGNMENT_MAX_TEAMS && catchmentBest !== null && constructed.score.apart === 0 && constructed.score.conflicts === 0 && constructed.score.notCatchment === T - catchmentBest));
  if (valueOnly && solved.values !== null && !takeConstructed) ({ tm, solved } = await solveModel(clusters, ''));
  /** The column model's optimum: the best set of teams outright (see `columns.ts`). */
  let provenByColumns: TeamScore | null = null;
  let teams: Team[];
  let modelNote: string;
  let swaps: number;
  if (early?.proof !== undefined) {
    teams = early.proof.teams;
    provenByColumns = totalScore(teams, ctx);
    modelNote = early.proof.note;
    swaps = 0;
  } else if (constructed !== null && takeConstructed) {
    teams = constructed.teams;
    modelNote = `${constructed.note}${tm === null ? '' : '; region and gender bounded by split patterns'}`;
    swaps = constructed.swaps;
  } else if (tm !== null && solved.values !== null) {
    const counts = solved.values.map((v) => Math.round(v));
    teams = fillTeams(tm, counts, modelClusters, persons, ctx, options.seed);
    modelNote = 'split patterns (municipal and specialist parts joined by region and gender class)';
    const specs = teamSpecs(teams, ctx);
    const skeleton = teams.map((t) => ({ ids: [...t.ids], fixed: new Set(t.fixed) }));
    swaps = improveTeams(skeleton, ctx, { lossless: true, trade: false });
    const lossless = totalScore(skeleton, ctx);
    swaps += improveTeams(teams, ctx);
    if (!reachesBounds(totalScore(teams, ctx))) swaps += regroupTeams(teams, ctx) + improveTeams(teams, ctx);
    // Swaps that keep region and gender could not clear clashes or shared workshop groups, or the teams miss a bound
    // (most often: the most catchment matches cost a shared workshop group or a gender mix).
    const needsExact = lossless.apart > 0 || lossless.conflicts > 0 || lossless.sameGroupPairs > 0 || !reachesBounds(totalScore(teams, ctx));
    if (needsExact && clusters.length === 0 && patternCounts !== null && catchmentBest !== null) {
      // The column model finds the best set of teams outright, where the cohort is small enough for it: with the
      // catchment and region levels held by rows at a target, from the catchment bound down to what the teams reach
      // already (the bound leaves out gender, groups and colleagues, so it may be more than any teams can have); the
      // first target the columns meet is the most catchment matches possible. A small cohort (every possible team a
      // column) whose targets all fail is solved without the rows.
      // First the bound over every possible team (`overEveryTeam`): a fraction of a second, where the column model's
      // integer search below takes seconds when its relaxation proves nothing (measured on generated 40-seat cohorts:
      // two searches over 9,930 and 10,203 columns, 5-9 s for the whole run).
      const now = totalScore(teams, ctx);
      if (!cut && now.apart === 0 && now.conflicts === 0) {
        const every = await overEveryTeam(teams.map((t) => t.ids), weighted(now));
        if (every.proven) {
          if (every.replacement !== null) {
            teams = every.replacement;
            replaced = true;
          }
          provenByColumns = totalScore(teams, ctx);
          modelNote += every.note;
        }
      }
      const reached = T - totalScore(teams, ctx).notCatchment;
      /**
       * Where the column model proved no optimum, its relaxation's optimum may still prove the teams as good as any
       * (`provenByBound`); they stay as they are.
       */
      const proveByBound = (cm: ColumnModel, bound: number | null): boolean => {
        if (bound === null || !provenByBound(cm, bound, teams.map((t) => t.ids))) return false;
        provenByColumns = totalScore(teams, ctx);
        modelNote += '; proven as good as any set of teams by the column model\'s relaxation';
        return true;
      };
      /** The canonical optimum of the column model, when it is as good as the teams: then it is the teams. */
      const takeOptimum = (cm: ColumnModel & { complete: boolean }, values: readonly number[], proves: boolean): void => {
        const chosen = chosenTeams(cm.columns, values);
        const optimum = totalScore(chosen, ctx);
        // The canonical optimum replaces teams as good as it too: the teams are then the same whether the relaxation in
        // `columnsFirst` proved it or this search did (whichever solver answered).
        if (lexBetter(totalScore(teams, ctx), optimum)) return;
        teams = chosen;
        if (!proves) {
          modelNote += '; improved by the column model below the catchment bound (not a proof: see there)';
          return;
        }
        provenByColumns = optimum;
        modelNote += `; ${columnsNote(cm.complete)}`;
      };
      /**
       * With the catchment target reached and neither the relaxation nor its bound a proof: the integer search, as
       * optional work within `PROOF_BUDGET_MS` per solve (see there); its bound may still prove the teams.
       */
      const budgetedSearch = async (cm: ColumnModel & { complete: boolean }): Promise<void> => {
        modelSizes.push({ label: `${cm.model.label} (integer search)`, variables: cm.model.variables.length, constraints: cm.model.constraints.length });
        const r = await options.solve(cm.model, { canonical: { levels: cm.levels, relaxation: 'first' }, jslpSuits: false, budgetMs: PROOF_BUDGET_MS });
        attempts.push(...r.attempts);
        if (r.status === 'optimal' && r.values !== null && r.canonical === true) takeOptimum(cm, r.values, true);
        else proveByBound(cm, r.bound);
      };
      const targets: Array<number | null> = [];
      for (let target = catchmentBest; target >= Math.min(reached, catchmentBest); target--) targets.push(target);
      targets.push(null);
      const bound = catchmentBest;
      for (const target of provenByColumns === null ? targets : []) {
        // What `columnsFirst` solved at this target, with these columns: infeasible again, or no proof again when it
        // asked as much as would be asked here.
        if (early !== null && early.target === target && early.outcome === 'infeasible') continue;
        if (early !== null && early.target === target && early.outcome === 'unproven' && (early.relaxation === 'first' || !(reached < target))) {
          if (early.unproven !== undefined && !proveByBound(early.unproven.cm, early.unproven.bound) && early.relaxation === 'only') await budgetedSearch(early.unproven.cm);
          break;
        }
        const cm = buildColumnModel(persons, plan, T - patternCounts.unmatched, target, ctx.groupOf, ctx.conflict, options.seed, options.previous?.teamOf);
        if (cm === null || (target === null && !cm.complete)) break;
        modelSizes.push({ label: cm.model.label, variables: cm.model.variables.length, constraints: cm.model.constraints.length });
        // javascript-lp-solver does not prove set partitions of this size within its first-try deadline (measured on
        // the 24-seat cohorts of the determinism test), so the policy skips it. A set partition's relaxation is
        // usually integral, so two linear programs prove the canonical optimum, and an infeasible one ends it. Where
        // they prove nothing, the integer search follows for a small cohort's model, and for a larger one only while
        // the teams miss the catchment target (the committee's rule): with the target reached, what is left is the
        // terms below it, whose search can take minutes (measured: a 40-seat cohort whose most catchment matches
        // force a shared workshop group, 4,419 columns, had no proof of uniqueness from HiGHS in 18 s), so those
        // teams stay as the heuristics left them, unproven.
        const relaxation = cm.complete || target === null || reached < target ? 'first' : 'only';
        const exact = await options.solve(cm.model, { canonical: { levels: cm.levels, relaxation }, jslpSuits: false });
        attempts.push(...exact.attempts);
        if (exact.status === 'infeasible') continue;
        // Feasible here, infeasible at every higher target: where every possible team is a column, no teams have more
        // catchment matches than this target (with the columns infeasible at every target, it is the columns that fail
        // — colleagues who must share a team — and the bound stays). Otherwise the columns hold only sets with the
        // most RHF matches (`spare`), and a set with fewer may have more catchment matches (measured: a generated
        // 40-seat cohort with a group lock, 4 catchment and 7 RHF matches against the columns' 3 and 8): below the
        // bound such a model still improves the teams, but proves nothing and lowers no bound.
        const proves = cm.complete || target === bound;
        if (target !== null && proves) catchmentBest = Math.min(catchmentBest, target);
        // Only the canonical optimum is used (a solver that ran out of time before it would make the teams depend on
        // which solver answered); without it the teams stay as they are, unproven.
        if (exact.status === 'optimal' && exact.values !== null && exact.canonical !== false) takeOptimum(cm, exact.values, proves);
        else if (proves && !proveByBound(cm, exact.bound) && relaxation === 'only') await budgetedSearch(cm);
        break;
      }
    }
    if (constructed !== null && lexBetter(constructed.score, totalScore(teams, ctx))) {
      teams = constructed.teams;
      swaps = constructed.swaps;
      modelNote = `${constructed.note}${tm === null ? '' : '; region and gender bounded by split patterns'}`;
    }
    const clashes = lossless.apart > 0 || lossless.conflicts > 0;
    if (needsExact && provenByColumns === null && (clashes || T <= ASSIGNMENT_MAX_TEAMS)) {
      // Without the column model's proof (a cohort too large for it, kept-together clusters, no proof in time):
      // assign exactly within the optimum's region classes (colleagues, catchment match, shared groups, gender mix in
      // that order), then let the swaps improve further; keep the better of the two. Beyond ASSIGNMENT_MAX_TEAMS only
      // for clashes the swaps left.
      const am = buildAssignmentModel(specs, persons, ctx, locks.apart, options.seed, 'regions');
      modelSizes.push({ label: am.model.label, variables: am.model.variables.length, constraints: am.model.constraints.length });
      const exact = await options.solve(am.model, canonical(am.levels));
      attempts.push(...exact.attempts);
      if (exact.values !== null && exact.canonical === false) notCanonical = true;
      if (exact.status === 'optimal' && exact.values !== null) {
        const assigned = assignedTeams(specs, am.assign, exact.values, new Set());
        const moreSwaps = improveTeams(assigned, ctx);
        if (lexBetter(totalScore(assigned, ctx), totalScore(teams, ctx))) {
          teams = assigned;
          swaps = moreSwaps;
          modelNote += '; exact assignment within the optimal region classes';
        }
      }
    }
  } else {
    teams = greedyTeams(persons, plan, modelClusters, ctx);
    modelNote = 'greedy fallback: no solver gave a usable answer';
    swaps = improveTeams(teams, ctx);
  }
  if (options.previous !== undefined && solved.values !== null) {
    const { kept, tooLarge } = await keepPrevious(teams, persons, ctx, locks.apart, options.seed, options.previous.teamOf, async (am) => {
      modelSizes.push({ label: `${am.model.label} (keeping the previous teams)`, variables: am.model.variables.length, constraints: am.model.constraints.length });
      const r = await options.solve(am.model, canonical(am.levels));
      attempts.push(...r.attempts);
      if (r.values !== null && r.canonical === false) notCanonical = true;
      return r;
    });
    if (kept !== null) {
      teams = kept;
      modelNote += '; previous teams kept by an exact assignment where nothing else gets worse';
    }
    if (tooLarge !== null) modelNote += `; not re-assigned to keep the previous teams (${tooLarge} variables, more than ${KEEP_PREVIOUS_MAX_VARIABLES}), numbered like them`;
  }
  const current = totalScore(teams, ctx);
  if (current.apart > 0 || current.conflicts > 0 || brokenClusters(teams, clusters) > 0) {
    // Last resort for the hard rules: assign with only each team's sector counts held, kept-together clusters
    // free to move, kept-apart pairs apart and colleagues as few as possible; then improve region and the rest by
    // swaps that never undo that.
    const specs: TeamSpec[] = teamSpecs(teams, ctx).map((spec, t) => {
      const members = (teams[t] as Team).ids.map((id) => byId.get(id) as Person);
      const size = (sector: Sector) => members.filter((p) => p.sector === sector).length;
      return { fixed: [], parts: { kommune: { size: size('kommune'), cls: spec.parts.kommune.cls }, spesialist: { size: size('spesialist'), cls: spec.parts.spesialist.cls } } };
    });
    const am = buildAssignmentModel(specs, persons, ctx, locks.apart, options.seed, 'sectors', clusters);
    modelSizes.push({ label: `${am.model.label} (sector counts only)`, variables: am.model.variables.length, constraints: am.model.constraints.length });
    const exact = await options.solve(am.model, canonical(am.levels));
    attempts.push(...exact.attempts);
    if (exact.values !== null && exact.canonical === false) notCanonical = true;
    if (exact.status === 'optimal' && exact.values !== null) {
      const assigned = assignedTeams(specs, am.assign, exact.values, new Set(clusters.flatMap((c) => c.ids)));
      const moreSwaps = improveTeams(assigned, ctx);
      const before = brokenClusters(teams, clusters);
      const after = brokenClusters(assigned, clusters);
      if (after < before || (after === before && lexBetter(totalScore(assigned, ctx), current))) {
        teams = assigned;
        swaps += moreSwaps;
        modelNote += '; kept-apart pairs and colleagues settled by an exact assignment on sector counts';
      }
    }
  }

  if (brokenClusters(teams, clusters) > 0) {
    const broken = clusters.filter((c) => brokenClusters(teams, [c]) > 0);
    relaxations.push({
      code: 'lock_together',
      reason: `keep-together wishes dropped: the team shapes this cohort allows (${plan.counts.map((c) => `${c.teams} × ${c.shape[0]} + ${c.shape[1]}`).join(', ')}) cannot hold them together with the other locks`,
      ids: sortedIds(broken.flatMap((c) => c.ids)),
    });
    together = together.filter(([a]) => !broken.some((c) => c.ids.includes(a)));
  }

  if (options.previous !== undefined) swaps += keepPreviousTeams(teams, ctx, options.previous.teamOf);

  /** The teams as the result has them: numbered, with their quality rows, totals and the report's terms. */
  const summarise = (final: readonly Team[]) => {
    // Canonical numbering by smallest member id; with --previous, the numbers that keep the most members in place.
    const ordered = final.map((t) => sortedIds(t.ids)).sort((a, b) => compareCodeUnits(a[0] ?? '', b[0] ?? ''));
    const labels = options.previous === undefined ? ordered.map((_, i) => i + 1) : numberLikePrevious(ordered, options.previous.teamOf);
    const projectTeams: ProjectTeam[] = ordered.map((ids, i) => ({ number: labels[i] as number, memberIds: ids })).sort((a, b) => a.number - b.number);
    // Null prototype: an id such as `__proto__` or `toString` is a key like any other.
    const teamOf = Object.create(null) as Record<string, number>;
    const numberOf = new Map<string, number>();
    for (const t of projectTeams) for (const id of t.memberIds) numberOf.set(id, t.number);
    for (const p of persons) teamOf[p.id] = numberOf.get(p.id) as number;

    const quality = teamQualityRows(projectTeams, (id) => byId.get(id) as Person, (id) => groupsResult.groupOf[id]);
    const total = projectTeams.map((t) => scoreTeam(t.memberIds, ctx)).reduce((a, x) => addScores(a, x), ZERO_SCORE);
    const terms: ObjectiveTerm[] = levels.map((l) => ({ name: l.name, description: l.description, value: total[l.of], weight: l.weight }));
    const objective = terms.reduce((a, t) => a + t.value * t.weight, 0);
    return { projectTeams, teamOf, quality, total, terms, objective };
  };
  let { projectTeams, teamOf, quality, total, terms, objective } = summarise(teams);

  // The bound in these units: the catchment bound above the pattern model's answer (its region and gender terms;
  // clashes and pairs ≥ 0). Each level's bound holds for every valid set of teams, and a level's weight exceeds
  // everything below it, so their weighted sum bounds the objective.
  let bound: number | null = null;
  const match: TeamMatch = { catchmentMatched: { count: T - total.notCatchment, best: catchmentBest }, regionMatched: { count: T - total.unmatched, best: null } };
  const catchmentFloor = (T - (catchmentBest ?? T)) * wCatchment;
  if (tm !== null && solved.status === 'optimal' && solved.values !== null) {
    const m = modelCounts(tm, solved.values);
    bound = catchmentFloor + m.unmatched * wRegion + m.missingGender * wGender;
    match.regionMatched.best = T - m.unmatched;
  } else if (tm !== null && solved.bound !== null) {
    // Below the region weight the model's objective holds at most T·(gender weight) + the tie-break total.
    const lowerMax = tm.weights.gender * T + tm.weights.tiebreak * tm.tiebreakMax;
    const fewest = Math.max(0, Math.ceil((solved.bound - lowerMax) / tm.weights.region - 1e-9));
    bound = catchmentFloor + fewest * wRegion;
    match.regionMatched.best = T - fewest;
  }
  const finalScore = totalScore(teams, ctx);
  if (provenByColumns !== null && !lexBetter(provenByColumns, finalScore) && !lexBetter(finalScore, provenByColumns) && solved.status === 'optimal') {
    // The column model's optimum is the best over every valid set of teams: it is the bound, and its match counts
    // are the most possible.
    bound = objective;
    match.catchmentMatched.best = match.catchmentMatched.count;
    match.regionMatched.best = match.regionMatched.count;
  } else if (bound !== objective && constructed !== null && solved.status === 'optimal' && provenByConstruction(finalScore, constructed.most, T, patternCounts ?? NO_PATTERN)) {
    // The teams have the construction's most catchment matches and, with those, its most RHF matches, and nothing
    // below them to gain: no set of teams is better (see `provenByConstruction`).
    bound = objective;
    match.catchmentMatched.best = match.catchmentMatched.count;
    match.regionMatched.best = match.regionMatched.count;
    modelNote += "; proven as good as any set of teams by the catchment construction's optimum";
  }
  let proven = solved.status === 'optimal' && catchmentBest !== null && bound !== null && objective === bound;
  // Only where no solve was cut short by the time limit (see `overEveryTeam`), and not tried before.
  if (!proven && !partitionTried && !cut && total.apart === 0 && total.conflicts === 0) {
    const every = await overEveryTeam(projectTeams.map((t) => t.memberIds), objective);
    if (every.replacement !== null) {
      ({ projectTeams, teamOf, quality, total, terms, objective } = summarise(every.replacement));
      replaced = true;
    }
    modelNote += every.note;
    if (every.proven) proven = true;
  }
  if (!proven && partitionFloor !== null) {
    // The bound over every team where it proved nothing; raised before the teams' last improvements, where they reached
    // it since, they are proven.
    bound = Math.max(bound ?? partitionFloor, partitionFloor);
    if (partitionFloor >= objective) proven = true;
  }
  if (proven) {
    bound = objective;
    match.catchmentMatched = { count: T - total.notCatchment, best: T - total.notCatchment };
    match.regionMatched = { count: T - total.unmatched, best: T - total.unmatched };
  }
  const orgPairs = quality.flatMap((q) => q.organisationClashes);
  if (orgPairs.length > 0) {
    relaxations.push({ code: 'team_org_clash', reason: 'colleagues from one organisation share a team: no set of teams of these shapes keeps them apart together with the locks', ids: sortedIds(new Set(orgPairs.flat())) });
  }
  for (const t of projectTeams) {
    for (const [a, b] of locks.apart) {
      if (t.memberIds.includes(a) && t.memberIds.includes(b)) relaxations.push({ code: 'lock_apart', reason: `${a} and ${b} could not be kept apart in the project teams`, ids: [a, b] });
    }
  }
  const report: StageReport = {
    stage: 'teams',
    model: `${modelNote}${clusters.length > 0 ? `, ${clusters.length} kept-together group${clusters.length === 1 ? '' : 's'}` : ''}${early?.proof !== undefined || replaced ? '' : `; ${swaps} improving swap${swaps === 1 ? '' : 's'} after the fill`}${notCanonical ? NOT_CANONICAL_NOTE : ''}`,
    status: proven ? 'optimal' : solved.values === null ? 'error' : 'feasible',
    solverStatus: solved.status,
    solver: solved.solver,
    objective,
    bound,
    gap: proven ? 0 : relativeGap(objective, bound),
    terms,
    attempts,
    modelSizes,
  };
  return { seed: options.seed, teams: projectTeams, teamOf, quality, match, relaxations, report, locks: { inGroup: [], apart: locks.apart, togetherInTeam: together } };
}

/**
 * Teams on the catchment templates (`buildCatchmentTeams`, `catchmentTeams`), improved by the swaps; null when the
 * model is not built, its canonical optimum is not proven, or the seats cannot hold a kept-together group together.
 */
async function constructTeams(
  persons: readonly Person[],
  plan: ShapePlan,
  clusters: readonly Cluster[],
  ctx: TeamContext,
  options: FormTeamsOptions,
  attempts: SolveResult['attempts'],
  modelSizes: StageReport['modelSizes'],
  withGenders?: GenderSplit,
): Promise<{ teams: Team[]; score: TeamScore; swaps: number; note: string; most: { catchment: number; region: number }; answer: SolveResult; ctm: CatchmentTeamsModel } | null> {
  const ctm = buildCatchmentTeams(persons, plan, options.seed, withGenders);
  if (ctm === null) return null;
  modelSizes.push({ label: ctm.model.label, variables: ctm.model.variables.length, constraints: ctm.model.constraints.length });
  const r = await options.solve(ctm.model, { ...canonicalFirst(ctm.levels), ...boundHints(ctm.model) });
  attempts.push(...r.attempts);
  if (r.status !== 'optimal' || r.values === null || r.canonical !== true) return null;
  const values = r.values;
  const level = (l: number): number => -(ctm.levels[l] as ObjectiveLevel).terms.reduce((sum, [v, a]) => sum + a * (values[v] as number), 0);
  const teams = catchmentTeams(ctm, values, persons, ctx, plan, options.seed, clusters);
  // Kept-together members the seats could not bring together: these teams are not used (the committee's wish comes
  // first; the split patterns hold it).
  if (brokenClusters(teams, clusters) > 0) return null;
  const swaps = improveTeams(teams, ctx);
  return {
    teams,
    score: totalScore(teams, ctx),
    swaps,
    note: withGenders !== undefined
      ? 'catchment templates (an integer program of the most catchment- and RHF-matched teams), their seats split by gender for the fewest teams of one gender, filled by lottery'
      : 'catchment templates (an integer program of the most catchment- and RHF-matched teams), filled by lottery',
    most: { catchment: level(0), region: level(1) },
    answer: r,
    ctm,
  };
}

/**
 * Most variables of the exact fill of the catchment templates (`fillTemplates`; a size, never a time). Measured on
 * generated 200-seat cohorts: 3,048-4,384 variables, 0.7-1.2 s for HiGHS's canonical optimum.
 */
const FILL_MAX_VARIABLES = 10_000;

/**
 * The construction's templates filled exactly: who takes each template's seats (`templateSeats`), for the fewest
 * colleagues in one team, then pairs sharing a workshop group, then teams of one gender, then a seeded lottery
 * (`buildAssignmentModel` with `hold: 'seats'`). Every template keeps its kinds of seats, so its catchment and RHF
 * match: the teams are the best set on these templates, where the lottery's fill and the swaps find a good one. Its
 * canonical optimum only, within PROOF_BUDGET_MS (optional work: null without it, and where the model would have more
 * than FILL_MAX_VARIABLES variables).
 */
async function fillTemplates(
  built: NonNullable<Awaited<ReturnType<typeof constructTeams>>>,
  persons: readonly Person[],
  plan: ShapePlan,
  ctx: TeamContext,
  apart: ReadonlyArray<readonly [string, string]>,
  options: FormTeamsOptions,
  attempts: SolveResult['attempts'],
  modelSizes: StageReport['modelSizes'],
): Promise<{ teams: Team[]; score: TeamScore; swaps: number; note: string; most: { catchment: number; region: number }; answer: SolveResult; ctm: CatchmentTeamsModel } | null> {
  if (built.answer.values === null) return null;
  const seats = templateSeats(built.ctm, built.answer.values, plan);
  const fitting = seats.reduce((a, kinds) => a + persons.filter((p) => kinds.some((k) => k.fits(p))).length, 0);
  if (fitting > FILL_MAX_VARIABLES) return null;
  const size = (kinds: readonly TemplateSeat[], sector: Sector): number => kinds.reduce((a, k) => a + (k.sector === sector ? k.seats : 0), 0);
  const specs: TeamSpec[] = seats.map((kinds) => ({ fixed: [], parts: { kommune: { size: size(kinds, 'kommune'), cls: '' }, spesialist: { size: size(kinds, 'spesialist'), cls: '' } }, seats: kinds }));
  const am = buildAssignmentModel(specs, persons, ctx, apart, options.seed, 'seats');
  modelSizes.push({ label: `${am.model.label} (the catchment templates' seats)`, variables: am.model.variables.length, constraints: am.model.constraints.length });
  const r = await options.solve(am.model, { ...canonicalFirst(am.levels), budgetMs: PROOF_BUDGET_MS });
  attempts.push(...r.attempts);
  if (r.status !== 'optimal' || r.values === null || r.canonical !== true) return null;
  const teams = assignedTeams(specs, am.assign, r.values, new Set());
  const swaps = improveTeams(teams, ctx);
  return {
    ...built,
    teams,
    score: totalScore(teams, ctx),
    swaps,
    note: 'catchment templates (an integer program of the most catchment- and RHF-matched teams), their seats filled by an exact assignment',
  };
}

/** What `columnsFirst` found: the proven best teams, or at which catchment target its relaxation proved nothing. */
interface ColumnsFirst {
  target: number;
  /** As the search after the fill asks: the integer search too for a small cohort's model (every possible team). */
  relaxation: 'first' | 'only';
  outcome: 'proven' | 'infeasible' | 'unproven';
  /** With `unproven`: the model, and the bound its relaxation gave (see `provenByBound`). */
  unproven?: { cm: ColumnModel & { complete: boolean }; bound: number | null };
  /** With `proven`: the teams, the pattern model's answer (its region and gender terms bound the report) and the note. */
  proof?: { teams: Team[]; pattern: { tm: TeamModel; solved: SolveResult }; note: string };
}

/**
 * The column model at the catchment bound, before any teams are formed (no fill, no search): on a cohort small
 * enough for the column model (`columnCount`), two linear programs usually prove its optimum the only best set of
 * teams (`solver/canonical.ts`, phase 0); a small cohort's model (every possible team a column) gets the integer
 * search too when they do not. The pattern model is solved for its value only (its region optimum picks the
 * columns; it is left in `pattern` for the stage). Null when the pattern model has no proven optimum or the columns are
 * too many; otherwise what it found, so the search that follows a failure does not repeat it.
 */
async function columnsFirst(
  persons: readonly Person[],
  plan: ShapePlan,
  T: number,
  catchmentBest: number,
  ctx: TeamContext,
  options: FormTeamsOptions,
  attempts: SolveResult['attempts'],
  modelSizes: StageReport['modelSizes'],
  pattern: { value?: { tm: TeamModel; solved: SolveResult } },
): Promise<ColumnsFirst | null> {
  const tm = buildTeamModel(persons, plan, [], options.seed);
  modelSizes.push({ label: `${tm.model.label} (value only)`, variables: tm.model.variables.length, constraints: tm.model.constraints.length });
  const solved = await options.solve(tm.model);
  attempts.push(...solved.attempts);
  pattern.value = { tm, solved };
  if (solved.status !== 'optimal' || solved.values === null) return null;
  const { unmatched } = modelCounts(tm, solved.values);
  const cm = buildColumnModel(persons, plan, T - unmatched, catchmentBest, ctx.groupOf, ctx.conflict, options.seed, options.previous?.teamOf);
  if (cm === null) return null;
  modelSizes.push({ label: cm.model.label, variables: cm.model.variables.length, constraints: cm.model.constraints.length });
  const relaxation = cm.complete ? 'first' : 'only';
  const exact = await options.solve(cm.model, { canonical: { levels: cm.levels, relaxation }, jslpSuits: false });
  attempts.push(...exact.attempts);
  if (exact.status === 'infeasible') return { target: catchmentBest, relaxation, outcome: 'infeasible' };
  if (exact.status !== 'optimal' || exact.values === null || exact.canonical !== true) return { target: catchmentBest, relaxation, outcome: 'unproven', unproven: { cm, bound: exact.bound } };
  return { target: catchmentBest, relaxation, outcome: 'proven', proof: { teams: chosenTeams(cm.columns, exact.values), pattern: { tm, solved }, note: columnsNote(cm.complete) } };
}

/** The teams of the columns chosen in a column model's answer. */
function chosenTeams(columns: readonly string[][], values: readonly number[]): Team[] {
  return columns.flatMap((ids, v) => (Math.round(values[v] ?? 0) === 1 ? [{ ids: [...ids], fixed: new Set<string>() }] : []));
}

function columnsNote(complete: boolean): string {
  return complete ? 'the best set of teams outright by the column model (every possible team)' : 'the best set of teams outright by the column model (every possible team of one RHF, and of the RHFs with members to spare)';
}

/** Teams from an assignment model's answer; `fixedIds` (cluster members) stay fixed in their new team. */
function assignedTeams(specs: readonly TeamSpec[], assign: AssignmentModel['assign'], values: readonly number[], fixedIds: ReadonlySet<string>): Team[] {
  const teams: Team[] = specs.map((spec) => ({ ids: [...spec.fixed], fixed: new Set(spec.fixed) }));
  values.forEach((v, i) => {
    const a = assign[i];
    if (a === null || a === undefined || Math.round(v) !== 1) return;
    const team = teams[a[1]];
    if (team === undefined) return;
    for (const id of a[0]) {
      team.ids.push(id);
      if (fixedIds.has(id)) team.fixed.add(id);
    }
  });
  return teams;
}

/** Participants in the team that has their previous team's number (teams numbered as `numberLikePrevious` does). */
function keptCount(teams: readonly Team[], previous: ReadonlyMap<string, number>): number {
  const labels = numberLikePrevious(teams.map((t) => t.ids), previous);
  return teams.reduce((a, t, i) => a + t.ids.filter((id) => previous.get(id) === labels[i]).length, 0);
}

/**
 * Stable rerun: re-assign the participants exactly within the teams' region classes, preferring each one's
 * previous team number (below every rule and quality term), twice (the second time with the labels of the first
 * answer). The result replaces the teams only when it is no worse in any term and keeps more in place. An
 * assignment beyond `KEEP_PREVIOUS_MAX_VARIABLES` is not solved (`tooLarge`: its size).
 */
async function keepPrevious(
  teams: readonly Team[],
  persons: readonly Person[],
  ctx: TeamContext,
  apart: ReadonlyArray<readonly [string, string]>,
  seed: string,
  previous: ReadonlyMap<string, number>,
  solve: (am: AssignmentModel) => Promise<SolveResult>,
): Promise<{ kept: Team[] | null; tooLarge: number | null }> {
  let best: Team[] | null = null;
  let current: readonly Team[] = teams;
  const before = totalScore(teams, ctx);
  for (let round = 0; round < 2; round++) {
    const specs = teamSpecs(current, ctx);
    const labels = numberLikePrevious(current.map((t) => t.ids), previous);
    const am = buildAssignmentModel(specs, persons, ctx, apart, seed, 'regions', [], { previous, labels });
    if (am.model.variables.length > KEEP_PREVIOUS_MAX_VARIABLES) return { kept: best, tooLarge: am.model.variables.length };
    const exact = await solve(am);
    if (exact.status !== 'optimal' || exact.values === null) break;
    const assigned = assignedTeams(specs, am.assign, exact.values, new Set(specs.flatMap((x) => x.fixed)));
    keepPreviousTeams(assigned, ctx, previous);
    const score = totalScore(assigned, ctx);
    if (lexBetter(before, score) || keptCount(assigned, previous) <= keptCount(best ?? teams, previous)) break;
    best = assigned;
    current = assigned;
  }
  return { kept: best, tooLarge: null };
}

/** Kept-together clusters whose members are not all in one team. */
function brokenClusters(teams: readonly Team[], clusters: readonly Cluster[]): number {
  return clusters.filter((c) => {
    const t = teams.find((x) => x.ids.includes(c.ids[0] as string));
    return t === undefined || !c.ids.every((id) => t.ids.includes(id));
  }).length;
}

const ZERO_SCORE: TeamScore = { apart: 0, conflicts: 0, notCatchment: 0, unmatched: 0, sameGroupPairs: 0, missingGender: 0 };

function totalScore(teams: readonly Team[], ctx: TeamContext): TeamScore {
  return teams.reduce((acc, t) => addScores(acc, scoreTeam(t.ids, ctx)), ZERO_SCORE);
}

/** Lexicographically lower: kept-apart pairs, clashes, catchment and region mismatches, shared workshop groups, missing gender. */
function lexBetter(a: TeamScore, b: TeamScore): boolean {
  const x = [a.apart, a.conflicts, a.notCatchment, a.unmatched, a.sameGroupPairs, a.missingGender];
  const y = [b.apart, b.conflicts, b.notCatchment, b.unmatched, b.sameGroupPairs, b.missingGender];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number);
  return false;
}

function clustersOf(pairs: ReadonlyArray<readonly [string, string]>, byId: ReadonlyMap<string, Person>): Cluster[] {
  const comps: Array<Set<string>> = [];
  for (const [a, b] of pairs) {
    const hits = comps.filter((c) => c.has(a) || c.has(b));
    const merged = new Set([a, b]);
    for (const h of hits) {
      for (const x of h) merged.add(x);
      comps.splice(comps.indexOf(h), 1);
    }
    comps.push(merged);
  }
  return comps
    .map((c) => sortedIds(c))
    .sort((x, y) => compareCodeUnits(x[0] ?? '', y[0] ?? ''))
    .map((ids) => ({ ids, members: ids.map((id) => byId.get(id) as Person) }));
}

function compositionRelaxation(K: number, S: number, shape: TeamRule, plan: ShapePlan): Relaxation {
  const parts = plan.counts.map((c) => `${c.teams} team${c.teams === 1 ? '' : 's'} of ${c.shape[0]} + ${c.shape[1]}`).join(', ');
  const why =
    plan.worstTier === 1
      ? `${K} municipal and ${S} specialist participants cannot all be in teams of ${shape.kommune} + ${shape.spesialist}; the fewest teams of ${shape.kommune + shape.spesialist - 1} with both sectors are used`
      : `${K} municipal and ${S} specialist participants are too unbalanced for teams of ${shape.kommune} + ${shape.spesialist} or one smaller with both sectors`;
  return { code: 'team_composition', reason: `${why}: ${parts}`, ids: [] };
}

/** Last resort when no solver answered: slots by shape, participants dealt in id order avoiding clashes. */
function greedyTeams(persons: readonly Person[], plan: ShapePlan, clusters: readonly Cluster[], ctx: TeamContext): Team[] {
  const teams: Team[] = [];
  const inCluster = new Set(clusters.flatMap((c) => c.ids));
  const left = { kommune: persons.filter((p) => p.sector === 'kommune' && !inCluster.has(p.id)), spesialist: persons.filter((p) => p.sector === 'spesialist' && !inCluster.has(p.id)) };
  const shapes = plan.counts.flatMap((c) => Array.from({ length: c.teams }, () => c.shape));
  const unplaced = [...clusters];
  for (const [k, s] of shapes) {
    const ci = unplaced.findIndex((c) => c.members.filter((m) => m.sector === 'kommune').length <= k && c.members.filter((m) => m.sector === 'spesialist').length <= s);
    const cl = ci >= 0 ? unplaced.splice(ci, 1)[0] : undefined;
    const team: Team = { ids: [...(cl?.ids ?? [])], fixed: new Set(cl?.ids ?? []) };
    for (const [sector, need] of [['kommune', k], ['spesialist', s]] as const) {
      let have = team.ids.filter((id) => (ctx.byId.get(id) as Person).sector === sector).length;
      while (have < need) {
        const pool = left[sector];
        const members = team.ids.map((id) => ctx.byId.get(id) as Person);
        let i = pool.findIndex((p) => members.every((m) => !ctx.conflict(m, p)));
        if (i < 0) i = 0;
        const [p] = pool.splice(i, 1);
        if (p === undefined) break;
        team.ids.push(p.id);
        have++;
      }
    }
    teams.push(team);
  }
  return teams;
}
