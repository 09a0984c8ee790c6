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
 * Headers may be Norwegian (`regel`, `id`, `annen`); delimiter and encoding are detected as for candidates.
 */
import { InputError, type InputIssue } from '../domain/errors.js';
import type { GroupLocks } from '../domain/types.js';
import { decode } from './decode.js';
import { readCsv } from './csv.js';

export interface CommitteeLocks {
  include: string[];
  exclude: string[];
  groups: GroupLocks;
}

const RULES: Record<string, 'include' | 'exclude' | 'group' | 'apart' | 'together'> = {
  include: 'include',
  inkluder: 'include',
  exclude: 'exclude',
  ekskluder: 'exclude',
  group: 'group',
  gruppe: 'group',
  apart: 'apart',
  adskilt: 'apart',
  together: 'together',
  sammen: 'together',
};

const HEADERS: Record<string, 'rule' | 'id' | 'other'> = { rule: 'rule', regel: 'rule', id: 'id', other: 'other', annen: 'other' };

export function emptyLocks(): CommitteeLocks {
  return { include: [], exclude: [], groups: { inGroup: [], apart: [], togetherInTeam: [] } };
}

/** Parse a locks file; every bad cell is a located issue. Ids are checked against the candidates by the caller. */
export function parseLocks(bytes: Uint8Array, file: string): CommitteeLocks {
  const decoded = decode(bytes, file, 'auto');
  if (!decoded.ok) throw new InputError([decoded.issue]);
  const table = readCsv(decoded.text, file);
  const issues: InputIssue[] = [...table.issues];
  const col = new Map<'rule' | 'id' | 'other', number>();
  table.headers.forEach((h, i) => {
    const key = HEADERS[h.trim().toLowerCase()];
    if (key !== undefined && !col.has(key)) col.set(key, i);
  });
  for (const need of ['rule', 'id'] as const) {
    if (!col.has(need)) issues.push({ code: 'missing_column', file, line: table.headerLine ?? 1, column: need, message: `expected a column "${need}" (rule, id, other)` });
  }
  const locks = emptyLocks();
  if (issues.length > 0) throw new InputError(issues);
  const cell = (cells: readonly string[], k: 'rule' | 'id' | 'other') => (col.has(k) ? (cells[col.get(k) as number] ?? '').trim() : '');
  for (const { line, cells } of table.records) {
    const ruleText = cell(cells, 'rule');
    const rule = RULES[ruleText.toLowerCase()];
    const id = cell(cells, 'id');
    const other = cell(cells, 'other');
    const bad = (column: string, message: string) => issues.push({ code: 'invalid_lock', file, line, column, message });
    if (rule === undefined) {
      bad('rule', `expected one of include, exclude, group, apart, together, got "${ruleText}"`);
      continue;
    }
    if (id === '') {
      bad('id', 'expected a candidate id, got a blank cell');
      continue;
    }
    switch (rule) {
      case 'include':
      case 'exclude':
        locks[rule].push(id);
        break;
      case 'group': {
        const n = Number(other);
        if (!/^\d+$/.test(other) || n < 1) bad('other', `expected a workshop group number (1, 2, …), got "${other}"`);
        else locks.groups.inGroup = [...(locks.groups.inGroup ?? []), { id, group: n }];
        break;
      }
      case 'apart':
      case 'together':
        if (other === '' || other === id) bad('other', `expected the id of another participant, got "${other}"`);
        else if (rule === 'apart') locks.groups.apart = [...(locks.groups.apart ?? []), [id, other]];
        else locks.groups.togetherInTeam = [...(locks.groups.togetherInTeam ?? []), [id, other]];
        break;
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return locks;
}

/** Every id a locks file names, with the place it was named, for checking against the candidates. */
export function lockIds(l: CommitteeLocks): string[] {
  return [
    ...l.include,
    ...l.exclude,
    ...(l.groups.inGroup ?? []).map((x) => x.id),
    ...(l.groups.apart ?? []).flat(),
    ...(l.groups.togetherInTeam ?? []).flat(),
  ];
}
