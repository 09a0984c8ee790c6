/** The bundled sample year (fixtures/sample): the acceptance figures for the selection stage. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../src/app/load.js';
import { selectChecked } from '../../src/app/pipeline.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';

afterAll(closeSolvers);
const solve = createSolve();

const dir = fileURLToPath(new URL('../../fixtures/sample/en/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((f) => dir + f);

describe('sample year', () => {
  it('selects exactly 20/8/4/4/4 with at least 16 of each gender, every rule met, proven optimal', async () => {
    const inputs = loadInputs({ files, cwd: dir, encoding: 'auto' });
    const r = await selectChecked(inputs.screening.screened, inputs.programme, { solve, seed: inputs.programme.seed });
    expect(r.cells.map((c) => c.selected)).toEqual([20, 8, 4, 4, 4]);
    expect(r.gender.cohort.female).toBeGreaterThanOrEqual(16);
    expect(r.gender.cohort.male).toBeGreaterThanOrEqual(16);
    expect(r.allRulesMet).toBe(true);
    expect(r.stage.status).toBe('optimal');
    expect(r.candidates).toHaveLength(inputs.read.candidates.length);
  });
});
