/**
 * Every word `cohort lists` shows a person (terminal, errors) or writes into a list's headers and cells, in
 * bokmål (the default) and English. One interface, so a text missing in one language fails the build.
 */
import type { Sector } from '../domain/types.js';

export type ListsLang = 'nb' | 'en';

export interface ListsMessages {
  /** Columns of a nominating body's list. */
  bodyHeader: readonly string[];
  /** Columns of BI's admission list. */
  admissionHeader: readonly string[];
  admitted: string;
  reserve: string;
  sector: (s: Sector | null) => string;
  /** An ISO date as the list shows it. */
  date: (iso: string) => string;
  unknownSeed: string;
  // terminal
  wrote: (n: number, dir: string) => string;
  wroteWorkbook: (path: string, sheets: number) => string;
  bodyLine: (file: string, body: string, admitted: number, reserves: number) => string;
  admissionLine: (file: string, admitted: number) => string;
  run: (date: string, dateFrom: 'option' | 'file', seed: string) => string;
  // warnings and errors
  warning: string;
  noSummary: (file: string) => string;
  noEmail: string;
  cannotList: string;
  noBody: string;
  badDate: (text: string) => string;
}

const isoToNb = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m === null ? iso : `${m[3]}.${m[2]}.${m[1]}`;
};

const NB: ListsMessages = {
  bodyHeader: ['Status', 'Reservenr.', 'Søknadsnummer', 'Navn', 'Stilling', 'E-post', 'Virksomhet', 'Kjønn', 'Prioritet', 'Instans', 'Kjøringsdato', 'Seed'],
  admissionHeader: ['Søknadsnummer', 'Navn', 'Fødselsdato', 'E-post', 'Arbeidsgiver', 'Sektor', 'Stilling', 'Nominert av', 'Kjøringsdato', 'Seed'],
  admitted: 'tatt opp',
  reserve: 'reserve',
  sector: (s) => (s === 'kommune' ? 'Kommunehelsetjenesten' : s === 'spesialist' ? 'Spesialisthelsetjenesten' : ''),
  date: isoToNb,
  unknownSeed: 'ukjent',
  wrote: (n, dir) => `Skrev ${n} lister i ${dir}:`,
  wroteWorkbook: (p, n) => `Skrev ${p} med ${n} ark:`,
  bodyLine: (f, b, a, r) => `  ${f}: ${b}, ${a} tatt opp, ${r} ${r === 1 ? 'reserve' : 'reserver'}`,
  admissionLine: (f, a) => `  ${f}: BI, opptaksliste med ${a} deltakere`,
  run: (d, from, seed) => `Kjøring: ${isoToNb(d)}${from === 'file' ? ' (fordelingsfilens endringsdato)' : ''}, seed ${seed}.`,
  warning: 'advarsel',
  noSummary: (f) => `fant ingen summary.json fra samme kjøring ved siden av ${f}: seed står som «ukjent» (oppgi den med --seed)`,
  noEmail: 'fordelingen har ingen e-postkolonne fra søkerfilene: E-post står tom i listene',
  cannotList: 'kan ikke lage listene',
  noBody: 'deltaker eller reserve uten nominerende instans (verken kvotecelle, sektor eller RHF): rett raden eller kjør cohort allocate på nytt',
  badDate: (t) => `--date: forventet en dato som 2026-04-20, fikk «${t}»`,
};

const EN: ListsMessages = {
  bodyHeader: ['status', 'reserve_rank', 'id', 'name', 'position', 'email', 'organisation', 'gender', 'priority', 'body', 'run_date', 'seed'],
  admissionHeader: ['id', 'name', 'birth_date', 'email', 'employer', 'sector', 'position', 'nominated_by', 'run_date', 'seed'],
  admitted: 'admitted',
  reserve: 'reserve',
  sector: (s) => (s === 'kommune' ? 'Municipal health services' : s === 'spesialist' ? 'Specialist health services' : ''),
  date: (iso) => iso,
  unknownSeed: 'unknown',
  wrote: (n, dir) => `Wrote ${n} lists into ${dir}:`,
  wroteWorkbook: (p, n) => `Wrote ${p} with ${n} sheets:`,
  bodyLine: (f, b, a, r) => `  ${f}: ${b}, ${a} admitted, ${r} ${r === 1 ? 'reserve' : 'reserves'}`,
  admissionLine: (f, a) => `  ${f}: BI, admission list of ${a} participants`,
  run: (d, from, seed) => `Run: ${d}${from === 'file' ? " (the allocation file's modification date)" : ''}, seed ${seed}.`,
  warning: 'warning',
  noSummary: (f) => `no summary.json of the same run beside ${f}: the seed reads "unknown" (give it with --seed)`,
  noEmail: 'the allocation has no e-mail column from the candidate files: the lists\' email column is blank',
  cannotList: 'cannot make the lists',
  noBody: 'a participant or reserve without a nominating body (no quota cell, sector or RHF): correct the row or run cohort allocate again',
  badDate: (t) => `--date: expected a date like 2026-04-20, got "${t}"`,
};

export const LISTS_MESSAGES: Readonly<Record<ListsLang, ListsMessages>> = { nb: NB, en: EN };
