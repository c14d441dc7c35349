// What the audit log records (architecture §3), shared so the audit screen can name each action
// in words and the search channel can refuse an action the log never records.

import type { AuditEntry } from './records';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'update-refused',
  'view',
  'export',
  'document',
  'sign-off',
  'merge',
  'unmerge',
  'link',
  'assign',
  'restore',
  'backup',
  'backup-check',
  'login',
  'lock',
  'unlock',
  'settings',
  'roles',
  'delete',
  'withdraw',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Each action in words, for the audit screen's grid, filter and export. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Created',
  update: 'Changed',
  'update-refused': 'Change refused',
  view: 'Viewed',
  export: 'Exported',
  document: 'Document made',
  'sign-off': 'Signed off',
  merge: 'Records merged',
  unmerge: 'Merge undone',
  link: 'Linked',
  assign: 'Assigned',
  restore: 'Restored from backup',
  backup: 'Backup made',
  'backup-check': 'Backup checked',
  login: 'Signed in',
  lock: 'Screen locked',
  unlock: 'Screen unlocked',
  settings: 'Settings changed',
  roles: 'Roles changed',
  delete: 'Deleted',
  withdraw: 'Withdrawn',
};

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string | undefined>)[action] ?? action;
}

/** The audit search's largest page (the grid offers 25, 50 and 100). */
export const AUDIT_PAGE_SIZE_MAX = 100;

/** What an entry is about, in words. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  referral: 'Referral',
  person: 'Child record',
  decision: 'Decision',
  'strategy-discussion': 'Strategy discussion',
  progress: 'Progress',
  directory: 'Directory',
  settings: 'Settings',
  user: 'User',
  database: 'Database',
  search: 'Search',
  'person-search': 'Search',
  'referral-search': 'Search',
  'letter-template': 'Letter template',
  'bank-holidays': 'Bank holidays',
  census: 'CIN census extract',
  audit: 'Audit log',
};

export function auditEntityLabel(entityType: string): string {
  return AUDIT_ENTITY_LABELS[entityType] ?? entityType;
}

/** One page of an audit search, newest first, with how many entries match in all. */
export type AuditSearchResult = {
  rows: AuditEntry[];
  total: number;
  /** Referral id → reference (FD-YYYY-NNNNNN) for the referrals the page names. */
  references: Record<string, string>;
};
