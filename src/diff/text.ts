/**
 * The diff as terminal text: ids, quota cells, statuses, places and reason codes in words. Never names, birth
 * dates or the reasons' details (ages): those stay in the files. Pure.
 */
import type { AllocationDiff, PersonChange, Place } from './diff.js';
import { CHANGE_KINDS, type DiffWords } from '../domain/i18n/catalogue.js';

/** A plain-text table; every column left-aligned, two spaces apart. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: readonly string[]) => r.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...c].length))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].map((l) => `  ${l}`).join('\n') + '\n';
}

/** A place in words; the quota cell is named when it differs from the other side's. */
export function placeText(m: DiffWords, p: Place | null, other: Place | null): string {
  if (p === null) return m.status(null, null);
  const body = other !== null && other.cell !== p.cell ? `${m.body(p.cell)}: ` : '';
  if (p.status === 'selected') {
    const place = m.place(p.workshopGroup, p.projectTeam);
    return body + (place === '' ? m.status('selected', null) : place);
  }
  return body + m.status(p.status, p.reserveRank);
}

function why(m: DiffWords, c: PersonChange): string {
  const parts: string[] = [];
  if (c.kind === 'in' || c.kind === 'out' || c.kind === 'status') parts.push([...new Set(c.reasons)].map(m.reason).join(', '));
  if (c.columnsChanged.length > 0) parts.push(m.columns(c.columnsChanged));
  return parts.filter((p) => p !== '').join('; ');
}

/** The readable diff: a tally line, one table per kind of change, then the bodies' seats and gender balance. */
export function diffText(diff: AllocationDiff, m: DiffWords, oldFile: string, newFile: string): string {
  const parts: string[] = [`${m.comparing(oldFile, newFile)}: ${diff.equal ? m.equal : `${m.tally(diff.counts)}.`}\n`];
  for (const kind of CHANGE_KINDS) {
    const changes = diff.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) continue;
    parts.push(`\n${m.heading[kind]} (${changes.length})\n`);
    const rows = changes.map((c) => [c.id, m.body(c.kind === 'out' ? (c.old?.cell ?? null) : (c.new?.cell ?? c.old?.cell ?? null)), c.old === null ? m.newCandidate : placeText(m, c.old, c.new), placeText(m, c.new, c.old), why(m, c)]);
    // A column with nothing in it (no reasons for moves within the cohort) is left out.
    const withWhy = rows.some((r) => r[4] !== '');
    parts.push(table([m.id, m.bodiesHeader[0], m.before, m.now, ...(withWhy ? [m.why] : [])], withWhy ? rows : rows.map((r) => r.slice(0, 4))));
  }
  parts.push(`\n${m.bodiesHeading}\n`);
  parts.push(
    table(
      m.bodiesHeader,
      diff.bodies.map((b) => [m.body(b.cell), m.moved(b.old.selected, b.new.selected), m.moved(b.old.female, b.new.female), m.moved(b.old.male, b.new.male), m.moved(b.old.reserves, b.new.reserves)]),
    ),
  );
  return parts.join('');
}
