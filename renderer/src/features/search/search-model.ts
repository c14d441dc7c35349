// Words for search results: a child's name and birth line, a referral's line, and why each
// matched, shared by the header search box and the search page.
import {
  SEARCH_KIND_LABELS,
  SEARCH_WHY_LABELS,
  type ChildSearchHit,
  type ReferralSearchResult,
  type SearchResults,
  type SearchWhy,
} from '../../../../shared/domain/search';
import { REFERRAL_STATUS_LABELS } from '../../../../shared/domain/records';
import { formatNhsNumber, formatUkDate } from '../../../../shared/validation/formats';
import { plural } from '../../../../shared/text/plural';
import { formatDateTime } from '../../components/format';

/** Results per group in the header box; the search page shows up to 50. */
export const TYPE_AHEAD_LIMIT = 5;
/** How long typing must pause before the header box searches. */
export const TYPE_AHEAD_DELAY_MS = 250;

export function childName(c: Pick<ChildSearchHit, 'givenNames' | 'familyName'>): string {
  return (
    [c.givenNames, c.familyName].filter((s) => s !== null && s !== '').join(' ') || 'Name not known'
  );
}

/** "Born 03/04/2016", "Expected 01/02/2027", or what is known instead. */
export function childBirthText(c: ChildSearchHit): string {
  if (c.dateOfBirth !== null) return `Born ${formatUkDate(c.dateOfBirth)}`;
  if (c.expectedDateOfBirth !== null) return `Expected ${formatUkDate(c.expectedDateOfBirth)}`;
  if (c.approxBirthYear !== null) return `Born around ${String(c.approxBirthYear)}`;
  return 'Date of birth not known';
}

export function childDetails(c: ChildSearchHit): string {
  return [childBirthText(c), c.nhsNumber ? `NHS ${formatNhsNumber(c.nhsNumber)}` : null, c.postcode]
    .filter((s): s is string => s !== null && s !== '')
    .join(' · ');
}

export function referralDetails(r: ReferralSearchResult): string {
  const names = r.children.map((c) => c.name).join(', ') || 'No child named';
  return `${names} · received ${formatDateTime(r.receivedAt)} · ${REFERRAL_STATUS_LABELS[r.status]}`;
}

/** "Matched on: NHS number, postcode". */
export function whyText(why: readonly SearchWhy[]): string {
  return `Matched on: ${why.map((w) => SEARCH_WHY_LABELS[w].toLowerCase()).join(', ')}`;
}

export function searchPath(text: string): string {
  return `/search?q=${encodeURIComponent(text.trim())}`;
}

/**
 * The search page's line above its results: what was searched, how many of each, and which
 * group was cut short (the service reads one row past its limit, so "more" is never guessed).
 */
export function resultsSummary(
  r: Pick<SearchResults, 'kind' | 'text' | 'children' | 'referrals' | 'more'>,
  limit: number,
): string {
  const children = plural(r.children.length, 'child', 'children');
  const referrals = plural(r.referrals.length, 'referral');
  const searched = `Searched ${r.kind ? SEARCH_KIND_LABELS[r.kind] : 'records'} for “${r.text}”: ${children} and ${referrals}`;
  if (!r.more.children && !r.more.referrals) return `${searched}.`;
  const narrow = 'add more detail to narrow the search.';
  const first = `Only the first ${String(limit)}`;
  if (r.more.children && r.more.referrals)
    // The referrals of children left out are left out too, so fewer than the limit may show.
    return r.referrals.length < limit
      ? `${searched}. ${first} children are shown, with their referrals: ${narrow}`
      : `${searched}. ${first} of each are shown: ${narrow}`;
  return `${searched}. ${first} ${r.more.children ? 'children' : 'referrals'} are shown: ${narrow}`;
}

/** A group's heading: "Children (3)", or "Children (first 50)" when more matched. */
export function groupTitle(label: string, shown: number, more: boolean): string {
  return `${label} (${more ? `first ${String(shown)}` : String(shown)})`;
}
