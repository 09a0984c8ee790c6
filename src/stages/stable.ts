/**
 * Stable reruns (`allocate --previous`): what the group and team stages need to keep a new result close to the
 * previous allocation among equally good ones, and to give its groups and teams the numbers they had. Pure.
 *
 * Numbering is an assignment problem: new parts × labels, weight = members a part shares with the previous
 * part of that label; the best assignment (Hungarian method, exact) gives each part its label.
 */
import { compareCodeUnits } from '../domain/compare.js';

/** Where each participant of the previous allocation was: id → workshop group / project team number. */
export interface PreviousPlacement {
  groupOf: ReadonlyMap<string, number>;
  teamOf: ReadonlyMap<string, number>;
}

/**
 * A maximum-weight assignment of rows to distinct columns (every row gets one when rows ≤ columns), by the
 * Hungarian method with potentials, O(n²·m). Ties go to the lower column index as the method meets them, so the
 * answer depends only on the matrix. Returns the column of each row (−1 when rows > columns and the row got none).
 */
export function maxWeightAssignment(weight: ReadonlyArray<readonly number[]>): number[] {
  const n = weight.length;
  const m = n === 0 ? 0 : Math.max(...weight.map((r) => r.length));
  if (n === 0) return [];
  if (n > m) {
    // More rows than columns: assign columns to rows instead.
    const t = Array.from({ length: m }, (_, j) => Array.from({ length: n }, (_, i) => weight[i]?.[j] ?? 0));
    const colRow = maxWeightAssignment(t);
    const out = Array.from({ length: n }, () => -1);
    colRow.forEach((i, j) => {
      if (i >= 0) out[i] = j;
    });
    return out;
  }
  // Minimise cost = −weight; 1-based arrays as in the classic formulation.
  const cost = (i: number, j: number): number => -(weight[i - 1]?.[j - 1] ?? 0);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0] as number;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0, j) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j] as number] = (u[p[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else minv[j] = (minv[j] as number) - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      p[j0] = p[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = Array.from({ length: n }, () => -1);
  for (let j = 1; j <= m; j++) if ((p[j] as number) > 0) out[(p[j] as number) - 1] = j - 1;
  return out;
}

/**
 * Labels 1..parts.length for the parts: locked parts keep theirs; the others get the labels that keep the most
 * members where they were (`previous`: id → previous label), then the labels left over, in the canonical order
 * of the parts (by smallest member id).
 */
export function numberLikePrevious(parts: ReadonlyArray<readonly string[]>, previous: ReadonlyMap<string, number>, locked: ReadonlyMap<number, number> = new Map()): number[] {
  const labels = parts.map((_, i) => i + 1).filter((l) => ![...locked.values()].includes(l));
  const free = parts.map((_, i) => i).filter((i) => !locked.has(i));
  const weight = free.map((i) => labels.map((l) => (parts[i] ?? []).filter((id) => previous.get(id) === l).length));
  const chosen = maxWeightAssignment(weight);
  const out = parts.map((_, i) => locked.get(i) ?? 0);
  const taken = new Set<number>();
  free.forEach((i, k) => {
    const c = chosen[k] ?? -1;
    // A label no member had before is handed out below, in canonical order.
    if (c >= 0 && (weight[k]?.[c] ?? 0) > 0) {
      out[i] = labels[c] as number;
      taken.add(labels[c] as number);
    }
  });
  const rest = labels.filter((l) => !taken.has(l));
  const unlabelled = free.filter((i) => out[i] === 0).sort((a, b) => compareCodeUnits(minId(parts[a] ?? []), minId(parts[b] ?? [])) || a - b);
  unlabelled.forEach((i, k) => {
    out[i] = rest[k] as number;
  });
  return out;
}

function minId(ids: readonly string[]): string {
  return [...ids].sort(compareCodeUnits)[0] ?? '\uffff';
}

/** Pairs of members of `ids` who were in one part before (`previous`: id → previous label). */
export function previousPairs(ids: readonly string[], previous: ReadonlyMap<string, number>): number {
  let pairs = 0;
  for (let i = 0; i < ids.length; i++) {
    const a = previous.get(ids[i] as string);
    if (a === undefined) continue;
    for (let j = i + 1; j < ids.length; j++) if (previous.get(ids[j] as string) === a) pairs++;
  }
  return pairs;
}
