/**
 * The most catchment-matched project teams a cohort allows (`catchmentMatch` in domain/rules.ts), as a small
 * integer program: a bound that the teams stage compares its teams with.
 *
 * A catchment-matched team lies wholly in one RHF; its specialist members' trusts COVER a set of catchment areas,
 * and its municipal members' catchment trusts (their NEED) lie in that set. One integer counts the teams of each
 * (RHF, team shape, cover, need); the rows hold each RHF's specialists per trust and municipal members per
 * catchment trust, and each shape's team count. Specialists of one trust are colleagues, so a cover holds distinct
 * trusts, and a team's municipal members of one catchment area come from distinct municipalities (a counting row
 * per area: outside its largest municipality). Workshop groups, gender, locks and the rest of the team are left
 * out, so the optimum bounds every valid set of teams from above; the stage's teams reach it in the usual case.
 * Where colleagues cannot all be kept apart (an organisation larger than its sector's team count), the distinct
 * rules are dropped, so the bound stays valid.
 */
import { compareCodeUnits } from '../../domain/compare.js';
import type { Constraint, LinearModel, Variable } from '../../solver/types.js';
import { REGIONS, type Person } from '../common.js';
import type { ShapePlan } from './model.js';

/** Beyond this many (RHF, shape, cover, need) combinations the bound is not built (the stage then uses the team count). */
const MAX_COMBINATIONS = 20_000;

export interface CatchmentBoundModel {
  model: LinearModel;
  /** Teams with both sectors: the bound when the model is not solved. */
  teams: number;
}

/** Multisets (sets when `distinct`) of size k over `items`, as sorted arrays. */
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
      rec(distinct ? i + 1 : i, left - 1);
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

/**
 * The bound's model (maximise catchment-matched teams; cost −1 each), or null when no team can be catchment-matched
 * (no shape with both sectors, or no RHF with both a covered municipal member and a specialist of that trust) or the
 * model would exceed `MAX_COMBINATIONS`.
 */
export function buildCatchmentBound(persons: readonly Person[], plan: ShapePlan): CatchmentBoundModel | null {
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

  const variables: Variable[] = [];
  const rows = new Map<string, { name: string; terms: Array<[number, number]>; hi: number }>();
  const row = (name: string, hi: number): { terms: Array<[number, number]> } => {
    let r = rows.get(name);
    if (r === undefined) {
      r = { name, terms: [], hi };
      rows.set(name, r);
    }
    return r;
  };
  for (const r of REGIONS) {
    const specialists = persons.filter((p) => p.sector === 'spesialist' && p.region === r && p.trust !== null);
    const municipal = persons.filter((p) => p.sector === 'kommune' && p.region === r && p.trust !== null);
    const supplyS = tally(specialists.map((p) => p.trust as string));
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
          if (variables.length >= MAX_COMBINATIONS) return null;
          const v = variables.push({ name: `c_${variables.length}`, cost: -1, lb: 0, integer: true }) - 1;
          row(`shape_${si}`, (plan.counts[si] as { teams: number }).teams).terms.push([v, 1]);
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
        }
      }
    }
  }
  if (variables.length === 0) return null;
  return {
    model: { label: 'teams-catchment-bound', variables, constraints: [...rows.values()] satisfies Constraint[] },
    teams,
  };
}
