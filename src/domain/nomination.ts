/**
 * The nomination cap as its own category (issue 13, item 6): a candidate whose only hard screening reason is the
 * cap was nominated beyond the hospital trust's quota — "over nominasjonstaket" — and did not fail the admission
 * requirements. A candidate who also fails a requirement (age, education, experience, …) is ineligible.
 */

/** Reason codes about the committee's locks and decisions: never a screening reason. */
const NOT_SCREENING = new Set(['lock_not_obeyed', 'excluded', 'included', 'decision']);

/** Whether these reason codes make a not-eligible candidate "over the nomination cap" rather than ineligible. */
export function overCapOnly(codes: readonly string[]): boolean {
  const screening = codes.filter((c) => !NOT_SCREENING.has(c));
  return screening.length > 0 && screening.every((c) => c === 'nomination_cap');
}
