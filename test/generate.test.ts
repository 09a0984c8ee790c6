import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeCp1252, encodeCp1252 } from '../src/domain/cp1252.js';
import {
  DEFAULT_GENERATOR_PROGRAMME,
  generateCandidates,
  generateCandidateSet,
  NB_HEADERS,
  toCsv,
  type GeneratedRow,
  type GeneratorProgramme,
} from '../scripts/lib/generate.js';
import { parseProgramme } from '../src/domain/programme.js';
import { CANONICAL_COLUMNS, EDUCATION_LEVELS, RHFS, type CanonicalColumn, type Education } from '../src/domain/types.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(join(root, path), 'utf8'), { columns: true }) as Record<string, string>[];
}

/** Whole years on `on` (both ISO dates), computed from the strings: independent of the generator's Date arithmetic. */
function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

/** A minimal screening of generated rows, written from the rules in issue 2 (not from the generator). */
function miniScreen(rows: readonly GeneratedRow[], p: GeneratorProgramme): string[][] {
  const el = p.eligibility;
  const reasons = rows.map((r) => {
    const out: string[] = [];
    const edu = r.education as Education;
    const level = EDUCATION_LEVELS.indexOf(edu);
    if (ageOn(r.birth_date, p.startDate) < el.minAge) out.push('too_young');
    if (level < EDUCATION_LEVELS.indexOf(el.minEducation)) out.push('no_bachelor');
    const need = level >= EDUCATION_LEVELS.indexOf('master') ? el.minExperienceYearsWithMaster : el.minExperienceYears;
    if (Number(r.experience_years) < need) out.push('too_little_experience');
    if (el.requireEndorsement && r.endorsed === 'no') out.push('not_endorsed');
    return out;
  });
  if (p.nominationCapPerTrust !== null) {
    const byTrust = new Map<string, number[]>();
    rows.forEach((r, i) => {
      if (r.sector === 'spesialist') byTrust.set(r.organisation, [...(byTrust.get(r.organisation) ?? []), i]);
    });
    for (const list of byTrust.values()) {
      list.sort((a, b) => Number(rows[a]!.priority) - Number(rows[b]!.priority));
      for (const i of list.slice(p.nominationCapPerTrust)) reasons[i]!.push('nomination_cap');
    }
  }
  return reasons;
}

describe('generateCandidates: determinism', () => {
  it('gives the same rows and CSV for the same seed', () => {
    const a = generateCandidateSet({ seed: 42, count: 300 });
    const b = generateCandidateSet({ seed: 42, count: 300 });
    expect(b).toEqual(a);
    expect(toCsv(b.rows, 'nb')).toBe(toCsv(a.rows, 'nb'));
    // Numbers and strings hash alike.
    expect(generateCandidates({ seed: '42', count: 300 })).toEqual(a.rows);
  });

  it('gives different rows for different seeds', () => {
    const a = generateCandidates({ seed: 1, count: 100 });
    const b = generateCandidates({ seed: 2, count: 100 });
    const c = generateCandidates({ seed: 'sample-2026', count: 100 });
    expect(b.map((r) => r.name)).not.toEqual(a.map((r) => r.name));
    expect(c.map((r) => r.birth_date)).not.toEqual(a.map((r) => r.birth_date));
  });

  it('rejects a bad count or share', () => {
    expect(() => generateCandidates({ seed: 1, count: -1 })).toThrow(RangeError);
    expect(() => generateCandidates({ seed: 1, count: 2.5 })).toThrow(RangeError);
    expect(() => generateCandidates({ seed: 1, count: 10, ineligibleShare: 1.5 })).toThrow(RangeError);
  });

  it('handles tiny sets', () => {
    expect(generateCandidates({ seed: 1, count: 0 })).toEqual([]);
    for (const count of [1, 2, 3, 5]) expect(generateCandidates({ seed: 1, count })).toHaveLength(count);
  });
});

describe('generateCandidates: composition', () => {
  const count = 2000;
  const { rows, intended } = generateCandidateSet({ seed: 'shares', count });

  it('numbers ids uniquely and fills every canonical column', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(count);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual([...CANONICAL_COLUMNS].sort());
      expect(r.id).toMatch(/^TLP-\d{4}$/);
      expect(r.name).toMatch(/^\S+( \S+)+$/);
      expect(r.birth_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['female', 'male']).toContain(r.gender);
      expect(EDUCATION_LEVELS).toContain(r.education);
      expect(r.experience_years).toMatch(/^\d+(\.\d)?$/);
      expect(['yes', 'no']).toContain(r.endorsed);
    }
  });

  it('splits sectors and RHFs as specified', () => {
    const spec = intended.filter((i) => i.sector === 'spesialist');
    expect(count - spec.length).toBe(1000);
    expect(RHFS.map((rhf) => spec.filter((i) => i.rhf === rhf).length)).toEqual([500, 200, 150, 150]);
    const blank = rows.filter((r) => r.sector === 'spesialist' && r.rhf === '');
    expect(blank.length).toBe(20);
    expect(rows.filter((r) => r.sector === 'kommune').every((r) => r.rhf === '')).toBe(true);
    // Several candidates from the big municipalities.
    const oslo = rows.filter((r) => r.organisation === 'Oslo kommune' || r.organisation === 'Oslo').length;
    expect(oslo).toBeGreaterThan(20);
  });

  it('has about 60 % women in every group', () => {
    for (const key of ['kommune', ...RHFS]) {
      const group = intended.filter((i) => (i.sector === 'kommune' ? 'kommune' : i.rhf) === key);
      const women = group.filter((i) => i.gender === 'female').length / group.length;
      expect(women).toBeGreaterThan(0.59);
      expect(women).toBeLessThan(0.61);
    }
  });

  it('plants about 10 % ineligible rows, spread over the three reasons', () => {
    const planted = intended.filter((i) => i.reasons.some((r) => r !== 'nomination_cap'));
    expect(planted.length).toBe(200);
    for (const reason of ['too_young', 'no_bachelor', 'too_little_experience']) {
      const n = intended.filter((i) => i.reasons.includes(reason as never)).length;
      expect(n).toBeGreaterThanOrEqual(66);
      expect(n).toBeLessThanOrEqual(67);
    }
    expect(planted.every((i) => i.reasons.filter((r) => r !== 'nomination_cap').length === 1)).toBe(true);
  });

  it('ranks each RHF 1..n and part of the municipal list', () => {
    for (const rhf of RHFS) {
      const ranks = rows.filter((_, k) => intended[k]!.sector === 'spesialist' && intended[k]!.rhf === rhf).map((r) => Number(r.priority));
      expect(ranks.sort((a, b) => a - b)).toEqual(ranks.map((_, k) => k + 1));
    }
    const kommune = rows.filter((r) => r.sector === 'kommune');
    const ranked = kommune.filter((r) => r.priority !== '').map((r) => Number(r.priority));
    expect(ranked.sort((a, b) => a - b)).toEqual(ranked.map((_, k) => k + 1));
    expect(ranked.length / kommune.length).toBeGreaterThanOrEqual(0.2);
    expect(ranked.length / kommune.length).toBeLessThanOrEqual(0.5);
  });

  it('draws realistic values', () => {
    const years = rows.map((r) => Number(r.birth_date.slice(0, 4)));
    expect(years.filter((y) => y >= 1960 && y <= 1995).length / count).toBeGreaterThan(0.9);
    const exp = rows.map((r) => Number(r.experience_years));
    expect(Math.min(...exp)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...exp)).toBeLessThanOrEqual(31);
    const decimals = exp.filter((x) => !Number.isInteger(x)).length / count;
    expect(decimals).toBeGreaterThan(0.1);
    expect(decimals).toBeLessThan(0.5);
    const higher = rows.filter((r) => ['bachelor', 'master', 'phd'].includes(r.education)).length / count;
    expect(higher).toBeGreaterThan(0.9);
    const endorsed = rows.filter((r) => r.endorsed === 'yes').length / count;
    expect(endorsed).toBeGreaterThan(0.85);
    expect(endorsed).toBeLessThan(0.95);
  });

  it('means what it says: an independent screen finds exactly the intended reasons', () => {
    expect(miniScreen(rows, DEFAULT_GENERATOR_PROGRAMME)).toEqual(intended.map((i) => i.reasons));
    // 1,000 specialist candidates are far more than the trusts may nominate: the surplus hits the cap.
    expect(intended.filter((i) => i.reasons.includes('nomination_cap')).length).toBeGreaterThan(500);
  });

  it.each([
    ['the built-in programme at sample size', 130, DEFAULT_GENERATOR_PROGRAMME],
    ['a stricter programme with endorsement required and no cap', 400, {
      startDate: '2027-01-10',
      eligibility: { minAge: 30, minEducation: 'master', minExperienceYears: 6, minExperienceYearsWithMaster: 5, requireEndorsement: true },
      nominationCapPerTrust: null,
    }],
    ['a programme with a cap of 1', 60, { ...DEFAULT_GENERATOR_PROGRAMME, nominationCapPerTrust: 1 }],
  ] as [string, number, GeneratorProgramme][])('follows the programme it is given: %s', (_, n, programme) => {
    const set = generateCandidateSet({ seed: 'rules', count: n, programme });
    expect(miniScreen(set.rows, programme)).toEqual(set.intended.map((i) => i.reasons));
    const warned = set.intended.filter((i) => i.warnings.includes('not_endorsed')).length;
    const noes = set.rows.filter((r) => r.endorsed === 'no').length;
    expect(warned).toBe(programme.eligibility.requireEndorsement ? 0 : noes);
    const capped = set.intended.filter((i) => i.reasons.includes('nomination_cap')).length;
    if (programme.nominationCapPerTrust === null) expect(capped).toBe(0);
    else expect(capped).toBeGreaterThanOrEqual(1);
  });

  it('at sample size the over-cap trust nominates exactly one more than the cap, all otherwise eligible', () => {
    const set = generateCandidateSet({ seed: 'cap', count: 130 });
    const capped = set.intended.filter((i) => i.reasons.includes('nomination_cap'));
    expect(capped).toHaveLength(1);
    const trust = capped[0]!.organisation;
    const nominees = set.intended.filter((i) => i.organisation === trust);
    expect(nominees).toHaveLength(4);
    expect(nominees.flatMap((i) => i.reasons)).toEqual(['nomination_cap']);
  });
});

describe('generateCandidates: organisations match the reference data in data/', () => {
  const trusts = new Map(readCsv('data/helseforetak.csv').map((t) => [t['hf_name']!, t]));
  const fylker = new Map(readCsv('data/fylker.csv').map((f) => [f['fylkesnummer']!, f['rhf']!]));
  const kommuner = readCsv('data/kommuner.csv');
  const { rows, intended } = generateCandidateSet({ seed: 'reference', count: 3000 });

  it('uses real hospital trusts of the right RHF, mostly hospitals', () => {
    const spec = rows.map((r, k) => [r, intended[k]!] as const).filter(([r]) => r.sector === 'spesialist');
    for (const [r, i] of spec) {
      const t = trusts.get(r.organisation);
      expect(t, r.organisation).toBeDefined();
      expect(t!['rhf']).toBe(i.rhf);
      expect(['sykehus', 'privat_ideell', 'apotek', 'ikt']).toContain(t!['kategori']);
      expect(i.organisation).toBe(r.organisation);
      if (r.rhf !== '') expect(r.rhf).toBe(i.rhf);
    }
    const hospitals = spec.filter(([r]) => trusts.get(r.organisation)!['kategori'] === 'sykehus').length;
    expect(hospitals / spec.length).toBeGreaterThan(0.7);
  });

  it('uses real municipalities, as "X kommune" or "X", with the RHF of their county', () => {
    let withSuffix = 0;
    for (const [k, r] of rows.entries()) {
      if (r.sector !== 'kommune') continue;
      const i = intended[k]!;
      const bare = r.organisation.replace(/ kommune$/, '');
      if (bare !== r.organisation) withSuffix++;
      const m = kommuner.find((x) => x['kommunenavn']!.split(' - ').includes(bare));
      expect(m, r.organisation).toBeDefined();
      expect(i.organisation).toBe(m!['kommunenavn']);
      expect(i.rhf).toBe(fylker.get(m!['fylkesnummer']!));
    }
    const municipal = rows.filter((r) => r.sector === 'kommune').length;
    expect(withSuffix / municipal).toBeGreaterThan(0.7);
    expect(withSuffix / municipal).toBeLessThan(0.9);
  });
});

describe('Windows-1252', () => {
  const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

  it('round-trips every byte through decodeCp1252 and encodeCp1252', () => {
    const text = decodeCp1252(allBytes);
    expect(text).toHaveLength(256);
    expect(encodeCp1252(text)).toEqual(allBytes);
  });

  it.each([
    ['–', 0x96],
    ['—', 0x97],
    ['€', 0x80],
    ['’', 0x92],
    ['æ', 0xe6],
    ['ø', 0xf8],
    ['å', 0xe5],
    ['Æ', 0xc6],
    ['Ø', 0xd8],
    ['Å', 0xc5],
    ['é', 0xe9],
    [';', 0x3b],
  ])('maps %s to byte %d', (ch, byte) => {
    expect([...encodeCp1252(ch)]).toEqual([byte]);
    expect(decodeCp1252(Uint8Array.of(byte))).toBe(ch);
  });

  it('agrees with TextDecoder("windows-1252") outside 0x80–0x9F', () => {
    const outside = allBytes.filter((b) => b < 0x80 || b > 0x9f);
    expect(encodeCp1252(new TextDecoder('windows-1252').decode(outside))).toEqual(outside);
  });

  // Node ≥ 20.18.3 / 22.13.0 decodes 0x80–0x9F as Latin-1 (nodejs/node#56542): compare only where it is right.
  const nodeDecoderIsRight = new TextDecoder('windows-1252').decode(Uint8Array.of(0x96)) === '–';
  it.skipIf(!nodeDecoderIsRight)('agrees with a WHATWG-correct TextDecoder("windows-1252") on every byte', () => {
    expect(encodeCp1252(new TextDecoder('windows-1252').decode(allBytes))).toEqual(allBytes);
  });

  it('refuses characters Windows-1252 cannot hold, naming the code point but not the text', () => {
    expect(() => encodeCp1252('Porsáŋgu')).toThrow(/U\+014B \(at index 5\)/);
    expect(() => encodeCp1252('Porsáŋgu')).not.toThrow(/Pors/);
    expect(() => encodeCp1252('ok 😀')).toThrow(/U\+1F600/);
    expect(() => encodeCp1252('\u2015')).toThrow(RangeError);
  });

  it('encodes every generated row', () => {
    const rows = generateCandidates({ seed: 'cp1252', count: 2000 });
    const text = toCsv(rows, 'nb');
    expect(decodeCp1252(encodeCp1252(text))).toBe(text);
  });
});

/** Back from the Norwegian dialect's values to the canonical ones. */
function fromNb(column: CanonicalColumn, value: string): string {
  const maps: Partial<Record<CanonicalColumn, Record<string, string>>> = {
    gender: { Kvinne: 'female', Mann: 'male' },
    sector: { Kommunehelsetjenesten: 'kommune', Spesialisthelsetjenesten: 'spesialist' },
    education: { Ingen: 'none', Fagskole: 'fagskole', Bachelor: 'bachelor', Master: 'master', 'Ph.d.': 'phd' },
    endorsed: { Ja: 'yes', Nei: 'no' },
  };
  if (column === 'birth_date') {
    const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
    expect(m, `nb date ${value}`).not.toBeNull();
    return `${m![3]}-${m![2]}-${m![1]}`;
  }
  if (column === 'experience_years') {
    expect(value).not.toContain('.');
    return value.replace(',', '.');
  }
  const map = maps[column];
  if (map === undefined) return value;
  expect(Object.keys(map), `${column} value ${value}`).toContain(value);
  return map[value]!;
}

function normaliseNb(records: string[][]): string[][] {
  const [header, ...body] = records;
  expect(header).toEqual(CANONICAL_COLUMNS.map((c) => NB_HEADERS[c]));
  return body.map((cells) => cells.map((v, i) => fromNb(CANONICAL_COLUMNS[i]!, v)));
}

describe('toCsv: the two dialects hold the same data', () => {
  const rows = generateCandidates({ seed: 'dialects', count: 500 });
  const nb = toCsv(rows, 'nb');
  const en = toCsv(rows, 'en');

  it('uses each dialect\'s delimiter and line ends, ending the last line too', () => {
    expect(nb.split('\r\n')).toHaveLength(rows.length + 2);
    expect(nb.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(en.split('\n')).toHaveLength(rows.length + 2);
    expect(en).not.toContain('\r');
    expect(nb.split('\r\n')[0]).toBe('Søknadsnummer;Navn;Fødselsdato;Kjønn;Sektor;RHF;Virksomhet;Stilling;Høyeste fullførte utdanning;Arbeidserfaring (år);Prioritet;Forankret');
    expect(en.split('\n')[0]).toBe(CANONICAL_COLUMNS.join(','));
  });

  it('parses back to the same cells', () => {
    const nbRecords = parse(nb, { delimiter: ';' }) as string[][];
    const enRecords = parse(en, { delimiter: ',' }) as string[][];
    const expected = rows.map((r) => CANONICAL_COLUMNS.map((c) => r[c]));
    expect(enRecords[0]).toEqual([...CANONICAL_COLUMNS]);
    expect(enRecords.slice(1)).toEqual(expected);
    expect(normaliseNb(nbRecords)).toEqual(expected);
  });

  it('quotes a cell that holds the delimiter or a quote', () => {
    const row = { ...rows[0]!, position: 'Leder; "helse", omsorg' };
    for (const [dialect, delimiter] of [['nb', ';'], ['en', ',']] as const) {
      const back = parse(toCsv([row], dialect), { delimiter }) as string[][];
      expect(back[1]![CANONICAL_COLUMNS.indexOf('position')]).toBe(row.position);
    }
  });
});

describe('the committed sample (fixtures/sample)', () => {
  const files = readdirSync(join(root, 'fixtures/sample/en')).sort();
  const programme = parseProgramme(JSON.parse(readFileSync(join(root, 'data/programme.json'), 'utf8')), z);
  if (!programme.ok) throw new Error('data/programme.json is invalid');

  it('is split like real exports', () => {
    expect(files).toEqual(['helse-midt-norge.csv', 'helse-nord.csv', 'helse-sor-ost.csv', 'helse-vest.csv', 'kommune.csv']);
    expect(readdirSync(join(root, 'fixtures/sample/nb')).sort()).toEqual(files);
  });

  it('holds the same data in nb (Windows-1252, ;, CRLF) and en (UTF-8, ,, LF)', () => {
    for (const file of files) {
      const nbBytes = readFileSync(join(root, 'fixtures/sample/nb', file));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(nbBytes), `${file} must not be UTF-8`).toThrow();
      const nbText = decodeCp1252(nbBytes);
      expect(nbText.endsWith('\r\n')).toBe(true);
      expect(nbText.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const enText = readFileSync(join(root, 'fixtures/sample/en', file), 'utf8');
      expect(enText.charCodeAt(0)).not.toBe(0xfeff);
      const nb = normaliseNb(parse(nbText, { delimiter: ';' }) as string[][]);
      const en = (parse(enText, { delimiter: ',' }) as string[][]).slice(1);
      expect(nb).toEqual(en);
    }
  });

  it('is what the generator makes now (else re-run scripts/make-fixtures.mjs)', () => {
    const set = generateCandidateSet({ seed: 'sample-2026', count: 130, municipalShare: 60 / 130, programme: programme.programme });
    const committed = files.flatMap((f) => readCsv(`fixtures/sample/en/${f}`));
    const byId = (a: Record<string, string>, b: Record<string, string>) => (a['id']! < b['id']! ? -1 : 1);
    expect(committed.sort(byId)).toEqual([...set.rows].sort(byId));
    const expected = readCsv('fixtures/sample/expected.csv');
    expect(expected.map((e) => [e['id'], e['reasons']])).toEqual(
      set.intended.map((i) => [i.id, i.reasons.join(' ')]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
  });

  it('has what the tests of later stages need', () => {
    const rows = files.flatMap((f) => readCsv(`fixtures/sample/en/${f}`));
    const nbBytes = Buffer.concat(files.map((f) => readFileSync(join(root, 'fixtures/sample/nb', f))));
    expect(nbBytes.includes(0x96)).toBe(true); // en dash
    for (const ch of ['æ', 'ø', 'å']) expect(rows.some((r) => r['name']!.includes(ch))).toBe(true);
    expect(rows.some((r) => r['sector'] === 'spesialist' && r['rhf'] === '')).toBe(true);
    const expected = readCsv('fixtures/sample/expected.csv');
    for (const reason of ['too_young', 'no_bachelor', 'too_little_experience', 'nomination_cap']) {
      expect(expected.some((e) => e['reasons']!.split(' ').includes(reason)), reason).toBe(true);
    }
    const eligible = expected.filter((e) => e['status'] === 'eligible');
    const cells: [string, number][] = [['kommune', 20], ['Helse Sør-Øst', 8], ['Helse Vest', 4], ['Helse Midt-Norge', 4], ['Helse Nord', 4]];
    for (const [cell, seats] of cells) {
      const inCell = eligible.filter((e) => (e['sector'] === 'kommune' ? 'kommune' : e['rhf']) === cell);
      expect(inCell.length, cell).toBeGreaterThanOrEqual(seats + 2);
      for (const g of ['female', 'male']) expect(inCell.some((e) => e['gender'] === g), `${cell} ${g}`).toBe(true);
    }
    for (const sector of ['kommune', 'spesialist']) {
      for (const g of ['female', 'male']) expect(eligible.filter((e) => e['sector'] === sector && e['gender'] === g).length).toBeGreaterThanOrEqual(8);
    }
  });
});
