// Default file names for generated documents: the case reference (or record id) and what the
// document is, never a child's or family's name (domain §6), in characters every file system and
// mail client accepts.
import type { DocumentKind } from '../../../shared/domain/documents';

const KIND_NAMES: Record<DocumentKind, { words: string; extension: string }> = {
  minutes: { words: 'strategy discussion minutes', extension: 'pdf' },
  invite: { words: 'strategy discussion invite', extension: 'ics' },
  'invite-batch': { words: 'strategy discussion invites', extension: 'ics' },
  letter: { words: 'letter', extension: 'pdf' },
  'referral-record': { words: 'referral record', extension: 'pdf' },
  'child-record': { words: 'child record', extension: 'pdf' },
  'audit-export': { words: 'audit for subject access request', extension: 'pdf' },
  'email-draft': { words: 'email draft', extension: 'eml' },
};

/** Letters, digits and hyphens only: a reference like FD-2026-000123 passes through unchanged. */
function safeReference(reference: string): string {
  const cleaned = reference
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  if (cleaned === '') throw new Error('A document file name needs a case reference or record id.');
  return cleaned;
}

/**
 * `FD-2026-000123 strategy discussion minutes v2.pdf`: with a version when the document has one,
 * so two issues of the same minutes never share a name.
 */
export function documentFileName(
  reference: string,
  kind: DocumentKind,
  options: { version?: number } = {},
): string {
  const { words, extension } = KIND_NAMES[kind];
  const version = options.version;
  if (version !== undefined && (!Number.isInteger(version) || version < 1))
    throw new Error(`A document version is a whole number from 1 (got ${version}).`);
  const suffix = version === undefined ? '' : ` v${version}`;
  return `${safeReference(reference)} ${words}${suffix}.${extension}`;
}
