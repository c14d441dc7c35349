// The Organisation page's form (issue 14, "Organisation and letterhead"): who the organisation is
// (name, address, phone, team mailbox) and the letterhead every referrer letter is printed with
// (contact line, who signs, logo). Checked with the organisation schema 'settings:update' runs in
// the main process, so the form refuses exactly what a save would; errors sit under the channel's
// paths ("organisation.name") so the main process's land beside the same fields.
//
// 'settings:update' takes the whole organisation object: the details this page does not edit (the
// protective marking and invite initials, set on the Settings page) are sent back exactly as they
// are, never dropped.

import type { OrganisationDetails } from '../../../../shared/domain/records';
import { contract } from '../../../../shared/ipc/contract';
import { fieldErrorsFromZod } from '../../../../shared/validation/errors';

export type OrganisationForm = {
  name: string;
  address: string;
  phone: string;
  email: string;
  contactLine: string;
  signatory: string;
  signatoryRole: string;
  /** A PNG or JPEG data URL, or '' for no logo. */
  logo: string;
};

export type TextField = Exclude<keyof OrganisationForm, 'logo'>;

/** Each box's label and hint, in page order. */
export const ORGANISATION_FIELDS: Record<
  TextField,
  { label: string; hint: string; multiline?: boolean; autoComplete?: string }
> = {
  name: {
    label: 'Organisation name',
    hint: 'As it should appear at the top of letters, for example “Exampleshire Council Children’s Services”.',
    autoComplete: 'organization',
  },
  address: {
    label: 'Address',
    hint: 'One part of the address a line, as it should be printed.',
    multiline: true,
    autoComplete: 'street-address',
  },
  phone: { label: 'Phone', hint: 'The number referrers and families call.', autoComplete: 'tel' },
  email: {
    label: 'Team mailbox',
    hint: 'The shared email address letters and invites give for replies, for example frontdoor@exampleshire.gov.uk.',
    autoComplete: 'email',
  },
  contactLine: {
    label: 'Contact line',
    hint: 'Under the address on every letter, for example “Call 0300 123 4567, 8.30am to 5pm, Monday to Friday”.',
  },
  signatory: { label: 'Who signs the letters', hint: 'For example “Jo Bloggs”.' },
  signatoryRole: { label: 'Their role', hint: 'For example “Team Manager, Front Door”.' },
};

export const DETAIL_FIELDS: readonly TextField[] = ['name', 'address', 'phone', 'email'];
export const LETTERHEAD_FIELDS: readonly TextField[] = [
  'contactLine',
  'signatory',
  'signatoryRole',
];

export function formFrom(o: OrganisationDetails): OrganisationForm {
  return {
    name: o.name,
    address: o.address,
    phone: o.phone,
    email: o.email,
    contactLine: o.contactLine ?? '',
    signatory: o.signatory ?? '',
    signatoryRole: o.signatoryRole ?? '',
    logo: o.logo ?? '',
  };
}

/**
 * The organisation as saved now with this page's fields replaced: blank optional parts are left
 * out (none), and every field this page does not show is carried over unchanged.
 */
export function organisationWith(
  saved: OrganisationDetails,
  form: OrganisationForm,
): OrganisationDetails {
  const { contactLine: _c, signatory: _s, signatoryRole: _r, logo: _l, ...rest } = saved;
  const optional = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());
  const contactLine = optional(form.contactLine);
  const signatory = optional(form.signatory);
  const signatoryRole = optional(form.signatoryRole);
  return {
    ...rest,
    name: form.name.trim(),
    address: form.address
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('\n'),
    phone: form.phone.trim(),
    email: form.email.trim(),
    ...(contactLine !== undefined ? { contactLine } : {}),
    ...(signatory !== undefined ? { signatory } : {}),
    ...(signatoryRole !== undefined ? { signatoryRole } : {}),
    ...(form.logo !== '' ? { logo: form.logo } : {}),
  };
}

// The channel's own organisation schema (main process re-checks with the same one).
const organisationSchema = contract['settings:update'].input.shape.organisation.unwrap();

/** The longest each box may be: the lengths 'settings:update' accepts. */
const MAX_LENGTHS: Record<TextField, number> = {
  name: 200,
  address: 2_000,
  phone: 50,
  email: 320,
  contactLine: 300,
  signatory: 120,
  signatoryRole: 200,
};

// A mailbox people reply to: something@somewhere.tld, no spaces (RFC 5321 allows more, but a team
// mailbox never needs it, and a typo here sends every reply nowhere).
const MAILBOX = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

/** The organisation to send, or every problem under `organisation.<field>`. */
export function checkOrganisation(
  saved: OrganisationDetails,
  form: OrganisationForm,
): { ok: true; value: OrganisationDetails } | { ok: false; errors: Record<string, string> } {
  const value = organisationWith(saved, form);
  const errors: Record<string, string> = {};
  for (const [field, max] of Object.entries(MAX_LENGTHS) as [TextField, number][]) {
    if (form[field].trim().length > max) {
      errors[`organisation.${field}`] =
        `${ORGANISATION_FIELDS[field].label}: keep it to ${max.toLocaleString('en-GB')} characters or fewer.`;
    }
  }
  const parsed = organisationSchema.safeParse(value);
  if (!parsed.success) {
    for (const [path, message] of Object.entries(fieldErrorsFromZod(parsed.error))) {
      errors[`organisation.${path}`] ??= message;
    }
  }
  if (value.email !== '' && !MAILBOX.test(value.email)) {
    errors['organisation.email'] ??=
      'Enter the team mailbox as an email address, for example frontdoor@exampleshire.gov.uk';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}
