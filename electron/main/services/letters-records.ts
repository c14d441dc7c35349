// Letters rows as the screens see them.
import { SEND_METHODS, type LetterRecord, type SendMethod } from '../../../shared/domain/letters';
import {
  LETTER_KINDS,
  LETTER_OUTCOMES,
  LETTER_VARIANTS,
  type LetterKind,
  type LetterOutcome,
  type LetterVariant,
} from '../../../shared/letters/types';
import { type Db, userNames, userRef } from '../store/repositories/common';
import { lettersOf, type LetterRow } from '../store/repositories/letters';

function oneOf<T extends string>(values: readonly T[], v: string | null, fallback: T): T {
  return values.find((x) => x === v) ?? fallback;
}

export function letterRecord(
  row: LetterRow,
  reference: string,
  names: Map<string, string>,
): LetterRecord {
  const method = SEND_METHODS.find((m) => m === row.method);
  return {
    id: row.id,
    referralId: row.referral_id,
    reference,
    kind: oneOf<LetterKind>(LETTER_KINDS, row.kind, 'outcome'),
    variant: oneOf<LetterVariant>(LETTER_VARIANTS, row.variant, 'public'),
    outcome:
      row.outcome === null ? null : oneOf<LetterOutcome>(LETTER_OUTCOMES, row.outcome, 'nfa'),
    sequence: row.sequence,
    recipient: row.recipient,
    documentId: row.document_id ?? '',
    emailDocumentId: row.email_document_id,
    sent:
      row.sent_at === null
        ? null
        : {
            method: (method ?? 'post') satisfies SendMethod,
            at: row.sent_at,
            by: userRef(names, row.sent_by),
          },
    createdAt: row.created_at,
    createdBy: userRef(names, row.created_by),
  };
}

export async function letterRecordsOf(
  db: Db,
  referralId: string,
  reference: string,
): Promise<LetterRecord[]> {
  const names = await userNames(db);
  return (await lettersOf(db, referralId)).map((r) => letterRecord(r, reference, names));
}
