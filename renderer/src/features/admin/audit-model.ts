// Pure helpers for the audit screen: the search input from the filters, the "what" of an entry,
// and a change's details read field by field (issue 14: "changes field by field, before → after").
import type { AuditAction } from '../../../../shared/domain/audit';
export {
  entryChanges,
  fieldChanges,
  fieldLabel,
  otherDetails,
  valueText,
  type FieldChange,
} from '../../../../shared/domain/audit-details';
import type { AuditEntry } from '../../../../shared/domain/records';
import type { ChannelInput } from '../../../../shared/ipc/contract';

export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;
export const AUDIT_DEFAULT_PAGE_SIZE = 25;

export type AuditFilters = {
  /** A child's person record id (set from a row or the page address). */
  personId: string | null;
  /** A referral's reference or id, as typed. */
  referral: string;
  userId: string;
  action: AuditAction | '';
  /** YYYY-MM-DD London days, inclusive. */
  from: string | null;
  to: string | null;
};

export const NO_AUDIT_FILTERS: AuditFilters = {
  personId: null,
  referral: '',
  userId: '',
  action: '',
  from: null,
  to: null,
};

export type AuditSearchInput = ChannelInput<'audit:search'>;

export function auditSearchInput(
  filters: AuditFilters,
  paging: { page: number; pageSize: number },
): AuditSearchInput {
  const input: AuditSearchInput = { page: paging.page, pageSize: paging.pageSize };
  if (filters.personId !== null) input.personId = filters.personId;
  const referral = filters.referral.trim();
  if (referral !== '') input.referral = referral;
  if (filters.userId !== '') input.userId = filters.userId;
  if (filters.action !== '') input.action = filters.action;
  if (filters.from !== null) input.from = filters.from;
  if (filters.to !== null) input.to = filters.to;
  return input;
}

/** Where an entry's record opens in the app, or null when it has no screen of its own. */
export function entityLink(entry: AuditEntry): string | null {
  if (entry.entityId === null) return null;
  if (entry.entityType === 'referral') return `/referrals/${encodeURIComponent(entry.entityId)}`;
  if (entry.entityType === 'person') return `/people/${encodeURIComponent(entry.entityId)}`;
  if (entry.entityType === 'strategy-discussion')
    return `/strategy/${encodeURIComponent(entry.entityId)}`;
  return null;
}

export function auditShowingText(page: number, pageSize: number, total: number): string {
  if (total === 0) return 'No entries match';
  const first = page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  return `Showing ${first.toLocaleString('en-GB')}–${last.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} entries, newest first`;
}

export function newAuditTaskId(): string {
  return typeof crypto.randomUUID === 'function'
    ? `audit-verify-${crypto.randomUUID()}`
    : `audit-verify-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
