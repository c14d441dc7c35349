// Referrer letters (one row per finalised letter; a re-send is a new row with the next
// sequence), their templates (append-only versions) and strategy invites sent. SQL only.
import { sql } from 'kysely';
import type { Db } from './common';

export type LetterRow = {
  id: string;
  referral_id: string;
  kind: string;
  recipient: string;
  method: string | null;
  sent_at: string | null;
  sent_by: string | null;
  document_id: string | null;
  email_document_id: string | null;
  variant: string | null;
  outcome: string | null;
  sequence: number;
  created_at: string;
  created_by: string | null;
  data: string;
};

const LETTER_COLUMNS = [
  'id',
  'referral_id',
  'kind',
  'recipient',
  'method',
  'sent_at',
  'sent_by',
  'document_id',
  'email_document_id',
  'variant',
  'outcome',
  'sequence',
  'created_at',
  'created_by',
  'data',
] as const;

export async function lettersOf(db: Db, referralId: string): Promise<LetterRow[]> {
  return db
    .selectFrom('letters')
    .select(LETTER_COLUMNS)
    .where('referral_id', '=', referralId)
    .orderBy('created_at')
    .orderBy('sequence')
    .execute();
}

/** Letters of many referrals at once (the work queue), in one query. */
export async function lettersOfReferrals(
  db: Db,
  referralIds: readonly string[],
): Promise<LetterRow[]> {
  if (referralIds.length === 0) return [];
  const out: LetterRow[] = [];
  // SQLite's bound-parameter limit is far above this, but keep each statement small.
  for (let i = 0; i < referralIds.length; i += 500) {
    const chunk = referralIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('letters')
        .select(LETTER_COLUMNS)
        .where('referral_id', 'in', chunk)
        .execute()),
    );
  }
  return out;
}

export async function getLetterRow(db: Db, id: string): Promise<LetterRow | undefined> {
  return db.selectFrom('letters').select(LETTER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function nextLetterSequence(db: Db, referralId: string, kind: string) {
  const r = await db
    .selectFrom('letters')
    .select((eb) => eb.fn.max('sequence').as('top'))
    .where('referral_id', '=', referralId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return (r?.top ?? 0) + 1;
}

export async function insertLetter(
  db: Db,
  row: {
    id: string;
    referralId: string;
    kind: string;
    recipient: string;
    documentId: string;
    variant: string;
    outcome: string | null;
    sequence: number;
    data: unknown;
    at: string;
    by: string;
  },
): Promise<void> {
  await db
    .insertInto('letters')
    .values({
      id: row.id,
      referral_id: row.referralId,
      kind: row.kind,
      recipient: row.recipient,
      document_id: row.documentId,
      variant: row.variant,
      outcome: row.outcome,
      sequence: row.sequence,
      data: JSON.stringify(row.data),
      created_at: row.at,
      created_by: row.by,
      updated_at: row.at,
      updated_by: row.by,
    })
    .execute();
}

/** Records the send once: a letter already marked sent is left as it is (returns false). */
export async function markLetterSent(
  db: Db,
  id: string,
  sent: { method: string; sentAt: string; by: string; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('letters')
    .set({
      method: sent.method,
      sent_at: sent.sentAt,
      sent_by: sent.by,
      updated_at: sent.at,
      updated_by: sent.by,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setLetterEmailDraft(
  db: Db,
  id: string,
  documentId: string,
  by: { userId: string; at: string },
): Promise<void> {
  await db
    .updateTable('letters')
    .set({ email_document_id: documentId, updated_at: by.at, updated_by: by.userId })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// The work queue's candidates
// ---------------------------------------------------------------------------------------------

export type LetterCandidateRow = {
  id: string;
  reference: string;
  received_at: string;
  referrer: string;
  referrer_label: string;
  counted_from: string;
};

/** Referrals received since `since` (the queue's window), through referrals_received. */
export async function referralsReceivedSince(db: Db, since: string): Promise<LetterCandidateRow[]> {
  return db
    .selectFrom('referrals')
    .select(['id', 'reference', 'received_at', 'referrer', 'referrer_label', 'counted_from'])
    .where('received_at', '>=', since)
    .where('status', '!=', 'draft')
    .execute();
}

export type FinalDecisionRow = {
  referral_id: string;
  chosen: string;
  recorded_at: string;
  family_informed: string | null;
};

/** The standing final decision of each referral (the latest), for the given referrals. */
export async function finalDecisionsOf(
  db: Db,
  referralIds: readonly string[],
): Promise<FinalDecisionRow[]> {
  const out: FinalDecisionRow[] = [];
  for (let i = 0; i < referralIds.length; i += 500) {
    const chunk = referralIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('decisions')
        .select([
          'referral_id',
          'chosen',
          'recorded_at',
          sql<string | null>`json_extract(data, '$.familyInformed')`.as('family_informed'),
        ])
        .where('referral_id', 'in', chunk)
        .where('status', '=', 'final')
        .orderBy('recorded_at')
        .execute()),
    );
  }
  return out;
}

/** Finalised minutes of the referrals' strategy discussions (their data holds the decision). */
export async function finalisedMinutesOf(
  db: Db,
  referralIds: readonly string[],
): Promise<{ referral_id: string; finalised_at: string; data: string }[]> {
  const out: { referral_id: string; finalised_at: string; data: string }[] = [];
  for (let i = 0; i < referralIds.length; i += 500) {
    const chunk = referralIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('strategy_minutes as m')
      .innerJoin('strategy_discussions as d', 'd.id', 'm.discussion_id')
      .select(['d.referral_id', 'm.finalised_at', 'm.data'])
      .where('d.referral_id', 'in', chunk)
      .where('m.status', '=', 'finalised')
      .orderBy('m.finalised_at')
      .execute();
    for (const r of rows) {
      if (r.finalised_at !== null)
        out.push({ referral_id: r.referral_id, finalised_at: r.finalised_at, data: r.data });
    }
  }
  return out;
}

/** Progress entries (not withdrawn) that started a section 47 enquiry, for many referrals. */
export async function escalationsOfReferrals(
  db: Db,
  referralIds: readonly string[],
): Promise<{ referral_id: string; recorded_at: string }[]> {
  const out: { referral_id: string; recorded_at: string }[] = [];
  for (let i = 0; i < referralIds.length; i += 500) {
    const chunk = referralIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('progress_events')
        .select(['referral_id', 'recorded_at'])
        .where('referral_id', 'in', chunk)
        .where('withdrawn_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('kind', '=', 's47-started'),
            eb.and([
              eb('kind', '=', 'strategy-discussion'),
              eb(sql<string>`json_extract(data, '$.s47')`, '=', 'yes'),
            ]),
          ]),
        )
        .execute()),
    );
  }
  return out;
}

export type InviteCandidateRow = {
  id: string;
  referral_id: string;
  reference: string;
  sequence: number;
  ics_sequence: number;
  status: string;
  starts_at: string;
  created_at: string;
  invitees: number;
  sent_sequence: number | null;
};

/**
 * Strategy discussions still to come (or cancelled, whose cancellation must go out), with how
 * many invitees they have and the latest invite SEQUENCE recorded as sent.
 */
export async function inviteCandidates(db: Db, from: string): Promise<InviteCandidateRow[]> {
  const rows = await db
    .selectFrom('strategy_discussions as d')
    .innerJoin('referrals as r', 'r.id', 'd.referral_id')
    .select((eb) => [
      'd.id',
      'd.referral_id',
      'r.reference',
      'd.sequence',
      'd.ics_sequence',
      'd.status',
      'd.starts_at',
      'd.created_at',
      eb
        .selectFrom('strategy_invitees as i')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('i.discussion_id', '=', 'd.id')
        .where('i.removed_at', 'is', null)
        .as('invitees'),
      eb
        .selectFrom('strategy_invite_sends as s')
        .select((e) => e.fn.max('s.ics_sequence').as('top'))
        .whereRef('s.discussion_id', '=', 'd.id')
        .as('sent_sequence'),
    ])
    .where('d.starts_at', '>=', from)
    .where('d.status', 'in', ['scheduled', 'confirmed', 'cancelled'])
    .execute();
  return rows.map((r) => ({ ...r, invitees: r.invitees ?? 0 }));
}

export async function recordInviteSent(
  db: Db,
  row: {
    id: string;
    discussionId: string;
    icsSequence: number;
    method: string;
    sentAt: string;
    by: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('strategy_invite_sends')
    .values({
      id: row.id,
      discussion_id: row.discussionId,
      ics_sequence: row.icsSequence,
      method: row.method,
      sent_at: row.sentAt,
      sent_by: row.by,
      recorded_at: row.at,
    })
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

export type TemplateRow = {
  key: string;
  version: number;
  text: string;
  is_default: number;
  created_at: string;
  created_by: string | null;
};

/** The latest version of each saved template (keys never saved use the shipped wording). */
export async function latestTemplates(db: Db): Promise<TemplateRow[]> {
  return db
    .selectFrom('letter_templates as t')
    .select(['t.key', 't.version', 't.text', 't.is_default', 't.created_at', 't.created_by'])
    .where((w) =>
      w.eb(
        't.version',
        '=',
        w
          .selectFrom('letter_templates as u')
          .select((e) => e.fn.max('u.version').as('v'))
          .whereRef('u.key', '=', 't.key'),
      ),
    )
    .execute();
}

export async function insertTemplateVersion(
  db: Db,
  row: {
    id: string;
    key: string;
    version: number;
    text: string;
    isDefault: boolean;
    at: string;
    by: string;
  },
): Promise<void> {
  await db
    .insertInto('letter_templates')
    .values({
      id: row.id,
      key: row.key,
      version: row.version,
      text: row.text,
      is_default: row.isDefault ? 1 : 0,
      created_at: row.at,
      created_by: row.by,
    })
    .execute();
}
