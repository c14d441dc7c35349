// The letter templates screen's pure parts: which group each template sits in and what it is
// called, how a field is put into the text at the cursor, what the status line says, and the
// checks on a letterhead logo before it is sent. No React here, so each is tested on its own.

import type { TemplateRecord } from '../../../../shared/domain/letters';
import { canCall, type Caller } from '../../../../shared/ipc/access';
import {
  LETTER_OUTCOMES,
  LETTER_OUTCOME_LABELS,
  LETTER_VARIANTS,
  LETTER_VARIANT_LABELS,
  type LetterOutcome,
  type LetterVariant,
  type TemplateKey,
} from '../../../../shared/letters/types';
import { formatUkDate, londonDay } from '../../components/format';

/** Whether the user may change templates: exactly when 'letter-templates:save' would be allowed. */
export function canEditTemplates(user: Caller | undefined): boolean {
  return user !== undefined && canCall('letter-templates:save', user);
}

/** Whether the user may read them: exactly when 'letter-templates:list' would be allowed. */
export function canReadTemplates(user: Caller | undefined): boolean {
  return user !== undefined && canCall('letter-templates:list', user);
}

export const SHARED_PARAGRAPH_LABELS: Record<
  'paragraph.escalation' | 'paragraph.other-support',
  string
> = {
  // WT 2018 ch.1 para 60: from 2018 the letter says how to follow up or escalate.
  'paragraph.escalation': 'How to follow up or escalate',
  'paragraph.other-support': 'Where else the family can get support',
};

type ParsedKey =
  | { kind: 'acknowledgement'; variant: LetterVariant }
  | { kind: 'outcome'; variant: LetterVariant; outcome: LetterOutcome }
  | { kind: 'paragraph'; key: 'paragraph.escalation' | 'paragraph.other-support' };

function isVariant(v: string | undefined): v is LetterVariant {
  return LETTER_VARIANTS.some((x) => x === v);
}
function isOutcome(v: string | undefined): v is LetterOutcome {
  return LETTER_OUTCOMES.some((x) => x === v);
}

export function parseTemplateKey(key: TemplateKey): ParsedKey | null {
  if (key === 'paragraph.escalation' || key === 'paragraph.other-support') {
    return { kind: 'paragraph', key };
  }
  const [kind, variant, outcome] = key.split('.');
  if (kind === 'acknowledgement' && isVariant(variant)) return { kind, variant };
  if (kind === 'outcome' && isVariant(variant) && isOutcome(outcome)) {
    return { kind, variant, outcome };
  }
  return null;
}

/** The name of a template on its own ("Outcome letter: Early help, for a professional referrer"). */
export function templateTitle(key: TemplateKey): string {
  const p = parseTemplateKey(key);
  if (!p) return key;
  if (p.kind === 'paragraph') return `Shared paragraph: ${SHARED_PARAGRAPH_LABELS[p.key]}`;
  const who = LETTER_VARIANT_LABELS[p.variant];
  if (p.kind === 'acknowledgement') return `Acknowledgement: ${who}`;
  return `Outcome letter: ${LETTER_OUTCOME_LABELS[p.outcome]} (${who})`;
}

/** Its label inside its group of the list (the group heading says the rest). */
export function templateListLabel(key: TemplateKey): string {
  const p = parseTemplateKey(key);
  if (!p) return key;
  if (p.kind === 'paragraph') return SHARED_PARAGRAPH_LABELS[p.key];
  if (p.kind === 'acknowledgement') return LETTER_VARIANT_LABELS[p.variant];
  return LETTER_OUTCOME_LABELS[p.outcome];
}

export type TemplateGroup = {
  id: string;
  title: string;
  /** Outcome letters come in one sub-list per kind of referrer. */
  sections: { id: string; title: string | null; templates: TemplateRecord[] }[];
};

/**
 * The templates in three groups, in the order a reader meets them: acknowledgements (one per
 * kind of referrer), outcome letters (per kind of referrer, then per outcome in the order of the
 * response types), then the paragraphs every letter shares. Empty groups are left out.
 */
export function groupTemplates(records: readonly TemplateRecord[]): TemplateGroup[] {
  const byKey = new Map(records.map((r) => [r.key, r] as const));
  const pick = (keys: TemplateKey[]): TemplateRecord[] =>
    keys.flatMap((k) => {
      const r = byKey.get(k);
      return r ? [r] : [];
    });
  const groups: TemplateGroup[] = [
    {
      id: 'acknowledgement',
      title: 'Acknowledgement of receipt',
      sections: [
        {
          id: 'acknowledgement',
          title: null,
          templates: pick(LETTER_VARIANTS.map((v) => `acknowledgement.${v}` as const)),
        },
      ],
    },
    {
      id: 'outcome',
      title: 'Outcome letters',
      sections: LETTER_VARIANTS.map((v) => ({
        id: `outcome-${v}`,
        title: LETTER_VARIANT_LABELS[v],
        templates: pick(LETTER_OUTCOMES.map((o) => `outcome.${v}.${o}` as const)),
      })),
    },
    {
      id: 'paragraph',
      title: 'Shared paragraphs',
      sections: [
        {
          id: 'paragraph',
          title: null,
          templates: pick(['paragraph.escalation', 'paragraph.other-support']),
        },
      ],
    },
  ];
  return groups
    .map((g) => ({ ...g, sections: g.sections.filter((s) => s.templates.length > 0) }))
    .filter((g) => g.sections.length > 0);
}

/**
 * "Standard wording", "Changed by Dana Wilson on 24/11/2026", or, where an administrator put the
 * standard wording back, "Standard wording (restored by Dana Wilson on 24/11/2026)".
 */
export function templateStatus(record: TemplateRecord): string {
  const who = record.updatedBy?.displayName ?? 'an administrator';
  const when = record.updatedAt ? ` on ${formatUkDate(londonDay(new Date(record.updatedAt)))}` : '';
  if (record.isDefault) {
    return record.version > 0 ? `Standard wording (restored by ${who}${when})` : 'Standard wording';
  }
  return `Changed by ${who}${when}`;
}

/**
 * The version as a reader sees it. The store counts an administrator's saves from 1; a template
 * never saved is version 0, its shipped wording, which has no number to show.
 */
export function versionLabel(version: number): string {
  return version > 0 ? String(version) : 'None yet';
}

/** The placeholder for a field, as the template language writes it. */
export function placeholder(field: string): string {
  return `{{${field}}}`;
}

/**
 * The text with a field put in where the cursor is (replacing any selected text), and where the
 * cursor goes next: straight after the field, so a second click adds the next one after it.
 */
export function insertField(
  text: string,
  selectionStart: number,
  selectionEnd: number,
  field: string,
): { text: string; caret: number } {
  const start = Math.max(0, Math.min(selectionStart, text.length));
  const end = Math.max(start, Math.min(selectionEnd, text.length));
  const inserted = placeholder(field);
  return {
    text: text.slice(0, start) + inserted + text.slice(end),
    caret: start + inserted.length,
  };
}

/**
 * The largest logo the contract accepts: its data URL may be at most 400,000 characters
 * ('settings:update'), and base64 takes 4 characters for every 3 bytes after the 23-character
 * "data:image/jpeg;base64," prefix. So 299,982 bytes, which the screen calls 300 KB.
 */
export const LOGO_MAX_BYTES = 299_982;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

/** Why a chosen logo file cannot be used, in the words shown beside the field; null if it can. */
export function logoFileProblem(file: { name: string; type: string; size: number }): string | null {
  if (!LOGO_TYPES.some((t) => t === file.type)) {
    return `${file.name} is not a PNG or JPEG image. Choose a PNG or JPEG file.`;
  }
  if (file.size > LOGO_MAX_BYTES) {
    const kb = Math.ceil(file.size / 1000);
    // Just over the limit, "300 KB" would read as within it: give the bytes instead.
    const size =
      kb > 300
        ? `${kb.toLocaleString('en-GB')} KB`
        : `${file.size.toLocaleString('en-GB')} bytes (the most is ${LOGO_MAX_BYTES.toLocaleString('en-GB')})`;
    return `The logo must be 300 KB or smaller; ${file.name} is ${size}. Make it smaller and choose it again.`;
  }
  if (file.size === 0) return `${file.name} is empty. Choose the logo file again.`;
  return null;
}
