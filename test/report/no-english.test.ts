/**
 * The Norwegian report says everything in bokmål: the sample year's nb report (and a hand-made view with every
 * optional part: unmet rules, a relaxation, notes, departures, lottery seats, decisions) has none of the
 * English words the English report uses. Data (names, organisations, file names) is not words of the report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/render.js';
import { SAMPLE_NB, cohort, tempDir } from '../e2e/helpers.js';
import { ENGLISH_WORDS_OTHER, ENGLISH_WORDS_USED, readableText, wordsFound } from './english-words.js';
import { fullView } from './fixture.js';

const ALL = [...ENGLISH_WORDS_USED, ...ENGLISH_WORDS_OTHER];

describe("the Norwegian report has no English words (the sample year's files)", () => {
  const page: Record<'nb' | 'en', string> = { nb: '', en: '' };
  /** `cohort report` of a hand-edited allocation that breaks rules: the checker's findings become notes. */
  const edited: Record<'nb' | 'en', string> = { nb: '', en: '' };

  beforeAll(async () => {
    const dir = tempDir('cohort-words-');
    for (const lang of ['nb', 'en'] as const) {
      const run = await cohort(['allocate', ...SAMPLE_NB, '--out', join(dir, lang), '--report', join(dir, lang, 'report.html'), '--lang', lang]);
      if (run.code !== 0) throw new Error(`allocate exited ${run.code}: ${run.stderr}`);
      page[lang] = readFileSync(join(dir, lang, 'report.html'), 'utf8');
    }
    // Two participants made reserves (without a reserve place) and two more moved into workshop group 1.
    const text = readFileSync(join(dir, 'nb', 'allocation.csv'), 'utf8');
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const [header = '', ...rows] = text.split(eol);
    // The --lang nb file: Norwegian headers and statuses.
    const col = (name: string) => header.replace(/^\uFEFF/, '').split(';').indexOf(name);
    let changed = 0;
    const out = rows.map((row) => {
      const cells = row.split(';');
      if (cells[col('Status')] !== 'tatt opp' || changed >= 4) return row;
      if (changed < 2) cells[col('Status')] = 'reserve';
      else cells[col('Verkstedgruppe')] = '1';
      changed += 1;
      return cells.join(';');
    });
    writeFileSync(join(dir, 'edited.csv'), [header, ...out].join(eol));
    for (const lang of ['nb', 'en'] as const) {
      const run = await cohort(['report', '--candidates', ...SAMPLE_NB, '--allocation', join(dir, 'edited.csv'), '--output', join(dir, `edited-${lang}.html`), '--lang', lang]);
      if (run.code !== 1) throw new Error(`report exited ${run.code}, expected 1 (a rule not met): ${run.stderr}`);
      edited[lang] = readFileSync(join(dir, `edited-${lang}.html`), 'utf8');
    }
  });

  it('the English report uses every listed word (so the scan reads what a reader reads)', () => {
    expect(wordsFound(readableText(page.en), ENGLISH_WORDS_USED)).toEqual([...ENGLISH_WORDS_USED]);
  });

  it('the Norwegian report uses none of them', () => {
    expect(wordsFound(readableText(page.nb), ALL)).toEqual([]);
  });

  it("nor does cohort report's, of an allocation edited by hand so that rules break (the checker's findings in bokmål)", () => {
    expect(readableText(edited.en)).toContain('group member TLP-');
    expect(wordsFound(readableText(edited.nb), ALL)).toEqual([]);
    expect(readableText(edited.nb)).toContain('Feil: et medlem av en verkstedgruppe er ikke tatt opp');
  });
});

describe('the Norwegian report has no English words (a view with every optional part)', () => {
  it('none in bokmål, while the English page of the same view has them', () => {
    const view = fullView();
    expect(wordsFound(readableText(renderReport(view, 'nb')), ALL)).toEqual([]);
    expect(wordsFound(readableText(renderReport(view, 'en')), ['departures', 'lottery', 'relaxed', 'obeyed', 'the'])).toEqual(['departures', 'lottery', 'relaxed', 'obeyed', 'the']);
  });

  it('the scan finds a word on its own, not inside a Norwegian one', () => {
    expect(wordsFound('Prosjektteam og teamleder', ['team'])).toEqual([]);
    expect(wordsFound('Team 1', ['team'])).toEqual(['team']);
    expect(wordsFound(readableText('<td data-label="Seats">1</td>'), ['seats'])).toEqual(['seats']);
  });
});
