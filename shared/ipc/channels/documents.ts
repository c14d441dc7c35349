// Channels for documents Front Door has generated and kept (minutes, invites, letters, record
// exports). Spread into the contract; typed and checked like every other channel.
import * as z from 'zod';
import {
  DOCUMENT_SUBJECTS,
  type DocumentDownloadRecord,
  type DocumentRecord,
} from '../../domain/documents';
import { CASE_ROLES } from '../../domain/types';
import { channel, result } from '../define';

const id = z.string().trim().min(1, 'Missing record id').max(100, 'Record id is too long');

export const documentChannels = {
  'documents:list': channel({
    summary: 'Documents kept for a referral, a child or a strategy discussion, newest first',
    access: CASE_ROLES,
    input: z.object({ subjectType: z.enum(DOCUMENT_SUBJECTS), subjectId: id }).strict(),
    result: result<DocumentRecord[]>(),
  }),
  'documents:download': channel({
    summary: 'Save a kept document again, exactly as it was generated',
    access: CASE_ROLES,
    input: z.object({ id }).strict(),
    result: result<DocumentDownloadRecord>(),
  }),
};
