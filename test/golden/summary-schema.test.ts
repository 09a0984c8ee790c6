/**
 * The `--json` contract: data/summary.schema.json is what the zod schemas give, and real documents from the
 * CLI parse under the strict schemas (a field added without a schema change fails here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AllocateSummarySchema,
  CheckReportSchema,
  CommandOutputSchema,
  RulesDocumentSchema,
  ScreenSummarySchema,
  summaryJsonSchema,
} from '../../src/app/summary-schema.js';
import { ROOT, SAMPLE_NB, cohort, tempDir } from '../e2e/helpers.js';

const committed = readFileSync(join(ROOT, 'data', 'summary.schema.json'), 'utf8');

/** Zod's issues in one line each, so a failure says which field. */
function problems(result: { success: boolean; error?: z.ZodError }): string[] {
  return result.success ? [] : (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

function onlyDocument(stdout: string): unknown {
  // Exactly one JSON document and nothing else: JSON.parse refuses trailing text.
  return JSON.parse(stdout) as unknown;
}

describe('data/summary.schema.json', () => {
  it('is what z.toJSONSchema(CommandOutputSchema) gives (regenerate: npm run build && node scripts/gen-schemas.mjs)', () => {
    expect(JSON.parse(committed)).toEqual(z.toJSONSchema(CommandOutputSchema));
    expect(committed).toBe(summaryJsonSchema());
  });

  it('covers allocate, check, screen, rules, replace and diff, each closed to unknown keys', () => {
    const schema = JSON.parse(committed) as { oneOf: Array<{ properties: { command: { const: string } }; additionalProperties: unknown; required: string[] }> };
    expect(schema.oneOf.map((s) => s.properties.command.const)).toEqual(['allocate', 'check', 'screen', 'rules', 'replace', 'diff']);
    for (const s of schema.oneOf) {
      expect(s.additionalProperties).toBe(false);
      expect(s.required).toContain('schemaVersion');
    }
  });
});

describe('real documents parse under the strict schemas', () => {
  it('cohort allocate --json (the sample year)', async () => {
    const run = await cohort(['allocate', ...SAMPLE_NB, '--out', tempDir(), '--json']);
    expect(run.code).toBe(0);
    const doc = onlyDocument(run.stdout);
    expect(problems(AllocateSummarySchema.safeParse(doc))).toEqual([]);
    expect(problems(CommandOutputSchema.safeParse(doc))).toEqual([]);
  });

  it.each(['sample-nb', 'shortfall', 'programme-200'])('the golden summary.json of %s', (name) => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'golden', name, 'summary.json'), 'utf8')) as unknown;
    expect(problems(AllocateSummarySchema.safeParse(doc))).toEqual([]);
  });

  it('cohort check --json', async () => {
    const run = await cohort(['check', '--candidates', ...SAMPLE_NB, '--allocation', join(ROOT, 'fixtures', 'hand-edited', 'helse-vest-5th.csv'), '--json']);
    expect(run.code).toBe(1);
    expect(problems(CheckReportSchema.safeParse(onlyDocument(run.stdout)))).toEqual([]);
  });

  it('cohort screen --json', async () => {
    const run = await cohort(['screen', ...SAMPLE_NB, '--out', tempDir(), '--json']);
    expect(run.code).toBe(0);
    expect(problems(ScreenSummarySchema.safeParse(onlyDocument(run.stdout)))).toEqual([]);
  });

  it('cohort rules --json', async () => {
    const run = await cohort(['rules', '--json']);
    expect(run.code).toBe(0);
    expect(problems(RulesDocumentSchema.safeParse(onlyDocument(run.stdout)))).toEqual([]);
  });
});

describe('the schemas are strict', () => {
  const summary = () => JSON.parse(readFileSync(join(ROOT, 'fixtures', 'golden', 'sample-nb', 'summary.json'), 'utf8')) as Record<string, unknown> & { cells: Array<Record<string, unknown>> };

  it('refuses an unknown top-level field', () => {
    expect(problems(AllocateSummarySchema.safeParse({ ...summary(), elapsedMs: 12 }))).toEqual([': Unrecognized key: "elapsedMs"']);
  });

  it('refuses an unknown nested field', () => {
    const s = summary();
    s.cells[0] = { ...s.cells[0], note: 'x' };
    expect(problems(AllocateSummarySchema.safeParse(s))).toEqual(['cells.0: Unrecognized key: "note"']);
  });

  it('refuses another schemaVersion', () => {
    expect(problems(AllocateSummarySchema.safeParse({ ...summary(), schemaVersion: 2 }))).toEqual(['schemaVersion: Invalid input: expected 1']);
  });
});
