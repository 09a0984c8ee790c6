/**
 * The most catchment-matched project teams a cohort allows (`catchmentMatch` in domain/rules.ts), as a small
 * integer program: a bound that the teams stage compares its teams with.
 *
 * A catchment-matched team lies wholly in one RHF; its specialist members' trusts COVER a set of catchment areas,
 * and its municipal members' catchment trusts (their NEED) lie in that set. One integer counts the teams of each
 * (RHF, team shape, cover, need); the rows hold each RHF's specialists per trust and municipal members per
 * catchment trust, and each shape's team count. Specialists of one trust are colleagues, so a cover holds distinct
 * trusts, and a team's municipal members of one catchment area come from distinct municipalities (a counting row
 * per area: outside its largest municipality); a specialist of no known trust brings NO_TRUST to a cover, which
 * covers no area and may repeat. Workshop groups, gender, locks and the rest of the team are left
 * out, so the optimum bounds every valid set of teams from above; the stage's teams reach it in the usual case.
 * Where colleagues cannot all be kept apart (an organisation larger than its sector's team count), the distinct
 * rules are dropped, so the bound stays valid.
 *
 * The same model, extended to every team (`buildCatchmentTeams`), builds teams where the column model cannot: the
 * rest of each shape's teams are RHF-matched ones of any members of one RHF or the rest, and each organisation's
 * members need as many teams that can each hold one of them. Its canonical optimum gives template counts, and
 * `catchmentTeams` seats the participants in them by lottery; the stage's swaps do the rest.
 */
import { compareCodeUnits } from '../../domain/compare.js';
import { InternalError } from '../../domain/errors.js';
import type { Sector } from '../../domain/types.js';
import type { Constraint, LinearModel, ObjectiveLevel, Variable } from '../../solver/types.js';
import { lexWeights, lotteryKey, lotteryOrder, REGIONS, type Person, type Region } from '../common.js';
import type { Cluster, ShapePlan, Team, TeamContext, TeamScore } from './model.js';

/** Beyond this many (RHF, shape, cover, need) combinations the bound is not built (the stage then uses the team count). */
const MAX_COMBINATIONS = 20_000;

export interface CatchmentBoundModel {
  model: LinearModel;
  /** Teams with both sectors: the bound when the model is not solved. */
  teams: number;
}

/**
 * A cover's element for a specialist whose trust is not known (an employer outside the reference data): it covers
 * no catchment area, but the team it is in can still be catchment-matched by its other specialists.
 */
const NO_TRUST = '';

/** Multisets (sets when `distinct`, but for NO_TRUST) of size k over `items`, as sorted arrays. */
function multisets(items: readonly string[], k: number, distinct: boolean): string[][] {
  const out: string[][] = [];
  const cur: string[] = [];
  const rec = (start: number, left: number): void => {
    if (left === 0) {
      out.push([...cur]);
      return;
    }
    for (let i = start; i < items.length; i++) {
      cur.push(items[i] as string);
      rec(distinct && items[i] !== NO_TRUST ? i + 1 : i, left - 1);
      cur.pop();
    }
  };
  rec(0, k);
  return out;
}

function tally(xs: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** What one variable of the construction model stands for: a team template. */
export type CatchmentSlot = (
  | { kind: 'catchment'; region: Region; shape: number; cover: readonly string[]; need: readonly string[] }
  | { kind: 'region'; region: Region; shape: number }
  | { kind: 'rest'; shape: number }
) & {
  /**
   * Split by gender (`buildCatchmentTeams` with a `GenderSplit`): the women among each seat kind's seats (`seatKinds`
   * order), the rest men. Absent without.
   */
  women?: readonly number[];
};

/** A template's seat kinds: each a sector, the class its members come from (a trust, a catchment area, or any), and its seats. */
interface SeatKind {
  sector: Sector;
  /** A specialist's cover element, a municipal member's catchment trust, or null: any member of the template's pool. */
  of: string | null;
  seats: number;
}

function seatKinds(slot: CatchmentSlot, plan: ShapePlan): SeatKind[] {
  if (slot.kind === 'catchment') {
    return [
      ...[...tally(slot.cover)].map(([t, seats]) => ({ sector: 'spesialist' as const, of: t, seats })),
      ...[...tally(slot.need)].map(([x, seats]) => ({ sector: 'kommune' as const, of: x, seats })),
    ];
  }
  const [a, b] = shapeOf(plan, slot.shape);
  return [
    ...(b > 0 ? [{ sector: 'spesialist' as const, of: null, seats: b }] : []),
    ...(a > 0 ? [{ sector: 'kommune' as const, of: null, seats: a }] : []),
  ];
}

/** Every split of each kind's seats into women and men, in lexicographic order of the women counts. */
function womenSplits(kinds: readonly SeatKind[]): number[][] {
  let out: number[][] = [[]];
  for (const k of kinds) out = out.flatMap((w) => Array.from({ length: k.seats + 1 }, (_, i) => [...w, i]));
  return out;
}

export interface CatchmentTeamsModel {
  model: LinearModel;
  /** Catchment-matched teams, then RHF-matched teams, most first (for the canonical optimum). */
  levels: ObjectiveLevel[];
  /** The team template of each variable, in model order. */
  slots: CatchmentSlot[];
}

/**
 * The bound's model (maximise catchment-matched teams; cost −1 each), or null when no team can be catchment-matched
 * (no shape with both sectors, or no RHF with both a covered municipal member and a specialist of that trust) or the
 * model would exceed `MAX_COMBINATIONS`.
 */
export function buildCatchmentBound(persons: readonly Person[], plan: ShapePlan): CatchmentBoundModel | null {
  const built = buildModel(persons, plan, false);
  return built === null ? null : { model: built.model, teams: built.teams };
}

/**
 * The bound's model extended to every team (`catchmentTeams` fills it): each shape's teams are catchment-matched
 * templates as in the bound, RHF-matched teams of any members of one RHF, or the rest; each RHF's members per sector
 * are a row. Its canonical optimum has the most catchment-matched teams the bound allows and, among those, the most
 * RHF-matched ones. Gender, workshop groups and individual colleagues are left to the fill and the swaps.
 *
 * With `genders` (an answer of this model): only that answer's templates, as many teams of each, one variable per
 * split of a template's seats between women and men, each class's women and men at most its own; the fewest teams of
 * one gender between the RHF matches and the lottery. Null where a member is neither a woman nor a man.
 */
export function buildCatchmentTeams(persons: readonly Person[], plan: ShapePlan, seed: string, genders?: GenderSplit): CatchmentTeamsModel | null {
  // With genders every member must be a woman or a man (a seat kind's seats are split between the two).
  if (genders !== undefined && persons.some((p) => p.gender !== 'female' && p.gender !== 'male')) return null;
  const built = buildModel(persons, plan, true, genders);
  if (built === null) return null;
  const T = plan.counts.reduce((a, c) => a + c.teams, 0);
  // A seeded lottery cost per template below both levels, so that the optimum is almost always unique: the canonical
  // solve then only proves it (measured on a 200-seat cohort: 15 solves and 240 ms without it). With genders, the
  // teams of one gender between the RHF matches and the lottery.
  const [wTie, wGender, wRegion, wCatchment] = lexWeights([TIEBREAK_SPAN * T, genders !== undefined ? T : 0, T, T]) as [number, number, number, number];
  const catchment: Array<[number, number]> = [];
  const region: Array<[number, number]> = [];
  const single: Array<[number, number]> = [];
  const lottery: Array<[number, number]> = [];
  built.slots.forEach((slot, v) => {
    const tb = 1 + (parseInt(lotteryKey(seed, 'teams-catchment-templates', slotKey(slot)).slice(0, 8), 16) % TIEBREAK_SPAN);
    if (slot.kind === 'catchment') catchment.push([v, -1]);
    if (slot.kind !== 'rest') region.push([v, -1]);
    const women = slot.women?.reduce((a, w) => a + w, 0);
    const [a, b] = shapeOf(plan, slot.shape);
    const oneGender = women !== undefined && (women === 0 || women === a + b);
    if (oneGender) single.push([v, 1]);
    lottery.push([v, tb]);
    (built.model.variables[v] as Variable).cost = (slot.kind === 'catchment' ? -wCatchment : 0) + (slot.kind === 'rest' ? 0 : -wRegion) + (oneGender ? wGender : 0) + tb * wTie;
  });
  return {
    model: { ...built.model, label: genders !== undefined ? 'teams-catchment-construction-genders' : 'teams-catchment-construction' },
    levels: [
      { terms: catchment, weight: wCatchment, step: 1 },
      { terms: region, weight: wRegion, step: 1 },
      ...(genders !== undefined ? [{ terms: single, weight: wGender, step: 1 }] : []),
      { terms: lottery, weight: wTie, step: 1 },
    ],
    slots: built.slots,
  };
}

const TIEBREAK_SPAN = 1_000;

function slotKey(slot: CatchmentSlot): string {
  const key = slot.kind === 'catchment' ? `c|${slot.region}|${slot.shape}|${slot.cover.join(',')}|${slot.need.join(',')}` : slot.kind === 'region' ? `m|${slot.region}|${slot.shape}` : `u|${slot.shape}`;
  return slot.women === undefined ? key : `${key}|w${slot.women.join(',')}`;
}

/**
 * The templates split by gender (`CatchmentSlot.women`) for an answer of the model without: only its templates, each
 * with as many teams as it had (so its catchment and RHF matches), the split chosen for the fewest teams of one gender.
 */
export interface GenderSplit {
  slots: readonly CatchmentSlot[];
  values: readonly number[];
}

function buildModel(persons: readonly Person[], plan: ShapePlan, construct: boolean, split?: GenderSplit): { model: LinearModel; teams: number; slots: CatchmentSlot[] } | null {
  const genders = split !== undefined;
  /** Teams per template of the answer split by gender. */
  const counts = new Map<string, number>();
  split?.slots.forEach((slot, v) => {
    const n = Math.round(split.values[v] ?? 0);
    if (n > 0) counts.set(slotKey(slot), n);
  });
  const mixed = plan.counts.map((c, si) => ({ ...c, si })).filter((c) => c.shape[0] > 0 && c.shape[1] > 0);
  const teams = mixed.reduce((a, c) => a + c.teams, 0);
  if (teams === 0) return null;
  const parts = { kommune: 0, spesialist: 0 };
  for (const c of plan.counts) {
    if (c.shape[0] > 0) parts.kommune += c.teams;
    if (c.shape[1] > 0) parts.spesialist += c.teams;
  }
  const orgSize = tally(persons.map((p) => `${p.sector}|${p.org}`));
  const distinct = persons.every((p) => (orgSize.get(`${p.sector}|${p.org}`) ?? 0) <= parts[p.sector]);
  const perRhf = tally(persons.map((p) => `${p.sector}|${p.region}`));
  /** Members of a sector in an RHF. */
  const inRhf = (sector: Sector, r: Region): number => perRhf.get(`${sector}|${r}`) ?? 0;

  const variables: Variable[] = [];
  const slots: CatchmentSlot[] = [];
  const rows = new Map<string, { name: string; terms: Array<[number, number]>; lo?: number; hi?: number }>();
  const row = (name: string, hi: number): { terms: Array<[number, number]> } => {
    let r = rows.get(name);
    if (r === undefined) {
      r = { name, terms: [], hi };
      rows.set(name, r);
    }
    return r;
  };
  // With genders: the seats of women and of men per class (a trust's specialists or an area's municipal members in an
  // RHF, an RHF's members of a sector, all members of a sector) at most its women and men. Every member is seated and
  // is a woman or a man, so a sector's rows hold with equality.
  const byGender = genders ? tally(persons.flatMap((p) => classesOf(p).map((c) => `${c}|${p.gender}`))) : new Map<string, number>();
  const genderRows = (slot: CatchmentSlot, v: number): void => {
    if (slot.women === undefined) return;
    seatKinds(slot, plan).forEach((k, i) => {
      const women = slot.women?.[i] ?? 0;
      const region = slot.kind === 'rest' ? null : slot.region;
      for (const c of kindClasses(k, region)) {
        for (const [g, n] of [['female', women], ['male', k.seats - women]] as const) {
          if (n === 0) continue;
          const key = `${c}|${g}`;
          row(`gender_${key}`, byGender.get(key) ?? 0).terms.push([v, n]);
        }
      }
    });
  };
  /** One variable per split of the template's seats between women and men with genders, else one. */
  const addSlot = (base: CatchmentSlot, variable: Omit<Variable, 'name'>, prefix: string, rowsOf: (v: number) => void): boolean => {
    const teams = counts.get(slotKey(base));
    if (genders && teams === undefined) return true;
    const own = teams === undefined ? null : (row(`teams_${slotKey(base)}`, teams) as { terms: Array<[number, number]>; lo?: number });
    if (own !== null) own.lo = teams;
    for (const women of genders ? womenSplits(seatKinds(base, plan)) : [undefined]) {
      if (variables.length >= MAX_COMBINATIONS) return false;
      const slot: CatchmentSlot = women === undefined ? base : { ...base, women };
      const v = variables.push({ name: `${prefix}_${variables.length}`, ...variable }) - 1;
      slots.push(slot);
      rowsOf(v);
      genderRows(slot, v);
      own?.terms.push([v, 1]);
    }
    return true;
  };
  for (const r of REGIONS) {
    // A member of no known RHF is in no RHF-matched team, so in no catchment-matched one.
    if (r === 'unknown') continue;
    const specialists = persons.filter((p) => p.sector === 'spesialist' && p.region === r);
    const municipal = persons.filter((p) => p.sector === 'kommune' && p.region === r && p.trust !== null);
    const supplyS = tally(specialists.map(coverOf));
    const supplyK = tally(municipal.map((p) => p.trust as string));
    const trusts = [...supplyS.keys()].sort(compareCodeUnits);
    const areas = [...supplyK.keys()].filter((a) => supplyS.has(a)).sort(compareCodeUnits);
    if (areas.length === 0) continue;
    for (const { shape, si } of mixed) {
      const [a, b] = shape;
      for (const cover of multisets(trusts, b, distinct)) {
        const coverCount = tally(cover);
        if ([...coverCount].some(([t, n]) => n > (supplyS.get(t) ?? 0))) continue;
        const coverable = areas.filter((x) => coverCount.has(x));
        if (coverable.length === 0) continue;
        for (const need of multisets(coverable, a, false)) {
          const needCount = tally(need);
          if ([...needCount].some(([x, n]) => n > (supplyK.get(x) ?? 0))) continue;
          const added = addSlot({ kind: 'catchment', region: r, shape: si, cover, need }, { cost: -1, lb: 0, integer: true }, 'c', (v) => {
            row(`shape_${si}`, (plan.counts[si] as { teams: number }).teams).terms.push([v, 1]);
            if (construct) for (const sector of ['kommune', 'spesialist'] as const) row(`${sector}_${r}`, inRhf(sector, r)).terms.push([v, sector === 'kommune' ? a : b]);
            for (const [t, n] of coverCount) row(`spesialist_${r}_${t}`, supplyS.get(t) as number).terms.push([v, n]);
            for (const [x, n] of needCount) {
              row(`kommune_${r}_${x}`, supplyK.get(x) as number).terms.push([v, n]);
              if (distinct && n > 1) {
                // Members of one area in one team come from distinct municipalities: at most one from its largest.
                const inArea = tally(municipal.filter((p) => p.trust === x).map((p) => p.org));
                const largest = Math.max(...inArea.values());
                row(`municipalities_${r}_${x}`, (supplyK.get(x) as number) - largest).terms.push([v, n - 1]);
              }
            }
          });
          if (!added) return null;
        }
      }
    }
  }
  // (Split by gender, an answer may have no catchment-matched team.)
  if (variables.length === 0 && !genders) return null;
  if (construct) {
    // RHF-matched teams of any members of one RHF, then the rest; every shape's teams all counted.
    for (const r of REGIONS) {
      if (r === 'unknown') continue;
      for (const { shape, si } of mixed) {
        const added = addSlot({ kind: 'region', region: r, shape: si }, { cost: 0, lb: 0, integer: true }, 'm', (v) => {
          row(`shape_${si}`, (plan.counts[si] as { teams: number }).teams).terms.push([v, 1]);
          for (const [sector, n] of [['kommune', shape[0]], ['spesialist', shape[1]]] as const) row(`${sector}_${r}`, inRhf(sector, r)).terms.push([v, n]);
        });
        if (!added) return null;
      }
    }
    for (const [si, c] of plan.counts.entries()) {
      const added = addSlot({ kind: 'rest', shape: si }, { cost: 0, lb: 0, integer: true }, 'u', (v) => {
        const shapeRow = row(`shape_${si}`, c.teams) as { terms: Array<[number, number]>; lo?: number };
        shapeRow.terms.push([v, 1]);
        shapeRow.lo = c.teams;
      });
      if (!added) return null;
    }
    // Colleagues in distinct teams: an organisation's members need as many teams that can each hold one of them
    // (measured: without these rows, a generated 200-seat cohort's templates left two specialists of one trust for one
    // RHF-matched team, and clearing that clash cost a catchment match).
    if (distinct) {
      const byOrg = new Map<string, Person[]>();
      for (const p of persons) byOrg.set(`${p.sector}|${p.org}`, [...(byOrg.get(`${p.sector}|${p.org}`) ?? []), p]);
      for (const [key, members] of [...byOrg].sort((x, y) => compareCodeUnits(x[0], y[0]))) {
        if (members.length < 2) continue;
        const terms: Array<[number, number]> = [];
        slots.forEach((slot, v) => {
          const [a, b] = shapeOf(plan, slot.shape);
          const holds = members.some((p) => {
            if ((p.sector === 'kommune' ? a : b) === 0) return false;
            if (slot.kind === 'rest') return true;
            if (slot.region !== p.region) return false;
            if (slot.kind === 'region') return true;
            return p.sector === 'kommune' ? p.trust !== null && slot.need.includes(p.trust) : slot.cover.includes(coverOf(p));
          });
          if (holds) terms.push([v, 1]);
        });
        rows.set(`apart_${key}`, { name: `colleagues_${rows.size}`, terms, lo: members.length });
        // The same within the organisation's RHF: its members in other teams than this RHF's templates come from the
        // RHF's members that those templates leave over.
        const region = (members[0] as Person).region;
        const sector = (members[0] as Person).sector;
        if (members.some((p) => p.region !== region)) continue;
        const overflow: Array<[number, number]> = [];
        slots.forEach((slot, v) => {
          if (slot.kind === 'rest' || slot.region !== region) return;
          const seats = shapeOf(plan, slot.shape)[sector === 'kommune' ? 0 : 1];
          const holds = terms.some(([w]) => w === v) ? 1 : 0;
          if (holds - seats !== 0) overflow.push([v, holds - seats]);
        });
        rows.set(`apart_${key}_in_region`, { name: `colleagues_${rows.size}`, terms: overflow, lo: members.length - inRhf(sector, region) });
      }
    }
  }
  return { model: { label: 'teams-catchment-bound', variables, constraints: [...rows.values()] satisfies Constraint[] }, teams, slots };
}

/** Seats of one kind in a team on a template: who fits them (sector, RHF, trust or catchment area, gender) and how many. */
export interface TemplateSeat {
  sector: Sector;
  fits: (p: Person) => boolean;
  seats: number;
}

/**
 * The teams of an answer of the construction model, in model order, each as its seats by kind: a catchment template's
 * specialists per trust of its cover and municipal members per catchment area of its need, from its RHF; an RHF-matched
 * template's members per sector from its RHF; the rest's per sector. Split by gender, each kind's women, then its men.
 * A member fits at most one kind of a team (its trust or area, sector and gender tell which).
 */
export function templateSeats(ctm: CatchmentTeamsModel, values: readonly number[], plan: ShapePlan): TemplateSeat[][] {
  const out: TemplateSeat[][] = [];
  ctm.slots.forEach((slot, v) => {
    const kinds = seatKinds(slot, plan).flatMap((k, i): TemplateSeat[] => {
      const fits = (p: Person): boolean =>
        p.sector === k.sector && (slot.kind === 'rest' || p.region === slot.region) && (k.of === null || (k.sector === 'spesialist' ? coverOf(p) : p.trust) === k.of);
      const women = slot.women?.[i];
      if (women === undefined) return [{ sector: k.sector, fits, seats: k.seats }];
      return [
        { sector: k.sector, fits: (p: Person) => fits(p) && p.gender === 'female', seats: women },
        { sector: k.sector, fits: (p: Person) => fits(p) && p.gender === 'male', seats: k.seats - women },
      ].filter((x) => x.seats > 0);
    });
    for (let n = Math.round(values[v] ?? 0); n > 0; n--) out.push(kinds);
  });
  return out;
}

/**
 * Teams from the construction model's answer (`buildCatchmentTeams`): each catchment template takes a specialist of
 * each trust of its cover and a municipal member of each catchment area of its need, from its RHF; each RHF-matched
 * template any members of its RHF; the rest whoever is left. Each pick is the first in the seeded lottery's order
 * that adds no colleague or kept-apart pair, then (municipal members) one from the municipality with the most members
 * left, then one who shares no workshop group with the team and brings a gender it lacks. When every member left for
 * a seat would clash, one already seated elsewhere who fits this seat takes it, where the one left fits theirs without
 * a clash: the templates stay as the model counted them. The swaps improve the rest.
 */
export function catchmentTeams(ctm: CatchmentTeamsModel, values: readonly number[], persons: readonly Person[], ctx: TeamContext, plan: ShapePlan, seed: string, clusters: readonly Cluster[] = []): Team[] {
  interface Seat {
    person: Person;
    fits: (p: Person) => boolean;
  }
  const left = new Set(persons.map((p) => p.id));
  const order = lotteryOrder(seed, 'teams-catchment', persons.map((p) => p.id)).map((id) => ctx.byId.get(id) as Person);
  const orgLeft = tally(persons.map((p) => p.org));
  const seated: Seat[][] = [];
  const clashes = (seats: readonly Seat[], p: Person, except?: Seat): boolean => seats.some((s) => s !== except && ctx.conflict(s.person, p));
  const pick = (team: Seat[], fits: (p: Person) => boolean): void => {
    let best: Person | null = null;
    let bestKey: number[] = [];
    for (const p of order) {
      if (!left.has(p.id) || !fits(p)) continue;
      const g = ctx.groupOf(p.id);
      const key = [
        clashes(team, p) ? 1 : 0,
        p.sector === 'kommune' ? -(orgLeft.get(p.org) ?? 0) : 0,
        team.some((m) => g !== undefined && ctx.groupOf(m.person.id) === g) ? 1 : 0,
        team.length > 0 && team.every((m) => m.person.gender === p.gender) ? 1 : 0,
      ];
      if (best === null || lexLower(key, bestKey)) {
        best = p;
        bestKey = key;
      }
    }
    if (best === null) throw new InternalError('E_TEAMS_CATCHMENT_FILL', 'catchment fill: no member left for a team template');
    left.delete(best.id);
    orgLeft.set(best.org, (orgLeft.get(best.org) ?? 1) - 1);
    if (bestKey[0] === 1) {
      const candidate = best;
      const trade = (): Person | null => {
        for (const other of seated) {
          for (const seat of other) {
            const y = seat.person;
            if (!fits(y) || !seat.fits(candidate) || clashes(team, y) || clashes(other, candidate, seat)) continue;
            seat.person = candidate;
            return y;
          }
        }
        return null;
      };
      best = trade() ?? best;
    }
    team.push({ person: best, fits });
  };
  for (const kinds of templateSeats(ctm, values, plan)) {
    const team: Seat[] = [];
    for (const k of kinds) for (let seat = 0; seat < k.seats; seat++) pick(team, k.fits);
    seated.push(team);
  }
  if (left.size > 0) throw new InternalError('E_TEAMS_CATCHMENT_FILL', `catchment fill: ${left.size} members left without a team`);
  // Kept-together groups: each member joins the team of the group's first, taking a seat of their sector there, one
  // whose occupant fits the member's own seat where there is one (the templates stay as counted); a group that cannot
  // be brought together (no seat of a member's sector left there) stays apart, and the caller does not use these teams.
  const teamOf = (id: string): Seat[] => seated.find((team) => team.some((s) => s.person.id === id)) as Seat[];
  for (const c of clusters) {
    const home = teamOf(c.ids[0] as string);
    for (const id of c.ids.slice(1)) {
      const away = teamOf(id);
      if (away === home) continue;
      const mine = away.find((s) => s.person.id === id) as Seat;
      const p = mine.person;
      const free = home.filter((s) => !c.ids.includes(s.person.id) && s.person.sector === p.sector);
      // A seat whose template the trade keeps, else any seat of the member's sector (that team may lose its match).
      const seat = free.find((s) => s.fits(p) && mine.fits(s.person) && !clashes(home, p, s) && !clashes(away, s.person, mine)) ?? free.find((s) => !clashes(home, p, s) && !clashes(away, s.person, mine)) ?? free[0];
      if (seat === undefined) continue;
      mine.person = seat.person;
      seat.person = p;
    }
  }
  const together = new Set(clusters.flatMap((c) => c.ids));
  return seated.map((team) => ({ ids: team.map((s) => s.person.id), fixed: new Set(team.flatMap((s) => (together.has(s.person.id) ? [s.person.id] : []))) }));
}

/**
 * Whether teams with score `x` are a best set of teams by the catchment construction's optimum (`most`): its model
 * holds every set of teams without colleagues or kept-apart pairs (each maps to template counts that meet its rows;
 * tested against an enumeration), so no such set has more catchment matches than its optimum, nor, with as many, more
 * RHF matches. Teams with no clash that reach both, with no shared workshop group and no team missing a gender (or
 * the pattern model's fewest, where they also have its most RHF matches), leave nothing lower to gain.
 */
export function provenByConstruction(x: TeamScore, most: { catchment: number; region: number }, T: number, pattern: { unmatched: number; missingGender: number }): boolean {
  if (x.apart !== 0 || x.conflicts !== 0 || x.sameGroupPairs !== 0) return false;
  if (x.notCatchment !== T - most.catchment || x.unmatched !== T - most.region) return false;
  return x.missingGender === 0 || (x.unmatched === pattern.unmatched && x.missingGender === pattern.missingGender);
}

/** A shape's [municipal, specialist] members. */
function shapeOf(plan: ShapePlan, si: number): readonly [number, number] {
  return (plan.counts[si] as { shape: readonly [number, number] }).shape;
}

/** The classes a member is counted in for the gender rows: those of a seat of its own kind in its RHF (`kindClasses`). */
function classesOf(p: Person): string[] {
  return kindClasses({ sector: p.sector, of: p.sector === 'spesialist' ? coverOf(p) : p.trust, seats: 1 }, p.region);
}

/** The classes a seat kind's members come from: its sector, and in an RHF's template that RHF and its trust or area. */
function kindClasses(k: SeatKind, region: Region | null): string[] {
  if (region === null) return [k.sector];
  return k.of === null ? [k.sector, `${k.sector}|${region}`] : [k.sector, `${k.sector}|${region}`, `${k.sector}|${region}|${k.of}`];
}

/** What a specialist brings to a team's cover: their trust, or NO_TRUST. */
function coverOf(p: Person): string {
  return p.trust ?? NO_TRUST;
}

function lexLower(x: readonly number[], y: readonly number[]): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number);
  return false;
}
