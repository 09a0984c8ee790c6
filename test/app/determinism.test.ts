/**
 * One allocation per input, whichever solver answers (issue 16): the golden cases and generated cohorts, solved
 * with each solver alone, with each solver first and HiGHS behind it, by the policy, and by the policy with
 * javascript-lp-solver starved (every attempt of it hits its deadline, as on a loaded machine), give byte-identical
 * allocation.csv files — for the golden cases, the committed ones. Every solve is asked for, and must reach, the
 * canonical optimum (`solver/canonical.ts`), so a result that only happens to agree would fail too.
 *
 * In-process (`computeAllocation` with a handed-in solve). javascript-lp-solver and YALPS alone cannot prove the
 * 40-seat team models within the deadline, so alone they run on 24-seat generated cohorts; the 200-seat golden case
 * runs with HiGHS alone only (the golden test runs it by the policy).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allocationCsv } from '../../src/app/allocate.js';
import { computeAllocation, type AllocateOptions } from '../../src/app/pipeline.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import type { Solve, SolverName } from '../../src/solver/types.js';
import { generateCandidates, toCsv } from '../../scripts/lib/generate.js';
import { CASES } from '../golden/cases.js';
import { ROOT } from '../e2e/helpers.js';

afterAll(async () => {
  await closeSolvers();
});

interface Chain {
  name: string;
  solve: Solve;
}

/** A solve that records whether each answer with values is the canonical optimum. */
function recorded(chain: Chain): { solve: Solve; canonical: boolean[] } {
  const canonical: boolean[] = [];
  return {
    canonical,
    solve: async (model, hints) => {
      const r = await chain.solve(model, hints);
      // Solves that ask for no canonical optimum use only its value (the catchment bound, the pattern model before
      // the teams' column model), alike from every solver.
      if (r.values !== null && hints?.canonical !== undefined) canonical.push(r.canonical === true);
      return r;
    },
  };
}

const alone = (solver: SolverName): Chain => ({ name: `${solver} alone`, solve: createSolve({ solvers: [solver] }) });
/**
 * `deadlineMs`: on the 40-seat sample the teams' column model (3,876 columns) takes javascript-lp-solver and YALPS
 * past any deadline, so HiGHS answers it after them; a short deadline keeps that wait short and changes no answer
 * (only canonical optima are used).
 */
const first = (solver: SolverName, deadlineMs?: number): Chain => ({ name: `${solver}, then HiGHS`, solve: createSolve({ solvers: [solver, 'highs'], deadlineMs }) });
const policy: Chain = { name: 'the policy', solve: createSolve() };
/** javascript-lp-solver starved: each of its attempts ends at the deadline, HiGHS (then YALPS) answers. */
const starved: Chain = {
  name: 'the policy, javascript-lp-solver starved',
  solve: async (model, hints) => {
    const r = await createSolve({ solvers: ['highs', 'yalps'] })(model, hints);
    return { ...r, attempts: [{ solver: 'jslp', status: 'timed_out', ms: 1000, note: 'deadline 1000 ms: worker terminated' }, ...r.attempts] };
  },
};

const BASE: Omit<AllocateOptions, 'files'> = { cwd: ROOT, encoding: 'auto', out: '', json: false, force: false, include: [], exclude: [] };

async function allocation(options: Omit<AllocateOptions, keyof typeof BASE> & Partial<AllocateOptions>, chain: Chain): Promise<string> {
  const rec = recorded(chain);
  const a = await computeAllocation({ ...BASE, ...options, solve: rec.solve } as AllocateOptions);
  expect(rec.canonical.length, chain.name).toBeGreaterThan(1);
  expect(rec.canonical.every((c) => c), `${chain.name}: every solve reached the canonical optimum`).toBe(true);
  return allocationCsv(a);
}

/**
 * javascript-lp-solver and YALPS first: on `shortfall` neither proves the team model within the deadline (HiGHS then
 * does, after 20 s), so there only the policy and its starved variant run.
 */
const GOLDEN_CHAINS: Record<string, readonly Chain[]> = { 'sample-nb': [policy, starved, first('jslp', 1_000), first('yalps', 1_000)], shortfall: [policy, starved] };

describe.each(CASES.filter((c) => c.name in GOLDEN_CHAINS))('golden case $name', (c) => {
  const committed = readFileSync(join(ROOT, 'fixtures', 'golden', c.name, 'allocation.csv'), 'utf8').replace(/^\uFEFF/, '');
  it.each((GOLDEN_CHAINS[c.name] ?? []).map((ch) => [ch.name, ch] as const))('%s gives the committed allocation.csv', async (_name, chain) => {
    expect(await allocation({ files: c.files }, chain)).toBe(committed);
  });
});

describe('golden case programme-200', () => {
  const c = CASES.find((x) => x.name === 'programme-200');
  it('HiGHS alone gives the committed allocation.csv (made by the policy)', async () => {
    if (c === undefined) throw new Error('golden case programme-200 is gone');
    const committed = readFileSync(join(ROOT, 'fixtures', 'golden', c.name, 'allocation.csv'), 'utf8').replace(/^\uFEFF/, '');
    expect(await allocation({ files: c.files, config: c.extra[1] }, alone('highs'))).toBe(committed);
  });
});

describe('generated 24-seat cohorts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-determinism-'));
  const config = join(dir, 'programme.json');
  const programme = JSON.parse(readFileSync(join(ROOT, 'data', 'programme.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(
    config,
    JSON.stringify({
      ...programme,
      name: 'A 24-seat programme',
      seats: 24,
      quotas: {
        kommune: { seats: 12 },
        spesialist: { seats: 12, cells: [{ rhf: 'Helse Sør-Øst', seats: 6 }, { rhf: 'Helse Vest', seats: 2 }, { rhf: 'Helse Midt-Norge', seats: 2 }, { rhf: 'Helse Nord', seats: 2 }] },
      },
    }),
  );

  it.each(['1', '4'])('seed %s: each solver alone, and the policy, give the same bytes', async (seed) => {
    const file = join(dir, `candidates-${seed}.csv`);
    writeFileSync(file, toCsv(generateCandidates({ seed, count: 60 }), 'en'));
    const outputs = new Map<string, string>();
    for (const chain of [alone('jslp'), alone('highs'), alone('yalps'), policy]) outputs.set(chain.name, await allocation({ files: [file], config }, chain));
    const reference = outputs.get('highs alone');
    for (const [name, csv] of outputs) expect(csv, name).toBe(reference);
  });
});
