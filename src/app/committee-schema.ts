/**
 * The parts of the JSON documents about the committee's own decisions and the nominating bodies' caps (issue 13,
 * items 5 and 6), kept apart from `summary-schema.ts`, which adds them to each document.
 */
import { z } from 'zod';

const count = z.int().nonnegative();

/** One decision of the committee with its verdict (`app/decisions.ts`). */
const DecisionSchema = z.strictObject({
  rule: z.enum(['include', 'exclude', 'group', 'apart', 'together']),
  id: z.string(),
  other: z.string().nullable().describe('`apart`/`together`: the other participant; else null'),
  group: z.int().positive().nullable().describe('`group`: the workshop group number; else null'),
  reason: z.string().nullable().describe('the reason (`begrunnelse`) as the locks file gives it; null when none'),
  source: z.strictObject({ file: z.string().describe('the locks file as given, or `--include`/`--exclude`'), line: z.int().positive().nullable().describe('the locks file\'s line; null for an option') }),
  obeyed: z.boolean().describe('whether the allocation obeys it, measured on the allocation itself'),
  why: z.string().nullable().describe('why it is not obeyed (ids only); null when obeyed'),
});

export const DecisionsSchema = z.array(DecisionSchema).describe('every committee decision (locks file rows, then --include/--exclude ids first), in that order');

/** Hospital trusts that nominated more than the cap, and who is over it. */
export const NominationCapSchema = z.strictObject({
  cap: count.nullable().describe('the programme\'s cap per hospital trust; null: no cap'),
  trusts: z
    .array(
      z.strictObject({
        trust: z.string(),
        rhf: z.string().nullable(),
        nominated: count.describe('specialist candidates of the trust in the input'),
        overCap: z.array(z.string()).describe('ids beyond the cap by the trust\'s priority (status `over_cap`, or `ineligible` when they also fail a requirement)'),
      }),
    )
    .describe('only trusts over the cap, in code-unit order of the name'),
});

const ranked = z.strictObject({ id: z.string(), priority: z.int().positive().nullable().describe('the body\'s priority; null: unranked') });

/** Every departure from a nominating body's ranking (`Departure` in stages/select/select.ts). */
export const DeparturesSchema = z
  .array(
    z.strictObject({
      cell: z.string().describe('the quota cell (nominating body): `kommune` or `spesialist/<RHF>`'),
      label: z.string(),
      passedOver: ranked.describe('ahead in the body\'s call-in order (rank, then the lottery), not selected'),
      takenInstead: ranked.describe('selected in their place'),
      cause: z
        .enum(['gender_body', 'gender_agreement', 'include', 'exclude', 'nomination_cap'])
        .describe('the body\'s own gender rule; the cohort\'s or a sector\'s share by the bodies\' agreement (gender.acrossBodies); a committee include or exclude; the passed-over candidate is over the nomination cap'),
      sameRank: z.boolean().describe('both have the same priority: only the lottery had placed the passed-over one first'),
    }),
  )
  .describe('cell by cell in programme order; empty when every body\'s selection follows its ranking');

/** Seats decided by the seeded lottery (`LotterySeats`). */
export const LotterySchema = z
  .array(
    z.strictObject({
      cell: z.string(),
      label: z.string(),
      priority: z.int().positive().nullable().describe('the tied priority; null: candidates the body did not rank'),
      seats: count.describe('seats the draw decided'),
      among: z.array(z.string()).describe('the tied candidates, in the draw\'s order'),
      selected: z.array(z.string()),
    }),
  )
  .describe('a CI check can fail on a non-empty list: ask the body to rank its candidates');

const change = z.strictObject({ id: z.string(), priority: z.int().positive().nullable(), gender: z.enum(['female', 'male', 'unknown']) });

/** The cohort's and sectors' gender shares and the proposal that would reach them (`GenderBalance`). */
export const GenderBalanceSchema = z.strictObject({
  acrossBodies: z.boolean().describe('the bodies have agreed to balance gender across their lists (programme `gender.acrossBodies`): the shares are rules'),
  targets: z.array(
    z.strictObject({
      id: z.string(),
      scope: z.enum(['cohort', 'sector']),
      scopeKey: z.string(),
      gender: z.enum(['female', 'male']),
      required: count,
      actual: count,
      met: z.boolean(),
    }),
  ),
  proposal: z
    .strictObject({
      applied: z.boolean().describe('true only with the bodies\' agreement; else a proposal for the committee'),
      changes: z.array(z.strictObject({ cell: z.string(), label: z.string(), out: change, in: change })),
      shortfallBefore: count.describe('the targets\' total shortfall with each body\'s own list'),
      shortfallAfter: count.describe('after the changes (0: every target reached)'),
      proven: z.boolean().describe('the balanced selection was proven optimal; false: the time limit cut it short, and the proposal may not be the smallest change'),
    })
    .nullable()
    .describe('null when each body\'s own list already reaches every target'),
});
