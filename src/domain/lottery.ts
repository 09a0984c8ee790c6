/**
 * The seeded lottery that breaks ties (equal or missing ranks). Pure and deterministic: a candidate's
 * draw depends only on the seed and its own id, never on the row order of the input or on the other
 * candidates, so adding or removing a row never reshuffles anyone else.
 *
 * The draw is cyrb53 (a public-domain 53-bit string hash by bryc: two 32-bit multiply–xorshift lanes)
 * of `seed + "\u0000" + id`. Lower draws come first; equal draws (odds about 2^-53 per pair) fall back
 * to comparing ids by code unit.
 */
import { compareCodeUnits } from './compare.js';

/** cyrb53 of a string: an integer in [0, 2^53). */
function cyrb53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A candidate's lottery draw for a seed: an integer in [0, 2^53); lower is drawn first. */
export function lotteryDraw(seed: string, id: string): number {
  return cyrb53(`${seed}\u0000${id}`);
}

/** Order of two draws, ids breaking exact ties. */
export function compareDraws(a: { draw: number; id: string }, b: { draw: number; id: string }): number {
  return a.draw - b.draw || compareCodeUnits(a.id, b.id);
}
