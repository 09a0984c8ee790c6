/** Bokmål, the coordinators' language and the default where the environment says Norwegian. */
import { formatDate, formatNumber, formatPercent, listText, plural } from '../text.js';
import type { CanonicalColumn, Education, ReasonFacts, RuleFact } from '../types.js';
import type { WarningTexts } from '../warnings.js';
import { CHANGE_KINDS, genderTableText, type Catalogue, type ConfigCrossCheck, type ConfigExpect, type ConfigProblemParams, type DepartureLine, type FindingFacts, type GenderShort, type FileExpected, type IssueParams, type NotRegular, type OutputParams, type StageOutcome } from './catalogue.js';

const n = (count: number, one: string, other: string): string => plural(count, one, other, 'nb');
const list = (items: readonly string[]): string => listText(items, 'nb');

const STAGE: Record<StageOutcome['stage'], string> = { selection: 'utvalget', groups: 'verkstedgruppene', teams: 'prosjektgruppene' };
const GENDER = { female: ['kvinne', 'kvinner'], male: ['mann', 'menn'] } as const;
const SECTOR: Record<string, string> = { kommune: 'kommunesektoren', spesialist: 'spesialisthelsetjenesten' };

const rank = (priority: number | null): string => (priority === null ? 'uten prioritet' : `prioritet ${priority}`);
const EDUCATION: Record<string, string> = { none: 'ingen', fagskole: 'fagskole', bachelor: 'bachelorgrad', master: 'mastergrad', phd: 'doktorgrad' };
const education = (e: string): string => EDUCATION[e] ?? e;
const years = (y: number): string => formatNumber(y, 'nb');
const experienceMin = (min: number, minMaster: number): string => (min === minMaster ? `${min} år` : `${min} år (${minMaster} med mastergrad)`);
const sectorWord = (s: string): string => SECTOR[s] ?? s;
const ruleFact = (r: RuleFact): string =>
  `minst ${n(r.required, GENDER[r.gender][0], GENDER[r.gender][1])} i ${r.scope === 'cohort' ? 'kullet' : r.scope === 'sector' ? sectorWord(r.where) : r.where} (${r.actual} tatt opp)`;
const others = (count: number): string => (count > 0 ? ` og ${n(count, 'annen', 'andre')}` : '');

const LOCK_NOT_OBEYED = {
  conflict: 'både ta med og holde utenfor, ingen av dem gjelder',
  not_eligible: 'skulle tas med, men er ikke kvalifisert',
  over_quota: 'flere skulle tas med enn det er plasser; denne konkurrerer som vanlig',
} as const;

/** The reasons and warnings of the files' cells, from their facts. */
const REASON: { [C in ReasonFacts['code']]: (f: Extract<ReasonFacts, { code: C }>) => string } = {
  missing_birth_date: (f) =>
    `${f.problem === 'blank' ? 'mangler fødselsdato' : 'fødselsdatoen er ingen gyldig dato'}; den trengs for minstealderen ${f.minAge} år ved oppstart ${formatDate(f.start, 'nb')}`,
  too_young: (f) => `for ung: ${f.age === null ? `født etter ${formatDate(f.start, 'nb')}` : `${f.age} år ved oppstart ${formatDate(f.start, 'nb')}`}, minstealderen er ${f.minAge}`,
  missing_education: (f) => `mangler høyeste fullførte utdanning; kravet er minst ${education(f.min)}`,
  no_bachelor: (f) => `utdanning under kravet: høyeste utdanning ${education(f.education)}, kravet er minst ${education(f.min)}`,
  missing_experience: (f) => `mangler arbeidserfaring; kravet er ${experienceMin(f.min, f.minMaster)}`,
  too_little_experience: (f) => `for kort arbeidserfaring: ${years(f.years)} år, kravet er ${experienceMin(f.min, f.minMaster)}`,
  unknown_rhf: (f) =>
    f.rhf === null
      ? `ukjent RHF: ikke oppgitt, og arbeidsgiveren er ikke et kjent helseforetak (${sectorWord(f.sector)})`
      : `programmet har ingen kvotecelle i ${sectorWord(f.sector)} for ${f.rhf}`,
  not_endorsed: (f) =>
    f.endorsed === null
      ? 'ingen forankring registrert, og programmet krever det'
      : `ikke forankret hos nærmeste leder${f.required ? ', og programmet krever det' : ' (en advarsel: programmet krever det ikke)'}`,
  nomination_cap: (f) => `over nominasjonstaket: ${f.trust} nominerte ${f.nominated}, taket er ${f.cap}; denne nominasjonen er ikke blant de ${f.cap} øverste etter prioritet`,
  no_quota_cell: (f) => `passer ingen kvotecelle i programmet (${sectorWord(f.sector)}${f.rhf === null ? '' : `, ${f.rhf}`})`,
  excluded: (f) => `holdt utenfor etter komiteens beslutning${f.eligible ? '' : ' (ikke kvalifisert uansett)'}`,
  included: () => 'tatt med etter komiteens beslutning',
  lock_not_obeyed: (f) =>
    `komiteens beslutning er ikke fulgt: ${LOCK_NOT_OBEYED[f.why]}`,
  selected: (f) => `tatt opp: ${rank(f.priority)} i ${f.cell}`,
  reserve: (f) => `reserve nummer ${f.rank ?? '?'} i ${f.cell} (${rank(f.priority)})`,
  lottery: (f) =>
    `loddtrekning: likt rangert (${rank(f.priority)}) i ${f.cell} med ${f.selected ? `${n(f.others, 'kandidat', 'kandidater')} som ikke ble tatt opp` : `${n(f.others, 'kandidat', 'kandidater')} som ble tatt opp`}; ` +
    `rekkefølgen er trukket (loddtrekningsnøkkel «${f.seed}»)`,
  selected_for_gender_rule: (f) =>
    `tatt opp foran ${f.sameRank ? `${f.first.id} (samme rangering, tidligere plass i loddtrekningen)` : `bedre rangerte ${f.first.id} (${rank(f.first.priority)})`}${others(f.others)} ` +
    `for å oppfylle: ${list(f.rules.map(ruleFact))}`,
  passed_over_for_gender_rule: (f) =>
    `forbigått av ${f.first.id} (${rank(f.first.priority)}${f.sameRank ? ', senere plass i loddtrekningen' : ''})${others(f.others)} ` +
    `for å oppfylle: ${list(f.rules.map(ruleFact))}`,
  withdrawn: (f) =>
    f.was === 'selected'
      ? `trukket seg fra kullet (var i verkstedgruppe ${f.group ?? '?'}, prosjektgruppe ${f.team ?? '?'}); ${f.replacedBy === null ? 'plassen står tom: ingen reserve igjen' : `plassen går til ${f.replacedBy}`}`
      : `trukket seg fra reservelisten (var reserve nummer ${f.reserveRank ?? '?'} i ${f.cell})`,
  newcomer: (f) =>
    `${f.how === 'committee_add' ? 'tatt med etter komiteens beslutning (--add)' : 'tatt opp fra reservelisten'}: ` +
    (f.how === 'gender_rule'
      ? `beste ${GENDER_ONE[f.gender] ?? 'kandidat'} blant reservene i ${f.cell} (reserve nummer ${f.reserveRank ?? '?'}, ${rank(f.priority)}), tatt inn foran ${list(f.passedOver)} for å holde instansens kjønnsbalanse`
      : `reserve nummer ${f.reserveRank ?? '?'} i ${f.cell} (${rank(f.priority)})${f.passedOver.length > 0 ? `, tatt inn foran ${list(f.passedOver)}` : ''}`) +
    `; ${f.replaces === null ? 'fyller en ledig plass' : `tar plassen til ${f.replaces}`}` +
    (f.exact ? ', i samme verkstedgruppe og prosjektgruppe' : f.replaces === null ? '' : '; en annen plass enn den som ble ledig: reglene for verkstedgrupper og prosjektgrupper krevde det'),
  moved: (f) =>
    `flyttet ${[f.fromGroup !== f.toGroup ? `fra verkstedgruppe ${f.fromGroup} til ${f.toGroup}` : '', f.fromTeam !== f.toTeam ? `fra prosjektgruppe ${f.fromTeam} til ${f.toTeam}` : ''].filter((x) => x !== '').join(' og ')} ` +
    'for å holde reglene for verkstedgrupper og prosjektgrupper',
  called_in_instead: (f) => `forbigått av ${list(f.ids)}, som cohort replace kalte inn for å holde en kjønnsregel`,
  decision: (f) =>
    `komiteens vedtak: ${(DECISION[f.rule] ?? ((d: Decision) => `${f.rule} ${d.id}`))(f)} (${f.line === null ? f.file : `${f.file} linje ${f.line}`}${f.obeyed ? '' : ', ikke fulgt'}): ${f.text}`,
};

/** A candidate file's id column, and the outputs' copy of the id as typed. */
const INPUT_ID = 'Søknadsnummer';

/** `utvalget`, `verkstedgruppene og prosjektgruppene`. */
const stages = (s: readonly StageOutcome[]): string => list(s.map((x) => STAGE[x.stage]));

const RELAXED: Record<string, string> = {
  group_size: 'gruppestørrelsen 6–8 kunne ikke holdes',
  group_sector_mix: 'blandingen av sektorer kunne ikke holdes i alle grupper',
  group_gender: 'begge kjønn kunne ikke være godt representert i alle grupper',
  team_composition: 'ikke alle prosjektgrupper kunne få 2 fra kommunene og 2 fra spesialisthelsetjenesten',
  team_org_clash: 'kolleger fra samme arbeidsgiver måtte dele prosjektgruppe',
  lock_apart: 'et ønske om å holde to deltakere fra hverandre kunne ikke oppfylles',
  lock_conflict: 'motstridende ønsker fra komiteen; ett av dem ble sett bort fra',
  lock_unknown_participant: 'et ønske gjaldt noen som ikke er tatt opp, og ble sett bort fra',
  lock_group_out_of_range: 'et ønske gjaldt et gruppenummer som ikke finnes, og ble sett bort fra',
};

type Decision = { id: string; other: string | null; group: number | null };
const DECISION: Record<string, (d: Decision) => string> = {
  include: (d) => `ta med ${d.id}`,
  exclude: (d) => `hold utenfor ${d.id}`,
  together: (d) => `${d.id} og ${d.other ?? '?'} sammen`,
  apart: (d) => `${d.id} og ${d.other ?? '?'} hver for seg`,
  group: (d) => `${d.id} i gruppe ${d.group ?? '?'}`,
};

const ranked = (r: { id: string; priority: number | null }): string => `${r.id} (${r.priority === null ? 'uten prioritet' : `prioritet ${r.priority}`})`;
const GENDER_ONE: Record<string, string> = { female: 'kvinne', male: 'mann', unknown: 'kjønn ukjent' };
const rankedGender = (r: { id: string; priority: number | null; gender: string }): string =>
  `${r.id} (${GENDER_ONE[r.gender] ?? r.gender}, ${r.priority === null ? 'uten prioritet' : `prioritet ${r.priority}`})`;
const rankCost = (out: number | null, into: number | null): string =>
  out !== null && into !== null && into > out ? `, ${n(into - out, 'plass', 'plasser')} lenger ned i rangeringen` : '';
const CAUSE_NB: Record<DepartureLine['cause'], (d: DepartureLine) => string> = {
  gender_body: () => 'kjønnsbalansen i instansens egen liste',
  gender_agreement: () => 'kjønnsbalansen i kullet eller sektoren, som instansene er enige om å balansere på tvers',
  include: (d) => `komiteen har bestemt at ${d.takenInstead.id} skal tas med`,
  exclude: (d) => `komiteen har bestemt at ${d.passedOver.id} skal holdes utenfor`,
  nomination_cap: (d) => `${d.passedOver.id} står over nominasjonstaket for sitt helseforetak`,
};

/** `fil` or `fil, arket «Ark1»`. */
const inFile = (p: { file: string; sheet: string | null }): string => (p.sheet === null ? p.file : `${p.file}, arket «${p.sheet}»`);
/** `fil rad 14, kolonne «Arbeidsgiver»`: the row as the spreadsheet numbers it, the header as written. */
const inCell = (p: { file: string; sheet: string | null; line: number; column: string }): string => `${inFile(p)} rad ${p.line}, kolonne «${p.column}»`;
/** A cell's value in Norwegian quotes, on one line. */
const quoted = (value: string): string => `«${JSON.stringify(value).slice(1, -1)}»`;
/** Row numbers, at most the ten given, `…` when there were more. */
const rows = (shown: readonly number[], count: number): string => `${count === 1 ? 'rad' : 'rader'} ${shown.join(', ')}${count > shown.length ? ', …' : ''}`;
const hint = (suggestion: string | null, otherSector: boolean, other: string): string =>
  suggestion !== null ? `; mente du «${suggestion}»?` : otherSector ? `; det er ${other}: er sektoren riktig?` : '';
const ids = (count: number): string => (count === 1 ? '1 ID' : `${count} ID-er`);

const WARNINGS: WarningTexts = {
  header_not_first: (p) =>
    `${inFile(p)}: overskriftsraden er rad ${p.headerRow}; ${p.rows.length === 1 ? 'raden' : 'radene'} ${list(p.rows.map(String))} over den (en tittel eller en merknad) blir ikke lest`,
  ids_as_numbers: (p) =>
    `${inFile(p)}: ${ids(p.count)} er lagret som tall, ikke som tekst, i arket: et regneark fjerner nuller foran (000123 blir 123); ` +
    'hvis ID-ene hadde det, formater ID-kolonnen som tekst (Formater celler → Tekst) før ID-ene skrives eller limes inn, og lagre på nytt',
  id_normalised: (p) => `${inFile(p)}: ${ids(p.count)} med usynlige tegn, uvanlige mellomrom eller dekomponerte bokstaver er lest uten dem (${rows(p.lines, p.count)})`,
  unrecognised_gender: (p) => `${p.file}: ${n(p.count, 'rad', 'rader')} med et annet kjønn enn Kvinne/Mann (K/M) er registrert med ukjent kjønn (${rows(p.lines, p.count)})`,
  unknown_organisation: (p) =>
    `${inCell(p)}: ${quoted(p.value)} er ikke et helseforetak i referansedataene; godtatt som skrevet for ${p.rhf}${hint(p.suggestion, p.otherSector, 'en kommune')}`,
  unknown_municipality: (p) =>
    `${inCell(p)}: ${quoted(p.value)} er ikke en kommune i referansedataene; godtatt som skrevet${p.rhf === null ? ', regionen er ukjent' : ` for ${p.rhf}`}` +
    hint(p.suggestion, p.otherSector, 'et helseforetak'),
  rhf_differs_from_county: (p) => `${inCell(p)}: ${p.rhf} er brukt som skrevet, selv om ${p.municipality} ligger i ${p.county}, som hører til ${p.countyRhf}`,
  nomination_cap: (p) =>
    `${p.trust} nominerte ${n(p.nominated, 'kandidat', 'kandidater')}, flere enn taket på ${p.cap}; ` +
    `over taket, etter de ${p.cap} høyest prioriterte (de er ikke av den grunn ukvalifisert): ${list(p.ids)}` +
    (p.tieAtCut ? ' (lik eller tom prioritet ved grensen er ordnet etter ID)' : ''),
  no_quota_cell: (p) => `${n(p.ids.length, 'kvalifisert kandidat hører', 'kvalifiserte kandidater hører')} ikke til noen instans med plasser i programmet: ${list(p.ids)}`,
  lock_conflict: (p) => `komiteen har både tatt med og holdt utenfor ${p.id}: ingen av beslutningene gjelder`,
  lock_unknown_id: (p) => `komiteens beslutning om å ${p.lock === 'include' ? 'ta med' : 'holde utenfor'} ${p.id} gjelder ingen kandidat (ID-en finnes ikke i søkerfilene)`,
  include_ineligible: (p) => `komiteen har bestemt at ${p.id} (${p.file} rad ${p.line}) skal tas med, men kandidaten er ikke kvalifisert: beslutningen gjelder ikke`,
  include_over_quota: (p) =>
    `${p.cell === 'kommune' ? 'Kommunene (KS)' : p.cell}: komiteen vil ta med ${p.included} (${list(p.ids)}), men det er ${n(p.seats, 'plass', 'plasser')}; ` +
    `de ${p.seats} første i innkallingsrekkefølgen blir tatt med, de andre konkurrerer som vanlig`,
  starting_allocation_breaks_rule: (p) =>
    `fordelingen det startes fra, bryter allerede en regel (${p.rule})${p.ids.length > 0 ? `: ${list(p.ids)}` : ''}; cohort check viser hva`,
  withdrawn_still_included: (p) =>
    `${p.id} har trukket seg, men står fortsatt som «ta med» i ${p.locks ?? 'beslutningsfilen'}: fjern den linjen, ellers melder cohort check --locks om den`,
};

const seatsNb = (count: number): string => n(count, 'plass', 'plasser');
const sectorsNb = (kommune: number, spesialist: number): string => `${kommune} fra kommunene og ${spesialist} fra spesialisthelsetjenesten`;

/** A checker finding's figures in bokmål (the English detail has the same numbers). */
const FINDING_FACTS: { [F in FindingFacts['fact']]: (f: Extract<FindingFacts, { fact: F }>) => string } = {
  over_quota: (f) => `${f.selected} tatt opp til ${seatsNb(f.seats)}`,
  unfilled: (f) => `${f.selected} tatt opp til ${seatsNb(f.seats)}, men ${f.available} kvalifiserte kunne vært tatt opp`,
  shortfall: (f) => `${seatsNb(f.seats)}, bare ${f.available} kvalifiserte; ${seatsNb(f.seats - f.available)} kan ikke fylles`,
  included: (f) => `komiteen tar med ${f.included} til ${seatsNb(f.seats)}`,
  gender: (f) => `${f.selected} tatt opp, regelen krever minst ${f.required}`,
  gender_total: (f) => `kjønnsreglene mangler til sammen ${seatsNb(f.shortfall)}, men de kvalifiserte kandidatene gjør det mulig å komme ned i ${f.least}`,
  group_count: (f) => `${n(f.found, 'gruppe', 'grupper')} for ${n(f.participants, 'deltaker', 'deltakere')}, reglene krever ${f.expected}`,
  numbering: (f) => `gruppene har numrene ${f.numbers.join(', ')}, men skal ha 1–${f.numbers.length}`,
  group_size: (f) => `gruppe ${f.group} har ${n(f.size, 'deltaker', 'deltakere')}, reglene tillater ${f.min === f.max ? f.min : `${f.min}–${f.max}`}`,
  sector_mix: (f) => `gruppe ${f.group} har ${sectorsNb(f.kommune, f.spesialist)}; forskjellen er mer enn 1`,
  team_shape: (f) =>
    `prosjektgruppe ${f.team} har ${sectorsNb(f.kommune, f.spesialist)}, reglene krever ${f.expected.kommune} + ${f.expected.spesialist}` +
    `${f.orSmaller ? ` (eller ${f.expected.kommune + f.expected.spesialist - 1} med begge sektorer)` : ''}`,
  smaller_teams: (f) => `${n(f.smaller, 'prosjektgruppe', 'prosjektgrupper')} er mindre enn ${f.expected.kommune} + ${f.expected.spesialist}; kullet trenger bare ${f.fewest}`,
  reserve_ranks: (f) => `i ${f.body === 'kommune' ? 'kommunenes liste' : f.body} skal plassene være 1–${f.reserves}`,
};
// The union's fact and figures belong together; TypeScript cannot follow that into the lookup.
const findingFacts = (f: FindingFacts): string => (FINDING_FACTS[f.fact] as (x: FindingFacts) => string)(f);

/** Run notes and checker findings by code (see `Catalogue.notes`). */
const NOTES: Readonly<Record<string, string>> = {
  nomination_cap: 'et helseforetak nominerte flere enn taket; se «Over nominasjonstaket»',
  header_not_first: 'overskriftsraden var ikke første rad i en søkerfil',
  ids_as_numbers: 'id-er så ut som tall i en søkerfil; sjekk at ledende nuller ikke er borte',
  id_normalised: 'id-er ble skrevet om til standard form',
  unrecognised_gender: 'ukjent kjønn i søkerfilen',
  unknown_organisation: 'virksomheten ble ikke funnet i referanselistene',
  empty_seat: 'en plass står tom',
  seats_unfilled: 'ikke alle plasser er fylt',
  shortfall: 'færre er tatt opp enn det er plasser',
  over_quota: 'flere er tatt opp enn det er plasser',
  gender_rule_not_met: 'en kjønnsregel er ikke oppfylt',
  gender_rules_below_achievable: 'kjønnsfordelingen er dårligere enn de kvalifiserte kandidatene ville gitt',
  justified_envy: 'en bedre rangert kandidat i samme kvotecelle er forbigått',
  reserve_order: 'reservelisten følger ikke rangeringen',
  reserve_rank_missing: 'en reserve mangler plass på reservelisten',
  reserve_rank_sequence: 'plassene på reservelisten er ikke 1, 2, 3 …',
  reserve_rank_not_reserve: 'en som ikke er reserve, har plass på reservelisten',
  selected_ineligible: 'en som ikke er kvalifisert, er tatt opp',
  excluded_selected: 'en som komiteen holdt utenfor, er tatt opp',
  include_not_selected: 'en som komiteen ville ta med, er ikke tatt opp',
  include_over_quota: 'komiteens vedtak om å ta med går ut over kvoten',
  include_ineligible: 'komiteens vedtak om å ta med gjelder en som ikke er kvalifisert',
  duplicate_selected: 'samme person er tatt opp to ganger',
  duplicate_candidate_id: 'samme id står to ganger i søkerfilene',
  unknown_id: 'en id finnes ikke i søkerfilene',
  marked_reserve: 'merket som reserve, men kontrollen finner vedkommende kvalifisert til plass',
  marked_over_cap: 'merket som over nominasjonstaket, men kontrollen finner vedkommende innenfor',
  marked_ineligible: 'merket som ikke kvalifisert, men kontrollen finner vedkommende kvalifisert',
  over_cap: 'over nominasjonstaket',
  no_quota_cell: 'passer ingen kvotecelle',
  lock_apart: 'et vedtak om å holde to deltakere fra hverandre er ikke fulgt',
  lock_together: 'et vedtak om å sette to deltakere sammen er ikke fulgt',
  lock_group: 'et vedtak om verkstedgruppe er ikke fulgt',
  lock_conflict: 'motstridende vedtak fra komiteen',
  lock_unknown_id: 'et vedtak gjelder en id som ikke finnes i søkerfilene',
  lock_unknown_participant: 'et vedtak gjelder noen som ikke er tatt opp',
  lock_group_out_of_range: 'et vedtak gjelder et gruppenummer som ikke finnes',
  group_gender: 'begge kjønn er ikke godt representert i alle verkstedgrupper',
  team_composition: 'ikke alle prosjektgrupper har 2 fra kommunene og 2 fra spesialisthelsetjenesten',
  group_size: 'en verkstedgruppe har en størrelse utenfor det reglene tillater',
  group_count: 'antallet verkstedgrupper er ikke det reglene krever',
  group_numbering: 'verkstedgruppene er ikke nummerert 1, 2, 3 …',
  group_sector_mix: 'en verkstedgruppe har ikke en jevn blanding av kommunene og spesialisthelsetjenesten',
  group_org_clash: 'kolleger fra samme virksomhet er i samme verkstedgruppe',
  team_org_clash: 'kolleger fra samme virksomhet er i samme prosjektgruppe',
};


/** `A, B eller C`. */
const either = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} eller ${items.at(-1) ?? ''}`);
/** A cell quoted as bokmål quotes it. */
const q = (value: string): string => `«${value}»`;
type Params<K extends IssueParams['kind']> = Extract<IssueParams, { kind: K }>;
const DATE = 'skriv dd.mm.åååå, for eksempel 03.11.1980';
const EDUCATIONS = 'Ingen, Fagskole, Bachelor, Master eller Ph.d.';

/** The statuses as the bokmål files write them (the allocation's `Status` column). */
const STATUS = {
  selected: 'tatt opp',
  reserve: 'reserve',
  excluded: 'ekskludert',
  ineligible: 'ikke kvalifisert',
  over_cap: 'over nominasjonstaket',
  withdrawn: 'trukket',
  eligible: 'kvalifisert',
} as const;

const ALLOCATION_NUMBER = { workshop_group: 'nummeret på verkstedgruppa', project_team: 'nummeret på prosjektgruppa', reserve_rank: 'reserveplassen' } as const;
/** The number columns' words: what a cell should be, and an example. */
const NUMBER = {
  years: { what: 'et antall år', write: 'skriv et tall, for eksempel 4 eller 4,5' },
  priority: { what: 'en prioritet', write: 'skriv et helt tall fra 1 og oppover, for eksempel 1, 2 eller 3' },
} as const;
const ISSUE: { [K in IssueParams['kind']]: (p: Params<K>) => string } = {
  date: (p) =>
    p.problem === 'year' ? `${q(p.value)} har et årstall utenfor ${p.min}–${p.max}; ${DATE}` : `${q(p.value)} er ingen gyldig dato; ${DATE}`,
  years: (p) => numberIssue(p),
  priority: (p) => numberIssue(p),
  yes_no: (p) => `${q(p.value)} er verken Ja eller Nei; skriv Ja eller Nei (J/N og 1/0 går også)`,
  education: (p) =>
    p.unfinished
      ? `${q(p.value)} er ingen fullført grad; skriv den høyeste fullførte utdanningen: ${EDUCATIONS}, for eksempel Bachelor`
      : `${q(p.value)} er ingen kjent utdanning; skriv den høyeste fullførte: ${EDUCATIONS}, for eksempel Master`,
  sector: (p) => `${p.value === '' ? 'cellen er tom' : `${q(p.value)} er ingen kjent sektor`}; skriv kommune eller spesialist`,
  blank: (p) =>
    p.what === 'id'
      ? 'cellen er tom; skriv søknadsnummeret, for eksempel TLP-0001'
      : 'cellen er tom; skriv arbeidsgiveren (et helseforetak eller en kommune), for eksempel Helse Bergen HF eller Bergen kommune',
  missing_column: (p) => `kolonnen ${q(p.label)} mangler i overskriftsraden; skriv den inn (disse navnene godtas også: ${list(p.aliases.filter((a) => a !== p.label).map(q))})`,
  duplicate_id: (p) =>
    `søknadsnummeret ${q(p.id)} står også i fil ${p.file}, rad ${p.line}` +
    `${p.spelledApart ? ' (skrevet litt ulikt, men forskjellen er bare usynlige tegn, mellomrom eller sammensatte bokstaver)' : ''}; hver søknad skal stå bare én gang i alle filene`,
  unknown_trust: (p) =>
    `${q(p.value)} er ikke et helseforetak i referansedataene` +
    `${p.suggestion !== null ? ` (mente du ${q(p.suggestion)}?)` : p.otherSector ? ' (det er en kommune: stemmer sektoren?)' : ''}` +
    '; er arbeidsgiveren en annen, skriv det regionale helseforetaket den hører til i kolonnen «RHF», for eksempel Helse Vest',
  unknown_rhf: (p) =>
    `${q(p.value)} er ikke et regionalt helseforetak${p.suggestion === null ? '' : ` (mente du ${q(p.suggestion)}?)`}; skriv ${either(p.rhfs)} (eller Sør-Øst, Vest, Midt, Nord)`,
  rhf_mismatch: (p) => `${q(p.value)} stemmer ikke med arbeidsgiveren: ${p.trust} hører til ${p.rhf}; skriv ${p.rhf} eller la cellen stå tom`,
  cell_count: (p) =>
    p.problem === 'few'
      ? `raden har ${p.found} celler, overskriftsraden ${p.header}; mangler det et skilletegn? Rett raden så den har like mange celler som overskriftsraden`
      : `raden har en verdi i celle ${p.at}, men overskriftsraden har bare ${p.header} kolonner; står det et skilletegn for mye, for eksempel i en verdi? Rett raden eller sett verdien i anførselstegn`,
  duplicate_column: (p) =>
    `kolonnen står to ganger: ${q(p.first)} (kolonne ${p.firstAt}) og kolonne ${p.at}${p.label === null ? '' : `, som begge betyr ${q(p.label)}`}; slett den ene`,
  allocation_status: (p) =>
    `${p.value === '' ? 'cellen er tom' : `${q(p.value)} er ingen kjent status`}; skriv ${either(p.allowed.map((s) => STATUS[s]))} (eller det samme på engelsk)`,
  allocation_number: (p) => `${q(p.value)} er ikke et helt tall fra 1; skriv ${ALLOCATION_NUMBER[p.what]} (1, 2, …) eller la cellen stå tom`,
  unknown_candidate: (p) => `søknadsnummeret ${q(p.id)} finnes ikke i kandidatfilene; rett det, eller ta med filen kandidaten står i`,
  missing_candidate_row: (p) => `kandidaten ${p.id} (fil ${p.file}, rad ${p.line}) har ingen rad i fordelingen; hver kandidat skal stå der én gang`,
  file: (p) => fileIssue(p),
  config: (p) => {
    const text =
      p.problem === 'json_syntax'
        ? `filen er ikke gyldig JSON (ved tegn ${p.column} i linjen); sjekk komma, klammeparenteser og anførselstegn rundt navnene`
        : p.problem === 'unknown_keys'
          ? `${p.keys.length === 1 ? 'ukjent nøkkel' : 'ukjente nøkler'} ${list(p.keys.map(q))}; slett ${p.keys.length === 1 ? 'den' : 'dem'} eller rett skrivemåten`
          : p.problem === 'one_of'
            ? `skriv ${either(p.values.map((v) => `«${v}»`))}`
            : isCrossCheck(p)
              ? crossCheck(p)
              : CONFIG_WORDS[p.problem];
    return p.path === '' ? text : `${p.path === '(root)' ? 'øverste nivå' : p.path}: ${text}`;
  },
  request: (p) =>
    p.problem === 'no_free_seat'
      ? `${p.id} kan ikke tas inn: ingen plass er ledig i ${p.cell} etter at de andre er trukket; trekk en deltaker fra ${p.cell} for å frigjøre en plass`
      : p.problem === 'unknown_id'
        ? `søknadsnummeret ${q(p.id)} finnes ikke i fordelingen; rett det`
        : p.problem === 'conflicting_request'
          ? `${p.id} er både trukket og tatt inn; velg det ene`
          : p.problem === 'not_withdrawable'
            ? `${p.id} kan ikke trekkes: vedkommende er ${p.status === null ? 'verken tatt opp eller reserve' : STATUS[p.status]}, ikke tatt opp eller reserve`
            : `${p.id} kan ikke tas inn: vedkommende er ${p.status === null ? 'ikke reserve' : STATUS[p.status]}, ikke reserve`,
  lock: (p) =>
    p.problem === 'rule'
      ? `${q(p.value)} er ingen kjent regel; skriv ${either(p.allowed.map((r) => LOCK_RULE_NB[r] ?? r))} (eller det samme på engelsk)`
      : p.problem === 'group'
        ? `${q(p.value)} er ikke et nummer på en verkstedgruppe; skriv et helt tall fra 1`
        : p.problem === 'other'
          ? `regelen ${q(LOCK_RULE_NB[p.rule] ?? p.rule)} trenger søknadsnummeret til en annen deltaker i denne kolonnen`
          : `kolonnen ${q(LOCK_COLUMN_NB[p.column] ?? p.column)} mangler i overskriftsraden; vedtaksfilen har kolonnene regel, id og annen`,
  ambiguous_municipality: (p) =>
    `${q(p.value)} kan være ${either(p.options.map((o) => `${o.name} med nummer ${o.number}`))}; skriv kommunenummeret eller navnet med fylket` +
    `${p.options[0] === undefined ? '' : `, for eksempel ${p.options[0].number} eller ${p.options[0].name}`}`,
};

/** What the programme schema expects, in bokmål (programme.ts has the English). */
const CONFIG_WORDS: Readonly<Record<ConfigExpect | 'required' | 'duplicate_key', string>> = {
  positive_int: 'skriv et positivt heltall, for eksempel 4',
  non_negative: 'skriv et tall som er 0 eller større',
  share: 'skriv en andel mellom 0 og 0.5 (desimalpunktum i JSON), for eksempel 0.4',
  date: 'skriv en dato som 2026-08-15',
  real_date: 'datoen finnes ikke i kalenderen; skriv en dato som 2026-08-15',
  gender_rule: 'skriv "table", "none", { "share": 0.4 } eller { "minimum": 1 }',
  non_empty_name: 'navnet er tomt; skriv programmets navn',
  whole_years: 'skriv et helt antall år, for eksempel 25',
  required: 'verdien mangler; skriv den inn',
  duplicate_key: 'nøkkelen står to ganger (JSON ville i det stille beholde bare den siste); slett den ene',
};

/** The programme file's checks across values, in bokmål with their figures (programme.ts has the English). */
const CROSS_CHECK: { [P in ConfigCrossCheck['problem']]: (p: Extract<ConfigCrossCheck, { problem: P }>) => string } = {
  sector_sum: (p) => `sektorkvotene har til sammen ${n(p.sum, 'plass', 'plasser')}, men her står ${p.seats}; skriv ${p.sum}, eller rett kvotene`,
  cell_sum: (p) => `cellene har til sammen ${n(p.sum, 'plass', 'plasser')}, men sektoren har ${p.seats}; rett plassene i cellene så summen blir ${p.seats}`,
  duplicate_rhf: (p) => `${q(p.rhf)} står også i cells[${p.first}]; hvert RHF skal ha bare én celle`,
  gender_rule_too_strict: (p) =>
    `kjønnsregelen ${p.rule} krever minst ${p.minimum} av hvert kjønn (${2 * p.minimum} plasser), men ${SECTOR[p.body] ?? p.body} har bare ${n(p.seats, 'plass', 'plasser')}; ` +
    'velg en regel plassene kan oppfylle, for eksempel "table"',
  at_most: (p) => `${p.value} er større enn ${p.other} (${p.max}); skriv høyst ${p.max}, eller øk ${p.other}`,
};
// The union's problem and figures belong together; TypeScript cannot follow that into the lookup.
const crossCheck = (p: ConfigCrossCheck): string => (CROSS_CHECK[p.problem] as (x: ConfigCrossCheck) => string)(p);
const isCrossCheck = (p: ConfigProblemParams): p is ConfigCrossCheck => Object.hasOwn(CROSS_CHECK, p.problem);

/** The committee's rules and the locks file's columns as a bokmål locks file names them. */
const LOCK_RULE_NB: Readonly<Record<string, string>> = { include: 'inkluder', exclude: 'ekskluder', group: 'gruppe', apart: 'adskilt', together: 'sammen' };
const LOCK_COLUMN_NB: Readonly<Record<string, string>> = { rule: 'regel', id: 'id', other: 'annen', reason: 'begrunnelse' };

const OUTPUT: { [K in OutputParams['kind']]: (p: Extract<OutputParams, { kind: K }>) => string } = {
  exists: (p) => `${list(p.paths)} finnes allerede; ingenting er skrevet (bruk --force for å skrive over)`,
  output_is_input: (p) => `${p.target} er inndatafilen ${p.input}; ingenting er skrevet (velg en annen utdatamappe eller et annet navn: en inndatafil skrives aldri over, heller ikke med --force)`,
  not_file: (p) => `${p.path} finnes og er ingen vanlig fil; ${p.option === '--out' ? 'velg en annen mappe for --out' : `velg en annen sti for ${p.option}`}`,
  out_file: (p) => `--out: ${p.folder ? `«${p.path}» er en mappe` : `«${p.path}» er ikke et filnavn`}; skriv et filnavn, for eksempel kandidater.csv`,
  report_path: (p) => `${p.option}: «${p.path}» er ikke et filnavn; skriv for eksempel ${p.example}`,
  report_is_output: (p) => `${p.option}: ${p.path} ville skrive over kjøringens egen ${p.name}; velg et annet navn`,
  out_dir_empty: () => 'navnet på utdatamappa er tomt; skriv en mappe, for eksempel --out ut',
  out_dir_create: (p) => `kan ikke opprette utdatamappa ${p.dir} (${p.reason})`,
  not_dir: (p) => `${p.dir} er ingen mappe; velg en mappe for --out`,
  write: (p) => `kan ikke skrive ${p.path} (${p.reason})`,
};

const EXPECTED: Record<FileExpected, string> = {
  table: 'en CSV-fil eller et regneark',
  csv: 'en CSV-fil',
  workbook: 'et regneark (.xlsx eller .ods)',
  config: 'en programfil (JSON)',
  summary: 'en summary.json-fil',
};
const NOT_REGULAR: Record<NotRegular, string> = {
  directory: 'en mappe',
  fifo: 'en navngitt rørledning (FIFO)',
  character_device: 'en tegnenhet',
  block_device: 'en blokkenhet',
  socket: 'en socket',
  other: 'noe annet enn en vanlig fil',
};
const MiB = 1024 * 1024;
/** `10 MiB`, `1 000 byte`: a size as a person reads it. */
const size = (bytes: number): string => (bytes >= MiB ? `${formatNumber(Math.round((bytes / MiB) * 10) / 10, 'nb')} MiB` : `${formatNumber(bytes, 'nb')} byte`);
/** `10 MiB (10 485 760 byte)`: a limit, readable and exact. */
const limit = (bytes: number): string => (bytes % MiB === 0 ? `${size(bytes)} (${formatNumber(bytes, 'nb')} byte)` : size(bytes));
const SAVE_CSV = 'lagre den som «CSV UTF-8»';

function fileIssue(p: Params<'file'>): string {
  switch (p.problem) {
    case 'missing':
      return 'filen finnes ikke; sjekk navnet og mappen';
    case 'permission':
      return 'du har ikke tilgang til å lese filen; sjekk tilgangen, eller kopier filen til en mappe du kan lese';
    case 'unreadable':
      return `filen kan ikke leses (${p.reason})`;
    case 'not_regular':
      return `dette er ${NOT_REGULAR[p.got]}, ikke ${EXPECTED[p.expected]}; oppgi en fil`;
    case 'too_large':
      return `filen er ${p.bytes === null ? `større enn ${limit(p.maxBytes)}` : `på ${formatNumber(p.bytes, 'nb')} byte`}, men ${EXPECTED[p.expected]} kan være på høyst ${limit(p.maxBytes)}; er det riktig fil?`;
    case 'duplicate_file':
      return 'filen er oppgitt to ganger på kommandolinjen; ta den med bare én gang';
    case 'workbook_not_csv':
      return `filen er et regneark (.xlsx eller .ods), men her trengs en CSV-fil; ${SAVE_CSV}`;
    case 'binary':
      return `filen er ingen tekstfil (den har en NUL-byte); er det et Excel-regneark (.xlsx)? I så fall ${SAVE_CSV}`;
    case 'not_utf8':
      return p.because === 'config'
        ? 'filen er ikke gyldig UTF-8-tekst; lagre den som UTF-8'
        : `byten 0x${p.byte ?? '??'} er ikke UTF-8 (${p.because === 'bom' ? 'filen begynner med et UTF-8-merke (BOM)' : 'valgt med --encoding utf8'}); ${SAVE_CSV} eller bruk --encoding cp1252`;
    case 'empty':
      return 'filen er tom; den skal begynne med en overskriftsrad';
    case 'invalid_delimiter':
      return `${q(p.delimiter)} kan ikke være skilletegn; bruk ; , eller tab`;
    case 'unclosed_quote':
      return 'et anførselstegn (") i raden som begynner her, lukkes aldri før filen slutter; sett inn det avsluttende anførselstegnet';
    case 'row_too_large':
      return `raden er lengre enn ${size(p.maxBytes)}; mangler det et avsluttende anførselstegn (")?`;
    case 'csv_syntax':
      return `filen er ingen gyldig CSV (${p.reason})`;
    case 'too_many_rows':
      return p.blank
        ? `filen har mer enn ${formatNumber(p.max, 'nb')} tomme rader med en annen bredde enn første rad (bare mellomrom eller skilletegn); slett dem`
        : `det er mer enn ${formatNumber(p.max, 'nb')} datarader; del filen opp`;
    case 'too_many_columns':
      return `raden har ${p.got === null ? 'for mange' : formatNumber(p.got, 'nb')} celler; høyst ${formatNumber(p.max, 'nb')} er tillatt`;
    case 'cell_too_long':
      return `cellen har ${formatNumber(p.got, 'nb')} tegn; høyst ${formatNumber(p.max, 'nb')} er tillatt`;
    case 'empty_header':
      return `kolonne ${p.column} har verdier (første gang i rad ${p.firstRow}), men ingen overskrift; skriv en overskrift`;
    case 'formula':
      return `cellen har en formel (=${p.formula}), ikke en verdi; kopier kolonnen og lim den inn igjen som bare verdier`;
    case 'error_cell':
      return `cellen har regnearkfeilen ${p.value}, ikke en verdi; rett formelen eller skriv verdien`;
    case 'merged':
      return p.header
        ? `cellene ${p.range} i overskriftsraden er slått sammen; del dem opp og gi hver kolonne sin egen overskrift`
        : `cellene ${p.range} er slått sammen; del dem opp og skriv verdien i hver rad`;
    case 'no_header_above':
      return `cellen har en verdi, men ingen overskrift over seg (overskriftsraden er rad ${p.headerRow}); flytt verdien eller gi kolonnen en overskrift`;
    case 'too_many_issues':
      return `lesingen stoppet etter ${p.max} feil i ${p.scope === 'sheet' ? 'dette arket' : 'denne filen'}; rett disse først`;
    case 'password':
      return 'regnearket er beskyttet med passord; lagre en kopi uten passord (Fil → Info → Beskytt arbeidsbok)';
    case 'xls':
      return `regnearket er i det gamle formatet fra Excel 97–2003 (.xls); lagre det som .xlsx («Excel-arbeidsbok»), eller ${SAVE_CSV}`;
    case 'not_workbook':
      return 'filen er verken et .xlsx- eller et .ods-regneark';
    case 'corrupt_workbook':
      return `regnearket er skadet${p.reason === null ? '' : ` (${p.reason})`}; åpne det i regnearkprogrammet og lagre det på nytt`;
    case 'workbook_too_large':
      return `regnearket er større enn ${p.maxMiB} MiB utpakket (høyst ${p.partMiB} MiB per del og ${p.parts} deler); en søkerliste er langt mindre: er det en annen fil, eller er den skadet?`;
    case 'no_sheet':
      return 'regnearket har ikke noe ark med en overskriftsrad';
    case 'unknown_sheet':
      return `regnearket har ikke noe ark som heter ${q(p.sheet)} (--sheet); arkene heter ${list(p.sheets.map(q))}`;
    case 'hidden_sheet':
      return `overskriftsraden står ikke på det første synlige arket ${q(p.visible)}, men på det skjulte arket ${q(p.hidden)}; vis arket (høyreklikk på en arkfane → Vis) og lagre, eller oppgi det med --sheet "${p.hidden}"`;
    case 'empty_sheet':
      return 'arket er tomt; det skal begynne med en overskriftsrad';
  }
}

function numberIssue(p: Params<'years' | 'priority'>): string {
  const w = NUMBER[p.kind];
  switch (p.problem) {
    case 'form':
      return `${q(p.value)} er ikke ${w.what}; ${w.write}`;
    case 'range':
      return `${q(p.value)} er utenfor ${p.min}–${p.max}; ${w.write}`;
    case 'date_cell':
      return `cellen er en dato (${p.value}), ikke ${w.what}: regnearket har lest tallet som en dato; formater kolonnen som tall og ${w.write}`;
    case 'date_text':
      return `${q(p.value)} ser ut som en dato, ikke ${w.what}: regnearket kan ha lest et tall som 3,5 som en dato; formater kolonnen som tall og ${w.write}`;
  }
}

/** `TLP-0080`, `TLP-0080 og 2 andre`: the better-placed reserves a newcomer was called in before. */
const passedText = (ids: readonly string[]): string =>
  ids.length === 0 ? 'bedre plasserte reserver' : `${ids[0] ?? ''}${ids.length > 1 ? ` og ${n(ids.length - 1, 'annen', 'andre')}` : ''}`;

const isoToNb = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m === null ? iso : `${m[3]}.${m[2]}.${m[1]}`;
};
const named = (ids: readonly string[]): string => (ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} …`);

/** The pipeline's reason codes as `cohort diff` names them. */
const DIFF_REASONS: Record<string, string> = {
  selected: 'valgt etter rangering',
  included: 'tatt inn av komiteen',
  selected_for_gender_rule: 'valgt for å oppfylle en kjønnsregel',
  lottery: 'loddtrekning ved lik rangering',
  reserve: 'reserve',
  passed_over_for_gender_rule: 'forbigått for å oppfylle en kjønnsregel',
  excluded: 'utelatt av komiteen',
  lock_not_obeyed: 'komiteens lås kunne ikke følges',
  withdrawn: 'trukket',
  too_young: 'under aldersgrensen',
  missing_birth_date: 'mangler fødselsdato',
  no_bachelor: 'utdanning under kravet',
  missing_education: 'mangler utdanning',
  too_little_experience: 'for kort arbeidserfaring',
  missing_experience: 'mangler arbeidserfaring',
  nomination_cap: 'over helseforetakets nominasjonstak',
  not_endorsed: 'ikke forankret hos nærmeste leder',
  unknown_rhf: 'ukjent RHF',
  no_quota_cell: 'passer ingen kvotecelle',
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


/** A candidate file's columns as a bokmål file heads them (`cohort template --lang nb`). */
const CANDIDATE_COLUMNS: Readonly<Record<CanonicalColumn, string>> = {
  id: INPUT_ID,
  name: 'Navn',
  birth_date: 'Fødselsdato',
  gender: 'Kjønn',
  sector: 'Sektor',
  rhf: 'RHF',
  organisation: 'Virksomhet',
  position: 'Stilling',
  education: 'Høyeste fullførte utdanning',
  experience_years: 'Arbeidserfaring (år)',
  priority: 'Prioritet',
  endorsed: 'Forankret',
};

/** A gender rule not met, in numbers (`AllocateWords.genderShort`). */
function genderShortText(g: GenderShort): string {
  const where = g.scope === 'cohort' ? 'I kullet' : g.scope === 'sector' ? `I ${SECTOR[g.where] ?? g.where}` : `Hos ${g.where === 'kommune' ? 'kommunene (KS)' : g.where}`;
  const [one, other] = GENDER[g.gender];
  const pool = g.eligible === null ? '' : `; ${g.eligible === 0 ? 'ingen' : `bare ${g.eligible}`} ${g.eligible === 1 ? one : other} var kvalifisert`;
  return `${where}: regelen krever minst ${n(g.required, one, other)}, ${g.actual} er tatt opp${pool}.`;
}

/** A solver's or a stage's status in words (--verbose). */
const SOLVE_STATUS: Readonly<Record<string, string>> = {
  optimal: 'beviselig best',
  feasible: 'gyldig, ikke bevist best',
  timed_out: 'stoppet ved tidsgrensen',
  infeasible: 'ingen løsning',
  unbounded: 'ubegrenset',
  error: 'feil',
};
/** `cohort rules`: the education levels and their order. */
const RULES_EDUCATION: Readonly<Record<Education, string>> = { none: 'ingen', fagskole: 'fagskole', bachelor: 'bachelor', master: 'master', phd: 'ph.d.' };
const RULES_EDUCATION_ORDER = 'ingen < fagskole < bachelor < master < ph.d.';

export const NB = {
  lang: 'nb',
  warning: 'advarsel',
  warnings: WARNINGS,
  allocate: {
    heading: (programme, startDate) => `${programme} (oppstart ${formatDate(startDate, 'nb')})`,
    admitted: (c) => {
      const rest = [
        c.reserve > 0 ? `${n(c.reserve, 'står', 'står')} på reservelisten` : '',
        c.notEligible > 0 ? `${n(c.notEligible, 'er', 'er')} ikke kvalifisert` : '',
        c.overCap > 0 ? `${n(c.overCap, 'er', 'er')} over nominasjonstaket` : '',
        c.excluded > 0 ? `${n(c.excluded, 'er', 'er')} holdt utenfor av komiteen` : '',
      ].filter((s) => s !== '');
      return `${c.selected} av ${n(c.candidates, 'kandidat', 'kandidater')} er tatt opp.${rest.length > 0 ? ` Av de andre ${list(rest)}.` : ''}`;
    },
    bodyTable: { body: 'nominert av', seats: 'plasser', eligible: 'kvalifiserte', admitted: 'tatt opp', reserves: 'reserver', missing: 'ikke fylt', women: 'kvinner', men: 'menn' },
    cohortWord: 'kullet',
    sectorWord: (sector) => SECTOR[sector] ?? sector,
    body: (label) => (label === 'kommune' ? 'Kommunene (KS)' : label === 'spesialist' ? 'Spesialisthelsetjenesten' : label),
    gender: (g) =>
      `Kjønn i kullet: ${n(g.women, 'kvinne', 'kvinner')} og ${n(g.men, 'mann', 'menn')}` +
      `${g.unknown > 0 ? `, ${g.unknown} med ukjent kjønn` : ''} ` +
      `(kommunene ${g.kommune[0]}/${g.kommune[1]}, spesialisthelsetjenesten ${g.spesialist[0]}/${g.spesialist[1]}).`,
    unfilled: (body, missing, seats, eligible) => `${body}: ${missing} av ${n(seats, 'plass', 'plasser')} ikke fylt (${n(eligible, 'kvalifisert kandidat', 'kvalifiserte kandidater')}).`,
    genderShort: (g) => genderShortText(g),
    groups: (g) => {
      const sizes = list(g.sizes.map(([size, count]) => `${count} på ${size}`));
      return (
        `${n(g.count, 'verkstedgruppe', 'verkstedgrupper')} (${sizes} deltakere): ` +
        `${g.bothSectors === g.count ? 'alle' : g.bothSectors} med begge sektorer, ` +
        `${g.genderMet === g.count ? 'alle' : g.genderMet} med god kjønnsbalanse, ` +
        `${g.orgClashes === 0 ? 'ingen kolleger i samme gruppe' : `${n(g.orgClashes, 'par', 'par')} kolleger i samme gruppe`}.`
      );
    },
    teams: (t) =>
      `${n(t.count, 'prosjektgruppe', 'prosjektgrupper')}` +
      (t.shapes.length === 1 && t.shapes[0]?.[0] === 2 && t.shapes[0][1] === 2
        ? ' på 2 fra kommunene og 2 fra spesialisthelsetjenesten: '
        : `: ${list(t.shapes.map(([k, s, c], i) => (i === 0 ? `${c} med ${k} fra kommunene og ${s} fra spesialisthelsetjenesten` : `${c} med ${k} + ${s}`)))}; `) +
      `${t.catchmentMatched}${t.catchmentBest === null ? '' : ` (av høyst ${t.catchmentBest} mulige)`} der hver kommune ligger i opptaksområdet til et av helseforetakene i gruppa, ` +
      `${t.regionMatched}${t.regionBest === null ? '' : ` (av høyst ${t.regionBest})`} med kommune og helseforetak i samme region, ` +
      `${t.groupsDistinct === t.count ? 'alle' : t.groupsDistinct} med medlemmer fra ulike verkstedgrupper, ` +
      `${t.bothGenders === t.count ? 'alle' : t.bothGenders} med begge kjønn.`,
    proof: (s) => {
      const open = s.filter((x) => x.status !== 'optimal');
      if (open.length === 0) return 'Beviselig beste fordeling: utvalget, verkstedgruppene og prosjektgruppene er hver for seg bevist best mulig etter reglene.';
      const proven = s.filter((x) => x.status === 'optimal');
      const lines = open.map((x) => {
        const name = STAGE[x.stage];
        const cap = name.charAt(0).toUpperCase() + name.slice(1);
        if (x.status === 'feasible') {
          return x.gap === null
            ? `${cap} følger reglene, men er ikke bevist best; hvor langt de kan være fra beste mulige, er ukjent.`
            : `${cap} følger reglene, men er ikke bevist best: de kan være inntil ${formatPercent(x.gap, 'nb', { max: 2 })} fra beste mulige.`;
        }
        return `${cap}: ingen løsning funnet (${x.status}).`;
      });
      return `${proven.length > 0 ? `Bevist best: ${stages(proven)}. ` : ''}${lines.join(' ')}`;
    },
    noDepartures: 'Ingen avvik fra instansenes rangering: hver instans har fått sine høyest rangerte kvalifiserte kandidater.',
    departuresHead: (count) => `Avvik fra instansenes rangering (${count}):`,
    moreDepartures: (count) => `- … og ${count} til; alle står i rapporten og i summary.json (departures).`,
    departure: (d) =>
      `- ${d.body}: ${ranked(d.passedOver)} er forbigått, ${ranked(d.takenInstead)} er tatt opp i stedet` +
      `${d.sameRank ? ' (lik prioritet, loddtrekningen hadde satt den første foran)' : ''}: ${CAUSE_NB[d.cause](d)}.`,
    lottery: (l) =>
      `Loddtrekning: ${l.body}: ${n(l.seats, 'plass', 'plasser')} avgjort ved loddtrekning blant ${n(l.among, 'kandidat', 'kandidater')} ` +
      `${l.priority === null ? 'uten prioritet' : `med prioritet ${l.priority}`} (tatt opp: ${list(l.selected)}); be ${l.ranker} om å rangere dem.`,
    targetShort: (t, agreed) =>
      `${agreed ? 'Kjønnsbalanse på tvers av instansene (avtalt)' : 'Kjønnsbalanse på tvers av instansene (mål, ikke regel)'}: ` +
      `${t.scope === 'cohort' ? 'kullet' : (SECTOR[t.where] ?? t.where)} har ${n(t.actual, GENDER[t.gender][0], GENDER[t.gender][1])}, målet er minst ${t.required}.`,
    proposal: (p) =>
      p.changes === 0
        ? 'Ingen bytte innenfor instansenes egne kandidater kommer nærmere målet.'
        : `${p.applied ? 'Brukt fordi instansene er enige om å balansere på tvers (gender.acrossBodies)' : 'Forslag, brukes bare hvis instansene blir enige om å balansere på tvers (gender.acrossBodies)'}: ` +
          `${n(p.changes, 'bytte', 'bytter')}${p.shortfallAfter === 0 ? ' når målet' : `, målet mangler fortsatt ${p.shortfallAfter}`}:`,
    proposalChange: (c) => `${c.body}: ${rankedGender(c.in)} i stedet for ${rankedGender(c.out)}${rankCost(c.out.priority, c.in.priority)}.`,
    relaxed: (stage, code, ids) =>
      `${stage === 'groups' ? 'Verkstedgruppene' : 'Prosjektgruppene'}: ${RELAXED[code] ?? `en regel ble lempet (${code})`}` + `${ids.length > 0 ? ` (${list(ids)})` : ''}.`,
    allMet: 'Alle programreglene er oppfylt.',
    notAllMet: 'En programregel er ikke oppfylt (avslutningskode 1).',
    wrote: (files) => `Skrev ${list(files)}.`,
    wroteReport: (file) => `Skrev rapporten ${file}.`,
    seed: (seed) => `Loddtrekningsnøkkel: «${seed}»`,
    groupTable: { group: 'gruppe', size: 'antall', kommune: 'kommune', spesialist: 'spesialist', women: 'kvinner', men: 'menn', regions: 'regioner', clashes: 'kolleger' },
    stageTable: { stage: 'trinn', status: 'status', solver: 'løser', objective: 'målverdi', bound: 'grense', gap: 'avstand' },
    stageName: (stage) => STAGE[stage],
    solveStatus: (status) => SOLVE_STATUS[status] ?? status,
    detail: (d) => {
      switch (d?.kind) {
        case undefined:
          return null;
        case 'cell': {
          const why = Object.entries(d.ineligible).map(([code, count]) => `${count} ${DIFF_REASONS[code] ?? code}`);
          return (
            `detalj: ${d.body}: ${n(d.seats, 'plass', 'plasser')}, ${d.eligible} kvalifiserte av ${d.nominated} nominerte` +
            `${why.length > 0 ? ` (${why.join(', ')})` : ''}${d.excluded > 0 ? `, ${d.excluded} holdt utenfor av komiteen` : ''} – ${d.shortfall} ikke fylt`
          );
        }
        case 'gender':
          return `detalj: ${genderShortText(d.short)}`;
        case 'relaxed':
          return `detalj (${STAGE[d.stage]}): ${NOTES[d.code] ?? d.code}${d.ids.length > 0 ? ` (${list(d.ids)})` : ''}`;
      }
    },
    // The solver's own note (English, technical) stays in the English detail; the status says what happened.
    solverLine: (stage, attempts) => `løser: ${STAGE[stage]}: ${attempts.map((t) => `${t.solver} ${SOLVE_STATUS[t.status] ?? t.status}`).join(', deretter ')}`,
  },
  committee: {
    overCap: (trust, nominated, cap, ids, count) =>
      `Over nominasjonstaket: ${trust} nominerte ${nominated}, taket er ${cap ?? '–'}; ${n(count, 'kandidat', 'kandidater')} over taket ` +
      `(${count > ids.length ? `${ids.join(', ')} og ${count - ids.length} til, alle i summary.json` : list(ids)}).`,
    decisions: (count, notObeyed, withReason) =>
      `Komiteens beslutninger: ${count}, ${notObeyed === 0 ? 'alle fulgt' : `${notObeyed} ikke fulgt`}` +
      `${withReason > 0 ? ` (${n(withReason, 'begrunnelse', 'begrunnelser')} i summary.json)` : ''}.`,
    notObeyed: (d, source) => `Ikke fulgt: ${DECISION[d.rule]?.(d) ?? `${d.rule} ${d.id}`} (${source}); se rapporten eller summary.json.`,
    source: (file, line) => (line === null ? file : `${file} linje ${line}`),
  },
  check: {
    checked: (c) =>
      `Kontrollerte ${c.file} (${c.selected} tatt opp, ${c.reserve} reserver, ${c.excluded} holdt utenfor, ${c.notEligible} ikke kvalifisert, ${c.overCap} over nominasjonstaket) ` +
      `mot ${n(c.candidates, 'kandidat', 'kandidater')} i ${n(c.files, 'fil', 'filer')}${c.strict ? ', streng kontroll' : ''}.`,
    severity: (s) => ({ error: 'feil', unmet: 'ikke oppfylt', warning: 'advarsel' })[s],
    finding: (code, ids, detail, rule, facts) => {
      const text = NOTES[code];
      // A code without words of its own keeps the checker's detail rather than lose it.
      if (text === undefined) return detail;
      const about = rule === null ? '' : `: ${rule.where}${rule.gender === null ? '' : `, ${GENDER[rule.gender][1]}`}`;
      const figures = facts === undefined || facts === null ? '' : `; ${findingFacts(facts)}`;
      return `${text}${about}${figures}${ids.length > 0 ? ` (${list([...ids])})` : ''}`;
    },
    tally: (t) => `${n(t.errors, 'feil', 'feil')}, ${n(t.unmet, 'regel', 'regler')} ikke oppfylt, ${n(t.warnings, 'advarsel', 'advarsler')}.`,
  },
  replace: {
    heading: (c) =>
      `${c.programme}: ${c.withdrawals} har trukket seg, ${n(c.newcomers, 'ny deltaker', 'nye deltakere')}, ` +
      `${n(c.moved, 'deltaker', 'deltakere')} flyttet (med utgangspunkt i ${c.from}).`,
    withdrawnHead: 'Trukket seg:',
    withdrawn: (w) =>
      `${w.id} (${w.body}): ${w.was === 'selected' ? `var i verkstedgruppe ${w.group ?? '?'}, prosjektgruppe ${w.team ?? '?'}` : `var reserve nummer ${w.reserveRank ?? '?'}`}; ` +
      `${w.was === 'reserve' ? 'reservene bak rykker opp' : w.replacedBy === null ? 'plassen står tom' : `plassen går til ${w.replacedBy}`}`,
    newHead: (count) => (count === 0 ? 'Nye: ingen.' : 'Nye:'),
    newcomer: (c) =>
      `${c.id} (${c.body}) ${c.replaces === null ? 'fyller en ledig plass' : `tar plassen til ${c.replaces}`}: verkstedgruppe ${c.group}, prosjektgruppe ${c.team}${c.exact ? ' (samme plass)' : ''}`,
    why: (w) =>
      w.how === 'committee_add'
        ? `komiteens beslutning (--add): reserve nummer ${w.reserveRank ?? '?'} i ${w.body}${w.passedOver.length > 0 ? `, tatt inn foran ${passedText(w.passedOver)}` : ''}`
        : w.how === 'gender_rule'
          ? `beste ${GENDER_ONE[w.gender] ?? 'kandidat'} blant reservene i ${w.body} (reserve nummer ${w.reserveRank ?? '?'}), tatt inn foran ${passedText(w.passedOver)} for å holde instansens kjønnsbalanse`
          : `neste på reservelisten i ${w.body}: reserve nummer ${w.reserveRank ?? '?'}`,
    placeNote: () => 'ikke nøyaktig samme plass: reglene for verkstedgrupper og prosjektgrupper krevde en annen (se summary.json)',
    movedHead: (count, reason) =>
      count === 0 ? 'Flyttet: ingen.' : `Flyttet${reason === null ? '' : ' (antallet deltakere krevde at verkstedgruppene og prosjektgruppene ble satt sammen på nytt)'}:`,
    moved: (m) =>
      [m.fromGroup !== m.toGroup ? `fra verkstedgruppe ${m.fromGroup} til ${m.toGroup}` : '', m.fromTeam !== m.toTeam ? `fra prosjektgruppe ${m.fromTeam} til ${m.toTeam}` : '']
        .filter((x) => x !== '')
        .join('; '),
    movedWhy: () => 'for å holde reglene for verkstedgrupper og prosjektgrupper (se summary.json)',
    emptyHead: 'Tomme plasser:',
    empty: (e) => `${e.body}: ${e.withdrawn === null ? 'en ledig plass' : `plassen til ${e.withdrawn}`} står tom; instansen har ingen reserver igjen å kalle inn`,
    ruleNotMet: (r) =>
      r.kind === 'quota'
        ? `Regel ikke oppfylt: ${r.where}: ${r.actual} av ${n(r.required, 'plass', 'plasser')} fylt etter endringen.`
        : `Regel ikke oppfylt: minst ${r.required} ${r.gender === 'male' ? 'menn' : 'kvinner'} i ${r.where}; ${r.actual} etter endringen.`,
    checkHead: 'Kontroll av den nye fordelingen:',
  },
  screen: {
    header: { body: 'nominert av', candidates: 'kandidater', eligible: 'kvalifiserte', ineligible: 'ikke kvalifisert', byReason: 'ikke kvalifisert etter årsak' },
    total: 'sum',
    noCell: '(ingen kvotecelle)',
    wrote: (file, rows) => `Skrev ${file} (${n(rows, 'rad', 'rader')}).`,
  },
  reasons: {
  too_young: (a) => `Under ${a} år`,
  missing_birth_date: () => 'Mangler fødselsdato',
  no_bachelor: () => 'Utdanning under kravet',
  missing_education: () => 'Mangler utdanning',
  too_little_experience: () => 'For kort arbeidserfaring',
  missing_experience: () => 'Mangler arbeidserfaring',
  nomination_cap: () => 'Over helseforetakets nominasjonstak',
  not_endorsed: () => 'Ikke forankret hos nærmeste leder',
  unknown_rhf: () => 'Ukjent RHF',
  no_quota_cell: () => 'Passer ingen kvotecelle',
  excluded: () => 'Utelatt av komiteen',
  },
  notes: NOTES,
  errors: {
    heading: (h) =>
      `cohort: ${h.summary ?? `${n(h.count, 'feil', 'feil')} ${h.subject === 'config' ? 'i programfilen' : 'i inndataene'}`} (${h.code}); ingenting er skrevet:`,
    more: (count) => `… og ${count} til`,
    where: (p) =>
      [
        p.file.startsWith('--') ? `Valget ${p.file}` : `Fil ${p.file}`,
        p.sheet === undefined ? '' : `ark «${p.sheet}»`,
        p.cell !== undefined ? `celle ${p.cell}` : p.line === undefined ? '' : `${p.unit === 'line' ? 'linje' : 'rad'} ${p.line}`,
        p.column === undefined ? '' : `kolonne «${p.column}»`,
      ]
        .filter((s) => s !== '')
        .join(', '),
    issue: (p) => ISSUE[p.kind](p as never),
    frameColumn: (p) => p?.kind !== 'missing_column' && !(p?.kind === 'lock' && p.problem === 'missing_column'),
    output: (p) => OUTPUT[p.kind](p as never),
  },
  lists: {
    bodyHeader: ['Status', 'Reservenr.', 'Søknadsnummer', 'Navn', 'Stilling', 'E-post', 'Virksomhet', 'Kjønn', 'Prioritet', 'Instans', 'Kjøringsdato', 'Loddtrekningsnøkkel'],
    admissionHeader: ['Søknadsnummer', 'Navn', 'Fødselsdato', 'E-post', 'Arbeidsgiver', 'Sektor', 'Stilling', 'Nominert av', 'Kjøringsdato', 'Loddtrekningsnøkkel'],
    admitted: 'tatt opp',
    reserve: 'reserve',
    sector: (s) => (s === 'kommune' ? 'Kommunehelsetjenesten' : s === 'spesialist' ? 'Spesialisthelsetjenesten' : ''),
    date: isoToNb,
    unknownSeed: 'ukjent',
    wrote: (n, dir) => `Skrev ${n} lister i ${dir}:`,
    wroteWorkbook: (p, n) => `Skrev ${p} med ${n} ark:`,
    bodyLine: (f, b, a, r) => `  ${f}: ${b}, ${a} tatt opp, ${r} ${r === 1 ? 'reserve' : 'reserver'}`,
    admissionLine: (f, a) => `  ${f}: BI, opptaksliste med ${a} deltakere`,
    run: (d, from, seed) => `Kjøring: ${isoToNb(d)}${from === 'file' ? ' (fordelingsfilens endringsdato)' : ''}, loddtrekningsnøkkel ${seed}.`,
    warning: 'advarsel',
    noSummary: (f) => `fant ingen summary.json fra samme kjøring ved siden av ${f}: seed står som «ukjent» (oppgi den med --seed)`,
    noEmail: 'fordelingen har ingen e-postkolonne fra søkerfilene: E-post står tom i listene',
    cannotList: 'kan ikke lage listene',
    noBody: 'deltaker eller reserve uten nominerende instans (verken kvotecelle, sektor eller RHF): rett raden eller kjør cohort allocate på nytt',
    badDate: (t) => `«${t}» er ikke en dato på formen åååå-mm-dd; skriv for eksempel 2026-04-20`,
  },
  previous: {
    thisRun: 'denne kjøringen',
    dryRun: 'Prøvekjøring (--dry-run): ingenting ble skrevet.',
    idsGone: (f, ids) => `${ids.length === 1 ? '1 søker' : `${ids.length} søkere`} i ${f} er ikke blant søkerne nå (${named(ids)}): endret søknadsnummer, eller trukket fra søkerfilene?`,
    idsChanged: (f, ids) =>
      `${ids.length === 1 ? '1 søknadsnummer' : `${ids.length} søknadsnumre`} i ${f} gjelder nå en annen person (både navn og fødselsdato er endret: ${named(ids)}): ` +
      'er søknadsnumrene endret? Disse holdes ikke på sin gamle plass.',
    otherPeople: (f, ids, n) =>
      `${ids.length} av ${n} søknadsnumre i ${f} som også er søkere nå, gjelder en annen person (både navn og fødselsdato er endret: ${named(ids)}): ` +
      'filen hører til en annen kjøring eller en annen nummerering av søkerne.',
    kept: (s, groups) =>
      `Stabil omkjøring: av ${s.participantsInBoth} deltakere som er med i begge, beholdt ${s.sameGroup} verkstedgruppen og ${s.sameTeam} prosjektgruppen. ` +
      `Verkstedgruppene: ${
        groups === 'proven'
          ? 'færrest mulig flyttet blant like gode løsninger (bevist)'
          : groups === 'unproven'
            ? 'ikke bevist færrest mulig flyttet (se tabellen over)'
            : 'som uten --previous, fordi gruppene nærmest de forrige ga dårligere prosjektgrupper, nummerert som de forrige'
      }; ` +
      'prosjektgruppene: flest mulig beholdt innenfor den beste sammensetningen av grupper (ikke bevist færrest mulig).',
    movesHead: 'Hvorfor de ble flyttet (det fordelingene viser):',
    move: (m) => {
      const part = m.part === 'group' ? 'verkstedgruppe' : 'prosjektgruppe';
      const head = m.instead === null ? `${m.id}: ${part} ${m.from} → ${m.to}` : `${m.id} (ny): ${part} ${m.to}, ikke ${m.instead}s ${part} ${m.from}`;
      const facts = m.facts.map((f) =>
        f.fact === 'locked'
          ? 'komiteens gruppelås'
          : f.fact === 'same_group'
            ? `${part} ${m.from} har ${f.with} fra samme verkstedgruppe`
            : f.fact === 'same_organisation'
              ? `${part} ${m.from} har ${f.with} fra samme virksomhet`
              : `plassen i ${part} ${m.from} gikk til ${listText(f.by, 'nb')}`,
      );
      return facts.length === 0 ? head : `${head}: ${facts.join('; ')}`;
    },
  },
  commands: {
    drewReport: (c) =>
      `Laget rapporten fra ${c.file} (${c.selected} tatt opp, ${c.reserve} på reservelisten, ${c.excluded} holdt utenfor av komiteen, ${c.ineligible} ikke kvalifisert` +
      `${c.overCap === 0 ? '' : `, av dem ${c.overCap} over nominasjonstaket`}).`,
    reportNotMet: (shown) => `En programregel er ikke oppfylt (avslutningskode 1): ${shown === 0 ? 'se' : `${shown} står i`} rapporten; cohort check viser alle funn.`,
    wroteTemplate: (file, columns, rows) => `Skrev ${file} (${n(columns, 'kolonne', 'kolonner')}, ${rows === 0 ? 'ingen eksempelrader' : n(rows, 'eksempelrad', 'eksempelrader')}).`,
    requestProblems: (count) => `${n(count, 'feil', 'feil')} i endringen du ba om`,
    timeLimit: (min, max) => `Skriv et antall sekunder fra ${formatNumber(min, 'nb')} til ${formatNumber(max, 'nb')}.`,
  },
  diff: {
    htmlLang: 'nb',
    comparing: (a, b) => `Endringer fra ${a} til ${b}`,
    equal: 'Ingen endringer: de to fordelingene er like.',
    tally: (c) => {
      const words: Record<(typeof CHANGE_KINDS)[number], string> = { in: 'inn', out: 'ut', moved: 'flyttet', status: 'annen statusendring', reserve_rank: 'ny reserveplass', data: 'endrede inndata' };
      return CHANGE_KINDS.filter((k) => c[k] > 0).map((k) => `${c[k]} ${words[k]}`).join(', ');
    },
    heading: {
      in: 'Inn i kullet',
      out: 'Ut av kullet',
      moved: 'Ny verkstedgruppe, ny prosjektgruppe eller ny kvotecelle',
      status: 'Andre endringer utenfor kullet',
      reserve_rank: 'Ny plass på reservelisten',
      data: 'Endrede inndata, ellers uendret',
    },
    status: (s, rank) => {
      if (s === null) return 'ikke blant søkerne';
      if (s === 'reserve') return rank === null ? 'reserve' : `reserve nr. ${rank}`;
      return { selected: 'deltaker', excluded: 'utelatt av komiteen', ineligible: 'ikke kvalifisert', over_cap: 'over nominasjonstaket', withdrawn: 'trukket' }[s];
    },
    place: (g, t) => [g === null ? null : `verkstedgruppe ${g}`, t === null ? null : `prosjektgruppe ${t}`].filter((x) => x !== null).join(', '),
    body: (cell) => bodyName(cell, 'KS (kommune)', 'ukjent kvotecelle'),
    reason: (code) => DIFF_REASONS[code] ?? code,
    before: 'før',
    now: 'nå',
    why: 'grunn',
    newCandidate: 'ny søker',
    columns: (names) => `endret: ${names.map((n) => CANDIDATE_COLUMNS[n as CanonicalColumn] ?? n).join(', ')}`,
    bodiesHeading: 'Plasser og kjønnsbalanse per instans',
    bodiesHeader: ['instans', 'deltakere', 'kvinner', 'menn', 'reserver'],
    moved: movedCount,
    cannotCompare: 'kan ikke sammenligne fordelingene',
    differentProgrammes: (fa, na, sa, nb, sb) => `gjelder «${nb}» (oppstart ${sb}), men ${fa} gjelder «${na}» (oppstart ${sa}): to ulike programmer eller år`,
    noCommonCandidate: (a) => `har ingen søker felles med ${a}: de ser ut til å gjelde ulike programmer eller år`,
    summaryIgnored: (s, why) => `${s} ble ikke brukt (${why === 'not valid JSON' ? 'ikke gyldig JSON' : 'ikke summary.json fra cohort allocate eller cohort replace'})`,
    summaryMismatch: (s, rows, file, n) => `${s} ble ikke brukt: den gjelder ${n} søkere, ${file} har ${rows} rader`,
    noSummary: (f) => `fant ingen summary.json ved siden av ${f}: programmet og året kan ikke kontrolleres`,
    wroteReport: (p) => `Skrev ${p}.`,
    warning: 'advarsel',
    pageTitle: 'endringer',
    eyebrow: 'Endringer mellom to fordelinger',
    oldFile: 'Før',
    newFile: 'Nå',
    verdictEqual: 'Ingen endringer',
    verdictChanges: (n) => (n === 1 ? '1 endring' : `${n} endringer`),
    stat: { in: 'inn', out: 'ut', moved: 'flyttet', status: 'andre statusendringer', reserve_rank: 'nye reserveplasser', data: 'endrede inndata' },
    bodiesIntro: 'Deltakere og reserver per nominerende instans (KS for kommunene, hvert RHF for sine helseforetak), og kjønnsbalansen blant deltakerne.',
    name: 'Navn',
    id: 'ID',
    cellCol: 'Instans',
    beforeCol: 'Før',
    afterCol: 'Nå',
    reasonsCol: 'Begrunnelse i ny kjøring',
    reasonsNote: 'Begrunnelsene fra beregningen står på engelsk.',
    noChanges: 'Ingen.',
    record: 'For protokollen',
    seed: 'Loddtrekningsnøkkel',
    unknown: 'ukjent',
    tool: (n, v) => `Laget med ${n} ${v}`,
    privacy: 'Filen inneholder personopplysninger. Den henter og sender ingenting, og kan åpnes uten nett.',
  },
  files: {
    candidateColumns: CANDIDATE_COLUMNS,
    columns: {
      id: 'ID',
      input_id: INPUT_ID,
      status: 'Status',
      cell: 'Kvotecelle',
      reserve_rank: 'Reserveplass',
      workshop_group: 'Verkstedgruppe',
      project_team: 'Prosjektgruppe',
      reasons: 'Begrunnelse',
      warnings: 'Advarsler',
      source_file: 'Kildefil',
      source_line: 'Kildelinje',
      kind: 'Gruppetype',
      number: 'Nummer',
      county: 'Fylke',
    },
    status: STATUS,
    kind: { workshop_group: 'verkstedgruppe', project_team: 'prosjektgruppe' },
    gender: { female: 'Kvinne', male: 'Mann', unknown: 'ukjent' },
    sector: { kommune: 'Kommunehelsetjenesten', spesialist: 'Spesialisthelsetjenesten' },
    education: { none: 'Ingen', fagskole: 'Fagskole', bachelor: 'Bachelor', master: 'Master', phd: 'Ph.d.' },
    yes: 'Ja',
    no: 'Nei',
    reason: (f) => REASON[f.code](f as never),
  },
  rules: {
    config: (o) => `Konfigurasjon: ${o.source === 'built-in' ? 'innebygd' : o.source} (SHA-256 ${o.sha256})`,
    start: (date) => `Oppstart: ${formatDate(date, 'nb')}`,
    seats: (n) => `Plasser: ${n}`,
    seatHeader: ['sektor', 'celle', 'plasser', 'min. per kjønn'],
    cellRule: (rule, minimum) =>
      rule === 'none' ? '– (ingen regel)' : rule === 'table' ? `${minimum} (tabell)` : 'share' in rule ? `${minimum} (${formatPercent(rule.share, 'nb')})` : `${minimum} (fast)`,
    wholeSector: '(hele sektoren)',
    total: 'sum',
    eligibility: 'Opptakskrav',
    age: (min, start, latest) =>
      min === 0
        ? 'Alder: ingen nedre grense.'
        : `Alder: minst ${min} år på oppstartsdagen ${formatDate(start, 'nb')}${latest === null ? '' : ` (født ${formatDate(latest, 'nb')} eller tidligere)`}.`,
    education: (min) =>
      min === 'none'
        ? 'Utdanning: ingen krav.'
        : `Utdanning: høyeste fullførte utdanning ${RULES_EDUCATION[min]} eller høyere (${RULES_EDUCATION_ORDER}).`,
    experience: (plain, master) =>
      plain === master
        ? `Arbeidserfaring: minst ${formatNumber(plain, 'nb')} år omregnet til heltid.`
        : `Arbeidserfaring: minst ${formatNumber(plain, 'nb')} år omregnet til heltid, eller ${formatNumber(master, 'nb')} år med mastergrad eller høyere.`,
    endorsement: (required) =>
      required
        ? 'Forankring hos nærmeste leder: påkrevd; «Nei» eller tom celle gjør søkeren ikke kvalifisert.'
        : 'Forankring hos nærmeste leder: ikke påkrevd; «Nei» gir en advarsel, tom celle godtas.',
    cap: (cap) =>
      cap === null
        ? 'Nominasjonstak: ingen; et helseforetak kan nominere så mange søkere det vil.'
        : `Nominasjonstak: høyst ${plural(cap, 'søker', 'søkere', 'nb')} per helseforetak, etter foretakets egen prioritering; de øvrige står over nominasjonstaket (egen status, ikke det samme som å ikke oppfylle opptakskravene).`,
    gender: 'Kjønnsbalanse (så langt de kvalifiserte søkerne gjør det mulig)',
    bodies: (table) => `Hver nominerende instans sin egen liste (kommunenes liste, hvert RHFs liste): hvert kjønn minst «min. per kjønn» i plasstabellen. Tabellregelen: ${genderTableText(table, { seats: 'plasser', more: 'flere', roundedUp: 'rundet opp' }, 'nb')}. En instans som ikke har nok kvalifiserte søkere av et kjønn, rapporteres for seg; det tas aldri igjen på en annen instans sin liste.`,
    cohortShare: (share, min, seats, rule) =>
      share === 0 ? 'Hele kullet: ingen minsteandel.' : `Hele kullet (${rule ? 'regel' : 'mål'}): hvert kjønn minst ${formatPercent(share, 'nb')} av plassene (${min} av ${seats}).`,
    sectorShare: (share, parts, rule) =>
      share === 0
        ? 'Hver sektor: ingen minsteandel.'
        : `Hver sektor (${rule ? 'regel' : 'mål'}): hvert kjønn minst ${formatPercent(share, 'nb')} av sektorens plasser (${parts.map((p) => `${p.sector} ${p.min} av ${p.seats}`).join(', ')}).`,
    across: (on) =>
      on
        ? 'Instansene er enige om å balansere kjønn på tvers av listene (gender.acrossBodies): andelene for kullet og for hver sektor er regler, og en instans sin høyere rangerte søker kan bli forbigått for dem; hvert slikt avvik vises.'
        : 'Andelene for kullet og for hver sektor er mål: de vises, med et forslag når de ikke nås; en instans sin rangering overstyres aldri på grunn av en annen instans sin liste uten at instansene er enige (gender.acrossBodies).',
    groups: (min, max, count, fewest, seats) =>
      `Verkstedgrupper: ${min === max ? String(min) : `${min}–${max}`} deltakere i hver; ` +
      (count === null ? `så få grupper som mulig (${fewest} for et fullt kull på ${seats}).` : `${plural(count, 'gruppe', 'grupper', 'nb')}, fastsatt i konfigurasjonen.`),
    teams: (k, s) => `Prosjektgrupper: ${k} fra kommunehelsetjenesten og ${s} fra spesialisthelsetjenesten i hver (${k + s} per gruppe).`,
    seed: (seed) => `Loddtrekningsnøkkel ved likt rangerte: ${JSON.stringify(seed)} (cohort allocate --seed overstyrer den).`,
  },
} satisfies Catalogue;
