// Letter templates (issue 13): the fields a template may use, the checks an administrator's edit
// must pass, and rendering a letter from a template and the allow-listed facts. Values are
// substituted as plain text in one pass, so a name that happens to contain "{{reference}}" prints
// exactly as typed and is never read as a placeholder.

import {
  LETTER_OUTCOMES,
  LETTER_VARIANTS,
  NOT_ACCEPTED_OUTCOMES,
  type LetterContent,
  type LetterFacts,
  type LetterKind,
  type LetterVariant,
  type TemplateKey,
} from './types';
import { DEFAULT_TEMPLATES } from './wording';

export { DEFAULT_TEMPLATES } from './wording';

/** Domain §6: documents about individual children are OFFICIAL-SENSITIVE unless set otherwise. */
export const DEFAULT_LETTER_MARKING = 'OFFICIAL-SENSITIVE';

/** The longest template an administrator may save: about two pages of A4. */
export const TEMPLATE_MAX_LENGTH = 6000;

/** Every template key, in the order the administrator's list shows them. */
export const TEMPLATE_KEYS: readonly TemplateKey[] = [
  ...LETTER_VARIANTS.map((v): TemplateKey => `acknowledgement.${v}`),
  ...LETTER_VARIANTS.flatMap((v) => LETTER_OUTCOMES.map((o): TemplateKey => `outcome.${v}.${o}`)),
  'paragraph.escalation',
  'paragraph.other-support',
];

/** The fields a template may use, each with what it holds (shown beside the template editor). */
export const TEMPLATE_FIELDS = {
  reference: 'The case reference, for example FD-2026-000123',
  receivedDate: 'The date the referral was received, for example 1 December 2026',
  letterDate: 'The date on the letter',
  childNames:
    'The children’s names, for example “Amy Smith and Ben Smith” (or “the child you told us about”)',
  recipientName: 'The name of the person the letter is to',
  recipientRole: 'Their job title and organisation (professional referrers only; otherwise empty)',
  outcomeLabel: 'The outcome in words, for example “Early help” (outcome letters only)',
  contactName: 'The named contact for the case: the lead practitioner, or the team',
  organisationName: 'Your organisation’s name, from the settings',
  organisationAddress: 'Your organisation’s address on one line',
  organisationPhone: 'Your organisation’s phone number',
  organisationEmail: 'Your organisation’s email address',
  contactLine: 'The letterhead contact line, for example opening hours',
  signatory: 'Who signs the letter',
  signatoryRole: 'The signatory’s role',
} as const satisfies Record<string, string>;
export type TemplateField = keyof typeof TEMPLATE_FIELDS;

export const TEMPLATE_FIELD_NAMES = Object.keys(TEMPLATE_FIELDS) as TemplateField[];

/** Own fields only: "toString" or "constructor" are not fields. */
export function isTemplateField(name: string): name is TemplateField {
  return Object.hasOwn(TEMPLATE_FIELDS, name);
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * What is wrong with a template's text, in words an administrator can act on; empty when it may
 * be saved. Checks: not empty, not too long, braces in pairs, only known fields.
 */
export function checkTemplate(text: string): string[] {
  const errors: string[] = [];
  if (text.trim() === '') return ['The template is empty: write the wording of the letter.'];
  if (text.length > TEMPLATE_MAX_LENGTH) {
    errors.push(
      `The template is ${text.length} characters long: shorten it to ${TEMPLATE_MAX_LENGTH} or fewer.`,
    );
  }
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!isTemplateField(name)) unknown.add(name);
  }
  for (const name of unknown) {
    errors.push(
      name === ''
        ? 'A pair of double braces {{ }} has no field name in it: add one, or remove the braces.'
        : `{{${name}}} is not a field a letter can use. Use one of: ${TEMPLATE_FIELD_NAMES.join(', ')}.`,
    );
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{') || rest.includes('}')) {
    errors.push(
      'The braces do not match: write each field as {{fieldName}}, with two braces on each side.',
    );
  }
  return errors;
}

/** The plain-text value of each field for these facts. */
export function fieldValues(facts: LetterFacts): Record<TemplateField, string> {
  const o = facts.organisation;
  return {
    reference: facts.reference,
    receivedDate: facts.receivedDate,
    letterDate: facts.letterDate,
    childNames: facts.childNames,
    recipientName: facts.recipient.name,
    recipientRole: facts.recipient.roleAndOrganisation,
    outcomeLabel: facts.outcomeLabel,
    contactName: facts.contactName,
    organisationName: o.name,
    organisationAddress: o.addressLines.join(', '),
    organisationPhone: o.phone,
    organisationEmail: o.email,
    contactLine: o.contactLine,
    signatory: o.signatory,
    signatoryRole: o.signatoryRole,
  };
}

/**
 * Fills a template in one pass. A placeholder that is not a known field is left as typed (a
 * checked template has none), so nothing is silently dropped.
 */
export function fillTemplate(text: string, facts: LetterFacts): string {
  const values = fieldValues(facts);
  // String.replace with a function does not rescan what it inserts: values stay literal.
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    isTemplateField(name) ? values[name] : whole,
  );
}

/** Paragraphs: split on blank lines, each paragraph's own line breaks kept, blanks dropped. */
export function toParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export function templateKeyFor(
  kind: LetterKind,
  variant: LetterVariant,
  outcome: LetterFacts['outcome'],
): TemplateKey {
  if (kind === 'acknowledgement') return `acknowledgement.${variant}`;
  if (outcome === null) throw new Error('An outcome letter needs the outcome it reports.');
  return `outcome.${variant}.${outcome}`;
}

/** From 2018 the letter says how to follow up or escalate (domain §2.5; WT 2018 ch.1). */
export function includesEscalation(edition: string): boolean {
  const year = Number.parseInt(edition, 10);
  return Number.isFinite(year) && year >= 2018;
}

export type RenderOptions = { marking?: string };

/**
 * The letter as the worker first sees it: the template for this kind, variant and outcome, then
 * where else support is available (outcomes that did not lead to a service; never in a letter to
 * a member of the public, where it would disclose the outcome), then from 2018 how to escalate.
 * `templates` holds the administrator's versions; any key not given uses the default.
 */
export function renderLetter(
  templates: Partial<Readonly<Record<TemplateKey, string>>>,
  facts: LetterFacts,
  kind: LetterKind,
  variant: LetterVariant,
  options: RenderOptions = {},
): LetterContent {
  const text = (key: TemplateKey): string => templates[key] ?? DEFAULT_TEMPLATES[key];
  const paragraphs = toParagraphs(
    fillTemplate(text(templateKeyFor(kind, variant, facts.outcome)), facts),
  );
  if (kind === 'outcome') {
    if (
      variant !== 'public' &&
      facts.outcome !== null &&
      NOT_ACCEPTED_OUTCOMES.includes(facts.outcome)
    ) {
      paragraphs.push(...toParagraphs(fillTemplate(text('paragraph.other-support'), facts)));
    }
    if (includesEscalation(facts.edition)) {
      paragraphs.push(...toParagraphs(fillTemplate(text('paragraph.escalation'), facts)));
    }
  }
  const marking = (options.marking ?? '').trim();
  return {
    kind,
    variant,
    // A member of the public is not told what happens next, so their subject does not say so.
    subject:
      kind === 'acknowledgement' || variant === 'public'
        ? `Your referral ${facts.reference}`
        : `Your referral ${facts.reference}: what happens next`,
    paragraphs,
    facts,
    marking: marking === '' ? DEFAULT_LETTER_MARKING : marking,
  };
}
