/** Shared helpers for the reading tests: the bundled reference data and CSV builders. */
import { loadReferenceData } from '../../src/io/reference-load.js';
import type { ReferenceData } from '../../src/read/reference.js';

let cached: ReferenceData | undefined;

/** The reference data shipped in data/ (loaded once per test file). */
export function ref(): ReferenceData {
  cached ??= loadReferenceData();
  return cached;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Rows joined by a delimiter and line end; no quoting (the rows here need none). */
export function csv(rows: ReadonlyArray<readonly string[]>, delimiter = ',', eol = '\n'): string {
  return rows.map((r) => r.join(delimiter)).join(eol) + eol;
}

export const HEADER_EN = ['id', 'name', 'birth_date', 'gender', 'sector', 'rhf', 'organisation', 'position', 'education', 'experience_years', 'priority', 'endorsed'];
export const HEADER_NB = ['Søknadsnummer', 'Navn', 'Fødselsdato', 'Kjønn', 'Sektor', 'RHF', 'Virksomhet', 'Stilling', 'Høyeste fullførte utdanning', 'Arbeidserfaring (år)', 'Prioritet', 'Forankret'];

/** A valid specialist row in the English dialect; `over` replaces cells by header. */
export function row(over: Partial<Record<(typeof HEADER_EN)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    id: 'S1',
    name: 'Kari Nordmann',
    birth_date: '1980-12-31',
    gender: 'female',
    sector: 'spesialist',
    rhf: '',
    organisation: 'Helse Bergen HF',
    position: 'Klinikkdirektør',
    education: 'master',
    experience_years: '10',
    priority: '1',
    endorsed: 'yes',
    ...over,
  };
  return HEADER_EN.map((h) => base[h] ?? '');
}

/** Windows-1252 bytes of a string, as Excel's plain "CSV" writes them; throws on a character it cannot hold. */
export function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  return new Uint8Array(
    Array.from(text, (ch) => {
      const c = ch.codePointAt(0) as number;
      if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
      const b = high[ch];
      if (b === undefined) throw new Error(`not in the test's Windows-1252 table: ${ch}`);
      return b;
    }),
  );
}
