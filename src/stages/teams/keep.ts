/**
 * Stable reruns for project teams (`allocate --previous`): after the teams are as good as the rules and quality
 * terms make them, swap participants of one sector between teams where that brings participants back to their
 * previous team and makes no team's score worse in any respect (locks, clashes, catchment match, region match, shared workshop groups,
 * gender mix). The objective therefore never changes; only a choice among equals does. Pure, deterministic.
 */
import { numberLikePrevious } from '../stable.js';
import type { Person } from '../common.js';
import { scoreTeam, type Team, type TeamContext, type TeamScore } from './model.js';

function noWorse(after: TeamScore, before: TeamScore): boolean {
  return (
    after.apart <= before.apart &&
    after.conflicts <= before.conflicts &&
    after.notCatchment <= before.notCatchment &&
    after.unmatched <= before.unmatched &&
    after.sameGroupPairs <= before.sameGroupPairs &&
    after.missingGender <= before.missingGender
  );
}

function sum(a: TeamScore, b: TeamScore): TeamScore {
  return {
    apart: a.apart + b.apart,
    conflicts: a.conflicts + b.conflicts,
    notCatchment: a.notCatchment + b.notCatchment,
    unmatched: a.unmatched + b.unmatched,
    sameGroupPairs: a.sameGroupPairs + b.sameGroupPairs,
    missingGender: a.missingGender + b.missingGender,
  };
}

/**
 * Bring participants back to their previous team number: label the teams as they will be numbered (the numbers
 * keeping the most members in place), then swap same-sector participants between two teams while a swap puts
 * more of them under their previous number and leaves the two teams' scores, summed, no worse in any component;
 * relabel and repeat until nothing improves. Returns the number of swaps made.
 */
export function keepPreviousTeams(teams: Team[], ctx: TeamContext, previous: ReadonlyMap<string, number>, maxRounds = 10): number {
  const scores = teams.map((t) => scoreTeam(t.ids, ctx));
  const sectorOf = (id: string) => (ctx.byId.get(id) as Person).sector;
  let swaps = 0;
  for (let round = 0; round < maxRounds; round++) {
    const labels = numberLikePrevious(teams.map((t) => t.ids), previous);
    const at = (id: string, team: number): number => (previous.get(id) === labels[team] ? 1 : 0);
    let improved = false;
    for (let a = 0; a < teams.length; a++) {
      for (let b = a + 1; b < teams.length; b++) {
        const ta = teams[a] as Team;
        const tb = teams[b] as Team;
        for (let i = 0; i < ta.ids.length; i++) {
          for (let j = 0; j < tb.ids.length; j++) {
            const x = ta.ids[i] as string;
            const y = tb.ids[j] as string;
            if (ta.fixed.has(x) || tb.fixed.has(y) || sectorOf(x) !== sectorOf(y)) continue;
            const gain = at(x, b) + at(y, a) - at(x, a) - at(y, b);
            if (gain <= 0) continue;
            const na = [...ta.ids];
            const nb = [...tb.ids];
            na[i] = y;
            nb[j] = x;
            const sa = scoreTeam(na, ctx);
            const sb = scoreTeam(nb, ctx);
            if (!noWorse(sum(sa, sb), sum(scores[a] as TeamScore, scores[b] as TeamScore))) continue;
            ta.ids = na;
            tb.ids = nb;
            scores[a] = sa;
            scores[b] = sb;
            swaps++;
            improved = true;
          }
        }
      }
    }
    if (!improved) break;
  }
  return swaps;
}
