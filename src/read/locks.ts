/**
 * The committee's decisions as a CSV file (`--locks FILE`), one rule per row:
 *
 * | rule | id | other |
 * |---|---|---|
 * | `include` (inkluder) | candidate forced into the cohort | |
 * | `exclude` (ekskluder) | candidate forced out | |
 * | `group` (gruppe) | participant kept in a workshop group | the group number |
 * | `apart` (adskilt) | participant kept apart from `other` (group and team) | another id |
 * | `together` (sammen) | participant kept in one project team with `other` | another id |
 *
 * An optional column `reason` (`begrunnelse`) holds the committee's reason for the row, recorded with the
 * decision (summary.json, the report, allocation.csv) as typed, trimmed.
 *
 * Headers may be Norwegian (`regel`, `id`, `annen`, `begrunnelse`); delimiter and encoding are detected as for
 * candidates.
 */
import { InputError, type InputIssue } from '../domain/errors.js';
import { normaliseId } from '../domain/ids.js';
import type { GroupLocks } from '../domain/types.js';
import type { IssueParams } from '../domain/i18n/catalogue.js';
import { decode } from './decode.js';
import { readCsv } from './csv.js';

/** Where an id was named: a locks file's line and column, or an option (`--include`) without a line. */
export interface LockRef {
  /** The id, normalised as candidate ids are (see `normaliseId`). */
  id: string;
  /** The locks file as given, or the option that named the id. */
  file: string;
  line?: number | undefined;
  /** The header as written in the locks file; undefined for an option. */
  column?: string | undefined;
  rule: LockRule;
}

export interface CommitteeLocks {
  include: string[];
  exclude: string[];
  groups: GroupLocks;
  /** Every place an id was named, in file order (options first when merged), for located errors. */
  named: LockRef[];
  /** Every decision as the committee gave it, one per locks-file row or option id, in that order (options first when merged). */
  decisions: LockDecision[];
}

/** One decision of the committee: a row of the locks file or an id of `--include`/`--exclude`. */
export interface LockDecision {
  rule: LockRule;
  /** The candidate the rule is about (normalised as candidate ids are). */
  id: string;
  /** `apart`/`together`: the other participant; else null. */
  other: string | null;
  /** `group`: the workshop group number; else null. */
  group: number | null;
  /** The `reason`/`begrunnelse` cell as typed (trimmed); null when blank or when there is no such column. */
  reason: string | null;
  /** The locks file and its line, or the option (`--include`) with a null line. */
  source: { file: string; line: number | null };
}

export type LockRule = 'include' | 'exclude' | 'group' | 'apart' | 'together';

// Maps, not object literals: a rule or header typed as `__proto__` or `constructor` is unknown, not a prototype.
const RULES: ReadonlyMap<string, LockRule> = new Map([
  ['include', 'include'],
  ['inkluder', 'include'],
  ['exclude', 'exclude'],
  ['ekskluder', 'exclude'],
  ['group', 'group'],
  ['gruppe', 'group'],
  ['apart', 'apart'],
  ['adskilt', 'apart'],
  ['together', 'together'],
  ['sammen', 'together'],
]);

type LockColumn = 'rule' | 'id' | 'other' | 'reason';
const HEADERS: ReadonlyMap<string, LockColumn> = new Map([
  ['rule', 'rule'],
  ['regel', 'rule'],
  ['id', 'id'],
  ['other', 'other'],
  ['annen', 'other'],
  ['reason', 'reason'],
  ['begrunnelse', 'reason'],
  ['grunn', 'reason'],
]);

export function emptyLocks(): CommitteeLocks {
  return { include: [], exclude: [], groups: { inGroup: [], apart: [], togetherInTeam: [] }, named: [], decisions: [] };
}

/** Parse a locks file; every bad cell is a located issue. Ids are checked against the candidates by the caller. */
export function parseLocks(bytes: Uint8Array, file: string): CommitteeLocks {
  const decoded = decode(bytes, file, 'auto');
  if (!decoded.ok) throw new InputError([decoded.issue]);
  const table = readCsv(decoded.text, file);
  const issues: InputIssue[] = [...table.issues];
  const col = new Map<LockColumn, number>();
  table.headers.forEach((h, i) => {
    const key = HEADERS.get(h.trim().toLowerCase());
    if (key !== undefined && !col.has(key)) col.set(key, i);
  });
  for (const need of ['rule', 'id'] as const) {
    if (!col.has(need)) issues.push({ code: 'missing_column', file, line: table.headerLine ?? 1, column: need, message: `expected a column "${need}" (rule, id, other)`, params: { kind: 'lock', problem: 'missing_column', column: need } });
  }
  const locks = emptyLocks();
  if (issues.length > 0) throw new InputError(issues);
  const header = (k: LockColumn): string => table.headers[col.get(k) ?? -1] ?? k;
  const cell = (cells: readonly string[], k: LockColumn) => (col.has(k) ? (cells[col.get(k) as number] ?? '').trim() : '');
  for (const { line, cells } of table.records) {
    const ruleText = cell(cells, 'rule');
    const rule = RULES.get(ruleText.toLowerCase());
    const bad = (column: LockColumn, message: string, params?: IssueParams) => issues.push({ code: 'invalid_lock', file, line, column: header(column), message, params });
    if (rule === undefined) {
      bad('rule', `expected one of include, exclude, group, apart, together, got ${JSON.stringify(ruleText)}`, { kind: 'lock', problem: 'rule', value: ruleText, allowed: ['include', 'exclude', 'group', 'apart', 'together'] });
      continue;
    }
    const idr = normaliseId(cell(cells, 'id'));
    if (!idr.ok) {
      bad('id', `expected a candidate id, ${idr.expected}`, idr.problem === 'blank' ? { kind: 'blank', what: 'id' } : undefined);
      continue;
    }
    const id = idr.id;
    const named = (column: LockColumn, which: string) => locks.named.push({ id: which, file, line, column: header(column), rule });
    const reasonText = cell(cells, 'reason');
    const decided = (other: string | null, group: number | null) =>
      locks.decisions.push({ rule, id, other, group, reason: reasonText === '' ? null : reasonText, source: { file, line } });
    switch (rule) {
      case 'include':
      case 'exclude':
        locks[rule].push(id);
        named('id', id);
        decided(null, null);
        break;
      case 'group': {
        const other = cell(cells, 'other');
        const n = Number(other);
        if (!/^\d+$/.test(other) || n < 1) bad('other', `expected a workshop group number (1, 2, …), got ${JSON.stringify(other)}`, { kind: 'lock', problem: 'group', value: other });
        else {
          locks.groups.inGroup = [...(locks.groups.inGroup ?? []), { id, group: n }];
          named('id', id);
          decided(null, n);
        }
        break;
      }
      case 'apart':
      case 'together': {
        const otherText = cell(cells, 'other');
        const other = normaliseId(otherText);
        if (!other.ok && other.problem !== 'blank') bad('other', `expected the id of another participant, ${other.expected}`, { kind: 'lock', problem: 'other', rule });
        else if (!other.ok || other.id === id) bad('other', `expected the id of another participant, got ${JSON.stringify(otherText)}`, { kind: 'lock', problem: 'other', rule });
        else {
          if (rule === 'apart') locks.groups.apart = [...(locks.groups.apart ?? []), [id, other.id]];
          else locks.groups.togetherInTeam = [...(locks.groups.togetherInTeam ?? []), [id, other.id]];
          named('id', id);
          named('other', other.id);
          decided(other.id, null);
        }
        break;
      }
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return locks;
}
