/**
 * The committee's decisions as recorded (issue 13, item 5): every include, exclude, group, apart and together
 * lock — from the locks file or `--include`/`--exclude` — with the committee's reason, where it was given, whether
 * the allocation obeys it and, if not, why.
 *
 * Whether a decision is obeyed is measured on the outcome itself (statuses, workshop groups, project teams), not
 * taken from the stages' word; the "why" is what the pipeline recorded about that lock (the selection's
 * `lock_not_obeyed` reasons, the group and team stages' relaxations, or `cohort check`'s findings), and a plain
 * statement of the outcome when nothing was recorded. Pure.
 */
import type { Reason } from '../domain/types.js';
import type { LockDecision } from '../read/locks.js';
import type { Allocation } from './pipeline.js';
import type { CheckViolation } from './summary-schema.js';

/** One decision with its verdict: the shape of `decisions[]` in summary.json and `cohort check --json`. */
export interface DecisionRecord {
  rule: LockDecision['rule'];
  id: string;
  other: string | null;
  group: number | null;
  reason: string | null;
  source: { file: string; line: number | null };
  obeyed: boolean;
  /** Why the decision is not obeyed, in plain English (ids only); null when it is obeyed. */
  why: string | null;
}

/** Something the pipeline recorded about one or more ids: a reason, a relaxation or a checker's finding. */
export interface DecisionNote {
  code: string;
  text: string;
  ids: readonly string[];
}

/** The outcome the decisions are measured on. */
export interface DecisionOutcome {
  /** The candidate's status (`selected`, `reserve`, …); undefined for an id not in the allocation. */
  status: (id: string) => string | undefined;
  groupOf: (id: string) => number | undefined;
  teamOf: (id: string) => number | undefined;
  notes: readonly DecisionNote[];
}

/** Codes that can explain a decision of each rule. */
const CODES: Readonly<Record<LockDecision['rule'], ReadonlySet<string>>> = {
  include: new Set(['lock_not_obeyed', 'lock_conflict', 'include_ineligible', 'include_over_quota', 'include_not_selected']),
  exclude: new Set(['lock_not_obeyed', 'lock_conflict', 'excluded_selected']),
  group: new Set(['lock_unknown_participant', 'lock_group_out_of_range', 'lock_conflict', 'lock_group']),
  apart: new Set(['lock_unknown_participant', 'lock_conflict', 'lock_apart']),
  together: new Set(['lock_unknown_participant', 'lock_conflict', 'lock_together']),
};

/** Words in a note that tie it to a rule when one code (`lock_conflict`) serves several rules. */
const MENTIONS: Readonly<Record<LockDecision['rule'], RegExp>> = {
  include: /includ/,
  exclude: /exclud/,
  group: /into (a )?groups?\b|locked into/,
  apart: /apart/,
  together: /together/,
};

/** `code: text` → `text`. */
function bare(n: DecisionNote): string {
  return n.text.startsWith(`${n.code}: `) ? n.text.slice(n.code.length + 2) : n.text;
}

/** Every decision with whether the outcome obeys it and, if not, why. In the decisions' own order. */
function evaluateDecisions(decisions: readonly LockDecision[], outcome: DecisionOutcome): DecisionRecord[] {
  return decisions.map((d) => {
    const why = obeyed(d, outcome) ? null : explain(d, outcome);
    return { rule: d.rule, id: d.id, other: d.other, group: d.group, reason: d.reason, source: { ...d.source }, obeyed: why === null, why };
  });
}

function obeyed(d: LockDecision, o: DecisionOutcome): boolean {
  const selected = (id: string) => o.status(id) === 'selected';
  switch (d.rule) {
    case 'include':
      return selected(d.id);
    case 'exclude':
      return !selected(d.id);
    case 'group':
      return selected(d.id) && o.groupOf(d.id) === d.group;
    case 'apart': {
      const other = d.other ?? '';
      if (!selected(d.id) || !selected(other)) return true;
      const g = o.groupOf(d.id);
      const t = o.teamOf(d.id);
      return (g === undefined || g !== o.groupOf(other)) && (t === undefined || t !== o.teamOf(other));
    }
    case 'together': {
      const other = d.other ?? '';
      const t = o.teamOf(d.id);
      return selected(d.id) && selected(other) && t !== undefined && t === o.teamOf(other);
    }
  }
}

function explain(d: LockDecision, o: DecisionOutcome): string {
  const ids = d.other === null ? [d.id] : [d.id, d.other];
  const recorded = o.notes.filter((n) => CODES[d.rule].has(n.code) && ids.every((id) => n.ids.includes(id)) && (n.code !== 'lock_conflict' || MENTIONS[d.rule].test(n.text)));
  const texts = [...new Set(recorded.map(bare))];
  return texts.length > 0 ? texts.join('; ') : observed(d, o);
}

/** The outcome in words, when the pipeline recorded nothing about the lock. */
function observed(d: LockDecision, o: DecisionOutcome): string {
  const status = (id: string) => o.status(id) ?? 'not in the allocation';
  const notIn = [d.id, ...(d.other === null ? [] : [d.other])].filter((id) => o.status(id) !== 'selected');
  switch (d.rule) {
    case 'include':
      return `${d.id} is not selected (${status(d.id)})`;
    case 'exclude':
      return `${d.id} is selected`;
    case 'group':
      return notIn.length > 0 ? `${d.id} is not a participant (${status(d.id)})` : `${d.id} is in workshop group ${o.groupOf(d.id) ?? '?'}`;
    case 'apart': {
      const other = d.other ?? '';
      const g = o.groupOf(d.id);
      return g !== undefined && g === o.groupOf(other) ? `${d.id} and ${other} share workshop group ${g}` : `${d.id} and ${other} share project team ${o.teamOf(d.id) ?? '?'}`;
    }
    case 'together':
      return notIn.length > 0
        ? `${notIn.join(' and ')} ${notIn.length === 1 ? 'is not a participant' : 'are not participants'}`
        : `${d.id} and ${d.other ?? ''} are in project teams ${o.teamOf(d.id) ?? '?'} and ${o.teamOf(d.other ?? '') ?? '?'}`;
  }
}

/** The decisions of a freshly computed allocation: notes from the selection's reasons and the stages' relaxations. */
export function allocationDecisions(a: Allocation): DecisionRecord[] {
  const byId = new Map(a.selection.candidates.map((c) => [c.id, c]));
  const notes: DecisionNote[] = [
    ...a.selection.candidates.flatMap((c) => c.reasons.filter((r) => r.code === 'lock_not_obeyed').map((r) => ({ code: r.code, text: r.text, ids: [c.id] }))),
    ...a.groups.relaxations.map((r) => ({ code: r.code, text: r.reason, ids: r.ids })),
    ...a.teams.relaxations.map((r) => ({ code: r.code, text: r.reason, ids: r.ids })),
  ];
  return evaluateDecisions(a.locks.decisions, {
    status: (id) => byId.get(id)?.status,
    groupOf: (id) => a.groups.groupOf[id],
    teamOf: (id) => a.teams.teamOf[id],
    notes,
  });
}

/** The decisions of an allocation read back (`check`, `report`, `replace`): notes from the checkers' findings. */
export function rowDecisions(
  decisions: readonly LockDecision[],
  rows: ReadonlyArray<{ id: string; status: string; workshopGroup: number | null; projectTeam: number | null }>,
  findings: readonly CheckViolation[],
): DecisionRecord[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const placed = (n: number | null | undefined) => (n === null ? undefined : n);
  return evaluateDecisions(decisions, {
    status: (id) => byId.get(id)?.status,
    groupOf: (id) => placed(byId.get(id)?.workshopGroup),
    teamOf: (id) => placed(byId.get(id)?.projectTeam),
    notes: findings.map((f) => ({ code: f.code, text: f.message, ids: f.ids })),
  });
}

/** Committee reasons for allocation.csv's `reasons` cell: one `decision:` entry per decision naming the candidate that carries a reason. */
export function decisionReasons(records: readonly DecisionRecord[]): Map<string, Reason[]> {
  const out = new Map<string, Reason[]>();
  for (const r of records) {
    if (r.reason === null) continue;
    const where = r.source.line === null ? r.source.file : `${r.source.file} line ${r.source.line}`;
    // The cell joins reasons with "; " and the readers split there: the committee's own ";" and line breaks become ",", " ".
    const text = r.reason.replace(/\s*;\s*/g, ', ').replace(/\s+/g, ' ');
    const add = (id: string, what: string, other: string | null) => {
      const list = out.get(id) ?? [];
      const facts = { code: 'decision', rule: r.rule, id: id, other, group: r.group, file: r.source.file, line: r.source.line, obeyed: r.obeyed, text } as const;
      list.push({ code: 'decision', text: `decision: ${what} (${where}${r.obeyed ? '' : ', not obeyed'}): ${text}`, facts });
      out.set(id, list);
    };
    if (r.other === null) add(r.id, r.rule === 'group' ? `group ${r.group ?? '?'}` : r.rule, null);
    else {
      add(r.id, `${r.rule} ${r.other}`, r.other);
      add(r.other, `${r.rule} ${r.id}`, r.id);
    }
  }
  return out;
}
