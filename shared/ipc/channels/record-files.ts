// Channels for a referral or a child's record as an A4 PDF (kept as made, then handed over).
import * as z from 'zod';
import type { DocumentDownloadRecord } from '../../domain/documents';
import { CASE_ROLES } from '../../domain/types';
import { channel, result } from '../define';

const id = z.string().trim().min(1, 'Missing record id').max(100, 'Record id is too long');

export const recordFileChannels = {
  'referrals:export-pdf': channel({
    summary: 'Save the referral as an A4 PDF with the protective marking',
    access: CASE_ROLES,
    input: z.object({ id }).strict(),
    result: result<DocumentDownloadRecord>(),
  }),
  'people:export-pdf': channel({
    summary: "Save a child's record as an A4 PDF with the protective marking",
    access: CASE_ROLES,
    input: z.object({ id }).strict(),
    result: result<DocumentDownloadRecord>(),
  }),
};
