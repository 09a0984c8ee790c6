/**
 * The words `allocate --dry-run` and `allocate --previous` add to allocate's output, in bokmål and English (the
 * diff itself is worded by src/diff/messages.ts). One interface, so a text missing in one language fails the build.
 */
import type { DiffLang } from '../diff/messages.js';

export interface PreviousMessages {
  /** How the new run is named where a file name would stand. */
  thisRun: string;
  dryRun: string;
  /** Ids of the previous allocation that are not candidates any more (ids only, at most a few named). */
  idsGone: (file: string, ids: readonly string[]) => string;
  /** Ids in both whose name and birth date both differ: the id now names someone else (ids only). */
  idsChanged: (file: string, ids: readonly string[]) => string;
  /** Most ids in both name someone else: the previous file is not a draft of this run (refused). */
  otherPeople: (file: string, ids: readonly string[], inBoth: number) => string;
  /**
   * What the stable rerun kept. `groups`: `proven` the workshop-group stage proved the fewest moved (with its
   * keep-in-place level), `unproven` it did not, `plain` the groups are those of a run without --previous (the ones
   * kept closest gave worse project teams), numbered like the previous ones.
   */
  kept: (s: { participantsInBoth: number; sameGroup: number; sameTeam: number }, groups: 'proven' | 'unproven' | 'plain') => string;
}

const named = (ids: readonly string[]): string => (ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} …`);

const NB: PreviousMessages = {
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
    `Stabil omkjøring: av ${s.participantsInBoth} deltakere som er med i begge, beholdt ${s.sameGroup} verkstedgruppen og ${s.sameTeam} prosjektteamet. ` +
    `Verkstedgruppene: ${
      groups === 'proven'
        ? 'færrest mulig flyttet blant like gode løsninger (bevist)'
        : groups === 'unproven'
          ? 'ikke bevist færrest mulig flyttet (se tabellen over)'
          : 'som uten --previous, fordi gruppene nærmest de forrige ga dårligere prosjektteam, nummerert som de forrige'
    }; ` +
    'prosjektteamene: flest mulig beholdt innenfor den beste teamsammensetningen (ikke bevist færrest mulig).',
};

const EN: PreviousMessages = {
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
};

export const PREVIOUS_MESSAGES: Readonly<Record<DiffLang, PreviousMessages>> = { nb: NB, en: EN };
