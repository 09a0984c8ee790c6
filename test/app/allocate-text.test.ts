/**
 * The terminal summary of `allocate` in the committee's words (issue 14, item 3): bokmål or English from the
 * catalogue, solver detail only with --verbose, and whether each stage is proven best said in words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocateText } from '../../src/app/allocate-text.js';
import type { AllocateSummary } from '../../src/app/summary-schema.js';
import { SAMPLE_NB, cohort, tempDir } from '../e2e/helpers.js';

/** Words of the English summary and of solver detail that must not appear in the bokmål summary. */
const ENGLISH = /\b(selected|candidates?|admitted|eligible|reserves?|women|men|seats?|workshop|project|teams?|proven|rule|Wrote|warning|solver|objective|bound|gap|seed|yalps|jslp|highs|optimal|cap)\b/i;
const SOLVER_DETAIL = /\b(yalps|jslp|highs|objective|målverdi|seed)\b/i;

describe('the allocate summary on the terminal', () => {
  let summary: AllocateSummary;
  const runs: Record<string, { stdout: string; stderr: string }> = {};

  beforeAll(async () => {
    const dir = tempDir();
    for (const [key, args] of [
      ['nb', ['--lang', 'nb']],
      ['en', ['--lang', 'en']],
      ['nbVerbose', ['--lang', 'nb', '--verbose']],
    ] as const) {
      const out = join(dir, key);
      const run = await cohort(['allocate', ...SAMPLE_NB, '--out', out, ...args]);
      expect(run.code).toBe(0);
      runs[key] = run;
      summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as AllocateSummary;
    }
  }, 120_000);

  it('speaks bokmål with --lang nb: no English word and no solver detail', () => {
    const nb = runs.nb!.stdout;
    expect(nb).toContain('40 av 130 kandidater er tatt opp.');
    expect(nb).toContain('Kommunene (KS)');
    expect(nb).toContain('Beviselig beste fordeling');
    expect(nb).toContain('Alle programreglene er oppfylt.');
    // Programme and organisation names are data, not words of the tool: take them out before the scan.
    const words = nb.replaceAll(summary.programme.name, '').replace(/Sykehuset Telemark HF/g, '');
    expect(words).not.toMatch(ENGLISH);
    expect(nb).not.toMatch(SOLVER_DETAIL);
    expect(runs.nb!.stderr).toMatch(/^advarsel: /m);
  });

  it('adds the seed, the group table and each stage\'s solver figures with --verbose only', () => {
    const verbose = runs.nbVerbose!.stdout;
    expect(verbose).toContain(runs.nb!.stdout.split('\n')[1]);
    expect(verbose).toMatch(/trinn\s+status\s+løser\s+målverdi\s+grense\s+avstand/);
    expect(verbose).toContain('Loddtrekningsnøkkel (seed): «topplederprogram»');
    for (const s of summary.stages) expect(verbose).toContain(String(s.objective));
  });

  it('says the same in English with --lang en', () => {
    const en = runs.en!.stdout;
    expect(en).toContain('40 of 130 candidates admitted.');
    expect(en).toContain('Proven best:');
    expect(en).toContain('Every programme rule is met.');
    expect(en).not.toMatch(SOLVER_DETAIL);
  });

  it.each([
    ['nb', { status: 'feasible', gap: 0.0054 }, 'Prosjektgruppene følger reglene, men er ikke bevist best: de kan være inntil 0,54 % fra beste mulige.'],
    ['en', { status: 'feasible', gap: 0.0054 }, 'The project teams follow the rules but are not proven best: they could be up to 0.54 % from the best possible.'],
    ['nb', { status: 'feasible', gap: null }, 'hvor langt de kan være fra beste mulige, er ukjent'],
    ['en', { status: 'timed_out', gap: null }, 'The project teams: no solution found (timed_out).'],
  ] as const)('%s: a teams stage %j is said in words, the others proven', (lang, teams, expected) => {
    const changed: AllocateSummary = { ...summary, stages: summary.stages.map((s) => (s.stage === 'teams' ? { ...s, ...teams } : s)) };
    const text = allocateText(changed, { lang, verbose: false, solvers: [] });
    expect(text).toContain(expected);
    expect(text).toContain(lang === 'nb' ? 'Bevist best: utvalget og verkstedgruppene.' : 'Proven best: the selection and the workshop groups.');
  });

  it.each(['nb', 'en'] as const)('%s: a gender rule not met is told with the numbers of its own body', (lang) => {
    const rule = summary.rules.find((r) => r.id === 'gender.cell.spesialist/Helse Nord.male')!;
    expect(rule).toMatchObject({ scope: 'cell', required: 2 });
    const changed: AllocateSummary = { ...summary, rules: summary.rules.map((r) => (r === rule ? { ...r, actual: 1, met: false } : r)) };
    const nord = summary.cells.find((c) => c.key === 'spesialist/Helse Nord')!;
    const text = allocateText(changed, { lang, verbose: false, solvers: [] });
    expect(text).toContain(
      lang === 'nb'
        ? `Hos Helse Nord: regelen krever minst 2 menn, 1 er tatt opp; bare ${nord.gender.eligible.male} menn var kvalifisert.`
        : `In Helse Nord's list: the rule requires at least 2 men, 1 admitted; only ${nord.gender.eligible.male} eligible men.`,
    );
  });
});
