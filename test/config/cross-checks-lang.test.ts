/**
 * A programme file's checks across values (seats adding up, an RHF twice, a gender rule the seats cannot hold, a
 * minimum above its maximum) in the chosen language (issue 14): bokmål from the catalogue under `--lang nb` and
 * under a Norwegian locale, the English text unchanged under `--lang en`. In-process through `cohort rules`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { ROOT, tempDir } from '../e2e/helpers.js';

const builtin = JSON.parse(readFileSync(join(ROOT, 'data', 'programme.json'), 'utf8')) as Record<string, unknown>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests write values the checks reject
type Loose = any;

interface Case {
  name: string;
  edit: (p: Loose) => void;
  /** The problem's line after the frame (`Fil program.json, linje N: `). */
  nb: string;
  /** After `program.json:N: `: the English text as it was. */
  en: string;
}

const CASES: readonly Case[] = [
  {
    name: 'sector seats not adding up to the total',
    edit: (p) => (p.seats = 41),
    nb: 'seats: sektorkvotene har til sammen 40 plasser, men her står 41; skriv 40, eller rett kvotene',
    en: 'seats: expected the sum of the sector quotas (40), got 41',
  },
  {
    name: "a sector's cells not adding up to its seats",
    edit: (p) => (p.quotas.spesialist.cells[0].seats = 9),
    nb: 'quotas.spesialist.cells: cellene har til sammen 21 plasser, men sektoren har 20; rett plassene i cellene så summen blir 20',
    en: "quotas.spesialist.cells: expected the cells' seats to add up to 20, got 21",
  },
  {
    name: 'an RHF listed twice',
    edit: (p) => (p.quotas.spesialist.cells[3].rhf = 'Helse Vest'),
    nb: 'quotas.spesialist.cells[3].rhf: «Helse Vest» står også i cells[1]; hvert RHF skal ha bare én celle',
    en: 'quotas.spesialist.cells[3].rhf: expected each RHF once, "Helse Vest" is also cells[1]',
  },
  {
    name: "a cell's gender rule its seats cannot hold",
    edit: (p) => (p.quotas.spesialist.cells[1].gender = { minimum: 3 }),
    nb: 'quotas.spesialist.cells[1].gender: kjønnsregelen {"minimum":3} krever minst 3 av hvert kjønn (6 plasser), men Helse Vest har bare 4 plasser; velg en regel plassene kan oppfylle, for eksempel "table"',
    en: `quotas.spesialist.cells[1].gender: expected a gender rule that Helse Vest's 4 seats can hold; {"minimum":3} asks for at least 3 of each gender (6 seats)`,
  },
  {
    name: "an unsplit sector's gender rule its seats cannot hold",
    edit: (p) => (p.quotas.kommune.gender = { minimum: 11 }),
    nb: 'quotas.kommune.gender: kjønnsregelen {"minimum":11} krever minst 11 av hvert kjønn (22 plasser), men kommunesektoren har bare 20 plasser; velg en regel plassene kan oppfylle, for eksempel "table"',
    en: `quotas.kommune.gender: expected a gender rule that kommune's 20 seats can hold; {"minimum":11} asks for at least 11 of each gender (22 seats)`,
  },
  {
    name: 'minSize above maxSize',
    edit: (p) => (p.workshopGroups.minSize = 9),
    nb: 'workshopGroups.minSize: 9 er større enn maxSize (8); skriv høyst 8, eller øk maxSize',
    en: 'workshopGroups.minSize: expected at most maxSize (8), got 9',
  },
  {
    name: "the master's experience above the general one",
    edit: (p) => (p.eligibility.minExperienceYearsWithMaster = 5),
    nb: 'eligibility.minExperienceYearsWithMaster: 5 er større enn minExperienceYears (4); skriv høyst 4, eller øk minExperienceYears',
    en: 'eligibility.minExperienceYearsWithMaster: expected at most minExperienceYears (4), got 5',
  },
];

/** English words of these checks' messages that must not appear in a bokmål one (outside quotes and keys). */
// Not "for", "at", "to", "sum": bokmål words too.
const ENGLISH = ['expected', 'got', 'the', 'of', 'add', 'up', 'each', 'once', 'is', 'also', 'gender', 'rule', 'that', 'can', 'hold', 'asks', 'least', 'seat', 'seats', 'most'];
const englishIn = (text: string): string[] =>
  ENGLISH.filter((w) => new RegExp(`(^|[^\\p{L}.])${w}([^\\p{L}.\\[]|$)`, 'iu').test(text.replace(/«[^»]*»|"[^"]*"|\([A-Z_0-9]+\)/g, '')));

async function rules(edit: (p: Loose) => void, args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const dir = tempDir('cohort-crosscheck-');
  const p = structuredClone(builtin);
  edit(p);
  writeFileSync(join(dir, 'program.json'), JSON.stringify(p, null, 2));
  const stderr: string[] = [];
  const code = await run(['rules', '--config', 'program.json', ...args], { stdout: { write: () => undefined }, stderr: { write: (t: string) => stderr.push(t) }, env: { NO_COLOR: '1', ...env }, cwd: dir });
  return { code, stderr: stderr.join('') };
}

/** The problem lines of the error, without their two-space indent. */
const problems = (stderr: string): string[] =>
  stderr
    .trimEnd()
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .map((l) => l.slice(2));

describe("a programme file's checks across values in the chosen language", () => {
  it.each(CASES)('$name', async (c) => {
    for (const [args, env] of [
      [['--lang', 'nb'], { LANG: 'en_GB.UTF-8' }],
      [[], { LANG: 'nb_NO.UTF-8' }],
    ] as const) {
      const nb = await rules(c.edit, args, env);
      expect(nb.code, nb.stderr).toBe(3);
      expect(nb.stderr).toMatch(/^cohort: 1 feil i programfilen \(E_CONFIG\)/);
      const lines = problems(nb.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Fil program\.json, linje \d+: /);
      expect(lines[0]?.replace(/^Fil program\.json, linje \d+: /, '')).toBe(c.nb);
      expect(englishIn(c.nb.replace(/^[\w.[\]]+: /, '')), c.nb).toEqual([]);
    }
    const en = await rules(c.edit, ['--lang', 'en'], { LANG: 'nb_NO.UTF-8' });
    expect(en.code, en.stderr).toBe(3);
    const lines = problems(en.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.replace(/^program\.json:\d+: /, '')).toBe(c.en);
  });

  it('the English words scan finds the English text (the scan can fail)', () => {
    for (const c of CASES) expect(englishIn(c.en.replace(/^[\w.[\]]+: /, ''))).not.toEqual([]);
  });
});
