/**
 * The terminal summary of `allocate` in the committee's words (issue 14, item 3): bokmål or English from the
 * catalogue, solver detail only with --verbose, and whether each stage is proven best said in words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocateText } from '../../src/app/allocate-text.js';
import { CATALOGUE } from '../../src/domain/i18n/index.js';
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
    expect(nb).toContain('4 (av høyst 4 mulige) der hver kommune ligger i opptaksområdet til et av helseforetakene i gruppa, 8 (av høyst 8) med kommune og helseforetak i samme region');
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
    expect(verbose).toContain('Loddtrekningsnøkkel: «topplederprogram»');
    for (const s of summary.stages) expect(verbose).toContain(String(s.objective));
  });

  it('says the same in English with --lang en', () => {
    const en = runs.en!.stdout;
    expect(en).toContain('40 of 130 candidates admitted.');
    expect(en).toContain('Proven best:');
    expect(en).toContain('4 (of at most 4 possible) where every municipality lies in the catchment area of a trust in the team, 8 (of at most 8) with municipality and trust in the same region');
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

  it.each(['nb', 'en'] as const)('%s: every departure from a ranking on its own line, with its cause; the lottery seats with the advice', (lang) => {
    const text = allocateText(summary, { lang, verbose: false, solvers: [] });
    expect(summary.departures.length).toBeGreaterThan(0);
    for (const d of summary.departures) {
      expect(text).toContain(lang === 'nb' ? `${d.passedOver.id} (prioritet ${d.passedOver.priority}) er forbigått, ${d.takenInstead.id}` : `${d.passedOver.id} (priority ${d.passedOver.priority}) passed over, ${d.takenInstead.id}`);
    }
    expect(text).toContain(lang === 'nb' ? `Avvik fra instansenes rangering (${summary.departures.length}):` : `Departures from the bodies' rankings (${summary.departures.length}):`);
    expect(text).toContain(lang === 'nb' ? 'kjønnsbalansen i instansens egen liste.' : "the gender balance of the body's own list.");
    const l = summary.lottery[0]!;
    expect(text).toContain(
      lang === 'nb'
        ? `Loddtrekning: Kommunene (KS): ${l.seats} plasser avgjort ved loddtrekning blant ${l.among.length} kandidater uten prioritet`
        : `Lottery: Municipalities (KS): ${l.seats} seats decided by the lottery among ${l.among.length} candidates without a priority`,
    );
    expect(text).toContain(lang === 'nb' ? 'be KS om å rangere dem.' : 'ask KS to rank them.');
  });

  it.each(['nb', 'en'] as const)('%s: none said in one line; a long list is cut short with a pointer to the rest', (lang) => {
    const none = allocateText({ ...summary, departures: [], lottery: [] }, { lang, verbose: false, solvers: [] });
    expect(none).toContain(lang === 'nb' ? 'Ingen avvik fra instansenes rangering' : 'No departure from the bodies\' rankings');
    const d = summary.departures[0]!;
    const many = allocateText({ ...summary, departures: Array.from({ length: 30 }, () => d) }, { lang, verbose: false, solvers: [] });
    expect(many.split('\n').filter((x) => x.includes(d.takenInstead.id) && x.startsWith('- '))).toHaveLength(11);
    expect(many).toContain(lang === 'nb' ? '- … og 19 til; alle står i rapporten og i summary.json (departures).' : '- … and 19 more; all of them are in the report and in summary.json (departures).');
  });

  it.each(['nb', 'en'] as const)('%s: a share the bodies\' lists do not reach, and the proposal that would', (lang) => {
    const changed: AllocateSummary = {
      ...summary,
      genderBalance: {
        acrossBodies: false,
        targets: [{ id: 'gender.cohort.female', scope: 'cohort', scopeKey: 'cohort', gender: 'female', required: 16, actual: 14, met: false }],
        proposal: {
          applied: false,
          shortfallBefore: 2,
          shortfallAfter: 0,
          proven: true,
          changes: [{ cell: 'spesialist/Helse Vest', label: 'Helse Vest', out: { id: 'A-1', priority: 3, gender: 'male' }, in: { id: 'B-2', priority: 5, gender: 'female' } }],
        },
      },
    };
    const text = allocateText(changed, { lang, verbose: false, solvers: [] });
    expect(text).toContain(
      lang === 'nb'
        ? 'Kjønnsbalanse på tvers av instansene (mål, ikke regel): kullet har 14 kvinner, målet er minst 16.'
        : 'Gender balance across the bodies (a target, not a rule): the cohort has 14 women; the target is at least 16.',
    );
    expect(text).toContain(lang === 'nb' ? 'Forslag, brukes bare hvis instansene blir enige' : 'Proposal, applied only if the bodies agree');
    expect(text).toContain(
      lang === 'nb'
        ? '- Helse Vest: B-2 (kvinne, prioritet 5) i stedet for A-1 (mann, prioritet 3), 2 plasser lenger ned i rangeringen.'
        : '- Helse Vest: B-2 (woman, priority 5) instead of A-1 (man, priority 3), 2 places further down the ranking.',
    );
  });

  it.each(['nb', 'en'] as const)('%s: --verbose detail of a cell short, a gender rule not met and a relaxed rule in the run\'s language', (lang) => {
    const nord = summary.cells.find((c) => c.key === 'spesialist/Helse Nord')!;
    const rule = summary.rules.find((r) => r.id === 'gender.cell.spesialist/Helse Nord.male')!;
    const changed: AllocateSummary = {
      ...summary,
      cells: summary.cells.map((c) => (c === nord ? { ...c, selected: 3, shortfall: 1, ineligibleByReason: { too_young: 2 }, explanation: 'Helse Nord: 4 seats, 3 eligible of 6 nominated (2 under 25 years) — 1 seat unfilled' } : c)),
      rules: summary.rules.map((r) => (r === rule ? { ...r, actual: 1, met: false, explanation: 'Helse Nord: at least 2 men required, 1 selected' } : r)),
      relaxations: [{ stage: 'groups', code: 'group_gender', reason: 'the candidates allow no better gender balance in group 3', ids: ['TLP-0001'] }],
    };
    const text = allocateText(changed, { lang, verbose: true, solvers: [] });
    const detail = text.split('\n').filter((l) => /^(detail|detalj)/.test(l));
    expect(detail).toEqual(
      lang === 'nb'
        ? [
            `detalj: Hos Helse Nord: regelen krever minst 2 menn, 1 er tatt opp; bare ${nord.gender.eligible.male} menn var kvalifisert.`,
            `detalj: Helse Nord: 4 plasser, ${nord.eligible} kvalifiserte av ${nord.nominated} nominerte (2 under aldersgrensen) – 1 ikke fylt`,
            'detalj (verkstedgruppene): begge kjønn er ikke godt representert i alle verkstedgrupper (TLP-0001)',
          ]
        : [
            'detail: Helse Nord: at least 2 men required, 1 selected',
            'detail: Helse Nord: 4 seats, 3 eligible of 6 nominated (2 under 25 years) — 1 seat unfilled',
            'detail (groups): the candidates allow no better gender balance in group 3',
          ],
    );
    if (lang === 'nb') expect(text).not.toMatch(/\b(feasible|timed_out|detail|seats?|eligible|required|selected)\b/);
  });

  it.each([
    ['nb', 'løser: verkstedgruppene: jslp stoppet ved tidsgrensen, deretter highs beviselig best'],
    ['en', 'solver: groups: jslp timed_out (deadline 1000 ms: worker terminated), then highs optimal'],
  ] as const)('%s: the solver log line of --verbose', (lang, expected) => {
    const attempts = [
      { solver: 'jslp', status: 'timed_out', note: 'deadline 1000 ms: worker terminated' },
      { solver: 'highs', status: 'optimal', note: null },
    ];
    expect(CATALOGUE[lang].allocate.solverLine('groups', attempts)).toBe(expected);
    expect(CATALOGUE[lang].allocate.solveStatus('feasible')).toBe(lang === 'nb' ? 'gyldig, ikke bevist best' : 'feasible');
  });
});
