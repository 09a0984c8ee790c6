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
