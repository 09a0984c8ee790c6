/**
 * The documents `--json` prints (and `summary.json`): one zod schema per command, the single source of their
 * TypeScript types (`z.infer`) and of `data/summary.schema.json` (`z.toJSONSchema`, written by
 * `scripts/gen-schemas.mjs`; a test fails when the committed file is out of date).
 *
 * Every object is strict, so a field added to an output without a schema change fails the tests. Each document
 * carries `schemaVersion` and `command`; `schemaVersion` is bumped on any incompatible change (a field removed,
 * renamed or retyped). Adding a field is compatible but still goes through these schemas.
 *
 * The app builds each document in its own key order; these schemas only check and describe it (zod's parse
 * output is never printed, since it would reorder keys).
 */
import { z } from 'zod';
import { programmeSchema } from '../domain/programme.js';
import { GENDERS, RHFS, SECTORS } from '../domain/types.js';
import { WARNING_CODES } from '../domain/warnings.js';
import { ALLOCATION_STATUSES } from '../read/allocation.js';
import { CHANGE_KINDS } from '../domain/i18n/catalogue.js';
import { DecisionsSchema, DeparturesSchema, GenderBalanceSchema, LotterySchema, NominationCapSchema } from './committee-schema.js';

const count = z.int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/).describe('lowercase hex SHA-256 of the file\'s bytes');
const solveStatus = z.enum(['optimal', 'infeasible', 'timed_out', 'unbounded', 'error']);
const region = z.enum([...RHFS, 'unknown']);

const ToolSchema = z.strictObject({ name: z.literal('cohort'), version: z.string() });

const WarningSchema = z.strictObject({
  /** Stable code, e.g. `nomination_cap`, `unrecognised_gender`. */
  code: z.string(),
  message: z.string(),
});

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]);

/** A run-level warning of reading, screening or selecting (src/domain/warnings.ts): code, text in the run's language, facts. */
const RunWarningSchema = z.strictObject({
  code: z.enum(WARNING_CODES).describe('stable code: the CI contract (the text beside it follows --lang)'),
  message: z.string().describe('the warning in the run\'s language (--lang; bokmål by default on a Norwegian system), from the code and params'),
  params: z
    .record(z.string(), paramValue)
    .describe('the facts behind the warning, by code: ids, counts, file, sheet, line (the row as the spreadsheet numbers it), column (the header as written), the names of trusts, municipalities and quota cells; never personal data'),
});

const GenderCountSchema = z.strictObject({ female: count, male: count, unknown: count });

/** A candidate file as read: the name as given on the command line (relative paths stay relative). */
const InputFileSchema = z.strictObject({
  file: z.string().describe('the file as named on the command line'),
  sha256,
  encoding: z.string().describe('utf8, cp1252, cp850, utf16le or utf16be for a CSV file; xlsx or ods for a workbook'),
  delimiter: z.string(),
  rows: count.describe('data rows read'),
});

const overCapCount = count.describe('of `ineligible`, those whose only reason is the nomination cap (status `over_cap`)');
const StatusCountsSchema = z.strictObject({
  candidates: count,
  selected: count,
  reserve: count,
  excluded: count,
  ineligible: count.describe('not eligible, whatever the reason: those over the nomination cap included (see `overCap`)'),
  overCap: overCapCount,
});

const placeNumber = z.int().positive().describe('a workshop group or project team number');
const rankNumber = z.int().positive().describe('a 1-based reserve rank');

// ---------------------------------------------------------------------------------------------------------
// cohort diff (and allocate --previous)

/** Where a candidate stands in one allocation. */
const DiffPlaceSchema = z.strictObject({
  status: z.enum(ALLOCATION_STATUSES),
  cell: z.string().nullable().describe('quota cell key, e.g. `kommune`, `spesialist/Helse Vest`; null when blank'),
  reserveRank: rankNumber.nullable(),
  workshopGroup: placeNumber.nullable(),
  projectTeam: placeNumber.nullable(),
});

const DiffBodyCountSchema = z.strictObject({
  selected: count.describe('participants of the cell'),
  reserves: count,
  female: count.describe('participants who are women'),
  male: count,
  unknown: count,
});

/** One allocation file compared, with what its run's summary.json (beside it) says. */
const DiffFileSchema = InputFileSchema.extend({
  programme: z.strictObject({ name: z.string(), startDate: z.string() }).nullable().describe('from the summary.json beside the file; null when there is none'),
  seed: z.string().nullable().describe('the run\'s lottery seed, from the same summary.json'),
});

/** The changes between two allocations: `cohort diff --json`, and `previous` in summary.json of `allocate --previous`. */
export const DiffChangesSchema = z.strictObject({
  equal: z.boolean().describe('no change at all; true exactly when `cohort diff` exits 0'),
  counts: z.strictObject(Object.fromEntries(CHANGE_KINDS.map((k) => [k, count])) as Record<(typeof CHANGE_KINDS)[number], typeof count>),
  changes: z
    .array(
      z.strictObject({
        id: z.string(),
        kind: z.enum(CHANGE_KINDS).describe('`in`/`out` of the cohort; `moved`: another group, team or cell; `status`: another status or cell outside the cohort; `reserve_rank`; `data`: input columns only'),
        old: DiffPlaceSchema.nullable().describe('null: not in the old allocation'),
        new: DiffPlaceSchema.nullable().describe('null: not in the new allocation'),
        reasons: z.array(z.string()).describe('reason codes of the new run (`selected`, `reserve`, `passed_over_for_gender_rule`, `too_young`, …)'),
        columnsChanged: z.array(z.string()).describe('input columns whose value changed, by canonical name or header (values are not shown)'),
      }),
    )
    .describe('sorted by kind, then quota cell, then id'),
  bodies: z
    .array(z.strictObject({ cell: z.string(), old: DiffBodyCountSchema, new: DiffBodyCountSchema }))
    .describe('each quota cell (KS for `kommune`, an RHF for `spesialist/<RHF>`) in both allocations'),
});
export type DiffChanges = z.infer<typeof DiffChangesSchema>;

// ---------------------------------------------------------------------------------------------------------
// cohort allocate

const CellSchema = z.strictObject({
  key: z.string().describe('quota cell key: `kommune` or `spesialist/<RHF>`'),
  label: z.string(),
  sector: z.enum(SECTORS),
  rhf: z.string().nullable().describe(`the cell's RHF (${RHFS.join(', ')}), null for an unsplit sector`),
  seats: count,
  nominated: count.describe('candidates of this cell in the input, any status'),
  eligible: count.describe('of those, eligible (excluded ones included)'),
  excluded: count,
  selected: count,
  shortfall: count.describe('seats − selected'),
  ineligibleByReason: z.record(z.string(), count).describe('ineligible candidates per screening reason code'),
  gender: z.strictObject({ nominated: GenderCountSchema, eligible: GenderCountSchema, selected: GenderCountSchema }),
  explanation: z.string().nullable().describe('plain words when seats are unfilled'),
  reserves: count,
});

const RuleSchema = z.strictObject({
  id: z.string().describe('`quota.<cell>`, `gender.cohort.<g>`, `gender.sector.<sector>.<g>`, `gender.cell.<cell>.<g>`'),
  kind: z.enum(['quota', 'gender']),
  scope: z.enum(['cohort', 'sector', 'cell']),
  scopeKey: z.string(),
  gender: z.enum(['female', 'male']).nullable(),
  required: count,
  actual: count,
  met: z.boolean(),
  text: z.string(),
  explanation: z.string().nullable(),
});

const RelaxationSchema = z.strictObject({
  stage: z.enum(['groups', 'teams']),
  code: z.string().describe('the same code as the independent checker\'s violation for the rule'),
  reason: z.string(),
  ids: z.array(z.string()),
});

const StageSchema = z.strictObject({
  stage: z.enum(['selection', 'groups', 'teams']),
  model: z.string(),
  status: z.enum(['optimal', 'feasible', 'infeasible', 'timed_out', 'unbounded', 'error']).describe('`optimal` only when a solver proved it'),
  solverStatus: solveStatus,
  objective: z.number().nullable(),
  bound: z.number().nullable(),
  gap: z.number().nullable().describe('(objective − bound) / max(1, |objective|)'),
  terms: z.array(z.strictObject({ name: z.string(), description: z.string().optional(), value: z.number(), weight: z.number() })),
  modelSizes: z.array(z.strictObject({ label: z.string(), variables: count, constraints: count })),
});

const ClashSchema = z.tuple([z.string(), z.string()]);

const GroupQualitySchema = z.strictObject({
  group: z.int().positive(),
  size: count,
  kommune: count,
  spesialist: count,
  female: count,
  male: count,
  unknownGender: count,
  genderMinimum: count,
  genderMinimumMet: z.boolean(),
  regions: z.array(z.strictObject({ region, count })),
  organisationClashes: z.array(ClashSchema),
});

const TeamQualitySchema = z.strictObject({
  team: z.int().positive(),
  members: z.array(
    z.strictObject({ id: z.string(), sector: z.enum(SECTORS), region, county: z.string().nullable(), gender: z.enum(GENDERS), group: z.int().positive().nullable() }),
  ),
  kommune: count,
  spesialist: count,
  catchmentMatch: z
    .boolean()
    .describe("region-matched, and every municipal member's municipality lies in the catchment area (data/opptaksomrader.csv) of one of the specialist members' trusts"),
  regionMatch: region.nullable(),
  groupsDistinct: z.boolean(),
  sameGroupPairs: count,
  female: count,
  male: count,
  bothGenders: z.boolean(),
  organisationClashes: z.array(ClashSchema),
});

const TeamMatchSchema = z
  .strictObject({
    catchmentMatched: z
      .strictObject({
        count: count.describe("region-matched teams in which every municipal member's municipality lies in the catchment area of one of the specialist members' trusts"),
        best: count
          .nullable()
          .describe('the most such teams any set of teams of these shapes can have (an integer program that leaves workshop groups, gender and locks out); null when no solver answered'),
      })
      .describe('catchment-matched teams'),
    regionMatched: z
      .strictObject({
        count: count.describe('teams whose members all belong to one RHF (every catchment-matched team is one)'),
        best: count.nullable().describe("the most such teams (the team model's optimum, or its solver's bound); null when no solver answered"),
      })
      .describe('RHF-matched teams'),
  })
  .describe('project teams matched by catchment area and by RHF, against the best the cohort allows');

/** `summary.json` of `cohort allocate` (and its `--json` output). Holds no timings: byte-identical across runs. */
export const AllocateSummarySchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    tool: ToolSchema,
    command: z.literal('allocate'),
    seed: z.string(),
    programme: z.strictObject({ name: z.string(), startDate: z.string(), source: z.string().describe('`built-in` or the --config path as given'), sha256 }),
    inputs: z.array(InputFileSchema),
    counts: StatusCountsSchema,
    allRulesMet: z.boolean().describe('false exactly when the exit code is 1'),
    cells: z.array(CellSchema),
    gender: z.strictObject({ cohort: GenderCountSchema, sectors: z.strictObject({ kommune: GenderCountSchema, spesialist: GenderCountSchema }) }),
    rules: z.array(RuleSchema),
    relaxations: z.array(RelaxationSchema),
    stages: z.array(StageSchema),
    groups: z.array(GroupQualitySchema),
    teams: z.array(TeamQualitySchema),
    teamMatch: TeamMatchSchema,
    warnings: z.array(RunWarningSchema),
    decisions: DecisionsSchema,
    nominationCap: NominationCapSchema,
    departures: DeparturesSchema,
    lottery: LotterySchema,
    genderBalance: GenderBalanceSchema,
    previous: z
      .strictObject({
        file: z.string().describe('the --previous file as given'),
        sha256,
        idsNotInInput: z.array(z.string()).describe('ids of the previous allocation that are not among the candidates now'),
        idsNamingAnotherPerson: z
          .array(z.string())
          .describe('ids of the previous allocation that are candidates now, but whose name and birth date both changed: not kept in their previous places'),
        stability: z
          .strictObject({
            participantsInBoth: count.describe('participants of both allocations'),
            sameGroup: count.describe('of those, in the workshop group with the same number'),
            sameTeam: count.describe('of those, in the project team with the same number'),
          })
          .describe('how much of the previous allocation the stable rerun kept: among equally good results the one keeping the most was chosen'),
        ...DiffChangesSchema.shape,
      })
      .optional()
      .describe('with --previous only: the changes from that allocation to this one, as `cohort diff` finds them'),
  })
  .meta({ title: 'cohort allocate summary' });
export type AllocateSummary = z.infer<typeof AllocateSummarySchema>;

// ---------------------------------------------------------------------------------------------------------
// cohort check

/**
 * `error`: the allocation breaks a rule it could have kept (or contradicts the candidates' screening).
 * `unmet`: a programme rule is not met and the checkers cannot show it could be (a shortfall, a gender minimum
 * the candidates cannot meet, a relaxed group or team rule). `warning`: reported, not a failure (justified envy
 * without `--strict`: the committee overrode the ranking knowingly; a lock that cannot apply).
 */
const CHECK_SEVERITIES = ['error', 'unmet', 'warning'] as const;

const CheckViolationSchema = z.strictObject({
  code: z.string().describe('stable code, e.g. `over_quota`, `justified_envy`, `group_size`, `team_composition`'),
  severity: z.enum(CHECK_SEVERITIES),
  message: z.string().describe('plain words; people by id and file line, never by name'),
  ids: z.array(z.string()),
  rule: z.string().nullable().describe('programme rule id for quota and gender findings, e.g. `quota.spesialist/Helse Vest`'),
});
export type CheckViolation = z.infer<typeof CheckViolationSchema>;

/** `cohort check --json`. */
export const CheckReportSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    tool: ToolSchema,
    command: z.literal('check'),
    ok: z.boolean().describe('every rule met: no `error` and no `unmet` violation; true exactly when the exit code is 0'),
    strict: z.boolean().describe('--strict: justified envy is an error'),
    programme: z.strictObject({ name: z.string(), startDate: z.string(), source: z.string(), sha256 }),
    inputs: z.array(InputFileSchema),
    allocation: InputFileSchema,
    counts: StatusCountsSchema.describe('statuses as the allocation has them'),
    tally: z.strictObject({ errors: count, unmet: count, warnings: count }),
    violations: z.array(CheckViolationSchema),
    warnings: z.array(RunWarningSchema).describe('findings of reading and screening the candidates'),
    decisions: DecisionsSchema,
    nominationCap: NominationCapSchema,
  })
  .meta({ title: 'cohort check report' });
export type CheckReport = z.infer<typeof CheckReportSchema>;

// ---------------------------------------------------------------------------------------------------------
// cohort replace


/** `summary.json` of `cohort replace` (and its `--json` output): the new allocation's state and the change set. */
export const ReplaceSummarySchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    tool: ToolSchema,
    command: z.literal('replace'),
    seed: z.string().describe('lottery seed: the call-in order of a cell whose reserves have no rank, and any re-forming of groups'),
    programme: z.strictObject({ name: z.string(), startDate: z.string(), source: z.string(), sha256 }),
    inputs: z.array(InputFileSchema),
    allocation: InputFileSchema.describe('the allocation the change starts from'),
    request: z.strictObject({ withdraw: z.array(z.string()), add: z.array(z.string()) }),
    counts: z.strictObject({ candidates: count, selected: count, reserve: count, withdrawn: count, excluded: count, ineligible: count, overCap: overCapCount }),
    allRulesMet: z.boolean().describe('`cohort check` finds no error and no unmet rule in the new allocation; false exactly when the exit code is 1'),
    changes: z.strictObject({
      withdrawn: z.array(
        z.strictObject({
          id: z.string(),
          cell: z.string().nullable(),
          was: z.enum(['selected', 'reserve']),
          workshopGroup: placeNumber.nullable().describe('the place a participant left; null for a reserve'),
          projectTeam: placeNumber.nullable(),
          reserveRank: rankNumber.nullable().describe('a withdrawn reserve\'s rank before'),
          replacedBy: z.string().nullable().describe('who took the seat; null for a reserve or a seat left empty'),
        }),
      ),
      newcomers: z.array(
        z.strictObject({
          id: z.string(),
          cell: z.string(),
          replaces: z.string().nullable().describe('the withdrawn participant whose seat they take; null for a seat that was already vacant'),
          reserveRank: rankNumber.nullable().describe('their reserve rank before'),
          how: z.enum(['next_reserve', 'gender_rule', 'committee_add']),
          why: z.string(),
          passedOver: z.array(z.string()).describe('better-placed reserves of the cell they were called in before (a gender rule, a committee add); empty for the next reserve'),
          workshopGroup: placeNumber,
          projectTeam: placeNumber,
          exactPlace: z.boolean().describe('the exact workshop group and project team of the one they replace'),
          placeNote: z.string().nullable().describe('why not the exact place'),
        }),
      ),
      moves: z.array(z.strictObject({ id: z.string(), fromGroup: placeNumber, toGroup: placeNumber, fromTeam: placeNumber, toTeam: placeNumber, why: z.string() })),
      emptySeats: z.array(z.strictObject({ cell: z.string(), withdrawn: z.string().nullable(), explanation: z.string() })),
    }),
    placement: z.strictObject({
      method: z.enum(['local', 'reformed']).describe('`local`: fewest moved by a small search; `reformed`: groups and teams formed afresh and numbered to keep most in place'),
      statesExplored: count,
      groupChanges: count.describe('participants (newcomers not counted) who changed workshop group'),
      teamChanges: count.describe('participants (newcomers not counted) who changed project team'),
    }),
    cells: z.array(z.strictObject({ key: z.string(), label: z.string(), seats: count, selected: count, reserves: count, shortfall: count, gender: GenderCountSchema })),
    rules: z.array(RuleSchema),
    findings: z.array(CheckViolationSchema).describe('what `cohort check` reports on the new allocation'),
    groups: z.array(GroupQualitySchema),
    teams: z.array(TeamQualitySchema),
    warnings: z.array(RunWarningSchema),
    decisions: DecisionsSchema,
    nominationCap: NominationCapSchema,
  })
  .meta({ title: 'cohort replace summary' });
export type ReplaceSummary = z.infer<typeof ReplaceSummarySchema>;

// ---------------------------------------------------------------------------------------------------------
// cohort screen, cohort rules

/** `cohort screen --json`. */
export const ScreenSummarySchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    command: z.literal('screen'),
    programme: z.strictObject({ name: z.string(), source: z.string(), sha256 }),
    inputs: z.array(z.strictObject({ file: z.string(), sha256 })),
    candidates: count,
    cells: z.array(z.strictObject({ cell: z.string(), candidates: count, eligible: count, ineligible: count, byReason: z.record(z.string(), count) })),
    warnings: z.array(RunWarningSchema),
  })
  .meta({ title: 'cohort screen summary' });
export type ScreenSummary = z.infer<typeof ScreenSummarySchema>;

/** `cohort rules --json`: the programme exactly as configured. */
export const RulesDocumentSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    command: z.literal('rules'),
    source: z.string(),
    sha256,
    programme: programmeSchema(z),
  })
  .meta({ title: 'cohort rules document' });

/** `cohort diff --json`. */
export const DiffDocumentSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    tool: ToolSchema,
    command: z.literal('diff'),
    old: DiffFileSchema,
    new: DiffFileSchema,
    ...DiffChangesSchema.shape,
    warnings: z.array(WarningSchema),
  })
  .meta({ title: 'cohort diff document' });
export type DiffDocument = z.infer<typeof DiffDocumentSchema>;

/** Any document a `cohort` command prints with `--json`, told apart by `command`. */
export const CommandOutputSchema = z
  .discriminatedUnion('command', [AllocateSummarySchema, CheckReportSchema, ScreenSummarySchema, RulesDocumentSchema, ReplaceSummarySchema, DiffDocumentSchema])
  .meta({
    title: 'cohort --json output',
    description: 'What `cohort allocate|check|screen|rules|replace|diff --json` prints on stdout (one document, nothing else) and what `cohort allocate` and `cohort replace` write to summary.json. Versioned by `schemaVersion`.',
  });

/**
 * The JSON Schema committed as `data/summary.schema.json` (two-space indent, trailing newline).
 * `scripts/gen-schemas.mjs` writes it; a test checks the committed file against it.
 */
export function summaryJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(CommandOutputSchema), null, 2)}\n`;
}
