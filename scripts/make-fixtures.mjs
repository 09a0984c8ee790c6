// Writes the committed fixtures from the seeded generator. Deterministic: a re-run gives byte-identical files.
//
//   npm run build && npx tsx scripts/make-fixtures.mjs
//
// fixtures/sample/   the synthetic sample year, split like real exports (KS's list + one file per RHF),
//                    in the Norwegian Excel dialect (nb/) and the English UTF-8 dialect (en/), plus
//                    expected.csv (what screening should find per id) and README.md (composition).
// fixtures/broken/   small broken files for the error tests, each described in README.md.
// fixtures/programme-200.json   a 200-seat programme (quotas ×5) for the benchmark.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { createRng, encodeCp1252, generateCandidateSet, NB_HEADERS, toCsv, toDialectValue } from './lib/generate.js';
import { parseProgramme } from '../dist/domain/programme.js';
import { CANONICAL_COLUMNS, RHFS } from '../dist/domain/types.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const fixtures = join(root, 'fixtures');

const programmeJson = JSON.parse(readFileSync(join(root, 'data', 'programme.json'), 'utf8'));
const parsed = parseProgramme(programmeJson, z);
if (!parsed.ok) throw new Error(`data/programme.json is invalid: ${JSON.stringify(parsed.problems)}`);
const programme = parsed.programme;

const RHF_FILE = {
  'Helse Sør-Øst': 'helse-sor-ost.csv',
  'Helse Vest': 'helse-vest.csv',
  'Helse Midt-Norge': 'helse-midt-norge.csv',
  'Helse Nord': 'helse-nord.csv',
};

function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  if (typeof content === 'string') writeFileSync(path, content, 'utf8');
  else writeFileSync(path, content);
}

/** Write CSV text in a dialect: nb as Windows-1252 bytes (Excel's plain "CSV"), en as UTF-8 without BOM. */
function writeCsv(path, text, dialect) {
  write(path, dialect === 'nb' ? encodeCp1252(text) : text);
}

/** A table with any header and cells, in a dialect's delimiter and line ends (for the broken files). */
function table(header, records, dialect) {
  return stringify([header, ...records], { delimiter: dialect === 'nb' ? ';' : ',', record_delimiter: dialect === 'nb' ? 'windows' : 'unix' });
}

function headerOf(dialect) {
  return CANONICAL_COLUMNS.map((c) => (dialect === 'nb' ? NB_HEADERS[c] : c));
}

function cellsOf(row, dialect) {
  return CANONICAL_COLUMNS.map((c) => toDialectValue(c, row[c], dialect));
}

function check(condition, message) {
  if (!condition) throw new Error(`sample check failed: ${message} (choose another seed or adjust the generator)`);
}

// ---------------------------------------------------------------------------------------------------------
// The sample year

const SAMPLE_SEED = 'sample-2026';
const sample = generateCandidateSet({ seed: SAMPLE_SEED, count: 130, municipalShare: 60 / 130, programme });

const fileOf = (i) => (i.sector === 'kommune' ? 'kommune.csv' : RHF_FILE[i.rhf]);
const files = ['kommune.csv', ...RHFS.map((r) => RHF_FILE[r])];
const byFile = new Map(files.map((f) => [f, []]));
sample.rows.forEach((row, k) => byFile.get(fileOf(sample.intended[k])).push(k));
// KS's list comes in order of arrival (id); an RHF's list is its ranking (priority 1 first).
for (const [file, list] of byFile) {
  if (file === 'kommune.csv') list.sort((a, b) => (sample.rows[a].id < sample.rows[b].id ? -1 : 1));
  else list.sort((a, b) => Number(sample.rows[a].priority) - Number(sample.rows[b].priority));
}

rmSync(join(fixtures, 'sample'), { recursive: true, force: true });
const where = new Map();
for (const [file, list] of byFile) {
  const rows = list.map((k) => sample.rows[k]);
  for (const dialect of ['nb', 'en']) writeCsv(join(fixtures, 'sample', dialect, file), toCsv(rows, dialect), dialect);
  list.forEach((k, n) => where.set(k, { file, line: n + 2 }));
}

const expected = sample.intended.map((it, k) => [
  it.id,
  where.get(k).file,
  String(where.get(k).line),
  it.sector,
  it.rhf,
  it.organisation,
  it.gender,
  it.reasons.length === 0 ? 'eligible' : 'ineligible',
  it.reasons.join(' '),
  it.warnings.join(' '),
]);
expected.sort((a, b) => (a[0] < b[0] ? -1 : 1));
write(
  join(fixtures, 'sample', 'expected.csv'),
  stringify([['id', 'file', 'line', 'sector', 'rhf', 'organisation', 'gender', 'status', 'reasons', 'warnings'], ...expected], { record_delimiter: 'unix' }),
);

// Composition, checked against what the programme needs.
const cells = [{ key: 'kommune', label: 'kommune', seats: programme.quotas.kommune.seats }];
for (const c of programme.quotas.spesialist.cells ?? []) cells.push({ key: c.rhf, label: `spesialist / ${c.rhf}`, seats: c.seats });
const cellKey = (it) => (it.sector === 'kommune' ? 'kommune' : it.rhf);
const count = (pred) => sample.intended.filter(pred).length;
const reasonsSeen = new Map();
for (const it of sample.intended) for (const r of it.reasons) reasonsSeen.set(r, (reasonsSeen.get(r) ?? 0) + 1);
const compRows = cells.map((c) => {
  const inCell = (it) => cellKey(it) === c.key;
  const elig = (g) => count((it) => inCell(it) && it.reasons.length === 0 && it.gender === g);
  return { ...c, candidates: count(inCell), women: elig('female'), men: elig('male'), ineligible: count((it) => inCell(it) && it.reasons.length > 0) };
});
for (const c of compRows) {
  check(c.women + c.men >= c.seats + 2, `${c.label}: ${c.women + c.men} eligible for ${c.seats} seats`);
  check(c.women >= 2 && c.men >= 2, `${c.label}: needs eligible candidates of both genders`);
}
const minSector = Math.ceil(programme.quotas.kommune.seats * programme.gender.minShareSector - 1e-9);
for (const sector of ['kommune', 'spesialist']) {
  for (const g of ['female', 'male']) {
    const n = count((it) => it.sector === sector && it.gender === g && it.reasons.length === 0);
    check(n >= minSector + 2, `${sector}: only ${n} eligible ${g}`);
  }
}
for (const r of ['too_young', 'no_bachelor', 'too_little_experience', 'nomination_cap']) check((reasonsSeen.get(r) ?? 0) >= 1, `no candidate with ${r}`);
check(sample.rows.some((r) => r.sector === 'spesialist' && r.rhf === ''), 'no specialist row with a blank RHF');
for (const ch of ['æ', 'ø', 'å']) check(sample.rows.some((r) => r.name.toLowerCase().includes(ch)), `no name with ${ch}`);
check(sample.rows.some((r) => r.position.includes('–')), 'no position with an en dash');
check(sample.rows.some((r) => r.endorsed === 'no'), 'no candidate without endorsement');

const capTrusts = [...new Set(sample.intended.filter((it) => it.reasons.includes('nomination_cap')).map((it) => it.organisation))];
const blankRhf = sample.rows.filter((r) => r.sector === 'spesialist' && r.rhf === '').map((r) => r.id);
const notEndorsed = count((it) => it.warnings.includes('not_endorsed'));
const sampleReadme = [
  '# Synthetic sample year',
  '',
  `Written by \`scripts/make-fixtures.mjs\` from the seeded generator (\`scripts/lib/generate.ts\`, seed \`${SAMPLE_SEED}\`,`,
  `${sample.rows.length} candidates) for the built-in programme (\`data/programme.json\`, start ${programme.startDate}).`,
  'Names are made up from lists of common Norwegian names; organisations are real. Do not edit by hand: re-run the script.',
  '',
  '- `nb/`: Norwegian Excel dialect: `;`, Windows-1252 bytes, CRLF, Norwegian headers and values (31.12.1980, 4,5, Ja/Nei).',
  '- `en/`: the same rows in the English dialect: `,`, UTF-8 without BOM, LF, canonical headers and values.',
  '- `kommune.csv` is KS\'s list (order of arrival, partly ranked); one file per RHF in its ranking order.',
  '- `expected.csv`: what screening should find for every id (file and line are the same in both dialects).',
  '',
  '## Composition (eligible candidates per quota cell)',
  '',
  '| cell | seats | candidates | eligible women | eligible men | ineligible |',
  '|---|---|---|---|---|---|',
  ...compRows.map((c) => `| ${c.label} | ${c.seats} | ${c.candidates} | ${c.women} | ${c.men} | ${c.ineligible} |`),
  '',
  `Ineligible by reason: ${[...reasonsSeen].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${r} ${n}`).join(', ')}.`,
  `Nomination cap: ${capTrusts.join(', ')} nominates ${programme.nominationCapPerTrust + 1} (cap ${programme.nominationCapPerTrust}); its lowest-ranked nominee is \`nomination_cap\`.`,
  `Blank RHF cell (RHF derived from the trust): ${blankRhf.join(', ')}.`,
  `Not endorsed (a warning in the built-in programme): ${notEndorsed}.`,
  '',
].join('\n');
write(join(fixtures, 'sample', 'README.md'), sampleReadme);

// ---------------------------------------------------------------------------------------------------------
// Broken files

rmSync(join(fixtures, 'broken'), { recursive: true, force: true });
const base = generateCandidateSet({ seed: 'broken', count: 6, ineligibleShare: 0, programme: { ...programme, nominationCapPerTrust: null } }).rows;
const broken = []; // [file, what is wrong, expected]
const brokenFile = (name, content, dialect, wrong, expect) => {
  write(join(fixtures, 'broken', name), dialect === 'nb' && typeof content === 'string' ? encodeCp1252(content) : content);
  broken.push([name, dialect, wrong, expect]);
};
const withCell = (rows, index, column, value) => rows.map((r, k) => (k === index ? { ...r, [column]: value } : r));
// The offending row is always the third data row: line 4 (the header is line 1).
const BAD = 2;
const LINE = BAD + 2;

brokenFile(
  'bad-date.csv',
  toCsv(withCell(base, BAD, 'birth_date', '31/13/1980'), 'nb'),
  'nb',
  `line ${LINE}: Fødselsdato is \`31/13/1980\` (slashes, month 13).`,
  `input error (exit 3): \`bad-date.csv:${LINE} column "Fødselsdato": expected a date like 31.12.1980, got "31/13/1980"\`.`,
);
{
  const drop = CANONICAL_COLUMNS.indexOf('birth_date');
  const header = headerOf('nb').filter((_, i) => i !== drop);
  const records = base.map((r) => cellsOf(r, 'nb').filter((_, i) => i !== drop));
  brokenFile('missing-column.csv', table(header, records, 'nb'), 'nb', 'no Fødselsdato (birth_date) column.', 'input error (exit 3) for the whole file: missing required column birth_date (Fødselsdato).');
}
{
  const g = CANONICAL_COLUMNS.indexOf('gender');
  const header = [...headerOf('nb'), NB_HEADERS.gender];
  const records = base.map((r) => {
    const cells = cellsOf(r, 'nb');
    return [...cells, cells[g]];
  });
  brokenFile('duplicate-header.csv', table(header, records, 'nb'), 'nb', 'header `Kjønn` appears twice (columns 4 and 13).', 'input error (exit 3) at line 1: duplicate header "Kjønn".');
}
{
  const o = CANONICAL_COLUMNS.indexOf('organisation');
  const header = [...headerOf('nb'), 'Arbeidsgiver'];
  const records = base.map((r) => {
    const cells = cellsOf(r, 'nb');
    return [...cells, cells[o]];
  });
  brokenFile(
    'duplicate-header-alias.csv',
    table(header, records, 'nb'),
    'nb',
    'headers `Virksomhet` and `Arbeidsgiver` are both aliases of `organisation`.',
    'input error (exit 3) at line 1: two columns for organisation ("Virksomhet", "Arbeidsgiver").',
  );
}
{
  const rows = withCell(base, BAD + 1, 'id', base[0].id);
  brokenFile(
    'duplicate-id.csv',
    toCsv(rows, 'en'),
    'en',
    `lines 2 and ${LINE + 1} both have id \`${base[0].id}\`.`,
    `input error (exit 3): duplicate id "${base[0].id}" at duplicate-id.csv:${LINE + 1}, first at duplicate-id.csv:2.`,
  );
}
{
  const a = base.slice(0, 3);
  const b = withCell(base.slice(3), 1, 'id', a[0].id);
  brokenFile('duplicate-id-across-a.csv', toCsv(a, 'nb'), 'nb', `first of a pair (read both together); line 2 has id \`${a[0].id}\`.`, 'valid on its own.');
  brokenFile(
    'duplicate-id-across-b.csv',
    toCsv(b, 'en'),
    'en',
    `second of the pair; line 3 also has id \`${a[0].id}\`.`,
    `read with duplicate-id-across-a.csv: input error (exit 3): duplicate id "${a[0].id}" at duplicate-id-across-b.csv:3, first at duplicate-id-across-a.csv:2.`,
  );
}
{
  const rows = base.map((r, k) =>
    k === BAD ? { ...r, sector: 'spesialist', rhf: 'Helse Sor-Ost', organisation: 'Sykehuset Innlandet HF', position: 'Klinikksjef – medisinsk klinikk', priority: '1' } : r,
  );
  brokenFile(
    'unknown-rhf.csv',
    toCsv(rows, 'nb'),
    'nb',
    `line ${LINE}: RHF is the typo \`Helse Sor-Ost\` (trust Sykehuset Innlandet HF).`,
    `input error (exit 3): \`unknown-rhf.csv:${LINE} column "RHF": expected an RHF … got "Helse Sor-Ost"\` with the suggestion: did you mean "Helse Sør-Øst"?`,
  );
}
brokenFile(
  'unknown-education.csv',
  toCsv(withCell(base, BAD, 'education', 'Annet'), 'nb'),
  'nb',
  `line ${LINE}: Høyeste fullførte utdanning is \`Annet\`.`,
  `input error (exit 3): \`unknown-education.csv:${LINE} column "Høyeste fullførte utdanning": expected one of Ingen, Fagskole, Bachelor, Master, Ph.d., got "Annet"\`.`,
);
{
  const lines = toCsv(base, 'en').split('\n');
  const cells = lines[BAD + 1].split(',');
  cells[CANONICAL_COLUMNS.indexOf('position')] = '"Klinikksjef, medisinsk klinikk';
  lines[BAD + 1] = cells.join(',');
  brokenFile(
    'unclosed-quote.csv',
    lines.join('\n'),
    'en',
    `line ${LINE}: the position cell opens a quote that is never closed (the rest of the file falls inside it).`,
    `input error (exit 3) located at line ${LINE} (quote not closed), promptly: no hang, no crash.`,
  );
}
{
  const lines = toCsv(base, 'nb').split('\r\n');
  lines[BAD + 1] += ';Ekstra';
  brokenFile(
    'too-many-cells.csv',
    lines.join('\r\n'),
    'nb',
    `line ${LINE} has 13 cells; the header has 12.`,
    `input error (exit 3): \`too-many-cells.csv:${LINE}\`: expected 12 cells as in the header, got 13.`,
  );
}
{
  const header = [...headerOf('en'), 'Telefon', 'Kommentar'];
  const rows = base.slice(0, 5).map((r) => [...cellsOf(r, 'en'), '', '']);
  const name = CANONICAL_COLUMNS.indexOf('name');
  const position = CANONICAL_COLUMNS.indexOf('position');
  rows[0][name] = '=HYPERLINK("https://example.invalid/","Klikk her")';
  rows[1][position] = '@SUM(1+1)';
  rows[2][header.length - 2] = '+47 912 34 567';
  rows[3][header.length - 1] = '-1';
  rows[4][header.length - 1] = '=1+1';
  rows[4][header.length - 2] = '+4791234567';
  brokenFile(
    'formula-injection.csv',
    table(header, rows, 'en'),
    'en',
    'NOT an error: a valid file whose free-text cells start with `=` (line 2 name `=HYPERLINK(...)`, line 6 Kommentar), `@` (line 3 position `@SUM(1+1)`), `+` (lines 4 and 6 Telefon `+47 …`) and `-` (line 5 Kommentar `-1`); two unknown columns passed through.',
    'screens fine (exit 0); in screening.csv every such cell is neutralised (e.g. prefixed with `\'`), so Excel shows text, not a formula.',
  );
}
{
  const rng = createRng('random-bytes');
  const bytes = new Uint8Array(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rng() * 256);
  brokenFile('random-bytes.csv', bytes, 'bytes', '4096 seeded random bytes (not UTF-8, no header).', 'input error (exit 3) naming the file (e.g. missing required columns), never a crash or a hang.');
}

const brokenReadme = [
  '# Broken candidate files for the error tests',
  '',
  'Written by `scripts/make-fixtures.mjs`; do not edit by hand. `nb` = Norwegian Excel dialect (`;`, Windows-1252, CRLF),',
  '`en` = English dialect (`,`, UTF-8, LF). Apart from the fault described, each file is valid. Line numbers are 1-based',
  'physical lines (the header is line 1). Expected messages follow issue 2; exact wording belongs to the reader.',
  '',
  ...broken.map(([name, dialect, wrong, expect]) => `- \`${name}\` (${dialect}): ${wrong} Expected: ${expect}`),
  '',
].join('\n');
write(join(fixtures, 'broken', 'README.md'), brokenReadme);

// ---------------------------------------------------------------------------------------------------------
// The 200-seat programme for the benchmark: quotas ×5, 25 workshop groups, 50 teams of 2 + 2.

const FACTOR = 5;
const big = {
  ...programmeJson,
  name: `${programmeJson.name} (200 plasser, ytelsestest)`,
  seats: programmeJson.seats * FACTOR,
  quotas: {
    kommune: { seats: programmeJson.quotas.kommune.seats * FACTOR },
    spesialist: {
      seats: programmeJson.quotas.spesialist.seats * FACTOR,
      cells: programmeJson.quotas.spesialist.cells.map((c) => ({ rhf: c.rhf, seats: c.seats * FACTOR })),
    },
  },
  // Scaled too: with 3 per trust, Helse Nord's six trusts could nominate at most 18 for its 20 seats.
  nominationCapPerTrust: programmeJson.nominationCapPerTrust * FACTOR,
  workshopGroups: { ...programmeJson.workshopGroups, count: 25 },
};
const bigParsed = parseProgramme(big, z);
if (!bigParsed.ok) throw new Error(`programme-200.json is invalid: ${JSON.stringify(bigParsed.problems)}`);
write(join(fixtures, 'programme-200.json'), `${JSON.stringify(big, null, 2)}\n`);

console.log(`fixtures written: sample (${sample.rows.length} candidates in ${files.length} files × 2 dialects), broken (${broken.length} files), programme-200.json`);
console.log(sampleReadme.split('\n').slice(11).join('\n'));
