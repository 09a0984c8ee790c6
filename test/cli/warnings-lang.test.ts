/**
 * Warnings in the run's language (issue 14): `allocate`, `check` and `screen` with `--lang nb`, on the bundled
 * sample and on crafted inputs that raise every warning those commands can print (and `replace` its own), say
 * each warning in bokmål on stderr (no English word from the list below), the text the catalogue gives for its
 * code and params; with `--lang en` the same warnings read as the English messages always did. And every code
 * has its text in both languages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN } from '../../src/domain/i18n/en.js';
import { warningText } from '../../src/domain/i18n/index.js';
import { NB } from '../../src/domain/i18n/nb.js';
import { decode } from '../../src/read/decode.js';
import { WARNING_CODES, type WarningCode, type WarningFacts, type WarningParams } from '../../src/domain/warnings.js';
import { ROOT, SAMPLE_NB, cohort, tempDir, type Run } from '../e2e/helpers.js';

/** Words of today's English warnings that must not reach a bokmål stderr (whole words, any case). */
const ENGLISH = [
  'warning', 'nominated', 'candidates?', 'more than', 'the cap', 'lock', 'included', 'eligible', 'unknown', 'row', 'rows', 'column',
  'sheet', 'header', 'not read', 'accepted', 'typed', 'municipality', 'hospital trust', 'used as written', 'did you mean', 'seats?',
  'priority', 'invisible', 'spaces', 'recorded', 'withdrawn', 'the', 'is', 'are', 'of', 'and', 'with', 'not',
];
const englishIn = (text: string): string[] => ENGLISH.filter((w) => new RegExp(`\\b${w}\\b`, 'i').test(text));

/** A warning as the JSON documents carry it. */
type JsonWarning = WarningFacts & { message: string };

/** The sample (UTF-8, plain names) with a title row above Helse Nord's header and three odd rows in kommune.csv. */
function craftedSample(): string[] {
  const dir = tempDir('cohort-warn-');
  return SAMPLE_NB.map((f) => {
    const name = f.split('/').pop() ?? f;
    const decoded = decode(readFileSync(f), name);
    if (!decoded.ok) throw new Error(decoded.issue.message);
    let text = decoded.text;
    if (name === 'helse-nord.csv') text = `Søkerliste 2026\r\n${text}`;
    if (name === 'kommune.csv') {
      text +=
        'TLP-9001;Test En;01.01.1975;Annet;Kommunehelsetjenesten;;Trondhiem;Leder;Master;12;;Ja\r\n' +
        'TLP-9002;Test To;01.01.1975;Kvinne;Kommunehelsetjenesten;Helse Midt-Norge;Bindal;Leder;Master;12;;Ja\r\n' +
        'TLP-9003\u200b;Test Tre;01.01.1975;Mann;Spesialisthelsetjenesten;Helse Vest;Aleris Helse AS;Leder;Master;12;1;Ja\r\n';
    }
    const to = join(dir, name);
    writeFileSync(to, text);
    return to;
  });
}

/** Helse Nord has 4 seats: five includes are one too many, and TLP-0115 (fagskole) is not eligible. */
const INCLUDES = 'TLP-0012,TLP-0023,TLP-0029,TLP-0098,TLP-0039,TLP-0115';

interface Case {
  name: string;
  /** The command line without --lang and --json; `out` is a fresh directory. */
  argv: (out: string) => Promise<string[]> | string[];
  codes: WarningCode[];
}

const CASES: Case[] = [
  {
    name: 'screen: crafted candidate files',
    argv: (out) => ['screen', ...craftedSample(), '--out', out],
    codes: ['header_not_first', 'unknown_municipality', 'rhf_differs_from_county', 'unknown_organisation', 'id_normalised', 'unrecognised_gender', 'nomination_cap'],
  },
  {
    name: 'screen: a workbook with a title row and an id stored as a number',
    argv: (out) => ['screen', join(ROOT, 'fixtures', 'workbooks', 'traps.xlsx'), '--sheet', 'Kandidater', '--out', out],
    codes: ['header_not_first', 'ids_as_numbers'],
  },
  {
    name: 'allocate: the sample with too many and an ineligible include',
    argv: () => ['allocate', ...SAMPLE_NB, '--dry-run', '--include', INCLUDES],
    codes: ['nomination_cap', 'include_ineligible', 'include_over_quota'],
  },
  {
    name: 'check: the crafted files against their own allocation',
    argv: async (out) => {
      const files = craftedSample();
      const made = await cohort(['allocate', ...files, '--out', out, '--lang', 'en']);
      expect(made.code, made.stderr).toBeLessThan(2);
      return ['check', '--candidates', ...files, '--allocation', join(out, 'allocation.csv')];
    },
    codes: ['header_not_first', 'unknown_municipality', 'rhf_differs_from_county', 'unknown_organisation', 'id_normalised', 'unrecognised_gender', 'nomination_cap'],
  },
];

async function runIn(c: Case, lang: 'nb' | 'en'): Promise<{ r: Run; warnings: JsonWarning[] }> {
  const argv = await c.argv(join(tempDir(), 'out'));
  const r = await cohort([...argv, '--lang', lang, '--json']);
  expect(r.code, r.stderr).toBeLessThan(2);
  return { r, warnings: (JSON.parse(r.stdout) as { warnings: JsonWarning[] }).warnings };
}

describe('warnings on stderr and in the JSON speak the run\'s language', () => {
  it.each(CASES)('$name (--lang nb)', async (c) => {
    const { r, warnings } = await runIn(c, 'nb');
    expect([...new Set(warnings.map((w) => w.code))].sort()).toEqual([...new Set(c.codes)].sort());
    for (const w of warnings) {
      // The JSON's message is the bokmål text of its code and params, and stderr prints exactly it.
      expect(w.message).toBe(warningText(w, 'nb'));
      expect(r.stderr).toContain(`advarsel: ${w.message}\n`);
    }
    // With --json, allocate also logs which solver answered (`løser: …`, the --verbose detail): not a warning.
    const lines = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('løser: '));
    expect(lines.filter((l) => !l.startsWith('advarsel: '))).toEqual([]);
    expect(englishIn(lines.join('\n'))).toEqual([]);
  }, 60_000);

  it.each(CASES)('$name (--lang en)', async (c) => {
    const { r, warnings } = await runIn(c, 'en');
    expect([...new Set(warnings.map((w) => w.code))].sort()).toEqual([...new Set(c.codes)].sort());
    for (const w of warnings) {
      expect(w.message).toBe(warningText(w, 'en'));
      expect(r.stderr).toContain(`warning: ${w.message}\n`);
    }
  }, 60_000);

  it('replace: a withdrawn participant still included in the locks file, in bokmål and in English', async () => {
    const cwd = tempDir('cohort-warn-replace-');
    writeFileSync(join(cwd, 'locks.csv'), 'regel;id;annen\ninkluder;TLP-0012;\n');
    const made = await cohort(['allocate', ...SAMPLE_NB, '--out', 'a', '--locks', 'locks.csv', '--lang', 'en'], cwd);
    expect(made.code, made.stderr).toBe(0);
    const replace = (lang: string, out: string) =>
      cohort(['replace', '--candidates', ...SAMPLE_NB, '--allocation', 'a/allocation.csv', '--withdraw', 'TLP-0012', '--locks', 'locks.csv', '--out', out, '--lang', lang], cwd);
    const nb = await replace('nb', 'b');
    expect(nb.code, nb.stderr).toBe(0);
    expect(nb.stderr).toContain(`advarsel: ${NB.warnings.withdrawn_still_included({ id: 'TLP-0012', locks: 'locks.csv' })}\n`);
    expect(nb.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('advarsel: '))).toEqual([]);
    expect(englishIn(nb.stderr)).toEqual([]);
    const en = await replace('en', 'c');
    expect(en.stderr).toContain('warning: TLP-0012 is withdrawn but still included in locks.csv: remove that include, or cohort check --locks reports it\n');
  }, 60_000);

  it('the sample prints its one warning in bokmål, and in English as it always read', async () => {
    const nb = await cohort(['allocate', ...SAMPLE_NB, '--dry-run', '--lang', 'nb']);
    expect(nb.stderr).toBe(
      'advarsel: Sykehuset Telemark HF nominerte 4 kandidater, flere enn taket på 3; over taket, etter de 3 høyest prioriterte (de er ikke av den grunn ukvalifisert): TLP-0108\n',
    );
    const en = await cohort(['allocate', ...SAMPLE_NB, '--dry-run', '--lang', 'en']);
    expect(en.stderr).toBe(
      'warning: Sykehuset Telemark HF nominated 4 candidates, more than the cap of 3; over the cap beyond its top 3 by priority (not failing the admission requirements for that): TLP-0108\n',
    );
  }, 60_000);
});

/** Facts for every code (a code missing here fails the build), shaped like the real ones. */
const FACTS: WarningParams = {
  header_not_first: { file: 'kommune.csv', sheet: 'Ark1', headerRow: 3, rows: [1, 2] },
  ids_as_numbers: { file: 'kommune.xlsx', sheet: 'Ark1', count: 2 },
  id_normalised: { file: 'kommune.csv', sheet: null, count: 12, lines: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
  unrecognised_gender: { file: 'kommune.csv', count: 1, lines: [7] },
  unknown_organisation: { file: 'vest.csv', sheet: null, line: 4, column: 'Virksomhet', value: 'Helse Bergn', rhf: 'Helse Vest', suggestion: 'Helse Bergen HF', otherSector: false },
  unknown_municipality: { file: 'kommune.csv', sheet: null, line: 5, column: 'Virksomhet', value: 'Helse Bergen HF', rhf: null, suggestion: null, otherSector: true },
  rhf_differs_from_county: { file: 'kommune.csv', sheet: null, line: 6, column: 'RHF', rhf: 'Helse Midt-Norge', municipality: 'Bindal', county: 'Nordland', countyRhf: 'Helse Nord' },
  nomination_cap: { trust: 'Sykehuset Telemark HF', nominated: 5, cap: 3, ids: ['TLP-0108', 'TLP-0109'], tieAtCut: true },
  no_quota_cell: { ids: ['TLP-0001', 'TLP-0002'] },
  lock_conflict: { id: 'TLP-0001' },
  lock_unknown_id: { lock: 'exclude', id: 'TLP-9999' },
  include_ineligible: { id: 'TLP-0115', file: 'helse-nord.csv', line: 5 },
  include_over_quota: { cell: 'kommune', included: 3, seats: 2, ids: ['TLP-0001', 'TLP-0002', 'TLP-0003'] },
  starting_allocation_breaks_rule: { rule: 'shortfall', ids: ['TLP-0001'], detail: 'Helse Nord: 3 of 4 seats filled (in allocation.csv: TLP-0001 line 2)' },
  withdrawn_still_included: { id: 'TLP-0001', locks: 'locks.csv' },
};

describe('every warning code has its text in both languages', () => {
  it('the catalogues and the list of codes name the same codes', () => {
    const sorted = [...WARNING_CODES].sort();
    expect(Object.keys(NB.warnings).sort()).toEqual(sorted);
    expect(Object.keys(EN.warnings).sort()).toEqual(sorted);
    expect(Object.keys(FACTS).sort()).toEqual(sorted);
  });

  it.each(WARNING_CODES)('%s: a bokmål text without English words, and an English one', (code) => {
    const facts = { code, params: FACTS[code] } as WarningFacts;
    const nb = warningText(facts, 'nb');
    const en = warningText(facts, 'en');
    expect(nb).not.toBe(en);
    // The English checker's detail of a broken starting allocation is shown in English only.
    expect(englishIn(nb)).toEqual([]);
    expect(englishIn(en).length).toBeGreaterThan(0);
    // The facts' ids and names reach both texts.
    for (const v of Object.values(FACTS[code]).flat()) {
      if (typeof v === 'string' && /^TLP-/.test(v)) {
        expect(nb).toContain(v);
        expect(en).toContain(v);
      }
    }
  });
});
