/**
 * The programme file: a zod schema (the single source of the `Programme` type; built with the caller's zod, so that
 * this module loads none), semantic checks that
 * collect every problem, and helpers that derive the quota cells. What each rule means, and the one reader of
 * its keys, is in rules.ts. Pure: loading files lives in src/io.
 */
import type { z } from 'zod';
import { parseIsoDate } from './dates.js';
import type { ConfigExpect, ConfigProblemParams } from './i18n/catalogue.js';
import { EDUCATION_LEVELS, RHFS, SECTORS, type Rhf, type Sector } from './types.js';

/** The zod module's `z`, handed in by the caller (see `programmeSchema`). */
export type Zod = typeof z;

/** What the schema expects of a value, in English; `ConfigExpect` names each for the other languages. */
const CONFIG_EXPECT: Readonly<Record<ConfigExpect, string>> = {
  positive_int: 'expected a positive integer',
  non_negative: 'expected a number ≥ 0',
  share: 'expected a share between 0 and 0.5',
  date: 'expected a date like 2026-08-15',
  real_date: 'expected a real calendar date like 2026-08-15',
  gender_rule: 'expected "table", "none", { "share": 0.4 } or { "minimum": 1 }',
  non_empty_name: 'expected a non-empty name',
  whole_years: 'expected a whole number of years',
};
const EXPECT_CODE = new Map(Object.entries(CONFIG_EXPECT).map(([code, text]) => [text, code as ConfigExpect]));

/**
 * The programme file's schema, built with the zod the caller loaded: `src/io/config-load.ts` loads zod only for a
 * file other than the built-in one (its load time is a third of a 40-seat run's), `summary-schema.ts` with its own.
 * The single source of the `Programme` type.
 */
export function programmeSchema(z: Zod) {
  const positiveInt = z.number({ error: CONFIG_EXPECT.positive_int }).int(CONFIG_EXPECT.positive_int).positive(CONFIG_EXPECT.positive_int);
  const nonNegative = z.number({ error: CONFIG_EXPECT.non_negative }).nonnegative(CONFIG_EXPECT.non_negative);
  const share = z.number({ error: CONFIG_EXPECT.share }).min(0, CONFIG_EXPECT.share).max(0.5, CONFIG_EXPECT.share);
  const isoDate = z
    .string({ error: CONFIG_EXPECT.date })
    // abort: a string that is not date-shaped gets one message, not also "not a real calendar date".
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: CONFIG_EXPECT.date, abort: true })
    .refine((s) => parseIsoDate(s) !== null, CONFIG_EXPECT.real_date);

  /**
   * A nominating body's own gender rule (see `cellGenderMinimum` in rules.ts): `"table"` the Norwegian
   * representation table, `{ "share": 0.4 }` each gender at least that share of the body's seats (rounded up),
   * `{ "minimum": 1 }` at least that many of each gender, `"none"` no rule.
   */
  const genderRuleError = CONFIG_EXPECT.gender_rule;
  const CellGenderSchema = z.union(
    [
      z.literal('table'),
      z.literal('none'),
      z.strictObject({ share: share }),
      z.strictObject({ minimum: positiveInt }),
    ],
    { error: genderRuleError },
  );

  const CellSchema = z.strictObject({
    /** The RHF this cell belongs to (full name). */
    rhf: z.enum(RHFS, { error: `expected one of ${RHFS.join(', ')}` }),
    /** Seats reserved for candidates of this RHF. */
    seats: positiveInt,
    /** This body's own gender rule, when it differs from the sector's or `gender.cells`. */
    gender: CellGenderSchema.optional(),
  });

  const SectorQuotaSchema = z.strictObject({
    /** Seats for the sector as a whole. */
    seats: positiveInt,
    /** Optional split of the sector's seats by RHF; the cells' seats must add up to `seats`. */
    cells: z.array(CellSchema).optional(),
    /** The gender rule of this sector's nominating bodies (of the sector's one list when it is not split), when it differs from `gender.cells`. */
    gender: CellGenderSchema.optional(),
  });

  return z.strictObject({
    /** Optional pointer to the JSON Schema, ignored. */
    $schema: z.string().optional(),
    /** Display name, e.g. "Felles topplederprogram 2026–2027". */
    name: z.string().min(1, CONFIG_EXPECT.non_empty_name),
    /** First day of the programme (ISO date). Age is measured on this day. */
    startDate: isoDate,
    /** Total seats; must equal the sum of the sector quotas. */
    seats: positiveInt,
    quotas: z.strictObject({ kommune: SectorQuotaSchema, spesialist: SectorQuotaSchema }),
    eligibility: z.strictObject({
      /** Minimum age in whole years on `startDate`. Default 25. */
      minAge: z.number().int(CONFIG_EXPECT.whole_years).nonnegative(CONFIG_EXPECT.whole_years),
      /** Minimum highest completed education. Default `bachelor`. */
      minEducation: z.enum(EDUCATION_LEVELS, { error: `expected one of ${EDUCATION_LEVELS.join(', ')}` }),
      /** Minimum full-time-equivalent years of experience. Default 4. */
      minExperienceYears: nonNegative,
      /** Minimum years for a candidate with a master's degree or higher. Default 3. */
      minExperienceYearsWithMaster: nonNegative,
      /** When true a missing endorsement (`endorsed` = no) makes a candidate ineligible; else it is a warning. */
      requireEndorsement: z.boolean({ error: 'expected true or false' }),
    }),
    /** At most this many candidates per hospital trust (by the trust's own priority); null for no cap. */
    nominationCapPerTrust: positiveInt.nullable(),
    gender: z.strictObject({
      /**
       * Each nominating body's own gender rule (each quota cell: each RHF's list, the municipal list), where that
       * body's eligible candidates allow it. Default `"table"`. A cell or sector may set its own (`quotas…gender`).
       */
      cells: CellGenderSchema,
      /** The share each gender should have of the whole cohort: shown, with a proposal when short; a rule only with `acrossBodies`. Default 0.4. */
      minShareCohort: share,
      /** The share each gender should have of each sector's seats: shown, with a proposal when short; a rule only with `acrossBodies`. Default 0.4. */
      minShareSector: share,
      /**
       * The nominating bodies have agreed to balance gender across their lists: the cohort and sector shares become
       * rules, and a body's better-ranked candidate may be passed over for them (each such departure is listed).
       * Default false: no body's ranking is overridden because of another body's list.
       */
      acrossBodies: z.boolean({ error: 'expected true or false' }),
    }),
    workshopGroups: z.strictObject({
      /** Smallest group size. Default 6. */
      minSize: positiveInt,
      /** Largest group size. Default 8. */
      maxSize: positiveInt,
      /** Number of groups; null for the fewest that fit. */
      count: positiveInt.nullable(),
    }),
    projectTeams: z.strictObject({
      /** Municipal members per team. Default 2. */
      kommune: positiveInt,
      /** Specialist members per team. Default 2. */
      spesialist: positiveInt,
    }),
    /** Default lottery seed for ties (recorded in the output); `--seed` overrides it. */
    seed: z.string().min(1, 'expected a non-empty seed'),
  });
}

export type Programme = z.infer<ReturnType<typeof programmeSchema>>;

/** A problem found in a config, with its JSON path such as `quotas.spesialist.cells[2].seats`. */
export interface ConfigProblem {
  path: string;
  message: string;
  /** The facts for the other languages' words; undefined: the English message only. */
  params?: ConfigProblemParams | undefined;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Stage two of config validation: rules between fields. Returns every problem, not the first. */
function semanticProblems(p: Programme): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const sum = p.quotas.kommune.seats + p.quotas.spesialist.seats;
  if (sum !== p.seats) {
    problems.push({ path: 'seats', message: `expected the sum of the sector quotas (${sum}), got ${p.seats}`, params: { problem: 'sector_sum', sum, seats: p.seats } });
  }
  for (const sector of SECTORS) {
    const q = p.quotas[sector];
    if (q.cells === undefined) continue;
    const cellSum = q.cells.reduce((a, c) => a + c.seats, 0);
    if (cellSum !== q.seats) {
      problems.push({ path: `quotas.${sector}.cells`, message: `expected the cells' seats to add up to ${q.seats}, got ${cellSum}`, params: { problem: 'cell_sum', seats: q.seats, sum: cellSum } });
    }
    const seen = new Map<string, number>();
    q.cells.forEach((c, i) => {
      const first = seen.get(c.rhf);
      if (first !== undefined) {
        problems.push({ path: `quotas.${sector}.cells[${i}].rhf`, message: `expected each RHF once, "${c.rhf}" is also cells[${first}]`, params: { problem: 'duplicate_rhf', rhf: c.rhf, first } });
      } else seen.set(c.rhf, i);
    });
  }
  for (const c of quotaCells(p)) {
    const minimum = fixedGenderMinimum(c.gender, c.seats);
    if (minimum !== null && 2 * minimum > c.seats) {
      problems.push({
        path: c.genderPath,
        message: `expected a gender rule that ${c.label}'s ${c.seats} seat${c.seats === 1 ? '' : 's'} can hold; ${JSON.stringify(c.gender)} asks for at least ${minimum} of each gender (${2 * minimum} seats)`,
        params: { problem: 'gender_rule_too_strict', body: c.label, seats: c.seats, rule: JSON.stringify(c.gender), minimum },
      });
    }
  }
  if (p.workshopGroups.minSize > p.workshopGroups.maxSize) {
    problems.push({
      path: 'workshopGroups.minSize',
      message: `expected at most maxSize (${p.workshopGroups.maxSize}), got ${p.workshopGroups.minSize}`,
      params: { problem: 'at_most', other: 'maxSize', max: p.workshopGroups.maxSize, value: p.workshopGroups.minSize },
    });
  }
  if (p.eligibility.minExperienceYearsWithMaster > p.eligibility.minExperienceYears) {
    problems.push({
      path: 'eligibility.minExperienceYearsWithMaster',
      message: `expected at most minExperienceYears (${p.eligibility.minExperienceYears}), got ${p.eligibility.minExperienceYearsWithMaster}`,
      params: { problem: 'at_most', other: 'minExperienceYears', max: p.eligibility.minExperienceYears, value: p.eligibility.minExperienceYearsWithMaster },
    });
  }
  return problems;
}

const schemas = new WeakMap<Zod, ReturnType<typeof programmeSchema>>();
function schemaFor(z: Zod): ReturnType<typeof programmeSchema> {
  let schema = schemas.get(z);
  if (schema === undefined) {
    schema = programmeSchema(z);
    schemas.set(z, schema);
  }
  return schema;
}

/**
 * Parse and check a programme config object. Returns the typed programme or every problem found
 * (schema problems first; semantic rules only run on a schema-valid object).
 */
export function parseProgramme(input: unknown, z: Zod): { ok: true; programme: Programme } | { ok: false; problems: ConfigProblem[] } {
  // reportInput: zod 4 leaves `input` out of issues by default, and zodMessage needs it to tell a missing
  // key from a wrong type.
  const r = schemaFor(z).safeParse(input, { reportInput: true });
  if (!r.success) {
    const problems: ConfigProblem[] = [];
    const seen = new Set<string>();
    for (const i of r.error.issues) {
      const problem = { path: formatPath(i.path), message: zodMessage(i), params: zodParams(i) };
      // Two checks can fail with the same text (-1.5 is neither an integer nor positive): say it once.
      const key = `${problem.path}\u0000${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
    return { ok: false, problems };
  }
  const problems = semanticProblems(r.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, programme: r.data };
}

/** A schema problem's facts: which expectation failed, the unknown keys, the allowed values, or a missing key. */
function zodParams(i: z.core.$ZodIssue): ConfigProblemParams | undefined {
  if (i.code === 'unrecognized_keys') return { problem: 'unknown_keys', keys: i.keys };
  if (i.code === 'invalid_type' && i.input === undefined) return { problem: 'required' };
  if (i.code === 'invalid_value') return { problem: 'one_of', values: i.values.map(String) };
  const code = EXPECT_CODE.get(i.message);
  return code === undefined ? undefined : { problem: code };
}

function zodMessage(i: z.core.$ZodIssue): string {
  if (i.code === 'unrecognized_keys') return `unknown key${i.keys.length === 1 ? '' : 's'} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  // zod's own text for an unconfigured check reads "Invalid input: expected number, received string".
  const message = i.message.startsWith('Invalid input: ') ? i.message.slice('Invalid input: '.length) : i.message;
  if (i.code === 'invalid_type' && i.input === undefined) return `required: ${message.replace(/, received undefined$/, '')}`;
  return message;
}

/** One quota cell: the unit that seats are counted in. */
export interface QuotaCell {
  /** Stable key: the sector (`kommune`) or `sector/RHF` (`spesialist/Helse Vest`). */
  key: string;
  sector: Sector;
  /** The RHF of a split cell, or null for an unsplit sector. */
  rhf: Rhf | null;
  seats: number;
  /** Human label: `kommune`, `Helse Vest`. */
  label: string;
  /** The nominating body's own gender rule (the cell's, else its sector's, else `gender.cells`). */
  gender: CellGenderRule;
  /** Where that rule is written in the programme file (for a located error). */
  genderPath: string;
}

/** A nominating body's own gender rule (see the schema's `CellGenderSchema`). */
export type CellGenderRule = Programme['gender']['cells'];

/**
 * The minimum of each gender a share or fixed-minimum rule asks of a body of `seats` seats (a share rounded up);
 * null for `"table"` and `"none"`, which rules.ts reads (`cellGenderMinimum`). Declared here so that the
 * programme file's check can refuse a rule the seats cannot hold.
 */
export function fixedGenderMinimum(rule: CellGenderRule, seats: number): number | null {
  if (typeof rule === 'string') return null;
  return 'share' in rule ? shareMinimum(seats, rule.share) : rule.minimum;
}

/** Minimum of each gender for a body of `n` seats at `share`, rounded up (0.4 of 40 → 16; 0.4 of 20 → 8). */
export function shareMinimum(n: number, share: number): number {
  return Math.ceil(n * share - 1e-9);
}

/** The programme's quota cells in a fixed order (sectors as in SECTORS, cells as in the config). */
export function quotaCells(p: Programme): QuotaCell[] {
  const out: QuotaCell[] = [];
  for (const sector of SECTORS) {
    const q = p.quotas[sector];
    const sectorRule = q.gender === undefined ? { gender: p.gender.cells, genderPath: 'gender.cells' } : { gender: q.gender, genderPath: `quotas.${sector}.gender` };
    if (q.cells === undefined) out.push({ key: sector, sector, rhf: null, seats: q.seats, label: sector, ...sectorRule });
    else {
      q.cells.forEach((c, i) => {
        const rule = c.gender === undefined ? sectorRule : { gender: c.gender, genderPath: `quotas.${sector}.cells[${i}].gender` };
        out.push({ key: `${sector}/${c.rhf}`, sector, rhf: c.rhf, seats: c.seats, label: c.rhf, ...rule });
      });
    }
  }
  return out;
}

/** The cell a candidate of this sector and RHF competes in, or null (e.g. a split sector and an unknown RHF). */
export function cellFor(p: Programme, sector: Sector, rhf: Rhf | null): QuotaCell | null {
  for (const c of quotaCells(p)) {
    if (c.sector !== sector) continue;
    if (c.rhf === null || c.rhf === rhf) return c;
  }
  return null;
}
