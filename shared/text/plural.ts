// Counts in words for people ("1 referral", "1,204 referrals"), with en-GB digit grouping. One
// copy for the main process's messages and the renderer's, so the two never disagree.

/** `n` with thousands separators, then the singular or plural noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
