/**
 * Candidate ids as the tool compares them. An id is typed, copied and pasted between spreadsheets, and a copy
 * can carry what the eye does not see: a zero-width space, a soft hyphen, a no-break space, a decomposed `ø`.
 * Two cells that look alike must be one id (so a copied row is a duplicate, not a second person), and every
 * place that names an id (candidate files, a locks file, `--include`/`--exclude`/`--withdraw`/`--add`, an
 * allocation file) must read it the same way, so that they still match. Pure.
 */
import { escapeControls } from './escape.js';

/** Invisible characters: format characters (`Cf`: zero-width space, joiners, soft hyphen, bidi controls, BOM) and the other default-ignorables (variation selectors, Hangul fillers). */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** Any run of Unicode white space (no-break, thin, ideographic spaces, tabs, line breaks). */
const SPACES = /\s+/gu;
/** Controls left after white space is folded (ESC, DEL, the C1 range): never part of an id. */
const CONTROL = /\p{Cc}/u;

export type IdResult =
  /** `id` is the comparison form; `changed` when it is not the trimmed cell (invisibles removed, composed, spaces folded). */
  | { ok: true; id: string; changed: boolean }
  /** `expected` completes "expected a candidate id …" for a located message; `id` is what was left. */
  | { ok: false; id: string; problem: 'blank' | 'invisible_only' | 'control'; expected: string };

/**
 * The id a cell names: invisible characters removed, Unicode NFC (a precomposed `ø` equals `o` + combining
 * stroke), every run of white space one ASCII space, trimmed. Refused: an id of nothing but invisible characters,
 * and an id with a control character (ESC, DEL, C1). A blank cell is `blank` (the caller decides whether a blank
 * is allowed).
 */
export function normaliseId(text: string): IdResult {
  const id = text.replace(INVISIBLE, '').normalize('NFC').replace(SPACES, ' ').trim();
  if (id === '') {
    if (text.trim() === '') return { ok: false, id, problem: 'blank', expected: 'got a blank cell' };
    return { ok: false, id, problem: 'invisible_only', expected: `got only invisible characters ("${escapeControls(text)}")` };
  }
  const control = CONTROL.exec(id);
  if (control !== null) {
    const cp = (control[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, id, problem: 'control', expected: `got "${escapeControls(cutForMessage(text))}", which holds the control character U+${cp}` };
  }
  return { ok: true, id, changed: id !== text.trim() };
}

/** The comparison form of an id named outside a table (an option value, a lock); unusable ids stay as typed so that they are reported as unknown. */
export function idKey(text: string): string {
  const r = normaliseId(text);
  return r.ok ? r.id : text;
}

const MAX_SHOWN = 60;

function cutForMessage(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}
