// An audit entry's details read by people (issue 14: "changes field by field, before → after"):
// shared by the audit screen and the subject access export, so both say the same thing.

export type FieldChange = { field: string; before: string; after: string };

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
export function fieldChanges(details: Record<string, unknown>): FieldChange[] | null {
  const { before, after } = details;
  if (!isRecord(before) || !isRecord(after)) return null;
  const out: FieldChange[] = [];
  const walk = (b: unknown, a: unknown, path: string): void => {
    if (isRecord(b) && isRecord(a)) {
      const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
      for (const k of keys) walk(b[k], a[k], path === '' ? k : `${path}.${k}`);
      return;
    }
    const bt = valueText(b);
    const at = valueText(a);
    if (bt !== at) {
      out.push({
        field: path.split('.').map(fieldLabel).join(' › '),
        before: bt,
        after: at,
      });
    }
  };
  walk(before, after, '');
  return out;
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
