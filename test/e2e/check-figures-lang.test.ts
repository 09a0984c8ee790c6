/**
 * `cohort check` in bokmål gives a finding's figures, as the English detail does (issue 14): seats against the
 * selected, a gender rule's minimum, a group's size, a team's shape. Every kind of figures has its words
 * (`FindingFacts`), and on the hand-edited allocations each bokmål line has exactly the numbers of its English one.
 */
import { describe, expect, it } from 'vitest';
import type { FindingFacts } from '../../src/domain/i18n/catalogue.js';
import { CATALOGUE } from '../../src/domain/i18n/index.js';
import type { CheckReport } from '../../src/app/summary-schema.js';
import { cohort, SAMPLE_NB } from './helpers.js';

/** One example of every kind of figures: a kind added to `FindingFacts` without an example fails to compile. */
const EXAMPLES: { [F in FindingFacts['fact']]: { code: string; facts: Extract<FindingFacts, { fact: F }>; nb: string } } = {
  over_quota: { code: 'over_quota', facts: { fact: 'over_quota', selected: 5, seats: 4 }, nb: '5 tatt opp til 4 plasser' },
  unfilled: { code: 'seats_unfilled', facts: { fact: 'unfilled', selected: 3, seats: 4, available: 12 }, nb: '3 tatt opp til 4 plasser, men 12 kvalifiserte kunne vært tatt opp' },
  shortfall: { code: 'shortfall', facts: { fact: 'shortfall', seats: 4, available: 1 }, nb: '4 plasser, bare 1 kvalifiserte; 3 plasser kan ikke fylles' },
  included: { code: 'include_over_quota', facts: { fact: 'included', included: 6, seats: 4 }, nb: 'komiteen tar med 6 til 4 plasser' },
  gender: { code: 'gender_rule_not_met', facts: { fact: 'gender', selected: 1, required: 2 }, nb: '1 tatt opp, regelen krever minst 2' },
  gender_total: { code: 'gender_rules_below_achievable', facts: { fact: 'gender_total', shortfall: 3, least: 1 }, nb: 'kjønnsreglene mangler til sammen 3 plasser, men de kvalifiserte kandidatene gjør det mulig å komme ned i 1' },
  group_count: { code: 'group_count', facts: { fact: 'group_count', found: 5, expected: 6, participants: 41 }, nb: '5 grupper for 41 deltakere, reglene krever 6' },
  numbering: { code: 'group_numbering', facts: { fact: 'numbering', numbers: [1, 2, 4] }, nb: 'gruppene har numrene 1, 2, 4, men skal ha 1–3' },
  group_size: { code: 'group_size', facts: { fact: 'group_size', group: 2, size: 9, min: 6, max: 8 }, nb: 'gruppe 2 har 9 deltakere, reglene tillater 6–8' },
  sector_mix: { code: 'group_sector_mix', facts: { fact: 'sector_mix', group: 3, kommune: 6, spesialist: 2 }, nb: 'gruppe 3 har 6 fra kommunene og 2 fra spesialisthelsetjenesten; forskjellen er mer enn 1' },
  team_shape: {
    code: 'team_composition',
    facts: { fact: 'team_shape', team: 4, kommune: 1, spesialist: 3, expected: { kommune: 2, spesialist: 2 }, orSmaller: true },
    nb: 'prosjektgruppe 4 har 1 fra kommunene og 3 fra spesialisthelsetjenesten, reglene krever 2 + 2 (eller 3 med begge sektorer)',
  },
  smaller_teams: { code: 'team_composition', facts: { fact: 'smaller_teams', smaller: 3, fewest: 1, expected: { kommune: 2, spesialist: 2 } }, nb: '3 prosjektgrupper er mindre enn 2 + 2; kullet trenger bare 1' },
  reserve_ranks: { code: 'reserve_rank_sequence', facts: { fact: 'reserve_ranks', body: 'kommune', reserves: 7 }, nb: 'i kommunenes liste skal plassene være 1–7' },
};

/** English words of the checker's details that must not appear in a bokmål line. */
const ENGLISH = ['selected', 'seats?', 'available', 'candidates?', 'included', 'gender', 'rules?', 'group', 'groups', 'team', 'teams', 'members', 'municipal', 'specialist', 'expected', 'found', 'reserve', 'ranks', 'at least', 'fall short', 'allow'];
const englishIn = (text: string): string[] => ENGLISH.filter((w) => new RegExp(`(^|[^\\p{L}_])${w}([^\\p{L}_]|$)`, 'iu').test(text));

/** The distinct numbers of a text, in order. */
const numbers = (text: string): number[] => [...new Set((text.match(/\d+/g) ?? []).map(Number))].sort((a, b) => a - b);

describe('every kind of checker figures has its bokmål words', () => {
  it.each(Object.entries(EXAMPLES))('%s', (_fact, e) => {
    const nb = CATALOGUE.nb.check.finding(e.code, ['TLP-0001'], 'the English detail', null, e.facts);
    expect(nb).toMatch(new RegExp(`; ${e.nb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(TLP-0001\\)$`));
    expect(englishIn(nb), nb).toEqual([]);
    // Without figures the line is the general sentence only, as before; English keeps its detail either way.
    expect(CATALOGUE.nb.check.finding(e.code, ['TLP-0001'], 'the English detail', null)).not.toContain(';');
    expect(CATALOGUE.en.check.finding(e.code, ['TLP-0001'], 'the English detail', null, e.facts)).toBe('the English detail');
  });
});

/** The codes whose findings carry figures. */
const WITH_FIGURES = new Set(Object.values(EXAMPLES).map((e) => e.code));

describe('cohort check --lang nb: each finding with the numbers of its English detail', () => {
  it.each(['helse-vest-5th.csv', 'ineligible-swapped-in.csv', 'group-of-9.csv', 'team-3-1.csv'])('%s', async (file) => {
    const args = ['check', '--candidates', ...SAMPLE_NB, '--allocation', `fixtures/hand-edited/${file}`];
    const json = JSON.parse((await cohort([...args, '--json'])).stdout) as CheckReport;
    const nbLines = (await cohort([...args, '--lang', 'nb'])).stdout.split('\n');
    const enLines = (await cohort([...args, '--lang', 'en'])).stdout.split('\n');
    const withFigures = json.violations.filter((v) => WITH_FIGURES.has(v.code));
    expect(withFigures.length).toBeGreaterThan(0);
    const seen = new Map<string, number>();
    for (const v of withFigures) {
      const nth = seen.get(v.code) ?? 0;
      seen.set(v.code, nth + 1);
      const nb = nbLines.filter((l) => l.includes(` ${v.code}: `))[nth] ?? '';
      const figures = nb.slice(nb.indexOf('; ')).replace(/ \((TLP-\d+(, | og )?)+\)$/, '');
      // The English detail without where its people are (file lines, ids) and, for the total, its rule list.
      const detail = v.message.replace(/ \(in [^)]*\)$/, '').replace(/(the candidates allow \d+): .*$/, '$1');
      expect(numbers(figures), `${nb}\n${detail}`).toEqual(numbers(detail));
      expect(englishIn(nb.replace(/^\S+( oppfylt)? +[a-z_]+: /, '')), nb).toEqual([]);
      // English unchanged: the checker's own detail.
      expect(enLines.some((l) => l.endsWith(`${v.code}: ${v.message}`))).toBe(true);
    }
  });
});
