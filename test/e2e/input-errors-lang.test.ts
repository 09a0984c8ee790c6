/**
 * Input errors in the chosen language (issue 14, item 4): for each common cell or header problem, a crafted
 * candidate file run in-process. In bokmål the line names the file, the row as the spreadsheet numbers it, the
 * column's header as written, the value and what to write instead, with an example, and no English word is left;
 * in English the line is today's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohort, ROOT, SAMPLE_NB, tempDir } from './helpers.js';

const HEADER = 'Søknadsnummer;Navn;Fødselsdato;Kjønn;Sektor;RHF;Virksomhet;Stilling;Høyeste fullførte utdanning;Arbeidserfaring (år);Prioritet;Forankret';
const KOMMUNE = 'TLP-0001;Mari Jensen;10.11.1982;Kvinne;Kommunehelsetjenesten;;Bergen kommune;Avdelingsleder;Master;8;;Ja';
const SPESIALIST = 'TLP-0002;Gunn Bøe;24.07.1987;Kvinne;Spesialisthelsetjenesten;Helse Vest;Helse Førde HF;Direktør;Master;11;1;Ja';

/** A row of `base` with the cells of the given (0-based) columns replaced. */
function row(base: string, cells: Readonly<Record<number, string>>): string {
  return base
    .split(';')
    .map((c, i) => cells[i] ?? c)
    .join(';');
}

interface Case {
  name: string;
  /** The file's lines after the header (or all of them, with `header: false`). */
  lines: readonly string[];
  header?: string;
  nb: string;
  en: string;
}

const CASES: readonly Case[] = [
  {
    name: 'a date not in the calendar',
    lines: [row(KOMMUNE, { 2: '31.02.1980' })],
    nb: 'Fil kandidater.csv, rad 2, kolonne «Fødselsdato»: «31.02.1980» er ingen gyldig dato; skriv dd.mm.åååå, for eksempel 03.11.1980',
    en: 'kandidater.csv:2 column "Fødselsdato": expected a real calendar date like 31.12.1980, got "31.02.1980"',
  },
  {
    name: 'a date written with slashes',
    lines: [row(KOMMUNE, { 2: '31/12/1980' })],
    nb: 'Fil kandidater.csv, rad 2, kolonne «Fødselsdato»: «31/12/1980» er ingen gyldig dato; skriv dd.mm.åååå, for eksempel 03.11.1980',
    en: 'kandidater.csv:2 column "Fødselsdato": expected a date like 31.12.1980, got "31/12/1980"',
  },
  {
    name: 'a date with a mistyped year',
    lines: [KOMMUNE, row(KOMMUNE, { 0: 'TLP-0003', 2: '03.11.0980' })],
    nb: 'Fil kandidater.csv, rad 3, kolonne «Fødselsdato»: «03.11.0980» har et årstall utenfor 1900–2100; skriv dd.mm.åååå, for eksempel 03.11.1980',
    en: 'kandidater.csv:3 column "Fødselsdato": expected a date like 31.12.1980 with a year between 1900 and 2100, got "03.11.0980"',
  },
  {
    name: 'years of experience that are not a number',
    lines: [row(KOMMUNE, { 9: '4x' })],
    nb: 'Fil kandidater.csv, rad 2, kolonne «Arbeidserfaring (år)»: «4x» er ikke et antall år; skriv et tall, for eksempel 4 eller 4,5',
    en: 'kandidater.csv:2 column "Arbeidserfaring (år)": expected a number of years like 4 or 4,5, got "4x"',
  },
  {
    name: 'years of experience out of range',
    lines: [row(KOMMUNE, { 9: '75' })],
    nb: 'Fil kandidater.csv, rad 2, kolonne «Arbeidserfaring (år)»: «75» er utenfor 0–60; skriv et tall, for eksempel 4 eller 4,5',
    en: 'kandidater.csv:2 column "Arbeidserfaring (år)": expected a number of years between 0 and 60, got "75"',
  },
  {
    name: 'years of experience a spreadsheet turned into a date',
    lines: [row(KOMMUNE, { 9: '03.mai' })],
    nb:
      'Fil kandidater.csv, rad 2, kolonne «Arbeidserfaring (år)»: «03.mai» ser ut som en dato, ikke et antall år: regnearket kan ha lest et tall som 3,5 som en dato; ' +
      'formater kolonnen som tall og skriv et tall, for eksempel 4 eller 4,5',
    en:
      'kandidater.csv:2 column "Arbeidserfaring (år)": expected a number of years like 4 or 4,5, got "03.mai": a spreadsheet may have read a number such as 3.5 as a date; ' +
      'format the column as a number and type the value again',
  },
  {
    name: 'a priority that is not a whole number',
    lines: [row(SPESIALIST, { 10: 'første' })],
    nb: 'Fil kandidater.csv, rad 2, kolonne «Prioritet»: «første» er ikke en prioritet; skriv et helt tall fra 1 og oppover, for eksempel 1, 2 eller 3',
    en: 'kandidater.csv:2 column "Prioritet": expected a whole number ≥ 1 like 1, 2 or 3, got "første"',
  },
  {
    name: 'a degree not completed',
    lines: [row(KOMMUNE, { 8: 'Master påbegynt' })],
    nb:
      'Fil kandidater.csv, rad 2, kolonne «Høyeste fullførte utdanning»: «Master påbegynt» er ingen fullført grad; ' +
      'skriv den høyeste fullførte utdanningen: Ingen, Fagskole, Bachelor, Master eller Ph.d., for eksempel Bachelor',
    en:
      'kandidater.csv:2 column "Høyeste fullførte utdanning": expected one of Ingen, Fagskole, Bachelor, Master, Ph.d.: the highest completed degree ' +
      '("pabegynt" says it is not completed), got "Master påbegynt"',
  },
  {
    name: 'an unknown degree',
    lines: [row(KOMMUNE, { 8: 'Doktor' })],
    nb: 'Fil kandidater.csv, rad 2, kolonne «Høyeste fullførte utdanning»: «Doktor» er ingen kjent utdanning; skriv den høyeste fullførte: Ingen, Fagskole, Bachelor, Master eller Ph.d., for eksempel Master',
    en: 'kandidater.csv:2 column "Høyeste fullførte utdanning": expected one of Ingen, Fagskole, Bachelor, Master, Ph.d., got "Doktor"',
  },
  {
    name: 'an unknown sector',
    lines: [row(KOMMUNE, { 4: 'Kommun' })],
    nb: 'Fil kandidater.csv, rad 2, kolonne «Sektor»: «Kommun» er ingen kjent sektor; skriv kommune eller spesialist',
    en: 'kandidater.csv:2 column "Sektor": expected kommune or spesialist, got "Kommun"',
  },
  {
    name: 'a blank sector',
    lines: [row(KOMMUNE, { 4: '' })],
    nb: 'Fil kandidater.csv, rad 2, kolonne «Sektor»: cellen er tom; skriv kommune eller spesialist',
    en: 'kandidater.csv:2 column "Sektor": expected kommune or spesialist, got a blank cell',
  },
  {
    name: 'neither yes nor no',
    lines: [row(KOMMUNE, { 11: 'kanskje' })],
    nb: 'Fil kandidater.csv, rad 2, kolonne «Forankret»: «kanskje» er verken Ja eller Nei; skriv Ja eller Nei (J/N og 1/0 går også)',
    en: 'kandidater.csv:2 column "Forankret": expected Ja or Nei (also yes/no, true/false, 1/0), got "kanskje"',
  },
  {
    name: 'a blank employer',
    lines: [row(KOMMUNE, { 6: '' })],
    nb: 'Fil kandidater.csv, rad 2, kolonne «Virksomhet»: cellen er tom; skriv arbeidsgiveren (et helseforetak eller en kommune), for eksempel Helse Bergen HF eller Bergen kommune',
    en: 'kandidater.csv:2 column "Virksomhet": expected the employer (a hospital trust or a municipality), got a blank cell',
  },
  {
    name: 'a blank id',
    lines: [row(KOMMUNE, { 0: '' })],
    nb: 'Fil kandidater.csv, rad 2, kolonne «Søknadsnummer»: cellen er tom; skriv søknadsnummeret, for eksempel TLP-0001',
    en: 'kandidater.csv:2 column "Søknadsnummer": expected an application id, got a blank cell',
  },
  {
    name: 'a missing column',
    header: HEADER.replace(';Fødselsdato', ''),
    lines: [row(KOMMUNE, { 2: '' }).replace(';;', ';')],
    nb: 'Fil kandidater.csv, rad 1: kolonnen «Fødselsdato» mangler i overskriftsraden; skriv den inn (disse navnene godtas også: «Født», «Date of birth», «Birth date», «Birthdate» og «DOB»)',
    en: 'kandidater.csv:1 column "birth_date": expected a column "birth_date" in the header (also accepted: "Fødselsdato", "Født", "Date of birth", "Birth date", "Birthdate", "DOB")',
  },
  {
    name: 'an id twice',
    lines: [KOMMUNE, row(KOMMUNE, { 1: 'Per Hansen' })],
    nb: 'Fil kandidater.csv, rad 3, kolonne «Søknadsnummer»: søknadsnummeret «TLP-0001» står også i fil kandidater.csv, rad 2; hver søknad skal stå bare én gang i alle filene',
    en: 'kandidater.csv:3 column "Søknadsnummer": expected each id once across all files, "TLP-0001" is also at kandidater.csv:2',
  },
  {
    name: 'an unknown hospital trust, with a suggestion',
    lines: [row(SPESIALIST, { 5: '', 6: 'Helse Førd HF' })],
    nb:
      'Fil kandidater.csv, rad 2, kolonne «Virksomhet»: «Helse Førd HF» er ikke et helseforetak i referansedataene (mente du «Helse Førde HF»?); ' +
      'er arbeidsgiveren en annen, skriv det regionale helseforetaket den hører til i kolonnen «RHF», for eksempel Helse Vest',
    en: 'kandidater.csv:2 column "Virksomhet": expected a hospital trust (or an RHF in the RHF column for another employer), got "Helse Førd HF"; did you mean "Helse Førde HF"?',
  },
  {
    name: 'a municipality where a hospital trust belongs',
    lines: [row(SPESIALIST, { 5: '', 6: 'Bergen kommune' })],
    nb:
      'Fil kandidater.csv, rad 2, kolonne «Virksomhet»: «Bergen kommune» er ikke et helseforetak i referansedataene (det er en kommune: stemmer sektoren?); ' +
      'er arbeidsgiveren en annen, skriv det regionale helseforetaket den hører til i kolonnen «RHF», for eksempel Helse Vest',
    en: 'kandidater.csv:2 column "Virksomhet": expected a hospital trust (or an RHF in the RHF column for another employer), got "Bergen kommune"; it is a municipality: is the sector right?',
  },
  {
    name: 'an unknown RHF',
    lines: [row(SPESIALIST, { 5: 'Helse Vestt' })],
    nb:
      'Fil kandidater.csv, rad 2, kolonne «RHF»: «Helse Vestt» er ikke et regionalt helseforetak (mente du «Helse Vest»?); ' +
      'skriv Helse Sør-Øst, Helse Vest, Helse Midt-Norge eller Helse Nord (eller Sør-Øst, Vest, Midt, Nord)',
    en: 'kandidater.csv:2 column "RHF": expected an RHF (Helse Sør-Øst, Helse Vest, Helse Midt-Norge, Helse Nord; or Sør-Øst, Vest, Midt, Nord), got "Helse Vestt"; did you mean "Helse Vest"?',
  },
  {
    name: 'a municipality name two municipalities share',
    lines: [row(KOMMUNE, { 6: 'Herøy' })],
    nb:
      'Fil kandidater.csv, rad 2, kolonne «Virksomhet»: «Herøy» kan være Herøy (Møre og Romsdal) med nummer 1515 eller Herøy (Nordland) med nummer 1818; ' +
      'skriv kommunenummeret eller navnet med fylket, for eksempel 1515 eller Herøy (Møre og Romsdal)',
    en: 'kandidater.csv:2 column "Virksomhet": expected one municipality, got "Herøy", which may be Herøy (Møre og Romsdal) (1515) or Herøy (Nordland) (1818); write the number or the name with the county',
  },
  {
    name: 'an RHF that does not own the hospital trust',
    lines: [row(SPESIALIST, { 5: 'Helse Nord' })],
    nb:
      'Fil kandidater.csv, rad 2, kolonne «RHF»: «Helse Nord» stemmer ikke med arbeidsgiveren: Helse Førde HF hører til Helse Vest; skriv Helse Vest eller la cellen stå tom',
    en: 'kandidater.csv:2 column "RHF": expected "Helse Vest" (the RHF that owns Helse Førde HF) or a blank cell, got "Helse Nord"',
  },
  {
    name: 'a row with fewer cells than the header',
    lines: [KOMMUNE.split(';').slice(0, 10).join(';')],
    nb:
      'Fil kandidater.csv, rad 2: raden har 10 celler, overskriftsraden 12; mangler det et skilletegn? Rett raden så den har like mange celler som overskriftsraden',
    en: 'kandidater.csv:2: expected 12 cells like the header, got 10 (is a delimiter missing?)',
  },
  {
    name: 'a row with a value beyond the last column',
    lines: [`${KOMMUNE};;ekstra`],
    nb:
      'Fil kandidater.csv, rad 2: raden har en verdi i celle 14, men overskriftsraden har bare 12 kolonner; ' +
      'står det et skilletegn for mye, for eksempel i en verdi? Rett raden eller sett verdien i anførselstegn',
    en: 'kandidater.csv:2: expected 12 cells like the header, got a value in cell 14 (is there a stray delimiter?)',
  },
  {
    name: 'two headers for the same column',
    header: `${HEADER};Født`,
    lines: [`${KOMMUNE};10.11.1982`],
    nb:
      'Fil kandidater.csv, rad 1, kolonne «Født»: kolonnen står to ganger: «Fødselsdato» (kolonne 3) og kolonne 13, som begge betyr «Fødselsdato»; slett den ene',
    en: 'kandidater.csv:1 column "Født": expected each column once: "Fødselsdato" (column 3) and "Født" (column 13) both mean "birth_date"',
  },
  {
    name: 'the same unknown header twice',
    header: `${HEADER};Merknad;Merknad`,
    lines: [`${KOMMUNE};;`],
    nb:
      'Fil kandidater.csv, rad 1, kolonne «Merknad»: kolonnen står to ganger: «Merknad» (kolonne 13) og kolonne 14; slett den ene',
    en: 'kandidater.csv:1 column "Merknad": expected each column once: "Merknad" (column 13) and "Merknad" (column 14)',
  },
];

/** Words of today's English errors that must not appear in a bokmål error. */
const ENGLISH = ['expected', 'got', 'column', 'line', 'file', 'problem', 'nothing was written', 'cell', 'blank', 'row', 'sheet'];

async function screen(c: Case, lang: 'nb' | 'en') {
  const dir = tempDir('cohort-errwords-');
  writeFileSync(join(dir, 'kandidater.csv'), `${[c.header ?? HEADER, ...c.lines].join('\n')}\n`);
  return cohort(['screen', 'kandidater.csv', '--out', 'ut', '--lang', lang], dir);
}

describe('input errors in the chosen language', () => {
  it.each(CASES)('$name: bokmål names the file, row, column and value, and says what to write', async (c) => {
    const r = await screen(c, 'nb');
    expect(r.code).toBe(3);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^cohort: \d+ feil i inndataene \(E_INPUT\); ingenting er skrevet:$/);
    expect(lines.slice(1)).toEqual([`  ${c.nb}`]);
    for (const word of ENGLISH) expect(r.stderr, word).not.toMatch(new RegExp(`\\b${word}\\b`, 'i'));
  });

  it.each(CASES)('$name: English keeps its words', async (c) => {
    const r = await screen(c, 'en');
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`cohort: 1 problem in the input (E_INPUT); nothing was written:\n  ${c.en}\n`);
  });
});

describe('a broken allocation file in the chosen language', () => {
  /** The golden bokmål allocation with a status no one knows, a group that is no number, and an id swapped. */
  async function check(lang: 'nb' | 'en') {
    const dir = tempDir('cohort-allocwords-');
    const lines = readFileSync(join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv'), 'utf8').split('\r\n');
    const cells = (i: number) => (lines[i] ?? '').split(';');
    const a = cells(1);
    a[1] = 'godkjent';
    const b = cells(2);
    const moved = b[0] ?? '';
    b[0] = 'TLP-9999';
    const c = cells(3);
    c[4] = 'x';
    lines[1] = a.join(';');
    lines[2] = b.join(';');
    lines[3] = c.join(';');
    writeFileSync(join(dir, 'fordeling.csv'), lines.join('\r\n'));
    return { moved, r: await cohort(['check', '--allocation', 'fordeling.csv', '--candidates', ...SAMPLE_NB, '--lang', lang], dir) };
  }

  it('bokmål: each problem in bokmål words, at the column as the file heads it', async () => {
    const { moved, r } = await check('nb');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Fil fordeling.csv, rad 2, kolonne «Status»: «godkjent» er ingen kjent status; skriv tatt opp, reserve, ekskludert, ikke kvalifisert, over nominasjonstaket eller trukket');
    expect(r.stderr).toContain('Fil fordeling.csv, rad 4, kolonne «Verkstedgruppe»: «x» er ikke et helt tall fra 1; skriv nummeret på verkstedgruppa (1, 2, …) eller la cellen stå tom');
    expect(r.stderr).toContain('Fil fordeling.csv, rad 3, kolonne «ID»: søknadsnummeret «TLP-9999» finnes ikke i kandidatfilene');
    expect(r.stderr).toMatch(new RegExp(`kandidaten ${moved} \\(fil .*, rad \\d+\\) har ingen rad i fordelingen`));
    for (const word of ENGLISH) expect(r.stderr, word).not.toMatch(new RegExp(`\\b${word}\\b`, 'i'));
  });

  it('English keeps its words', async () => {
    const { r } = await check('en');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('fordeling.csv:2 column "Status": expected one of selected, reserve, excluded, ineligible, over_cap, withdrawn, got "godkjent"');
  });
});
