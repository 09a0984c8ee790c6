/** English, on request (`--lang en`) or where the environment says so. */
import { formatPercent, listText, plural } from '../text.js';
import type { WarningTexts } from '../warnings.js';
import { CANONICAL_COLUMNS, type CanonicalColumn, type Education } from '../types.js';
import { CHANGE_KINDS, OUTPUT_COLUMNS, OUTPUT_STATUSES, genderTableText, type Catalogue, type DepartureLine, type OutputColumn, type OutputStatus, type StageOutcome } from './catalogue.js';

const n = (count: number, one: string, other: string): string => plural(count, one, other, 'en');
const list = (items: readonly string[]): string => listText(items, 'en');

const STAGE: Record<StageOutcome['stage'], string> = { selection: 'the selection', groups: 'the workshop groups', teams: 'the project teams' };
const GENDER = { female: ['woman', 'women'], male: ['man', 'men'] } as const;
const SECTOR: Record<string, string> = { kommune: 'the municipal sector', spesialist: 'the specialist health service' };

const RELAXED: Record<string, string> = {
  group_size: 'the group size of 6–8 could not be kept',
  group_sector_mix: 'the mix of sectors could not be kept in every group',
  group_gender: 'both genders could not be well represented in every group',
  team_composition: 'not every project team could have 2 municipal and 2 specialist participants',
  team_org_clash: 'colleagues from one employer had to share a project team',
  lock_apart: 'a wish to keep two participants apart could not be met',
  lock_conflict: 'the committee\'s wishes contradicted each other; one of them was set aside',
  lock_unknown_participant: 'a wish concerned someone not admitted and was set aside',
  lock_group_out_of_range: 'a wish named a group number that does not exist and was set aside',
};

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const ranked = (r: { id: string; priority: number | null }): string => `${r.id} (${r.priority === null ? 'unranked' : `priority ${r.priority}`})`;
const GENDER_ONE: Record<string, string> = { female: 'woman', male: 'man', unknown: 'gender unknown' };
const rankedGender = (r: { id: string; priority: number | null; gender: string }): string =>
  `${r.id} (${GENDER_ONE[r.gender] ?? r.gender}, ${r.priority === null ? 'unranked' : `priority ${r.priority}`})`;
const rankCost = (out: number | null, into: number | null): string =>
  out !== null && into !== null && into > out ? `, ${n(into - out, 'place', 'places')} further down the ranking` : '';
const CAUSE_EN: Record<DepartureLine['cause'], (d: DepartureLine) => string> = {
  gender_body: () => 'the gender balance of the body\'s own list',
  gender_agreement: () => 'the gender balance of the cohort or the sector, which the bodies have agreed to balance across their lists',
  include: (d) => `the committee decided to include ${d.takenInstead.id}`,
  exclude: (d) => `the committee decided to exclude ${d.passedOver.id}`,
  nomination_cap: (d) => `${d.passedOver.id} is over their hospital trust's nomination cap`,
};

/** `file` or `file, sheet "Ark1"`. */
const inFile = (p: { file: string; sheet: string | null }): string => (p.sheet === null ? p.file : `${p.file}, sheet "${p.sheet}"`);
/** `file:14` or `file, sheet "Ark1", row 14`, then the column as its header is written. */
const inCell = (p: { file: string; sheet: string | null; line: number; column: string }): string =>
  `${p.sheet === null ? `${p.file}:${p.line}` : `${inFile(p)}, row ${p.line}`} column "${p.column}"`;
/** Line numbers, at most the ten given, `…` when there were more. */
const lines = (shown: readonly number[], count: number): string => shown.join(', ') + (count > shown.length ? ', …' : '');
const pl = (count: number, one = '', other = 's'): string => (count === 1 ? one : other);
const hint = (suggestion: string | null, otherSector: boolean, other: string): string =>
  suggestion !== null ? `; did you mean "${suggestion}"?` : otherSector ? `; it is ${other}: is the sector right?` : '';

const WARNINGS: WarningTexts = {
  header_not_first: (p) => `${inFile(p)}: the header is on row ${p.headerRow}; row${pl(p.rows.length)} ${p.rows.join(', ')} above it (a title or a note) ${pl(p.rows.length, 'is', 'are')} not read`,
  ids_as_numbers: (p) =>
    `${inFile(p)}: ${p.count} id${pl(p.count, ' is a number', 's are numbers')}, not text, in the sheet: a spreadsheet drops leading zeros (000123 becomes 123); ` +
    'if the ids had any, format the id column as text (Format Cells → Text) before typing or pasting the ids, and save again',
  id_normalised: (p) => `${inFile(p)}: ${p.count} id${pl(p.count)} with invisible characters, unusual spaces or decomposed letters, read without them (line${pl(p.count)} ${lines(p.lines, p.count)})`,
  unrecognised_gender: (p) => `${p.file}: ${p.count} row${pl(p.count)} with a gender other than Kvinne/Mann (K/M, female/male) recorded as unknown (line${pl(p.count)} ${lines(p.lines, p.count)})`,
  unknown_organisation: (p) =>
    `${inCell(p)}: ${JSON.stringify(p.value)} is not a hospital trust in the reference data; accepted as typed for ${p.rhf}${hint(p.suggestion, p.otherSector, 'a municipality')}`,
  unknown_municipality: (p) =>
    `${inCell(p)}: ${JSON.stringify(p.value)} is not a municipality in the reference data; accepted as typed${p.rhf === null ? ', region unknown' : ` for ${p.rhf}`}` +
    hint(p.suggestion, p.otherSector, 'a hospital trust'),
  rhf_differs_from_county: (p) => `${inCell(p)}: ${p.rhf} used as written, though ${p.municipality} lies in ${p.county}, which belongs to ${p.countyRhf}`,
  nomination_cap: (p) =>
    `${p.trust} nominated ${p.nominated} candidates, more than the cap of ${p.cap}; ` +
    `over the cap beyond its top ${p.cap} by priority (not failing the admission requirements for that): ${p.ids.join(', ')}` +
    (p.tieAtCut ? ' (equal or blank priorities at the cut were ordered by id)' : ''),
  no_quota_cell: (p) => `${n(p.ids.length, 'eligible candidate fits', 'eligible candidates fit')} no quota cell: ${p.ids.join(', ')}`,
  lock_conflict: (p) => `${p.id} is both included and excluded: neither lock applies`,
  lock_unknown_id: (p) => `${p.lock} lock on unknown id ${p.id}`,
  include_ineligible: (p) => `${p.id} (${p.file} line ${p.line}) is included but not eligible: the lock does not apply`,
  include_over_quota: (p) => `${p.cell}: ${p.included} candidates included for ${p.seats} seats; the first ${p.seats} in call-in order keep their lock: ${p.ids.join(', ')}`,
  starting_allocation_breaks_rule: (p) => `the starting allocation already breaks a rule (${p.rule}): ${p.detail}`,
  withdrawn_still_included: (p) => `${p.id} is withdrawn but still included in ${p.locks ?? 'the locks file'}: remove that include, or cohort check --locks reports it`,
};

const named = (ids: readonly string[]): string => (ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} …`);

/** The pipeline's reason codes as `cohort diff` names them. */
const DIFF_REASONS: Record<string, string> = {
  selected: 'selected by ranking',
  included: 'included by the committee',
  selected_for_gender_rule: 'selected to meet a gender rule',
  lottery: 'lottery among equal ranks',
  reserve: 'reserve',
  passed_over_for_gender_rule: 'passed over to meet a gender rule',
  excluded: 'excluded by the committee',
  lock_not_obeyed: "the committee's lock could not be obeyed",
  withdrawn: 'withdrawn',
  too_young: 'under the minimum age',
  missing_birth_date: 'no birth date',
  no_bachelor: 'education below the minimum',
  missing_education: 'no education given',
  too_little_experience: 'too little work experience',
  missing_experience: 'no work experience given',
  nomination_cap: "over the hospital trust's nomination cap",
  not_endorsed: 'not endorsed by the nearest superior',
  unknown_rhf: 'unknown RHF',
  no_quota_cell: 'fits no quota cell',
};

function signed(d: number): string {
  return d > 0 ? `+${d}` : `−${-d}`;
}

/** `20 → 19 (−1)`, or `20` when unchanged. */
const movedCount = (a: number, b: number): string => (a === b ? String(a) : `${a} → ${b} (${signed(b - a)})`);

function bodyName(cell: string | null, municipal: string, unknown: string): string {
  if (cell === null) return unknown;
  if (cell === 'kommune') return municipal;
  return cell.startsWith('spesialist/') ? cell.slice('spesialist/'.length) : cell;
}

/** `cohort rules`: the education levels and their order. */
const RULES_EDUCATION: Readonly<Record<Education, string>> = { none: 'none', fagskole: 'a fagskole (tertiary vocational) diploma', bachelor: "a bachelor's degree", master: "a master's degree", phd: 'a PhD' };
const RULES_EDUCATION_ORDER = 'none < fagskole < bachelor < master < phd';

export const EN = {
  lang: 'en',
  warning: 'warning',
  warnings: WARNINGS,
  allocate: {
    heading: (programme, startDate) => `${programme} (starts ${startDate})`,
    admitted: (c) => {
      const rest = [
        c.reserve > 0 ? `${c.reserve} ${c.reserve === 1 ? 'is' : 'are'} on the reserve list` : '',
        c.notEligible > 0 ? `${c.notEligible} ${c.notEligible === 1 ? 'is' : 'are'} not eligible` : '',
        c.overCap > 0 ? `${c.overCap} ${c.overCap === 1 ? 'is' : 'are'} over the nomination cap` : '',
        c.excluded > 0 ? `${c.excluded} ${c.excluded === 1 ? 'was' : 'were'} excluded by the committee` : '',
      ].filter((s) => s !== '');
      return `${c.selected} of ${n(c.candidates, 'candidate', 'candidates')} admitted.${rest.length > 0 ? ` Of the others, ${list(rest)}.` : ''}`;
    },
    bodyTable: { body: 'nominated by', seats: 'seats', eligible: 'eligible', admitted: 'admitted', reserves: 'reserves', missing: 'unfilled', women: 'women', men: 'men' },
    cohortWord: 'the cohort',
    sectorWord: (sector) => SECTOR[sector] ?? sector,
    body: (label) => (label === 'kommune' ? 'Municipalities (KS)' : label === 'spesialist' ? 'Specialist health service' : label),
    gender: (g) =>
      `Gender in the cohort: ${n(g.women, 'woman', 'women')} and ${n(g.men, 'man', 'men')}` +
      `${g.unknown > 0 ? `, ${g.unknown} of unknown gender` : ''} ` +
      `(municipalities ${g.kommune[0]}/${g.kommune[1]}, specialist health service ${g.spesialist[0]}/${g.spesialist[1]}).`,
    unfilled: (body, missing, seats, eligible) => `${body}: ${missing} of ${n(seats, 'seat', 'seats')} unfilled (${n(eligible, 'eligible candidate', 'eligible candidates')}).`,
    genderShort: (g) => {
      const where = g.scope === 'cohort' ? 'In the cohort' : g.scope === 'sector' ? `In ${SECTOR[g.where] ?? g.where}` : `In ${g.where === 'kommune' ? 'the municipalities\' list (KS)' : `${g.where}'s list`}`;
      const [one, other] = GENDER[g.gender];
      const pool = g.eligible === null ? '' : `; ${g.eligible === 0 ? 'no' : `only ${g.eligible}`} eligible ${g.eligible === 1 ? one : other}`;
      return `${where}: the rule requires at least ${n(g.required, one, other)}, ${g.actual} admitted${pool}.`;
    },
    groups: (g) => {
      const sizes = list(g.sizes.map(([size, count]) => `${count} of ${size}`));
      return (
        `${n(g.count, 'workshop group', 'workshop groups')} (${sizes} participants): ` +
        `${g.bothSectors === g.count ? 'all' : g.bothSectors} with both sectors, ` +
        `${g.genderMet === g.count ? 'all' : g.genderMet} gender-balanced, ` +
        `${g.orgClashes === 0 ? 'no colleagues in one group' : `${n(g.orgClashes, 'pair', 'pairs')} of colleagues in one group`}.`
      );
    },
    teams: (t) =>
      `${n(t.count, 'project team', 'project teams')}` +
      (t.shapes.length === 1 && t.shapes[0]?.[0] === 2 && t.shapes[0][1] === 2
        ? ' of 2 municipal and 2 specialist participants: '
        : `: ${list(t.shapes.map(([k, s, c], i) => (i === 0 ? `${c} of ${k} municipal + ${s} specialist participants` : `${c} of ${k} + ${s}`)))}; `) +
      `${t.catchmentMatched}${t.catchmentBest === null ? '' : ` (of at most ${t.catchmentBest} possible)`} where every municipality lies in the catchment area of a trust in the team, ` +
      `${t.regionMatched}${t.regionBest === null ? '' : ` (of at most ${t.regionBest})`} with municipality and trust in the same region, ` +
      `${t.groupsDistinct === t.count ? 'all' : t.groupsDistinct} with members from different workshop groups, ` +
      `${t.bothGenders === t.count ? 'all' : t.bothGenders} with both genders.`,
    proof: (s) => {
      const open = s.filter((x) => x.status !== 'optimal');
      if (open.length === 0) return 'Proven best: the selection, the workshop groups and the project teams are each proven the best possible under the rules.';
      const proven = s.filter((x) => x.status === 'optimal');
      const lines = open.map((x) => {
        const cap = capital(STAGE[x.stage]);
        if (x.status === 'feasible') {
          return x.gap === null
            ? `${cap} follow the rules but are not proven best; how far they could be from the best is unknown.`
            : `${cap} follow the rules but are not proven best: they could be up to ${formatPercent(x.gap, 'en', { max: 2 })} from the best possible.`;
        }
        return `${cap}: no solution found (${x.status}).`;
      });
      return `${proven.length > 0 ? `Proven best: ${list(proven.map((x) => STAGE[x.stage]))}. ` : ''}${lines.join(' ')}`;
    },
    noDepartures: 'No departure from the bodies\' rankings: each body has its best-ranked eligible candidates.',
    departuresHead: (count) => `Departures from the bodies' rankings (${count}):`,
    moreDepartures: (count) => `- … and ${count} more; all of them are in the report and in summary.json (departures).`,
    departure: (d) =>
      `- ${d.body}: ${ranked(d.passedOver)} passed over, ${ranked(d.takenInstead)} admitted instead` +
      `${d.sameRank ? ' (same priority; the lottery had placed the first ahead)' : ''}: ${CAUSE_EN[d.cause](d)}.`,
    lottery: (l) =>
      `Lottery: ${l.body}: ${n(l.seats, 'seat', 'seats')} decided by the lottery among ${n(l.among, 'candidate', 'candidates')} ` +
      `${l.priority === null ? 'without a priority' : `at priority ${l.priority}`} (admitted: ${list(l.selected)}); ask ${l.ranker} to rank them.`,
    targetShort: (t, agreed) =>
      `${agreed ? 'Gender balance across the bodies (agreed)' : 'Gender balance across the bodies (a target, not a rule)'}: ` +
      `${t.scope === 'cohort' ? 'the cohort' : (SECTOR[t.where] ?? t.where)} has ${n(t.actual, GENDER[t.gender][0], GENDER[t.gender][1])}; the target is at least ${t.required}.`,
    proposal: (p) =>
      p.changes === 0
        ? 'No change within the bodies\' own candidates comes closer to the target.'
        : `${p.applied ? 'Applied because the bodies have agreed to balance across their lists (gender.acrossBodies)' : 'Proposal, applied only if the bodies agree to balance across their lists (gender.acrossBodies)'}: ` +
          `${n(p.changes, 'change', 'changes')}${p.shortfallAfter === 0 ? ' reach the target' : `; still ${p.shortfallAfter} short of the target`}:`,
    proposalChange: (c) => `${c.body}: ${rankedGender(c.in)} instead of ${rankedGender(c.out)}${rankCost(c.out.priority, c.in.priority)}.`,
    relaxed: (stage, code, ids) =>
      `${stage === 'groups' ? 'Workshop groups' : 'Project teams'}: ${RELAXED[code] ?? `a rule was relaxed (${code})`}` + `${ids.length > 0 ? ` (${list(ids)})` : ''}.`,
    allMet: 'Every programme rule is met.',
    notAllMet: 'A programme rule is not met (exit code 1).',
    wrote: (files) => `Wrote ${list(files)}.`,
    wroteReport: (file) => `Wrote the report ${file}.`,
    seed: (seed) => `Lottery seed: "${seed}"`,
    groupTable: { group: 'group', size: 'size', kommune: 'kommune', spesialist: 'spesialist', women: 'women', men: 'men', regions: 'RHFs', clashes: 'org clashes' },
    stageTable: { stage: 'stage', status: 'status', solver: 'solver', objective: 'objective', bound: 'bound', gap: 'gap' },
    stageName: (stage) => stage,
    solveStatus: (status) => status,
    detail: (d, english) => (d?.kind === 'relaxed' ? `detail (${d.stage}): ${english}` : `detail: ${english}`),
    solverLine: (stage, attempts) => `solver: ${stage}: ${attempts.map((t) => `${t.solver} ${t.status}${t.note === null ? '' : ` (${t.note})`}`).join(', then ')}`,
  },
  committee: {
    overCap: (trust, nominated, cap, ids, count) =>
      `over the nomination cap: ${trust} nominated ${nominated}, cap ${cap ?? '–'}; ${count} over it: ${ids.join(', ')}${count > ids.length ? ` and ${count - ids.length} more (all in summary.json)` : ''}`,
    decisions: (count, notObeyed, withReason) =>
      `Committee decisions: ${count}, ${notObeyed === 0 ? 'all obeyed' : `${notObeyed} not obeyed`}` +
      `${withReason > 0 ? ` (${n(withReason, 'reason', 'reasons')} recorded in summary.json)` : ''}.`,
    notObeyed: (d, source, why) => {
      const what = d.rule === 'group' ? `group ${d.group ?? '?'} for ${d.id}` : d.other !== null ? `${d.rule} ${d.id} and ${d.other}` : `${d.rule} ${d.id}`;
      return `decision not obeyed: ${what} (${source}): ${why ?? ''}`;
    },
    source: (file, line) => (line === null ? file : `${file} line ${line}`),
  },
  check: {
    checked: (c) =>
      `Checked ${c.file} (${c.selected} selected, ${c.reserve} reserve, ${c.excluded} excluded, ${c.notEligible + c.overCap} ineligible) ` +
      `against ${n(c.candidates, 'candidate', 'candidates')} in ${n(c.files, 'file', 'files')}${c.strict ? ', strict' : ''}.`,
    severity: (s) => s,
    finding: (_code, _ids, detail) => detail,
    tally: (t) => `${n(t.errors, 'error', 'errors')}, ${n(t.unmet, 'rule', 'rules')} not met, ${n(t.warnings, 'warning', 'warnings')}.`,
  },
  replace: {
    heading: (c) =>
      `${c.programme}: ${n(c.withdrawals, 'withdrawal', 'withdrawals')}, ${n(c.newcomers, 'newcomer', 'newcomers')}, ` +
      `${n(c.moved, 'participant', 'participants')} moved (starting from ${c.from}).`,
    withdrawnHead: 'Withdrawn:',
    withdrawn: (w) =>
      `${w.id} (${w.body}): ${w.was === 'selected' ? `was in workshop group ${w.group ?? '?'}, project team ${w.team ?? '?'}` : `was reserve number ${w.reserveRank ?? '?'}`}; ` +
      `${w.was === 'reserve' ? 'the reserves behind move up' : w.replacedBy === null ? 'the seat stays empty' : `seat taken by ${w.replacedBy}`}`,
    newHead: (count) => (count === 0 ? 'New: nobody.' : 'New:'),
    newcomer: (c) =>
      `${c.id} (${c.body}) ${c.replaces === null ? 'fills a vacant seat' : `replaces ${c.replaces}`}: workshop group ${c.group}, project team ${c.team}${c.exact ? ' (the same place)' : ''}`,
    why: (w) => w.detail,
    placeNote: (detail) => detail,
    movedHead: (count, reason) => (count === 0 ? 'Moved: nobody.' : `Moved:${reason === null ? '' : ` (${reason})`}`),
    moved: (m) =>
      [m.fromGroup !== m.toGroup ? `workshop group ${m.fromGroup} → ${m.toGroup}` : '', m.fromTeam !== m.toTeam ? `project team ${m.fromTeam} → ${m.toTeam}` : '']
        .filter((x) => x !== '')
        .join(', '),
    movedWhy: (detail) => detail,
    emptyHead: 'Empty seats:',
    empty: (e) => e.detail,
    ruleNotMet: (r) => `rule not met: ${r.detail ?? `at least ${r.required} ${r.gender === 'male' ? 'men' : 'women'} in ${r.where}: ${r.actual}`}`,
    checkHead: 'cohort check on the new allocation:',
  },
  screen: {
    header: { body: 'nominated by', candidates: 'candidates', eligible: 'eligible', ineligible: 'ineligible', byReason: 'ineligible by reason' },
    total: 'total',
    noCell: '(no cell)',
    wrote: (file, rows) => `Wrote ${file} (${n(rows, 'row', 'rows')}).`,
  },
  reasons: {
  too_young: (a) => `Under ${a} years`,
  missing_birth_date: () => 'No birth date',
  no_bachelor: () => 'Education below the minimum',
  missing_education: () => 'No education given',
  too_little_experience: () => 'Too little work experience',
  missing_experience: () => 'No work experience given',
  nomination_cap: () => "Over the hospital trust's nomination cap",
  not_endorsed: () => 'Not endorsed by the nearest superior',
  unknown_rhf: () => 'Unknown RHF',
  no_quota_cell: () => 'Fits no quota cell',
  excluded: () => 'Excluded by the committee',
  },
  notes: {},
  errors: {
    heading: (h) => `cohort: ${h.message} (${h.code}); nothing was written:`,
    more: (count) => `… and ${count} more`,
    where: (p) =>
      (p.sheet !== undefined
        ? `${p.file}, sheet "${p.sheet}"${p.cell !== undefined ? `, cell ${p.cell}` : p.line !== undefined ? `, row ${p.line}` : ''}`
        : p.line === undefined
          ? p.file
          : `${p.file}:${p.line}`) + (p.column === undefined ? '' : ` column "${p.column}"`),
    issue: () => null,
    output: () => null,
    frameColumn: () => true,
  },
  lists: {
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
  },
  previous: {
    thisRun: 'this run',
    dryRun: 'Dry run (--dry-run): nothing was written.',
    idsGone: (f, ids) => `${ids.length === 1 ? '1 candidate' : `${ids.length} candidates`} of ${f} ${ids.length === 1 ? 'is' : 'are'} not among the candidates now (${named(ids)}): a changed id, or taken out of the candidate files?`,
    idsChanged: (f, ids) =>
      `${ids.length === 1 ? '1 id' : `${ids.length} ids`} of ${f} now ${ids.length === 1 ? 'names' : 'name'} another person (both name and birth date changed: ${named(ids)}): ` +
      'have the ids changed? They are not kept in their previous places.',
    otherPeople: (f, ids, n) =>
      `${ids.length} of the ${n} ids of ${f} that are candidates now name another person (both name and birth date changed: ${named(ids)}): ` +
      'the file belongs to another run or another numbering of the candidates.',
    kept: (s, groups) =>
      `Stable rerun: of ${s.participantsInBoth} participants in both, ${s.sameGroup} kept their workshop group and ${s.sameTeam} their project team. ` +
      `Workshop groups: ${
        groups === 'proven'
          ? 'the fewest possible moved among equally good results (proven)'
          : groups === 'unproven'
            ? 'not proven the fewest moved (see the table above)'
            : 'as without --previous, because the groups kept closest to the previous ones gave worse project teams, numbered like the previous ones'
      }; ` +
      'project teams: as many as possible kept within the best team make-up found (not proven the fewest).',
    movesHead: 'Why they moved (as the two allocations show it):',
    move: (m) => {
      const part = m.part === 'group' ? 'workshop group' : 'project team';
      const head = m.instead === null ? `${m.id}: ${part} ${m.from} → ${m.to}` : `${m.id} (new): ${part} ${m.to}, not ${m.instead}'s ${part} ${m.from}`;
      const facts = m.facts.map((f) =>
        f.fact === 'locked'
          ? "the committee's group lock"
          : f.fact === 'same_group'
            ? `${part} ${m.from} has ${f.with} of the same workshop group`
            : f.fact === 'same_organisation'
              ? `${part} ${m.from} has ${f.with} of the same organisation`
              : `the place in ${part} ${m.from} went to ${listText(f.by, 'en')}`,
      );
      return facts.length === 0 ? head : `${head}: ${facts.join('; ')}`;
    },
  },
  commands: {
    drewReport: (c) =>
      `Drew the report of ${c.file} (${c.selected} selected, ${c.reserve} reserve, ${c.excluded} excluded, ${c.ineligible} ineligible${c.overCap === 0 ? '' : `, ${c.overCap} over the nomination cap`}).`,
    reportNotMet: (shown) => `A programme rule is not met (exit code 1): ${shown === 0 ? 'see' : `${shown} shown in`} the report; cohort check lists every finding.`,
    wroteTemplate: (file, columns, rows) => `Wrote ${file} (${columns} columns, ${n(rows, 'example row', 'example rows')}).`,
    requestProblems: (count) => `${n(count, 'problem', 'problems')} with the requested change`,
    timeLimit: (min, max) => `Expected between ${min} and ${max} seconds.`,
  },
  diff: {
    htmlLang: 'en',
    comparing: (a, b) => `Changes from ${a} to ${b}`,
    equal: 'No changes: the two allocations are equal.',
    tally: (c) => {
      const words: Record<(typeof CHANGE_KINDS)[number], string> = { in: 'in', out: 'out', moved: 'moved', status: 'other status change', reserve_rank: 'new reserve place', data: 'changed input' };
      return CHANGE_KINDS.filter((k) => c[k] > 0).map((k) => `${c[k]} ${words[k]}`).join(', ');
    },
    heading: {
      in: 'Into the cohort',
      out: 'Out of the cohort',
      moved: 'Another workshop group, project team or quota cell',
      status: 'Other changes outside the cohort',
      reserve_rank: 'Another place on the reserve list',
      data: 'Input changed, decisions unchanged',
    },
    status: (s, rank) => {
      if (s === null) return 'not among the candidates';
      if (s === 'reserve') return rank === null ? 'reserve' : `reserve no. ${rank}`;
      return { selected: 'participant', excluded: 'excluded by the committee', ineligible: 'ineligible', over_cap: 'over the nomination cap', withdrawn: 'withdrawn' }[s];
    },
    place: (g, t) => [g === null ? null : `group ${g}`, t === null ? null : `team ${t}`].filter((x) => x !== null).join(', '),
    body: (cell) => bodyName(cell, 'KS (municipal)', 'unknown quota cell'),
    reason: (code) => DIFF_REASONS[code] ?? code,
    before: 'before',
    now: 'now',
    why: 'why',
    newCandidate: 'new candidate',
    columns: (names) => `changed: ${names.join(', ')}`,
    bodiesHeading: 'Seats and gender balance per nominating body',
    bodiesHeader: ['body', 'participants', 'women', 'men', 'reserves'],
    moved: movedCount,
    cannotCompare: 'cannot compare the allocations',
    differentProgrammes: (fa, na, sa, nb, sb) => `is for "${nb}" (starting ${sb}), but ${fa} is for "${na}" (starting ${sa}): two different programmes or years`,
    noCommonCandidate: (a) => `has no candidate in common with ${a}: they look like allocations of different programmes or years`,
    summaryIgnored: (s, why) => `${s} was not used (${why})`,
    summaryMismatch: (s, rows, file, n) => `${s} was not used: it is about ${n} candidates, ${file} has ${rows} rows`,
    noSummary: (f) => `no summary.json beside ${f}: the programme and year cannot be checked`,
    wroteReport: (p) => `Wrote ${p}.`,
    warning: 'warning',
    pageTitle: 'changes',
    eyebrow: 'Changes between two allocations',
    oldFile: 'Before',
    newFile: 'Now',
    verdictEqual: 'No changes',
    verdictChanges: (n) => (n === 1 ? '1 change' : `${n} changes`),
    stat: { in: 'in', out: 'out', moved: 'moved', status: 'other status changes', reserve_rank: 'new reserve places', data: 'input changed' },
    bodiesIntro: 'Participants and reserves per nominating body (KS for the municipalities, each RHF for its hospital trusts), and the gender balance among the participants.',
    name: 'Name',
    id: 'ID',
    cellCol: 'Body',
    beforeCol: 'Before',
    afterCol: 'Now',
    reasonsCol: 'Reasons in the new run',
    reasonsNote: '',
    noChanges: 'None.',
    record: 'For the record',
    seed: 'Lottery seed',
    unknown: 'unknown',
    tool: (n, v) => `Made with ${n} ${v}`,
    privacy: 'This file holds personal data. It fetches and sends nothing and opens without a network.',
  },
  files: {
    candidateColumns: Object.fromEntries(CANONICAL_COLUMNS.map((c) => [c, c])) as Record<CanonicalColumn, string>,
    columns: Object.fromEntries(OUTPUT_COLUMNS.map((c) => [c, c])) as Record<OutputColumn, string>,
    status: Object.fromEntries(OUTPUT_STATUSES.map((s) => [s, s])) as Record<OutputStatus, string>,
    kind: { workshop_group: 'workshop_group', project_team: 'project_team' },
    gender: { female: 'female', male: 'male', unknown: 'unknown' },
    sector: { kommune: 'municipal', spesialist: 'specialist' },
    education: { none: 'none', fagskole: 'fagskole', bachelor: 'bachelor', master: 'master', phd: 'phd' },
    yes: 'yes',
    no: 'no',
    reason: (_facts, english) => english,
  },
  rules: {
    config: (o) => `Config: ${o.source} (SHA-256 ${o.sha256})`,
    start: (date) => `Start date: ${date}`,
    seats: (n) => `Seats: ${n}`,
    seatHeader: ['sector', 'cell', 'seats', 'min. each gender'],
    cellRule: (rule, minimum) =>
      rule === 'none' ? '– (no rule)' : rule === 'table' ? `${minimum} (table)` : 'share' in rule ? `${minimum} (${formatPercent(rule.share, 'en')})` : `${minimum} (fixed)`,
    wholeSector: '(whole sector)',
    total: 'total',
    eligibility: 'Eligibility',
    age: (min, start, latest) =>
      min === 0
        ? 'Age: no minimum.'
        : `Age: at least ${min} years on the start date ${start}${latest === null ? '' : ` (born on or before ${latest})`}.`,
    education: (min) =>
      min === 'none'
        ? 'Education: no minimum.'
        : `Education: highest completed education ${RULES_EDUCATION[min]} or higher (${RULES_EDUCATION_ORDER}).`,
    experience: (plain, master) =>
      plain === master
        ? `Experience: at least ${plural(plain, 'year', 'years')} of full-time-equivalent work experience.`
        : `Experience: at least ${plural(plain, 'year', 'years')} of full-time-equivalent work experience, or ${plural(master, 'year', 'years')} with a master's degree or higher.`,
    endorsement: (required) =>
      required
        ? 'Endorsement by the nearest superior: required; a "no" or a blank makes the candidate ineligible.'
        : 'Endorsement by the nearest superior: not required; a "no" gives a warning, a blank is accepted.',
    cap: (cap) =>
      cap === null
        ? 'Nomination cap: none; a hospital trust may nominate any number of candidates.'
        : `Nomination cap: at most ${plural(cap, 'candidate', 'candidates')} per hospital trust, by the trust's own priority; the rest are over the cap (status over_cap), apart from failing the admission requirements.`,
    gender: 'Gender balance (where the eligible candidates allow it)',
    bodies: (table) => `Each nominating body's own list (the municipal list, each RHF's list): each gender at least "min. each gender" in the seat table. Table rule: ${genderTableText(table, { seats: 'seats', more: 'more', roundedUp: 'rounded up' }, 'en')}. A body whose eligible candidates cannot meet it is reported for that body; it is never made up for in another body's list.`,
    cohortShare: (share, min, seats, rule) =>
      share === 0 ? 'Whole cohort: no minimum share.' : `Whole cohort (${rule ? 'a rule' : 'a target'}): each gender at least ${formatPercent(share, 'en')} of the seats (${min} of ${seats}).`,
    sectorShare: (share, parts, rule) =>
      share === 0
        ? 'Each sector: no minimum share.'
        : `Each sector (${rule ? 'a rule' : 'a target'}): each gender at least ${formatPercent(share, 'en')} of the sector's seats (${parts.map((p) => `${p.sector} ${p.min} of ${p.seats}`).join(', ')}).`,
    across: (on) =>
      on
        ? 'The bodies have agreed to balance gender across their lists (gender.acrossBodies): the shares of the cohort and of each sector are rules, and a body\'s better-ranked candidate may be passed over for them; every such departure is listed.'
        : 'The shares of the cohort and of each sector are targets: shown, with a proposal when they are not reached; a body\'s ranking is never overridden because of another body\'s list unless the bodies agree (gender.acrossBodies).',
    groups: (min, max, count, fewest, seats) =>
      `Workshop groups: ${min === max ? String(min) : `${min}–${max}`} participants each; ` +
      (count === null ? `the fewest groups that fit (${fewest} for a full cohort of ${seats}).` : `${plural(count, 'group', 'groups')}, fixed by the config.`),
    teams: (k, s) => `Project teams: ${k} municipal and ${s} specialist participants each (${k + s} per team).`,
    seed: (seed) => `Lottery seed for ties: ${JSON.stringify(seed)} (cohort allocate --seed overrides it).`,
  },
} satisfies Catalogue;
