/**
 * Step 4 of `cohort replace`: places in workshop groups and project teams. Each newcomer starts in the freed place of
 * the one they replace; the search (search.ts) then finds the placement that breaks the fewest rules, moves the
 * fewest people, and is best by the groups' and teams' quality goals. The rules and goals are the declared ones
 * (domain/rules.ts). Pure.
 */
import type { Programme } from '../domain/programme.js';
import {
  bothGenders,
  catchmentMatch,
  fewestSmallerTeams,
  groupCount,
  groupGenderMinimum,
  groupSizeInRange,
  orgCapPerPart,
  regionMatch,
  sectorMixHolds,
  smallerTeamShapes,
  teamRule,
  workshopGroupRule,
} from '../domain/rules.js';
import type { GroupLocks } from '../domain/types.js';
import { toPerson, type Person, type Region } from '../stages/common.js';
import { search, type PartCost, type SearchSpec, type State } from './search.js';
import type { CurrentRow, Info, PartIssue, Placement, ReformedPlacement, Seat } from './types.js';

/** Groups and teams formed afresh by the caller: every participant's place as given, nothing searched. */
export function reformedPlacement(reformed: ReformedPlacement): Placement {
  return {
    method: 'reformed',
    hardLeft: 0,
    groupCountChanged: false,
    statesExplored: 0,
    groupOf: new Map(reformed.groupOf),
    teamOf: new Map(reformed.teamOf),
    groupIssues: [],
    teamIssues: [],
    groupStart: new Map(),
    teamStart: new Map(),
  };
}

export function place(
  programme: Programme,
  participants: readonly string[],
  infoById: ReadonlyMap<string, Info>,
  rowById: ReadonlyMap<string, CurrentRow>,
  newcomerSeat: ReadonlyMap<string, Seat>,
  locks: GroupLocks | undefined,
): Placement {
  const persons = participants.map((id) => toPerson((infoById.get(id) as Info).c));
  const n = persons.length;
  const indexOf = new Map(persons.map((p, i) => [p.id, i]));
  // Locks among participants only (a withdrawn person's lock has nothing left to hold).
  const lockedGroup = new Map<number, number>();
  for (const l of locks?.inGroup ?? []) {
    const i = indexOf.get(l.id);
    if (i !== undefined) lockedGroup.set(i, l.group);
  }
  const pairsOf = (list: ReadonlyArray<readonly [string, string]> | undefined): Array<[number, number]> =>
    (list ?? []).flatMap(([a, b]) => {
      const x = indexOf.get(a);
      const y = indexOf.get(b);
      return x === undefined || y === undefined || x === y ? [] : [[x, y] as [number, number]];
    });
  const apart = pairsOf(locks?.apart);
  const together = pairsOf(locks?.togetherInTeam);
  const pid = (i: number) => (persons[i] as Person).id;
  /** Kept-apart pairs inside one part. */
  const apartInside = (inside: ReadonlySet<number>) => apart.filter(([x, y]) => inside.has(x) && inside.has(y));
  /** Kept-together pairs split by the part's border (each split pair is counted by both its parts). */
  const togetherSplit = (inside: ReadonlySet<number>) => together.filter(([x, y]) => inside.has(x) !== inside.has(y));
  const isNew = (i: number) => newcomerSeat.has((persons[i] as Person).id);
  const wg = workshopGroupRule(programme);
  const pt = teamRule(programme);

  // Parts: the group and team numbers the allocation used (its selected rows, the withdrawn included).
  const selectedRows = [...rowById.values()].filter((r) => r.status === 'selected');
  const groupLabels = [...new Set(selectedRows.flatMap((r) => (r.workshopGroup === null ? [] : [r.workshopGroup])))].sort((a, b) => a - b);
  const teamLabels = [...new Set(selectedRows.flatMap((r) => (r.projectTeam === null ? [] : [r.projectTeam])))].sort((a, b) => a - b);
  const groupCountChanged = groupCount(n, wg) !== groupLabels.length;

  const orgSize = new Map<string, number>();
  for (const p of persons) orgSize.set(p.org, (orgSize.get(p.org) ?? 0) + 1);
  const genderTotal = { female: persons.filter((p) => p.gender === 'female').length, male: persons.filter((p) => p.gender === 'male').length };
  const regionTotal = new Map<Region, number>();
  for (const p of persons) regionTotal.set(p.region, (regionTotal.get(p.region) ?? 0) + 1);
  const Gn = Math.max(1, groupLabels.length);
  const Tn = Math.max(1, teamLabels.length);
  const capG = (org: string) => orgCapPerPart(orgSize.get(org) ?? 0, Gn);
  const capT = (org: string) => orgCapPerPart(orgSize.get(org) ?? 0, Tn);
  const who = (i: number) => `${(persons[i] as Person).id}${isNew(i) ? ' (new)' : ''}`;
  const clashText = (members: readonly number[], cap: (org: string) => number, label: string): string[] => {
    const out: string[] = [];
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const x = persons[members[a] as number] as Person;
        const y = persons[members[b] as number] as Person;
        if (x.org !== y.org || members.filter((i) => (persons[i] as Person).org === x.org).length <= cap(x.org)) continue;
        out.push(`${who(members[a] as number)} and ${who(members[b] as number)} are from the same organisation and would share ${label}`);
      }
    }
    return out;
  };
  const sectors = (members: readonly number[]) => {
    const k = members.filter((i) => (persons[i] as Person).sector === 'kommune').length;
    return { k, s: members.length - k };
  };

  // --- workshop groups
  const gIndex = new Map(groupLabels.map((l, i) => [l, i]));
  const home = Int32Array.from(persons.map((p, i) => (isNew(i) ? -1 : (gIndex.get(rowById.get(p.id)?.workshopGroup ?? -1) ?? -1))));
  const slot = Int32Array.from(persons.map((p) => gIndex.get(newcomerSeat.get(p.id)?.group ?? -1) ?? -1));
  const sizes = groupLabels.map((_, g) => persons.filter((__, i) => home[i] === g || (home[i] === -1 && slot[i] === g)).length);
  const start = Int32Array.from(
    persons.map((_, i) => {
      const at = (home[i] ?? -1) >= 0 ? (home[i] as number) : (slot[i] ?? -1);
      if (at >= 0) return at;
      // A vacant seat: the smallest group (then the lowest number).
      let best = 0;
      sizes.forEach((size, g) => {
        if (size < (sizes[best] ?? 0)) best = g;
      });
      sizes[best] = (sizes[best] ?? 0) + 1;
      return best;
    }),
  );
  const groupSpec: SearchSpec = {
    persons,
    labels: groupLabels,
    start,
    home,
    slot,
    movedBefore: new Uint8Array(n),
    capacity: wg.maxSize,
    extraAllowance: 0,
    qualityLength: 2,
    cost: (members, part) => {
      const ms = members.map((i) => persons[i] as Person);
      const { k, s } = sectors(members);
      let hard = orgExcess(ms, capG);
      if (lockedGroup.size > 0 || apart.length > 0) {
        hard += members.filter((i) => lockedGroup.has(i) && lockedGroup.get(i) !== groupLabels[part]).length;
        hard += apartInside(new Set(members)).length;
      }
      if (!groupSizeInRange(ms.length, wg)) hard++;
      if (!sectorMixHolds(k, s)) hard++;
      let gender = 0;
      for (const g of ['female', 'male'] as const) gender += Math.max(0, groupGenderMinimum(ms.length, genderTotal[g]) - ms.filter((m) => m.gender === g).length);
      let region = 0;
      for (const [r, total] of regionTotal) if (r !== 'unknown') region += Math.max(0, ms.filter((m) => m.region === r).length - Math.ceil(total / Gn));
      return { hard, extra: 0, quality: [gender, region] };
    },
    describe: (members, part) => {
      const label = `workshop group ${groupLabels[part] ?? '?'}`;
      const { k, s } = sectors(members);
      const out = clashText(members, capG, label);
      if (!groupSizeInRange(members.length, wg)) out.push(`${label} would have ${members.length} members (${wg.minSize}–${wg.maxSize} allowed)`);
      if (!sectorMixHolds(k, s)) out.push(`${label} would have ${k} municipal and ${s} specialist members`);
      for (const i of members) if (lockedGroup.has(i) && lockedGroup.get(i) !== groupLabels[part]) out.push(`${pid(i)} is locked into workshop group ${lockedGroup.get(i) ?? '?'}`);
      for (const [x, y] of apartInside(new Set(members))) out.push(`${pid(x)} and ${pid(y)} are to be kept apart but would share ${label}`);
      return out;
    },
  };
  const gs = search(groupSpec);
  const groupOf = new Map(persons.map((p, i) => [p.id, groupLabels[gs.best.assign[i] as number] as number]));

  // --- project teams
  const tIndex = new Map(teamLabels.map((l, i) => [l, i]));
  const thome = Int32Array.from(persons.map((p, i) => (isNew(i) ? -1 : (tIndex.get(rowById.get(p.id)?.projectTeam ?? -1) ?? -1))));
  const tslot = Int32Array.from(persons.map((p) => tIndex.get(newcomerSeat.get(p.id)?.team ?? -1) ?? -1));
  const tmembers = teamLabels.map((_, t) => persons.filter((__, i) => thome[i] === t || (thome[i] === -1 && tslot[i] === t)));
  const tstart = Int32Array.from(
    persons.map((p, i) => {
      const at = (thome[i] ?? -1) >= 0 ? (thome[i] as number) : (tslot[i] ?? -1);
      if (at >= 0) return at;
      // A vacant seat: the team missing most of this sector (then the lowest number).
      const want = p.sector === 'kommune' ? pt.kommune : pt.spesialist;
      let best = 0;
      let bestGap = Number.NEGATIVE_INFINITY;
      tmembers.forEach((ms, t) => {
        const gap = want - ms.filter((m) => m.sector === p.sector).length;
        if (gap > bestGap) {
          best = t;
          bestGap = gap;
        }
      });
      tmembers[best]?.push(p);
      return best;
    }),
  );
  const K = persons.filter((p) => p.sector === 'kommune').length;
  const fewest = fewestSmallerTeams(K, n - K, pt);
  const smallerShapes = smallerTeamShapes(pt);
  const shapeOf = (members: readonly number[]): 'standard' | 'smaller' | 'other' => {
    const { k, s } = sectors(members);
    if (k === pt.kommune && s === pt.spesialist) return 'standard';
    const smaller = smallerShapes.some(([sk, ss]) => k === sk && s === ss);
    return smaller && fewest !== null && fewest > 0 ? 'smaller' : 'other';
  };
  const teamSpec: SearchSpec = {
    persons,
    labels: teamLabels,
    start: tstart,
    home: thome,
    slot: tslot,
    movedBefore: Uint8Array.from(persons.map((_, i) => ((home[i] ?? -1) >= 0 && gs.best.assign[i] !== home[i] ? 1 : 0))),
    capacity: pt.kommune + pt.spesialist,
    extraAllowance: fewest ?? 0,
    qualityLength: 4,
    cost: (members) => {
      if (members.length === 0) return { hard: 0, extra: 0, quality: [0, 0, 0, 0] };
      const ms = members.map((i) => persons[i] as Person);
      const shape = shapeOf(members);
      // A shape no cohort of these sectors allows (fewest === null) cannot be repaired here: not counted.
      let hard = orgExcess(ms, capT) + (shape === 'other' && fewest !== null ? 1 : 0);
      if (apart.length > 0 || together.length > 0) {
        const inside = new Set(members);
        hard += apartInside(inside).length + togetherSplit(inside).length;
      }
      let same = 0;
      for (let a = 0; a < ms.length; a++) for (let b = a + 1; b < ms.length; b++) if (groupOf.get((ms[a] as Person).id) === groupOf.get((ms[b] as Person).id)) same++;
      // The teams stage's order: catchment match, region match, shared workshop groups, gender mix.
      return { hard, extra: shape === 'smaller' ? 1 : 0, quality: [catchmentMatch(ms) ? 0 : 1, regionMatch(ms) === null ? 1 : 0, same, bothGenders(ms) ? 0 : 1] };
    },
    describe: (members, part) => {
      const label = `project team ${teamLabels[part] ?? '?'}`;
      const out = clashText(members, capT, label);
      const { k, s } = sectors(members);
      if (members.length > 0 && shapeOf(members) !== 'standard') out.push(`${label} would have ${k} municipal and ${s} specialist members (a team has ${pt.kommune} + ${pt.spesialist})`);
      const inside = new Set(members);
      for (const [x, y] of apartInside(inside)) out.push(`${pid(x)} and ${pid(y)} are to be kept apart but would share ${label}`);
      for (const [x, y] of togetherSplit(inside)) if (inside.has(x)) out.push(`${pid(x)} and ${pid(y)} are to be kept together in a project team`);
      return out;
    },
  };
  const ts = search(teamSpec);
  const teamOf = new Map(persons.map((p, i) => [p.id, teamLabels[ts.best.assign[i] as number] as number]));

  return {
    method: 'local',
    hardLeft: (gs.best.key[0] ?? 0) + (ts.best.key[0] ?? 0),
    groupCountChanged,
    statesExplored: gs.explored + ts.explored,
    groupOf,
    teamOf,
    groupIssues: issues(groupSpec, gs.start),
    teamIssues: issues(teamSpec, ts.start),
    groupStart: new Map(persons.map((p, i) => [p.id, groupLabels[start[i] as number] as number])),
    teamStart: new Map(persons.map((p, i) => [p.id, teamLabels[tstart[i] as number] as number])),
  };
}

/** What breaks a rule in the starting placement (newcomers in the freed places), in words: why anyone moved. */
function issues(spec: SearchSpec, s: State): PartIssue[] {
  const extra = s.costs.reduce((a, c) => a + c.extra, 0);
  return s.members.flatMap((m, p) => {
    const cost = s.costs[p] as PartCost;
    const broken = cost.hard > 0 || (extra > spec.extraAllowance && cost.extra > 0);
    return broken ? spec.describe(m, p).map((text) => ({ part: spec.labels[p] ?? 0, text })) : [];
  });
}

function orgExcess(ms: readonly Person[], cap: (org: string) => number): number {
  const by = new Map<string, number>();
  for (const m of ms) by.set(m.org, (by.get(m.org) ?? 0) + 1);
  let excess = 0;
  for (const [org, n] of by) excess += Math.max(0, n - cap(org));
  return excess;
}
