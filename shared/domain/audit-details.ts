// An audit entry's details read by people (issue 14: "changes field by field, before → after"):
// shared by the audit screen and the subject access export, so both say the same thing.

import { settingsChangeLabel, settingsChangeValue } from '../policy/settings-text';

export type FieldChange = { field: string; before: string; after: string };

/**
 * Reads one kind of entry's paths in words: a label and a value for a dotted path, or null to
 * fall back to the generic reading.
 */
export type ChangeDescriber = {
  label(path: string): string | null;
  value(path: string, v: unknown): string | null;
};

/** Settings changes name each rule as the Settings screen does (shared/policy/settings-text). */
const SETTINGS_DESCRIBER: ChangeDescriber = {
  label: settingsChangeLabel,
  value: settingsChangeValue,
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "receivedAt" → "Received at"; "parents_aware" → "Parents aware". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as one line of text: blank shown as "(blank)" so a cleared field is visible. */
export function valueText(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(blank)';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * The fields that differ between `before` and `after`, nested objects flattened to dotted paths
 * ("referrer.phone"), in a stable order. Null when the details do not hold both.
 */
export function fieldChanges(
  details: Record<string, unknown>,
  describe?: ChangeDescriber,
): FieldChange[] | null {
  const { before, after } = details;
  if (!isRecord(before) || !isRecord(after)) return null;
  const out: FieldChange[] = [];
  const walk = (b: unknown, a: unknown, path: string): void => {
    // A group present on one side only (a first local rule) is still walked field by field.
    if ((isRecord(b) || b === undefined) && (isRecord(a) || a === undefined) && b !== a) {
      const bo = isRecord(b) ? b : {};
      const ao = isRecord(a) ? a : {};
      const keys = [...new Set([...Object.keys(bo), ...Object.keys(ao)])].sort();
      for (const k of keys) walk(bo[k], ao[k], path === '' ? k : `${path}.${k}`);
      return;
    }
    if (b === undefined && a === undefined) return;
    const bt = describe?.value(path, b) ?? valueText(b);
    const at = describe?.value(path, a) ?? valueText(a);
    if (bt !== at) {
      out.push({
        field: describe?.label(path) ?? path.split('.').map(fieldLabel).join(' › '),
        before: bt,
        after: at,
      });
    }
  };
  walk(before, after, '');
  return out;
}

/** Arrays become objects keyed 1, 2, … so a change to one child is one field ("Children › 2 › …"). */
function comparable(v: unknown): unknown {
  if (Array.isArray(v)) {
    const out: Record<string, unknown> = {};
    v.forEach((item, i) => {
      out[String(i + 1)] = comparable(item);
    });
    return out;
  }
  if (isRecord(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) out[k] = comparable(item);
    return out;
  }
  return v;
}

/**
 * What a correction changed, for its audit entry: `before` and `after` holding only the fields
 * that differ (nested, arrays keyed from 1), so the entry reads field by field (fieldChanges) and
 * does not copy the parts of the record that stayed the same.
 */
export function changedParts(
  before: unknown,
  after: unknown,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const diff = (b: unknown, a: unknown): [unknown, unknown] | null => {
    if (isRecord(b) && isRecord(a)) {
      const bo: Record<string, unknown> = {};
      const ao: Record<string, unknown> = {};
      for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
        const d = diff(b[k], a[k]);
        if (d === null) continue;
        if (d[0] !== undefined) bo[k] = d[0];
        if (d[1] !== undefined) ao[k] = d[1];
      }
      return Object.keys(bo).length + Object.keys(ao).length === 0 ? null : [bo, ao];
    }
    return JSON.stringify(b) === JSON.stringify(a) ? null : [b, a];
  };
  const d = diff(comparable(before), comparable(after));
  const asRecord = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
  return d === null ? { before: {}, after: {} } : { before: asRecord(d[0]), after: asRecord(d[1]) };
}

/** An entry's changes, read in the words its kind of entry uses. */
export function entryChanges(entry: {
  entityType: string;
  details: Record<string, unknown>;
}): FieldChange[] | null {
  return fieldChanges(
    entry.details,
    entry.entityType === 'settings' ? SETTINGS_DESCRIBER : undefined,
  );
}

/** The other details (everything but before/after) as label and text, for reading. */
export function otherDetails(details: Record<string, unknown>): { label: string; text: string }[] {
  const hasChange = fieldChanges(details) !== null;
  return Object.entries(details)
    .filter(([k]) => !(hasChange && (k === 'before' || k === 'after')))
    .map(([k, v]) => ({
      label: fieldLabel(k),
      text: isRecord(v) || Array.isArray(v) ? JSON.stringify(v, null, 2) : valueText(v),
    }));
}
