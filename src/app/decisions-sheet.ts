/**
 * The committee's decisions as a workbook sheet (`--format xlsx`). The reason is written as typed: every text cell
 * of the workbook writer is an inline string, never a formula, whatever it starts with (`=`, `+`, `-`, `@`).
 */
import type { XCell, XColumn } from '../io/xlsx-write.js';
import type { DecisionRecord } from './decisions.js';

const HEADERS = {
  nb: ['Vedtak', 'Søknadsnummer', 'Annen', 'Gruppe', 'Begrunnelse', 'Kilde', 'Linje', 'Fulgt', 'Hvorfor ikke'],
  en: ['rule', 'id', 'other', 'group', 'reason', 'source', 'line', 'obeyed', 'why'],
} as const;

const RULES_NB: Readonly<Record<DecisionRecord['rule'], string>> = { include: 'inkluder', exclude: 'ekskluder', group: 'gruppe', apart: 'adskilt', together: 'sammen' };

export function decisionColumns(lang: 'nb' | 'en'): XColumn[] {
  return HEADERS[lang].map((header, i) => ({ header, kind: i === 3 || i === 6 ? 'number' : 'text' }));
}

export function decisionRows(decisions: readonly DecisionRecord[], lang: 'nb' | 'en'): XCell[][] {
  const yes = lang === 'nb' ? 'Ja' : 'Yes';
  const no = lang === 'nb' ? 'Nei' : 'No';
  return decisions.map((d) => [lang === 'nb' ? RULES_NB[d.rule] : d.rule, d.id, d.other, d.group, d.reason, d.source.file, d.source.line, d.obeyed ? yes : no, d.why]);
}
