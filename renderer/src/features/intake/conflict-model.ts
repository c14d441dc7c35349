// "Someone else saved first": a three-way comparison of the referral as the worker started from
// (base), as it is now on record (theirs) and the worker's corrections (mine), field by field.
// A field only one side changed is taken from that side; a field both changed differently is for
// the worker to choose. Pure, so it is tested without a screen.

import type { ReferralForm } from './form-model';

export type FieldChange = {
  path: string;
  label: string;
  base: string;
  mine: string;
  theirs: string;
  /** Who changed it: only me, only them, or both differently (a conflict). */
  changedBy: 'me' | 'them' | 'both';
  /** A field the form does not show (a record link): merged, but not listed unless it conflicts. */
  hidden: boolean;
};

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** Leaves of the form by dotted path; an array whose length differs is compared whole. */
function leaves(value: Json, prefix: string, out: Map<string, Json>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  if (Array.isArray(value)) {
    out.set(prefix, value);
    value.forEach((v, i) => {
      leaves(v, `${prefix}.${String(i)}`, out);
    });
    return;
  }
  out.set(prefix, value);
}

const show = (v: Json | undefined): string => {
  if (v === undefined || v === null || v === '') return '(blank)';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : `${String(v.length)} entries`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

const LABELS: Record<string, string> = {
  givenNames: 'First name',
  familyName: 'Last name',
  dateOfBirth: 'Date of birth',
  expectedDateOfBirth: 'Expected date of birth',
  gender: 'Sex',
  nhsNumber: 'NHS number',
  line1: 'Address line 1',
  town: 'Town',
  postcode: 'Postcode',
  school: 'School or nursery',
  gp: 'GP practice',
  concern: 'The concern',
  currentWhereabouts: 'Where the child is now',
  relationship: 'Relationship',
  name: 'Name',
  role: 'Job title',
  agencyName: 'Organisation',
  phone: 'Phone',
  email: 'Email',
  date: 'Date',
  time: 'Time',
  reason: 'Reason',
  confidential: 'Identity confidential',
  safeContact: 'How it is safe to contact them',
  allegedHarm: 'Alleged to have caused harm',
};

/** "children.1.familyName" → "Child 2: Last name". */
export function fieldLabel(path: string): string {
  const parts = path.split('.');
  const last = parts.at(-1) ?? path;
  const leaf = LABELS[last] ?? last.replace(/([A-Z])/g, ' $1').toLowerCase();
  const nouns: Record<string, string> = {
    children: 'Child',
    householdMembers: 'Household member',
    informationSharing: 'Information-sharing decision',
  };
  const head = parts[0] ?? '';
  if (head in nouns && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    if (parts.length === 2) return `${nouns[head] ?? head} ${String(Number(parts[1]) + 1)}`;
    return `${nouns[head] ?? head} ${String(Number(parts[1]) + 1)}: ${leaf}`;
  }
  if (head === 'referrer') return `Referrer: ${leaf}`;
  if (head === 'received') return `Received: ${leaf}`;
  if (head === 'consent') return `Consent: ${leaf}`;
  const first = leaf.charAt(0).toUpperCase() + leaf.slice(1);
  return parts.length === 1 ? first : leaf;
}

// Fields the worker never sees (search keys, choices carried for a round trip): compared but not
// listed unless they conflict.
const HIDDEN = /(^|\.)(personId|matchDecision|motherPersonId|directoryId|dateOfBirthConfirmed)$/;

export function compareForms(
  base: ReferralForm,
  mine: ReferralForm,
  theirs: ReferralForm,
): FieldChange[] {
  const b = new Map<string, Json>();
  const m = new Map<string, Json>();
  const t = new Map<string, Json>();
  leaves(base, '', b);
  leaves(mine, '', m);
  leaves(theirs, '', t);
  const paths = new Set([...b.keys(), ...m.keys(), ...t.keys()]);
  const out: FieldChange[] = [];
  const same = (x: Json | undefined, y: Json | undefined) =>
    JSON.stringify(x) === JSON.stringify(y);
  for (const path of paths) {
    const bv = b.get(path);
    const mv = m.get(path);
    const tv = t.get(path);
    // Compare arrays as a whole only where the number of entries changed; otherwise their leaves.
    if (Array.isArray(bv) || Array.isArray(mv) || Array.isArray(tv)) {
      const lengths = new Set([bv, mv, tv].map((v) => (Array.isArray(v) ? v.length : -1)));
      if (lengths.size === 1) continue;
    } else if (
      [...paths].some(
        (p) =>
          path.startsWith(`${p}.`) &&
          new Set([b.get(p), m.get(p), t.get(p)].map((v) => (Array.isArray(v) ? v.length : -1)))
            .size > 1,
      )
    ) {
      // Inside an array whose length changed: the array is compared whole.
      continue;
    }
    const meChanged = !same(mv, bv);
    const themChanged = !same(tv, bv);
    if (!meChanged && !themChanged) continue;
    if (meChanged && themChanged && same(mv, tv)) continue;
    const changedBy = meChanged && themChanged ? 'both' : meChanged ? 'me' : 'them';
    out.push({
      hidden: HIDDEN.test(path) && changedBy !== 'both',
      path,
      label: fieldLabel(path),
      base: show(bv),
      mine: show(mv),
      theirs: show(tv),
      changedBy,
    });
  }
  return out.sort((x, y) => x.path.localeCompare(y.path));
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Record<string, unknown> = target;
  for (const p of parts.slice(0, -1)) {
    const next = cur[p];
    if (next === null || typeof next !== 'object') return;
    cur = next as Record<string, unknown>;
  }
  const last = parts.at(-1);
  if (last !== undefined) cur[last] = value;
}

function getPath(source: unknown, path: string): unknown {
  let cur = source;
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/**
 * Their record with the worker's changes laid over it: fields only the worker changed, and the
 * conflicts where the worker chose "mine". Everything else is theirs.
 */
export function mergeForms(
  mine: ReferralForm,
  theirs: ReferralForm,
  changes: readonly FieldChange[],
  keepMine: ReadonlySet<string>,
): ReferralForm {
  const merged = structuredClone(theirs) as unknown as Record<string, unknown>;
  for (const c of changes) {
    if (c.changedBy === 'me' || (c.changedBy === 'both' && keepMine.has(c.path))) {
      setPath(merged, c.path, structuredClone(getPath(mine, c.path)));
    }
  }
  return merged as unknown as ReferralForm;
}
