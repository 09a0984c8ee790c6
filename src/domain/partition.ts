/**
 * A partition of the participants into numbered parts (workshop groups, project teams), as the stages, the
 * checker, `replace` and the report see it. Pure.
 */
import { compareCodeUnits } from './compare.js';

/** A numbered part and its members' ids. */
export interface Partition {
  number: number;
  memberIds: readonly string[];
}

/** Parts from (id, part number) pairs: parts in number order, each part's members in code-unit order. */
export function partitionsOf(of: Iterable<readonly [string, number]>): Array<{ number: number; memberIds: string[] }> {
  const by = new Map<number, string[]>();
  for (const [id, n] of of) by.set(n, [...(by.get(n) ?? []), id]);
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([number, ids]) => ({ number, memberIds: ids.sort(compareCodeUnits) }));
}
