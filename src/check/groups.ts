/**
 * Independent checker of the workshop groups and project teams: plain TypeScript that shares no code with the
 * models or the placement. It reads what each rule requires from the rules' declarations (domain/rules.ts), checks
 * the participants, the programme and the locks against them, and decides on its own whether a broken rule was
 * avoidable:
 *
 * - `error`: a rule is broken although the checker can show it could hold (or a rule that always holds, such
 *   as "every participant in exactly one group"). Always a bug.
 * - `warning`: a rule is broken and the checker cannot show it could hold (the cohort or the locks do not allow
 *   it). The stage that formed the result must report it as a relaxation with the same code.
 *
 * How achievability is decided here (deliberately by other means than the models use):
 * - group sizes: `G·min ≤ N ≤ G·max` and no group locked beyond `max`;
 * - sector mix: a dynamic program over groups on (Σ size, Σ municipal) with the locked members per group;
 * - organisation clashes: a maximum flow per sector (participant → (organisation, group) with capacity 1 →
 *   group with the result's own count of that sector), locked participants only to their group;
 * - team composition: exhaustive search over how many teams of each allowed shape.
 */
import { compareCodeUnits } from '../domain/compare.js';
import type { FindingFacts } from '../domain/i18n/catalogue.js';
import type { GroupLocks, Relaxation } from '../domain/types.js';
import type { Programme } from '../domain/programme.js';
import type { Partition } from '../domain/partition.js';
import { fewestSmallerTeams, groupCount as expectedGroupCount, groupSizeInRange, orgCapPerPart, sectorMixHolds, smallerTeamShapes, teamRule, workshopGroupRule } from '../domain/rules.js';
import type { Candidate } from '../domain/types.js';

export type ViolationSeverity = 'error' | 'warning';

export interface Violation {
  /** Stable code, e.g. `group_sector_mix`, `team_org_clash`, `lock_together`. */
  code: string;
  severity: ViolationSeverity;
  /** Plain English; names participants by id only. */
  message: string;
  /** Participant ids concerned, sorted. */
  ids: string[];
  /** The figures of `message`, for the other languages' words. */
  facts?: FindingFacts;
}

export interface GroupsCheckInput {
  participants: readonly Candidate[];
  programme: Programme;
  groups: readonly Partition[];
  /** Null to check the workshop groups only. */
  teams: readonly Partition[] | null;
  locks?: GroupLocks | undefined;
}

const sortIds = (ids: Iterable<string>): string[] => [...new Set(ids)].sort(compareCodeUnits);

/** Every violation of a hard rule, in a fixed order (groups, then teams, then locks). */
export function checkGroupsAndTeams(input: GroupsCheckInput): Violation[] {
  const out: Violation[] = [];
  const people = new Map<string, Candidate>();
  for (const c of input.participants) people.set(c.id, c);
  const locks = validLocks(input, people, out);
  const groupCount = input.groups.length;

  // --- workshop groups
  membership('group', input.groups, people, out);
  const wg = workshopGroupRule(input.programme);
  const n = people.size;
  const expected = expectedGroupCount(n, wg);
  if (groupCount !== expected) {
    out.push({ code: 'group_count', severity: 'error', message: `expected ${expected} workshop groups for ${n} participants, found ${groupCount}`, ids: [], facts: { fact: 'group_count', found: groupCount, expected, participants: n } });
  }
  const numbers = input.groups.map((g) => g.number).sort((a, b) => a - b);
  if (numbers.some((x, i) => x !== i + 1)) {
    out.push({ code: 'group_numbering', severity: 'error', message: `expected groups numbered 1..${groupCount}, found ${numbers.join(', ')}`, ids: [], facts: { fact: 'numbering', numbers } });
  }
  const lockedIn = new Map<number, string[]>();
  for (const l of locks.inGroup) lockedIn.set(l.group, [...(lockedIn.get(l.group) ?? []), l.id]);
  const sizesPossible = groupCount * wg.minSize <= n && n <= groupCount * wg.maxSize && [...lockedIn.values()].every((ids) => ids.length <= wg.maxSize);
  for (const g of input.groups) {
    const size = g.memberIds.length;
    if (!groupSizeInRange(size, wg)) {
      out.push({ code: 'group_size', severity: sizesPossible ? 'error' : 'warning', message: `group ${g.number} has ${size} members, expected ${wg.minSize}–${wg.maxSize}`, ids: sortIds(g.memberIds), facts: { fact: 'group_size', group: g.number, size, min: wg.minSize, max: wg.maxSize } });
    }
  }

  const sectorOf = (id: string): 'kommune' | 'spesialist' | null => people.get(id)?.sector ?? null;
  const groupLocks: LockContext = { pinned: new Map(locks.inGroup.map((l) => [l.id, l.group])), apart: locks.apart, clusters: [] };
  const badSector = input.groups.filter((g) => {
    const k = g.memberIds.filter((id) => sectorOf(id) === 'kommune').length;
    return !sectorMixHolds(k, g.memberIds.length - k);
  });
  if (badSector.length > 0) {
    const lk: number[] = [];
    const ls: number[] = [];
    for (let num = 1; num <= groupCount; num++) {
      const ids = lockedIn.get(num) ?? [];
      lk.push(ids.filter((id) => sectorOf(id) === 'kommune').length);
      ls.push(ids.filter((id) => sectorOf(id) === 'spesialist').length);
    }
    const kTotal = [...people.values()].filter((c) => c.sector === 'kommune').length;
    const sizeOptions = sizesPossible
      ? input.groups.map(() => range(wg.minSize, wg.maxSize))
      : input.groups.map((g) => [g.memberIds.length]);
    // Kept-apart participants may force a mix: try their placements (by group size) with the locked ones.
    const maxSize = Math.max(...sizeOptions.map((o) => Math.max(...o)));
    const possible =
      searchPlacements(input.groups, people, groupLocks, (pins) => {
        const k2 = [...lk];
        const s2 = [...ls];
        for (const [id, num] of pins) {
          if (locks.inGroup.some((l) => l.id === id)) continue;
          const arr = sectorOf(id) === 'kommune' ? k2 : s2;
          arr[num - 1] = (arr[num - 1] ?? 0) + 1;
        }
        return sectorMixPossible(sizeOptions, n, kTotal, k2, s2);
      }, maxSize) === 'found';
    for (const g of badSector) {
      const k = g.memberIds.filter((id) => sectorOf(id) === 'kommune').length;
      out.push({
        code: 'group_sector_mix',
        severity: possible ? 'error' : 'warning',
        message: `group ${g.number} has ${k} municipal and ${g.memberIds.length - k} specialist members (difference above 1)`,
        ids: sortIds(g.memberIds),
        facts: { fact: 'sector_mix', group: g.number, kommune: k, spesialist: g.memberIds.length - k },
      });
    }
  }
  orgClashes('group', input.groups, people, groupLocks, out);
  for (const l of locks.inGroup) {
    const g = input.groups.find((x) => x.memberIds.includes(l.id));
    if (g !== undefined && g.number !== l.group) {
      out.push({ code: 'lock_group', severity: 'error', message: `${l.id} is locked into group ${l.group} but is in group ${g.number}`, ids: [l.id] });
    }
  }
  const apartInGroups = locks.apart.flatMap(([a, b]) => {
    const g = input.groups.find((x) => x.memberIds.includes(a) && x.memberIds.includes(b));
    return g === undefined ? [] : [{ a, b, part: g.number }];
  });
  if (apartInGroups.length > 0) {
    const possible = searchPlacements(input.groups, people, groupLocks, () => true) === 'found';
    for (const { a, b, part } of apartInGroups) {
      out.push({ code: 'lock_apart', severity: possible ? 'error' : 'warning', message: `${a} and ${b} are to be kept apart but share group ${part}`, ids: [a, b] });
    }
  }

  // --- project teams
  if (input.teams !== null) {
    const teams = input.teams;
    membership('team', teams, people, out);
    composition(teams, people, input.programme, out);
    const teamLocks: LockContext = { pinned: new Map(), apart: locks.apart, clusters: locks.clusters };
    orgClashes('team', teams, people, teamLocks, out);
    const apartInTeams = locks.apart.flatMap(([a, b]) => {
      const t = teams.find((x) => x.memberIds.includes(a) && x.memberIds.includes(b));
      return t === undefined ? [] : [{ a, b, part: t.number }];
    });
    if (apartInTeams.length > 0) {
      const possible = searchPlacements(teams, people, teamLocks, () => true) === 'found';
      for (const { a, b, part } of apartInTeams) {
        out.push({ code: 'lock_apart', severity: possible ? 'error' : 'warning', message: `${a} and ${b} are to be kept apart but share team ${part}`, ids: [a, b] });
      }
    }
    const notTogether = locks.together.filter(([a, b]) => {
      const t = teams.find((x) => x.memberIds.includes(a));
      return t === undefined || !t.memberIds.includes(b);
    });
    if (notTogether.length > 0) {
      // Whether the wishes fit the teams' own shapes (which the composition rule above already checks).
      const possible = searchPlacements(teams, people, teamLocks, () => true) === 'found';
      for (const [a, b] of notTogether) {
        out.push({ code: 'lock_together', severity: possible ? 'error' : 'warning', message: `${a} and ${b} are to be kept together in a team but are not`, ids: [a, b] });
      }
    }
  }
  return out;
}

/**
 * Violations a stage did not account for: every `error`, and every `warning` without a relaxation of the same
 * code that names all its ids (or names none: a cohort-wide relaxation).
 */
export function unexplainedViolations(violations: readonly Violation[], relaxations: readonly Relaxation[]): Violation[] {
  return violations.filter((v) => {
    if (v.severity === 'error') return true;
    return !relaxations.some((r) => r.code === v.code && (r.ids.length === 0 || v.ids.every((id) => r.ids.includes(id))));
  });
}

// ---------------------------------------------------------------------------------------------------------

function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let v = lo; v <= hi; v++) out.push(v);
  return out;
}

function membership(kind: 'group' | 'team', parts: readonly Partition[], people: ReadonlyMap<string, Candidate>, out: Violation[]): void {
  const seen = new Map<string, number[]>();
  for (const p of parts) for (const id of p.memberIds) seen.set(id, [...(seen.get(id) ?? []), p.number]);
  for (const id of sortIds(people.keys())) {
    const where = seen.get(id) ?? [];
    if (where.length === 0) out.push({ code: `${kind}_missing`, severity: 'error', message: `${id} is in no ${kind}`, ids: [id] });
    if (where.length > 1) out.push({ code: `${kind}_duplicate`, severity: 'error', message: `${id} is in ${kind}s ${where.join(', ')}`, ids: [id] });
  }
  for (const id of sortIds(seen.keys())) {
    if (!people.has(id)) out.push({ code: `${kind}_unknown_member`, severity: 'error', message: `${kind} member ${id} is not a selected participant`, ids: [id] });
  }
}

/**
 * Can sizes (one of `sizeOptions[g]` per group) and municipal counts with |2k − size| ≤ 1, at least the locked
 * members of each sector, add up to `n` and `kTotal`? Reachable (Σ size, Σ k) pairs, group by group.
 */
function sectorMixPossible(sizeOptions: readonly number[][], n: number, kTotal: number, lk: readonly number[], ls: readonly number[]): boolean {
  let reach = new Set<string>(['0,0']);
  sizeOptions.forEach((opts, g) => {
    const next = new Set<string>();
    for (const key of reach) {
      const [sumS, sumK] = key.split(',').map(Number) as [number, number];
      for (const size of opts) {
        for (let k = 0; k <= size; k++) {
          if (!sectorMixHolds(k, size - k) || k < (lk[g] ?? 0) || size - k < (ls[g] ?? 0)) continue;
          if (sumS + size > n || sumK + k > kTotal) continue;
          next.add(`${sumS + size},${sumK + k}`);
        }
      }
    }
    reach = next;
  });
  return reach.has(`${n},${kTotal}`);
}

/**
 * Organisation clashes (two members with the same organisation key) in groups or teams. An organisation of m
 * members among P parts can be spread with at most ⌈m/P⌉ in a part. Whether every organisation of a sector can be
 * spread like that at once — each part keeping its own count of that sector, and the locks honoured — is a
 * maximum flow, tried for each placement of the lock-bound participants (locked, kept apart, kept together)
 * that honours the locks. A part holding more of an organisation than ⌈m/P⌉ when such a spread exists is an
 * error; every other clash is a warning (unavoidable, or not shown to be avoidable within the search budget).
 */
function orgClashes(kind: 'group' | 'team', parts: readonly Partition[], people: ReadonlyMap<string, Candidate>, locks: LockContext, out: Violation[]): void {
  const orgSize = new Map<string, number>();
  for (const c of people.values()) orgSize.set(c.organisationKey, (orgSize.get(c.organisationKey) ?? 0) + 1);
  const cap = (org: string): number => orgCapPerPart(orgSize.get(org) ?? 0, parts.length);
  const spread = new Map<string, boolean>();
  for (const part of parts) {
    const byOrg = new Map<string, string[]>();
    for (const id of sortIds(part.memberIds)) {
      const c = people.get(id);
      if (c !== undefined) byOrg.set(c.organisationKey, [...(byOrg.get(c.organisationKey) ?? []), id]);
    }
    for (const [org, ids] of [...byOrg.entries()].sort((a, b) => compareCodeUnits(a[0], b[0]))) {
      if (ids.length < 2) continue;
      const sectors = new Set(ids.map((id) => (people.get(id) as Candidate).sector));
      const sector = [...sectors][0] as 'kommune' | 'spesialist';
      if (!spread.has(sector)) {
        spread.set(sector, searchPlacements(parts, people, locks, (pins) => spreadPossible(parts, people, sector, pins, cap)) === 'found');
      }
      const severity: ViolationSeverity = sectors.size === 1 && ids.length > cap(org) && spread.get(sector) === true ? 'error' : 'warning';
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const a = ids[i] as string;
          const b = ids[j] as string;
          out.push({ code: `${kind}_org_clash`, severity, message: `${a} and ${b} are from the same organisation and share ${kind} ${part.number}`, ids: [a, b] });
        }
      }
    }
  }
}

/** What binds participants to parts: pins (group locks), kept-apart pairs, kept-together clusters (ids). */
interface LockContext {
  pinned: ReadonlyMap<string, number>;
  apart: ReadonlyArray<readonly [string, string]>;
  clusters: ReadonlyArray<readonly string[]>;
}

/** Most placements the search visits before it gives up (the answer is then `unknown`). */
const SEARCH_BUDGET = 20_000;

/**
 * Depth-first search over placements of the lock-bound participants into parts (part number per id): kept-together
 * clusters as one unit, kept-apart participants each, locked participants fixed. A placement must fit each
 * part's own count of each sector (or, with `sizeCap`, at most that many in a part) and keep every kept-apart pair
 * in different parts. `visit` is called for each
 * complete placement; `found` as soon as it returns true, `none` when every placement was visited, `unknown`
 * when the budget ran out.
 */
function searchPlacements(
  parts: readonly Partition[],
  people: ReadonlyMap<string, Candidate>,
  locks: LockContext,
  visit: (pins: ReadonlyMap<string, number>) => boolean,
  sizeCap: number | null = null,
): 'found' | 'none' | 'unknown' {
  const inCluster = new Set(locks.clusters.flat());
  const units: string[][] = locks.clusters.map((c) => [...c]);
  const apartIds = sortIds(locks.apart.flat().filter((id) => !inCluster.has(id)));
  for (const id of apartIds) units.push([id]);
  // Capacity per part: its own sector counts, or (with `sizeCap`) up to that many of any sector.
  const capacity = new Map<number, { kommune: number; spesialist: number; total: number }>();
  for (const p of parts) {
    const k = p.memberIds.filter((id) => people.get(id)?.sector === 'kommune').length;
    capacity.set(p.number, sizeCap === null ? { kommune: k, spesialist: p.memberIds.length - k, total: Infinity } : { kommune: Infinity, spesialist: Infinity, total: sizeCap });
  }
  const pins = new Map<string, number>();
  const take = (id: string, part: number, sign: number): void => {
    const c = capacity.get(part);
    const sector = people.get(id)?.sector;
    if (c !== undefined && sector !== undefined) {
      c[sector] -= sign;
      c.total -= sign;
    }
  };
  for (const [id, part] of locks.pinned) {
    pins.set(id, part);
    take(id, part, 1);
  }
  const apartOf = new Map<string, string[]>();
  for (const [a, b] of locks.apart) {
    apartOf.set(a, [...(apartOf.get(a) ?? []), b]);
    apartOf.set(b, [...(apartOf.get(b) ?? []), a]);
  }
  let budget = SEARCH_BUDGET;
  let found = false;
  const rec = (u: number): void => {
    if (found || budget <= 0) return;
    if (u === units.length) {
      budget--;
      if (visit(pins)) found = true;
      return;
    }
    const unit = units[u] as string[];
    const fixed = unit.map((id) => locks.pinned.get(id)).find((x) => x !== undefined);
    for (const part of parts) {
      if (fixed !== undefined && part.number !== fixed) continue;
      const placedHere = unit.filter((id) => locks.pinned.get(id) === undefined);
      const c = capacity.get(part.number) as { kommune: number; spesialist: number; total: number };
      const needK = placedHere.filter((id) => people.get(id)?.sector === 'kommune').length;
      if (c.kommune < needK || c.spesialist < placedHere.length - needK || c.total < placedHere.length) continue;
      if (unit.some((id) => (apartOf.get(id) ?? []).some((o) => pins.get(o) === part.number))) continue;
      for (const id of placedHere) {
        pins.set(id, part.number);
        take(id, part.number, 1);
      }
      rec(u + 1);
      for (const id of placedHere) {
        pins.delete(id);
        take(id, part.number, -1);
      }
      if (found || budget <= 0) return;
    }
  };
  rec(0);
  return found ? 'found' : budget <= 0 ? 'unknown' : 'none';
}

function spreadPossible(parts: readonly Partition[], people: ReadonlyMap<string, Candidate>, sector: 'kommune' | 'spesialist', locked: ReadonlyMap<string, number>, cap: (org: string) => number): boolean {
  // `locked`: participants pinned to a part (by number).
  const members = sortIds([...people.values()].filter((c) => c.sector === sector).map((c) => c.id));
  const orgs = sortIds(members.map((id) => (people.get(id) as Candidate).organisationKey));
  const P = parts.length;
  // Nodes: source, members, (org, part) in/out, parts, sink.
  const source = 0;
  const memberNode = (i: number): number => 1 + i;
  const orgIn = (o: number, p: number): number => 1 + members.length + 2 * (o * P + p);
  const orgOut = (o: number, p: number): number => orgIn(o, p) + 1;
  const partNode = (p: number): number => 1 + members.length + 2 * orgs.length * P + p;
  const sink = 1 + members.length + 2 * orgs.length * P + P;
  const flow = new MaxFlow(sink + 1);
  const orgIndex = new Map(orgs.map((o, i) => [o, i]));
  members.forEach((id, i) => {
    flow.add(source, memberNode(i), 1);
    const o = orgIndex.get((people.get(id) as Candidate).organisationKey) as number;
    const lock = locked.get(id);
    parts.forEach((part, p) => {
      if (lock === undefined || lock === part.number) flow.add(memberNode(i), orgIn(o, p), 1);
    });
  });
  orgs.forEach((org, o) =>
    parts.forEach((_, p) => {
      flow.add(orgIn(o, p), orgOut(o, p), cap(org));
      flow.add(orgOut(o, p), partNode(p), cap(org));
    }),
  );
  parts.forEach((part, p) => {
    const n = part.memberIds.filter((id) => people.get(id)?.sector === sector).length;
    flow.add(partNode(p), sink, n);
  });
  return flow.run(source, sink) === members.length;
}

/** Dinic's maximum flow on small integer graphs. */
class MaxFlow {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];
  constructor(private readonly n: number) {
    this.head = Array.from({ length: n }, () => -1);
  }
  add(u: number, v: number, c: number): void {
    for (const [a, b, cc] of [[u, v, c], [v, u, 0]] as const) {
      this.to.push(b);
      this.cap.push(cc);
      this.next.push(this.head[a] as number);
      this.head[a] = this.to.length - 1;
    }
  }
  run(s: number, t: number): number {
    let total = 0;
    for (;;) {
      const level = Array.from({ length: this.n }, () => -1);
      level[s] = 0;
      const queue = [s];
      for (let qi = 0; qi < queue.length; qi++) {
        const u = queue[qi] as number;
        for (let e = this.head[u] as number; e !== -1; e = this.next[e] as number) {
          const v = this.to[e] as number;
          if ((this.cap[e] as number) > 0 && level[v] === -1) {
            level[v] = (level[u] as number) + 1;
            queue.push(v);
          }
        }
      }
      if (level[t] === -1) return total;
      const it = [...this.head];
      const dfs = (u: number, f: number): number => {
        if (u === t) return f;
        for (; (it[u] as number) !== -1; it[u] = this.next[it[u] as number] as number) {
          const e = it[u] as number;
          const v = this.to[e] as number;
          if ((this.cap[e] as number) > 0 && level[v] === (level[u] as number) + 1) {
            const d = dfs(v, Math.min(f, this.cap[e] as number));
            if (d > 0) {
              this.cap[e] = (this.cap[e] as number) - d;
              this.cap[e ^ 1] = (this.cap[e ^ 1] as number) + d;
              return d;
            }
          }
        }
        return 0;
      };
      for (let f = dfs(s, Infinity); f > 0; f = dfs(s, Infinity)) total += f;
    }
  }
}

/**
 * Team composition: exactly `kommune + spesialist` per team when the cohort allows every team that shape;
 * otherwise teams one smaller with both sectors (never more of a sector than the standard team has), as few
 * as possible. When even that cannot cover the cohort, any other shape is a warning. Returns that fewest number
 * of smaller teams, or null when the cohort needs other shapes.
 */
function composition(teams: readonly Partition[], people: ReadonlyMap<string, Candidate>, programme: Programme, out: Violation[]): number | null {
  const rule = teamRule(programme);
  const pk = rule.kommune;
  const ps = rule.spesialist;
  const K = [...people.values()].filter((c) => c.sector === 'kommune').length;
  const S = people.size - K;
  const smallerShapes = smallerTeamShapes(rule);
  const fewest = fewestSmallerTeams(K, S, rule);
  const shapeOf = (t: Partition): [number, number] => {
    const k = t.memberIds.filter((id) => people.get(id)?.sector === 'kommune').length;
    return [k, t.memberIds.length - k];
  };
  const isStandard = (x: [number, number]): boolean => x[0] === pk && x[1] === ps;
  const isSmaller = (x: [number, number]): boolean => smallerShapes.some((s) => s[0] === x[0] && s[1] === x[1]);
  let smaller = 0;
  for (const t of teams) {
    const shape = shapeOf(t);
    if (isStandard(shape)) continue;
    if (isSmaller(shape) && fewest !== null && fewest > 0) {
      smaller++;
      continue;
    }
    out.push({
      code: 'team_composition',
      severity: fewest === null ? 'warning' : 'error',
      message: `team ${t.number} has ${shape[0]} municipal and ${shape[1]} specialist members, expected ${pk} + ${ps}${fewest !== null && fewest > 0 ? ` (or ${pk + ps - 1} with both sectors)` : ''}`,
      ids: sortIds(t.memberIds),
      facts: { fact: 'team_shape', team: t.number, kommune: shape[0], spesialist: shape[1], expected: { kommune: pk, spesialist: ps }, orSmaller: fewest !== null && fewest > 0 },
    });
  }
  if (fewest !== null && smaller > fewest) {
    out.push({ code: 'team_composition', severity: 'error', message: `${smaller} teams are smaller than ${pk} + ${ps}; the cohort needs only ${fewest}`, ids: [], facts: { fact: 'smaller_teams', smaller, fewest, expected: { kommune: pk, spesialist: ps } } });
  }
  return fewest;
}

interface ValidLocks {
  inGroup: Array<{ id: string; group: number }>;
  apart: Array<[string, string]>;
  together: Array<[string, string]>;
  /** Kept-together clusters that can hold (ids sorted). */
  clusters: string[][];
}

/**
 * The locks that can be honoured; the rest are reported as warnings: unknown participants, group numbers out of
 * range, a participant locked into two groups, a pair kept apart but locked into one group, a pair both kept
 * apart and together, colleagues to be kept together, and chains of keep-together wishes that do not fit one
 * team or join colleagues or a kept-apart pair.
 */
function validLocks(input: GroupsCheckInput, people: ReadonlyMap<string, Candidate>, out: Violation[]): ValidLocks {
  const G = input.groups.length;
  const locks = input.locks ?? {};
  const pair = (a: string, b: string): [string, string] => (compareCodeUnits(a, b) <= 0 ? [a, b] : [b, a]);
  const uniq = (ps: ReadonlyArray<readonly [string, string]>): Array<[string, string]> => {
    const m = new Map<string, [string, string]>();
    for (const [a, b] of ps) {
      const p = pair(a, b);
      m.set(p.join('\u0000'), p);
    }
    return [...m.values()].sort((x, y) => compareCodeUnits(x[0], y[0]) || compareCodeUnits(x[1], y[1]));
  };
  const warn = (code: string, message: string, ids: string[]): void => {
    out.push({ code, severity: 'warning', message, ids: sortIds(ids) });
  };

  const groupsOf = new Map<string, Set<number>>();
  for (const l of locks.inGroup ?? []) {
    if (!people.has(l.id)) warn('lock_unknown_participant', `lock of ${l.id} into a group: not a participant`, [l.id]);
    else if (!Number.isInteger(l.group) || l.group < 1 || l.group > G) warn('lock_group_out_of_range', `lock of ${l.id} into group ${l.group}: there are ${G} groups`, [l.id]);
    else groupsOf.set(l.id, new Set([...(groupsOf.get(l.id) ?? []), l.group]));
  }
  const inGroup: ValidLocks['inGroup'] = [];
  for (const [id, gs] of groupsOf) {
    if (gs.size > 1) warn('lock_conflict', `${id} is locked into more than one group`, [id]);
    else inGroup.push({ id, group: [...gs][0] as number });
  }
  const lockedGroup = new Map(inGroup.map((l) => [l.id, l.group]));

  const apartAll = uniq(locks.apart ?? []);
  const apartKeys = new Set(apartAll.map((p) => p.join('\u0000')));
  const apart: Array<[string, string]> = [];
  for (const [a, b] of apartAll) {
    if (!people.has(a) || !people.has(b)) warn('lock_unknown_participant', `keep-apart of ${a} and ${b}: not both participants`, [a, b]);
    else if (a === b) warn('lock_conflict', `keep-apart of ${a} with itself`, [a]);
    else if (lockedGroup.has(a) && lockedGroup.get(a) === lockedGroup.get(b)) warn('lock_conflict', `${a} and ${b} are to be kept apart but are locked into one group`, [a, b]);
    else apart.push([a, b]);
  }

  const candidates: Array<[string, string]> = [];
  if (input.teams !== null) {
    for (const [a, b] of uniq(locks.togetherInTeam ?? [])) {
      const ca = people.get(a);
      const cb = people.get(b);
      if (ca === undefined || cb === undefined) warn('lock_unknown_participant', `keep-together of ${a} and ${b}: not both participants`, [a, b]);
      else if (a === b) warn('lock_conflict', `keep-together of ${a} with itself`, [a]);
      else if (apartKeys.has(`${a}\u0000${b}`)) warn('lock_conflict', `${a} and ${b} are to be kept both apart and together`, [a, b]);
      else if (ca.organisationKey === cb.organisationKey) warn('lock_conflict', `${a} and ${b} are to be kept together but are from one organisation`, [a, b]);
      else candidates.push([a, b]);
    }
  }
  // Chains of keep-together wishes: components by repeated merging.
  const comps: Array<Set<string>> = [];
  for (const [a, b] of candidates) {
    const hits = comps.filter((c) => c.has(a) || c.has(b));
    const merged = new Set<string>([a, b]);
    for (const h of hits) {
      for (const x of h) merged.add(x);
      comps.splice(comps.indexOf(h), 1);
    }
    comps.push(merged);
  }
  const { kommune: pk, spesialist: ps } = teamRule(input.programme);
  const together: Array<[string, string]> = [];
  const clusters: string[][] = [];
  for (const comp of comps) {
    const ids = sortIds(comp);
    const cs = ids.map((id) => people.get(id) as Candidate);
    const k = cs.filter((c) => c.sector === 'kommune').length;
    const tooBig = k > pk || cs.length - k > ps;
    const colleagues = new Set(cs.map((c) => c.organisationKey)).size < cs.length;
    const apartInside = apart.some(([a, b]) => comp.has(a) && comp.has(b));
    if (tooBig || colleagues || apartInside) {
      warn('lock_conflict', `keep-together wishes among ${ids.join(', ')} cannot all hold in one team`, ids);
    } else {
      together.push(...candidates.filter(([a]) => comp.has(a)));
      clusters.push(ids);
    }
  }
  return { inGroup, apart, together, clusters };
}
