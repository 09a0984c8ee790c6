/**
 * Every word of `cohort --help` and of commander's usage errors, in bokmål and English. `HELP_EN` declares the
 * keys (`HelpText`); `HELP_NB` must have every one of them (`satisfies`), so a text missing in one language
 * fails the typecheck. Option names, file names and values stay as typed (`--out`, `allocation.csv`, `nb`).
 */
import type { Lang } from '../domain/text.js';

interface Limits {
  min: number;
  max: number;
}

export interface HelpText {
  program: string;
  exitCodes: string;
  /** commander's own headings and words (help, version, choices, defaults). */
  words: {
    usage: string;
    options: string;
    arguments: string;
    commands: string;
    globalOptions: string;
    options_: string;
    command_: string;
    help: string;
    helpCommand: string;
    version: string;
    choices: string;
    default: string;
    examples: string;
    /** An option's or argument's placeholder as the help and usage errors show it (`<file>` → `<fil>`); absent: as declared. */
    placeholders: Readonly<Record<string, string>>;
  };
  common: {
    files: string;
    config: string;
    delimiter: string;
    encoding: string;
    sheet: string;
    json: string;
    force: string;
    candidates: string;
    candidateDelimiter: string;
    candidateEncoding: string;
    timeLimit: (l: Limits) => string;
    lang: string;
  };
  screen: { description: string; out: string; examples: string };
  allocate: {
    description: string;
    out: string;
    seed: string;
    include: string;
    exclude: string;
    locks: string;
    report: string;
    previous: string;
    dryRun: string;
    verbose: string;
    format: string;
    missingOut: string;
    examples: string;
  };
  template: { description: string; lang: string; delimiter: string; example: string; out: string; force: string; after: string; examples: string };
  rules: { description: string; json: string; examples: string };
  check: {
    description: string;
    allocation: string;
    strict: string;
    include: string;
    exclude: string;
    locks: string;
    json: string;
    after: string;
    examples: string;
  };
  replace: {
    description: string;
    allocation: string;
    withdraw: string;
    add: string;
    out: string;
    seed: string;
    timeLimit: (l: Limits) => string;
    locks: string;
    report: string;
    after: string;
    examples: string;
  };
  report: { description: string; allocation: string; output: string; locks: string; force: string; after: string; examples: string };
  diff: { description: string; old: string; new: string; encoding: string; json: string; report: string; force: string; after: string; examples: string };
  lists: {
    description: string;
    allocation: string;
    out: string;
    encoding: string;
    delimiter: string;
    seed: string;
    date: string;
    force: string;
    format: string;
    examples: string;
  };
}

export const HELP_EN: HelpText = {
  program:
    'Admissions for the national top-leader programme for municipal and specialist health services:\nread candidate spreadsheets, screen eligibility, select the cohort, form workshop groups and project teams.',
  exitCodes: `Exit codes:
  0  success: the run worked and every programme rule is met
  1  the run worked and wrote its output, but a programme rule is not met
     (a quota seat unfilled, a gender rule the candidates cannot meet, a relaxed group rule)
  2  usage error (unknown option, missing argument)
  3  invalid input data or programme config; nothing was written
  4  internal error (a bug): please report it with the printed stack
  5  no result within the time limit: no solver found a solution within --time-limit;
     nothing was written (the message suggests a longer limit)`,
  words: {
    usage: 'Usage:',
    options: 'Options:',
    arguments: 'Arguments:',
    commands: 'Commands:',
    globalOptions: 'Global Options:',
    options_: '[options]',
    command_: '[command]',
    help: 'display help for command',
    helpCommand: 'display help for command',
    version: 'output the version number',
    choices: 'choices',
    default: 'default',
    examples: 'Examples:',
    placeholders: {},
  },
  common: {
    files: 'candidate CSV files (e.g. one from KS and one per RHF)',
    config: 'programme config JSON (default: the built-in programme)',
    delimiter: 'CSV delimiter for input and output (default: input detected from the header line; output ; in bokmål or for Norwegian headers, else as the input)',
    encoding: 'input encoding',
    sheet: 'the sheet to read in .xlsx/.ods candidate files (default: the first visible sheet)',
    json: 'print the machine-readable summary as the only thing on stdout',
    force: 'overwrite existing output files',
    candidates: 'the candidate CSV files the allocation was made from',
    candidateDelimiter: 'CSV delimiter of the candidate files (default: detected from the header line)',
    candidateEncoding: 'encoding of the candidate files',
    timeLimit: (l) => `hard deadline per solver attempt, in seconds (${l.min} to ${l.max})`,
    lang: 'language of everything a person reads: nb (bokmål) or en (default: LC_ALL, LC_MESSAGES or LANG, else the system locale; Norwegian → nb, other → en)',
  },
  screen: {
    description: 'read candidate CSVs and screen eligibility; writes screening.csv',
    out: 'output directory',
    examples: '  cohort screen kandidater/*.csv --out screening',
  },
  allocate: {
    description: 'screen, select the cohort, form workshop groups and project teams; writes allocation.csv, groups.csv, summary.json',
    out: 'output directory (required unless --dry-run)',
    seed: "lottery seed for ties (default: the programme config's seed; recorded in summary.json)",
    include: 'comma-separated candidate ids the committee forces in',
    exclude: 'comma-separated candidate ids the committee forces out',
    locks: "the committee's decisions as CSV: columns rule,id,other; rules include, exclude, group (other = group number), apart, together (other = an id)",
    report: 'also write a self-contained HTML report for the committee, e.g. OUT/report.html (checked, like the other files, before anything is written)',
    previous: 'an earlier allocation (.csv or .xlsx) of the same programme year: print (and record in summary.json) what changed since',
    dryRun: 'compute and print the summary (and the changes since --previous), write nothing',
    verbose: 'add the solver detail to the summary: the seed, the group table, each stage\'s solver, objective, bound and gap',
    format:
      'csv: allocation.csv, groups.csv, summary.json; xlsx: allocation.xlsx (overview, allocation, admitted, reserves, not eligible, over the cap, groups, teams, one sheet per nominating body) and summary.json; an --out name ending in .xlsx writes only that workbook',
    missingOut: "error: required option '-o, --out <dir>' not specified (or --dry-run to write nothing)",
    examples: `  cohort allocate kandidater/*.csv --out tildeling --report tildeling/rapport.html
  cohort allocate kandidater/*.csv --locks vedtak.csv --out tildeling --force
  cohort allocate kandidater/*.csv --previous utkast/allocation.csv --dry-run`,
  },
  template: {
    description: 'print an empty candidates CSV with every recognised column, for setting up the form',
    lang: 'header language and value forms: nb (Norwegian labels, 31.12.1980, 4,5, Ja) or en (canonical names, 1980-12-31, 4.5, yes)',
    delimiter: 'CSV delimiter (default: ; for nb, as Norwegian Excel expects; , for en)',
    example: 'add one example row per sector with fake data (ids EKSEMPEL-1, EKSEMPEL-2 / EXAMPLE-1, EXAMPLE-2)',
    out: 'write the template to this file, UTF-8 with a BOM for Excel (default: print to stdout, no BOM)',
    force: 'overwrite the --out file if it exists',
    after: 'A header-only template is a valid candidates file: cohort screen reads it as 0 candidates.',
    examples: '  cohort template --lang nb --example --out kandidater-mal.csv',
  },
  rules: {
    description: 'print the active programme rules in words (seats, eligibility, gender rules, groups, teams, seed)',
    json: 'print { schemaVersion, command, source, sha256, programme } as the only thing on stdout',
    examples: '  cohort rules\n  cohort rules --config program-2027.json --json',
  },
  check: {
    description: 'check an allocation.csv (possibly edited by hand and re-saved by Excel) against every programme rule; writes nothing',
    allocation: 'the allocation.csv to check (its delimiter and encoding are detected)',
    strict: 'treat justified envy (a better-ranked candidate passed over) as an error, not a warning',
    include: 'comma-separated candidate ids the committee forced in (as given to allocate)',
    exclude: 'comma-separated candidate ids the committee forced out (rows with status excluded count too)',
    locks: "the committee's decisions file, as given to allocate --locks (group locks are checked too)",
    json: 'print the check report as one JSON document, the only thing on stdout',
    after: 'Exit code 0: every rule is met; 1: a rule is not met (each finding is printed); 3: unreadable files, ids that\nare not candidates, candidates without a row in the allocation.',
    examples: '  cohort check --candidates kandidater/*.csv --allocation tildeling/allocation.csv',
  },
  replace: {
    description:
      'withdraw participants or reserves from an allocation.csv and fill their seats from the reserves, moving as few people as possible; writes allocation.csv, groups.csv, summary.json',
    allocation: 'the current allocation.csv (as allocate or replace wrote it; its delimiter and encoding are detected)',
    withdraw: 'comma-separated ids of participants or reserves who withdraw',
    add: 'comma-separated ids of reserves the committee brings in; each takes a seat freed in its own quota cell',
    out: 'output directory',
    seed: "lottery seed for reserves without a rank and for re-forming groups (default: the programme config's seed)",
    timeLimit: (l) => `hard deadline per solver attempt, in seconds (${l.min} to ${l.max}; used only if groups and teams must be re-formed)`,
    locks: "the committee's decisions file, as given to allocate --locks: group and team locks are held",
    report: 'also write a self-contained HTML report of the new allocation, e.g. OUT/report.html',
    after:
      'Each withdrawn participant\'s seat goes to the next reserve of the same quota cell (or to a reserve of the needed\ngender when the next one would break a gender rule the allocation met), in the same workshop group and project\nteam when the rules allow; otherwise as few participants as possible change group, then team. Withdrawn rows stay\nin allocation.csv with status "withdrawn". Exit code 1 when a seat stays empty or a rule cannot be kept.',
    examples: '  cohort replace --candidates kandidater/*.csv --allocation tildeling/allocation.csv --withdraw TLP-0042 --out ny-tildeling',
  },
  report: {
    description: 'draw the self-contained HTML report (as allocate --report writes it) from an existing allocation.csv, possibly edited by hand',
    allocation: 'the allocation.csv to draw (its delimiter and encoding are detected)',
    output: 'the HTML report to write, e.g. report.html',
    locks: "the committee's decisions file, as given to allocate --locks (checked as by cohort check --locks)",
    force: 'overwrite an existing report file',
    after:
      'The rules are judged as cohort check judges them. Exit code 0: every rule is met; 1: a rule is not met (the\nreport is written and shows it); 3: unreadable files, ids that are not candidates, an existing report without --force.',
    examples: '  cohort report --candidates kandidater/*.csv --allocation tildeling/allocation.csv --output rapport.html',
  },
  diff: {
    description:
      "compare two allocation.csv files of the same programme year: who came in, who went out and why, who changed group or team, each body's seats and gender balance; writes nothing unless --report",
    old: 'the earlier allocation (.csv or .xlsx; e.g. the draft sent out)',
    new: 'the later allocation (.csv or .xlsx)',
    encoding: 'encoding of both files',
    json: 'print the changes as one JSON document, the only thing on stdout',
    report: 'also write the changes as a self-contained HTML page, e.g. diff.html',
    force: 'overwrite an existing --report file',
    after:
      'Exit code 0: the allocations are equal; 1: they differ; 2: bad input (an unreadable file, two allocations of\ndifferent programmes or years, an existing --report without --force; nothing is written); 4: internal error.',
    examples: '  cohort diff utkast/allocation.csv tildeling/allocation.csv --report endringer.html',
  },
  lists: {
    description:
      "write the lists after the meeting: for KS and each RHF its admitted and reserves with rank and contact, for BI the admission list; CSV, each row with the run's date and seed",
    allocation: 'the allocation.csv or allocation.xlsx (as allocate or replace wrote it, or edited by hand; its dialect is detected)',
    out: 'output directory for ks.csv, helse-sor-ost.csv, …, bi.csv (or lists.xlsx)',
    encoding: 'encoding of the allocation',
    delimiter: "CSV delimiter of the lists (default: ; in bokmål, else the allocation's)",
    seed: "the run's seed (default: from the summary.json beside the allocation)",
    date: "the run's date (default: the allocation file's modification date)",
    force: 'overwrite existing lists',
    format:
      'csv: one file per body and bi.csv; xlsx: one workbook lists.xlsx, a sheet per body and one for BI (default: xlsx when the allocation is a workbook, else csv)',
    examples: '  cohort lists --allocation tildeling/allocation.csv --out lister',
  },
};

export const HELP_NB = {
  program:
    'Opptak til Felles topplederprogram for kommune- og spesialisthelsetjenesten:\nles kandidatregneark, vurder opptakskravene, velg kullet, sett sammen verkstedgrupper og prosjektgrupper.',
  exitCodes: `Avslutningskoder:
  0  vellykket: kjøringen gikk bra og alle regler i programmet er oppfylt
  1  kjøringen gikk bra og filene er skrevet, men en regel er ikke oppfylt
     (en plass står tom, en kjønnsregel kandidatene ikke kan oppfylle, en lempet grupperegel)
  2  feil bruk (ukjent valg, manglende argument)
  3  ugyldige inndata eller programfil; ingenting ble skrevet
  4  intern feil (en programfeil): meld den gjerne, med utskriften
  5  intet resultat innen tidsgrensen: ingen løser fant en løsning innen --time-limit;
     ingenting ble skrevet (meldingen foreslår en lengre grense)`,
  words: {
    usage: 'Bruk:',
    options: 'Valg:',
    arguments: 'Argumenter:',
    commands: 'Kommandoer:',
    globalOptions: 'Felles valg:',
    options_: '[valg]',
    command_: '[kommando]',
    help: 'vis hjelp for kommandoen',
    helpCommand: 'vis hjelp for en kommando',
    version: 'vis versjonsnummeret',
    choices: 'mulige verdier',
    default: 'standard',
    examples: 'Eksempler:',
    placeholders: {
      '<file>': '<fil>',
      '<files...>': '<filer...>',
      '<char>': '<tegn>',
      '<dir>': '<mappe>',
      '<ids>': '<id-er>',
      '<lang>': '<språk>',
      '<name>': '<navn>',
      '<new>': '<ny>',
      '<old>': '<gammel>',
      '<number>': '<nummer>',
      '<seconds>': '<sekunder>',
      '<text>': '<tekst>',
      '<format>': '<format>',
      '<yyyy-mm-dd>': '<åååå-mm-dd>',
      '[lang]': '[språk]',
      '[number]': '[nummer]',
      '[title]': '[tittel]',
      '[options]': '[valg]',
      '[command]': '[kommando]',
    },
  },
  common: {
    files: 'kandidatfilene (CSV eller .xlsx; for eksempel én fra KS og én per RHF)',
    config: 'programfil (JSON) (standard: det innebygde programmet)',
    delimiter: 'skilletegn i CSV for inn- og utdata (standard: inndata som i overskriftslinjen; utdata ; på bokmål eller med norske overskrifter, ellers som inndata)',
    encoding: 'tegnkoding for inndata',
    sheet: 'arket som skal leses i .xlsx/.ods-filer (standard: det første synlige arket)',
    json: 'skriv bare det maskinlesbare sammendraget (JSON) til stdout',
    force: 'overskriv eksisterende utdatafiler',
    candidates: 'kandidatfilene tildelingen ble laget fra',
    candidateDelimiter: 'skilletegn i kandidatfilene (standard: som i overskriftslinjen)',
    candidateEncoding: 'tegnkoding i kandidatfilene',
    timeLimit: (l) => `tidsgrense per løserforsøk, i sekunder (${formatNb(l.min)} til ${formatNb(l.max)})`,
    lang: 'språk for alt som skal leses: nb (bokmål) eller en (engelsk) (standard: LC_ALL, LC_MESSAGES eller LANG, ellers systemets språk; norsk → nb, annet → en)',
  },
  screen: {
    description: 'les kandidatfilene og vurder opptakskravene; skriver screening.csv',
    out: 'mappe for utdata',
    examples: '  cohort screen kandidater/*.csv --out vurdering',
  },
  allocate: {
    description: 'vurder opptakskravene, velg kullet, sett sammen verkstedgrupper og prosjektgrupper; skriver allocation.csv, groups.csv og summary.json',
    out: 'mappe for utdata (påkrevd uten --dry-run)',
    seed: 'loddtrekningsfrø for likt rangerte (standard: programfilens frø; lagres i summary.json)',
    include: 'kandidat-id-er komiteen tar inn, skilt med komma',
    exclude: 'kandidat-id-er komiteen holder utenfor, skilt med komma',
    locks: 'komiteens vedtak som CSV: kolonnene regel,id,annen; reglene inkluder, ekskluder, gruppe (annen = gruppenummer), adskilt, sammen (annen = en id)',
    report: 'skriv også en HTML-rapport for komiteen, for eksempel UT/rapport.html (kontrolleres, som de andre filene, før noe skrives)',
    previous: 'en tidligere tildeling (.csv eller .xlsx) for samme programår: vis (og lagre i summary.json) hva som er endret siden',
    dryRun: 'beregn og vis sammendraget (og endringene siden --previous), men skriv ingenting',
    verbose: 'vis også løserdetaljene: loddtrekningsnøkkelen, gruppetabellen og hvert trinns løser, målverdi, grense og avstand',
    format:
      'csv: allocation.csv, groups.csv, summary.json; xlsx: allocation.xlsx (oversikt, tildeling, tatt opp, reserver, ikke kvalifisert, over nominasjonstaket, grupper, prosjektgrupper, ett ark per nominerende instans) og summary.json; et --out-navn som slutter på .xlsx skriver bare arbeidsboken',
    missingOut: "feil: valget '-o, --out <mappe>' mangler (eller bruk --dry-run for ikke å skrive noe)",
    examples: `  cohort allocate kandidater/*.csv --out tildeling --report tildeling/rapport.html
  cohort allocate kandidater/*.csv --locks vedtak.csv --out tildeling --force
  cohort allocate kandidater/*.csv --previous utkast/allocation.csv --dry-run`,
  },
  template: {
    description: 'skriv en tom kandidatfil (CSV) med alle kolonnene verktøyet kjenner, til å sette opp skjemaet',
    lang: 'språk for overskrifter og verdier: nb (norske navn, 31.12.1980, 4,5, Ja) eller en (engelske navn, 1980-12-31, 4.5, yes)',
    delimiter: 'skilletegn (standard: ; for nb, slik norsk Excel forventer; , for en)',
    example: 'legg til én eksempelrad per sektor med oppdiktede data (id-ene EKSEMPEL-1, EKSEMPEL-2 / EXAMPLE-1, EXAMPLE-2)',
    out: 'skriv malen til denne filen, UTF-8 med BOM for Excel (standard: skriv til stdout, uten BOM)',
    force: 'overskriv --out-filen hvis den finnes',
    after: 'En mal med bare overskrifter er en gyldig kandidatfil: cohort screen leser den som 0 kandidater.',
    examples: '  cohort template --lang nb --example --out kandidater-mal.csv',
  },
  rules: {
    description: 'vis programmets regler i ord (plasser, opptakskrav, kjønnsregler, grupper, prosjektgrupper, frø)',
    json: 'skriv bare { schemaVersion, command, source, sha256, programme } til stdout',
    examples: '  cohort rules\n  cohort rules --config program-2027.json --json',
  },
  check: {
    description: 'kontroller en allocation.csv (kanskje endret for hånd og lagret på nytt i Excel) mot alle reglene i programmet; skriver ingenting',
    allocation: 'allocation.csv som skal kontrolleres (skilletegn og tegnkoding finnes automatisk)',
    strict: 'regn en bedre rangert kandidat som er forbigått, som en feil og ikke bare en advarsel',
    include: 'kandidat-id-er komiteen tok inn (som gitt til allocate), skilt med komma',
    exclude: 'kandidat-id-er komiteen holdt utenfor (rader med status «ekskludert» eller «excluded» teller også), skilt med komma',
    locks: 'komiteens vedtaksfil, som gitt til allocate --locks (gruppelåser kontrolleres også)',
    json: 'skriv bare kontrollrapporten (JSON) til stdout',
    after:
      'Avslutningskode 0: alle regler er oppfylt; 1: en regel er ikke oppfylt (hvert funn vises); 3: filer som ikke kan\nleses, id-er som ikke er kandidater, kandidater uten rad i tildelingen.',
    examples: '  cohort check --candidates kandidater/*.csv --allocation tildeling/allocation.csv',
  },
  replace: {
    description:
      'trekk deltakere eller reserver fra en allocation.csv og fyll plassene fra reservelistene, med så få flyttinger som mulig; skriver allocation.csv, groups.csv og summary.json',
    allocation: 'gjeldende allocation.csv (slik allocate eller replace skrev den; skilletegn og tegnkoding finnes automatisk)',
    withdraw: 'id-er for deltakere eller reserver som trekker seg, skilt med komma',
    add: 'id-er for reserver komiteen tar inn, skilt med komma; hver tar en ledig plass i sin egen kvote',
    out: 'mappe for utdata',
    seed: 'loddtrekningsfrø for urangerte reserver og for nye grupper (standard: programfilens frø)',
    timeLimit: (l) => `tidsgrense per løserforsøk, i sekunder (${formatNb(l.min)} til ${formatNb(l.max)}; brukes bare hvis grupper og prosjektgrupper må settes sammen på nytt)`,
    locks: 'komiteens vedtaksfil, som gitt til allocate --locks: gruppe- og prosjektgruppelåser holdes',
    report: 'skriv også en HTML-rapport for den nye tildelingen, for eksempel UT/rapport.html',
    after:
      'Plassen til en deltaker som trekker seg, går til neste reserve i samme kvote (eller til en reserve av kjønnet som\ntrengs, når den neste ville bryte en kjønnsregel tildelingen oppfylte), i samme verkstedgruppe og prosjektgruppe når\nreglene tillater det; ellers bytter så få deltakere som mulig gruppe, deretter prosjektgruppe. Rader for dem som\ntrekker seg, blir stående i allocation.csv med status «trukket» (i en engelsk fil «withdrawn»). Avslutningskode 1 når en plass står tom eller en\nregel ikke kan holdes.',
    examples: '  cohort replace --candidates kandidater/*.csv --allocation tildeling/allocation.csv --withdraw TLP-0042 --out ny-tildeling',
  },
  report: {
    description: 'lag HTML-rapporten (som allocate --report skriver den) fra en eksisterende allocation.csv, også en som er endret for hånd',
    allocation: 'allocation.csv som skal vises (skilletegn og tegnkoding finnes automatisk)',
    output: 'HTML-rapporten som skal skrives, for eksempel rapport.html',
    locks: 'komiteens vedtaksfil, som gitt til allocate --locks (kontrolleres som av cohort check --locks)',
    force: 'overskriv en eksisterende rapportfil',
    after:
      'Reglene vurderes slik cohort check vurderer dem. Avslutningskode 0: alle regler er oppfylt; 1: en regel er ikke\noppfylt (rapporten skrives og viser det); 3: filer som ikke kan leses, id-er som ikke er kandidater, en rapportfil som\nfinnes fra før, uten --force.',
    examples: '  cohort report --candidates kandidater/*.csv --allocation tildeling/allocation.csv --output rapport.html',
  },
  diff: {
    description:
      'sammenlign to tildelinger for samme programår: hvem som kom inn, hvem som gikk ut og hvorfor, hvem som byttet gruppe eller prosjektgruppe, hver instans\' plasser og kjønnsbalanse; skriver ingenting uten --report',
    old: 'den tidligere tildelingen (.csv eller .xlsx; for eksempel utkastet som ble sendt ut)',
    new: 'den senere tildelingen (.csv eller .xlsx)',
    encoding: 'tegnkoding for begge filene',
    json: 'skriv bare endringene (JSON) til stdout',
    report: 'skriv også endringene som en HTML-side, for eksempel endringer.html',
    force: 'overskriv en eksisterende --report-fil',
    after:
      'Avslutningskode 0: tildelingene er like; 1: de er ulike; 2: feil i inndata (en fil som ikke kan leses, tildelinger\nfor ulike programmer eller år, en --report-fil som finnes fra før, uten --force; ingenting skrives); 4: intern feil.',
    examples: '  cohort diff utkast/allocation.csv tildeling/allocation.csv --report endringer.html',
  },
  lists: {
    description:
      'skriv listene etter opptaksmøtet: for KS og hvert RHF de som er tatt opp og reservene, med rangering og kontaktinformasjon, og for BI opptakslisten; hver rad med kjøringens dato og frø',
    allocation: 'allocation.csv eller allocation.xlsx (slik allocate eller replace skrev den, eller endret for hånd; formatet finnes automatisk)',
    out: 'mappe for ks.csv, helse-sor-ost.csv, …, bi.csv (eller lists.xlsx)',
    encoding: 'tegnkoding for tildelingen',
    delimiter: 'skilletegn i listene (standard: ; på bokmål, ellers som i tildelingen)',
    seed: 'kjøringens frø (standard: fra summary.json ved siden av tildelingen)',
    date: 'kjøringens dato (standard: datoen tildelingsfilen sist ble endret)',
    force: 'overskriv eksisterende lister',
    format: 'csv: én fil per instans og bi.csv; xlsx: én arbeidsbok lists.xlsx med ett ark per instans og ett for BI (standard: xlsx når tildelingen er en arbeidsbok, ellers csv)',
    examples: '  cohort lists --allocation tildeling/allocation.csv --out lister',
  },
} satisfies HelpText;

function formatNb(n: number): string {
  return String(n).replace('.', ',');
}

export const HELP: Readonly<Record<Lang, HelpText>> = { nb: HELP_NB, en: HELP_EN };

/**
 * commander's usage errors in bokmål (its messages are English and not configurable one by one). A message this
 * table does not know is kept as commander wrote it.
 */
const COMMANDER_ERRORS_NB: ReadonlyArray<readonly [RegExp, string]> = [
  [/^error: unknown option '(.*)'$/m, "feil: ukjent valg '$1'"],
  [/^error: unknown command '(.*)'$/m, "feil: ukjent kommando '$1'"],
  [/^error: missing required argument '(.*)'$/m, "feil: argumentet '$1' mangler"],
  [/^error: required option '(.*)' not specified$/m, "feil: valget '$1' mangler"],
  [/^error: option '(.*)' argument missing$/m, "feil: valget '$1' mangler en verdi"],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/m, "feil: valget '$1' har ugyldig verdi '$2'. Tillatte verdier er $3."],
  [/^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/m, "feil: valget '$1' har ugyldig verdi '$2'. $3"],
  [/^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/m, "feil: for mange argumenter til '$1': ventet $2, fikk $3."],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/m, 'feil: for mange argumenter: ventet $1, fikk $2.'],
  [/^error: option '(.*)' cannot be used with option '(.*)'$/m, "feil: valget '$1' kan ikke brukes sammen med '$2'"],
  [/\(Did you mean (.*)\?\)/, '(Mente du $1?)'],
];

export function translateCommanderError(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return placeholdersIn(COMMANDER_ERRORS_NB.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text), HELP[lang]);
}

/** Every `<placeholder>` and `[placeholder]` of `text` as `h` names it. */
export function placeholdersIn(text: string, h: HelpText): string {
  return text.replace(/<[a-z.-]+>|\[[a-z.-]+\]/g, (p) => h.words.placeholders[p] ?? p);
}
