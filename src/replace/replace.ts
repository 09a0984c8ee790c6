/**
 * `cohort replace` (issue 7): dropouts and late changes after the allocation, disturbing as few people as
 * possible. Pure: takes the screened candidates, the programme and the current allocation's decisions, returns
 * the new decisions and the change set. No files, no clock, no solver.
 *
 * The steps, one file each: read the state and check the request (request.ts); decide who takes each seat
 * (seats.ts); measure the rules after the change (outcome.ts); place everyone in groups and teams (placement.ts,
 * with the search in search.ts); explain the change set and write the rows (explain.ts). Types in types.ts.
 *
 * ## Seats
 * - A withdrawn participant frees a seat in their quota cell, tied to their workshop-group and project-team place.
 *   A withdrawn reserve frees nothing; the reserves behind them move up.
 * - `add` (a committee decision) brings a named reserve in: it takes a seat freed in its own cell (the freed seats
 *   of a cell in the order of the withdrawn ids), before any reserve is called in, so the reserve who would have
 *   been called next stays a reserve. An add with no free seat in its cell is refused (`no_free_seat`): a quota
 *   cell never holds more than its seats.
 * - Every other free seat is filled from its cell's reserves in call-in order (the allocation's `reserve_rank`,
 *   else priority, the seeded lottery draw, id — as `cohort allocate` orders them).
 * - Gender rules (the same rules as the selection: each body's own rule, and the cohort's and sectors' shares when the
 *   bodies have agreed to balance across their lists) that the
 *   allocation met must still be met. When the reserves called in break one, the worst-placed newcomer of the other
 *   gender in a cell the rule covers gives way to that cell's best-placed reserve of the needed gender, as long as
 *   that lowers the total shortfall of those rules. Only newcomers give way: a participant who has been told is
 *   never un-admitted, and a committee add never gives way. A rule that cannot be kept so is reported, not hidden.
 * - A seat with no reserve left stays empty and is reported (a quota rule not met).
 *
 * ## Places in groups and teams
 * Each newcomer starts in the exact workshop-group and project-team place of the one who left (a seat that was
 * already vacant starts in the smallest group and the team missing that sector). A newcomer is always of the same
 * sector as the one they replace (a quota cell is within one sector), so team shapes and the groups' sector mix
 * are kept; what can break is an organisation clash, or — when seats stay empty — group sizes, sector mix and team
 * shapes, the committee's locks. Then the groups, and after them the teams, are searched for the lexicographic
 * best of:
 *   1. hard rules broken (sizes, sector mix, organisation clashes beyond the unavoidable, team shapes, locks: keep in
 *      a group, keep apart, keep together in a team);
 *   2. participants who change their workshop group (respectively project team); newcomers do not count; for teams,
 *      then those the group stage did not move already (disturb as few people as possible);
 *   3. newcomers away from the place they were given;
 *   4. quality: groups — gender below the Norwegian-table minimum, RHF above its even share; teams — not
 *      region-matched, members sharing a workshop group, a gender missing.
 * The search is exhaustive over every single swap or relocation that involves a newcomer or a member of a part
 * that breaks a rule; from the best of those (a beam of `BEAM` states) the same again, up to `MAX_DEPTH` steps,
 * and it stops as soon as no further step can lower the number of people moved. Ties go to the first state in a
 * fixed enumeration order (participants by id), so the result is deterministic. The caller re-checks the result
 * with the independent checkers; when the search cannot reach a valid placement (`placement.hardLeft`, the checker's
 * errors) or the cohort now needs another number of groups (`placement.groupCountChanged`), the caller re-forms the
 * groups and teams from scratch and passes them back in (`ReformedPlacement`).
 */
import { changeSet } from './explain.js';
import { ruleOutcomes } from './outcome.js';
import { place, reformedPlacement } from './placement.js';
import { readRequest } from './request.js';
import { decideSeats } from './seats.js';
import type { ReformedPlacement, ReplaceInput, ReplaceOutcome, Seat } from './types.js';

export { moveText } from './explain.js';
export type { CurrentRow, ReformedPlacement, ReplaceInput, ReplaceResult, ResultRow } from './types.js';

/**
 * Compute the replacement. Problems with the request (unknown ids, an add without a seat) come back as a value.
 * With `reformed`, the seats are decided the same way and the given groups and teams are used instead of the search.
 */
export function computeReplacement(input: ReplaceInput, reformed?: ReformedPlacement): ReplaceOutcome {
  const request = readRequest(input);
  if (!request.ok) return request;
  const state = request.state;
  const seats = decideSeats(state);
  if (!seats.ok) return seats;
  const decision = seats.decision;
  const outcome = ruleOutcomes(state, decision);

  const newcomerSeat = new Map<string, Seat>();
  for (const s of decision.seats) if (s.taker !== null) newcomerSeat.set(s.taker, s);
  const placement =
    reformed === undefined ? place(input.programme, decision.participants, state.infoById, state.rowById, newcomerSeat, input.locks) : reformedPlacement(reformed);

  const changes = changeSet(state, decision, placement, newcomerSeat, reformed);
  return {
    ok: true,
    result: {
      rows: changes.rows,
      withdrawn: changes.withdrawn,
      newcomers: changes.newcomers,
      moves: changes.moves,
      emptySeats: outcome.emptySeats,
      rules: outcome.rules,
      cells: outcome.cells,
      participants: [...decision.participants],
      placement,
    },
  };
}
