// Channels for the Backups page (issue 14) beside backups:create, backups:list and
// backups:restore (shared/ipc/contract.ts): where backups are kept and how fresh the newest good
// one is, and a full check of one backup on request.
import * as z from 'zod';
import type { BackupListItem, BackupStatus } from '../../domain/backups';
import { channel, result } from '../define';

const ADMIN = ['admin'] as const;

/** A backup's file name as listed (the service refuses anything that is not one of them). */
export const backupFileSchema = z
  .string()
  .trim()
  .min(1, 'Choose one of the listed backups')
  .max(300, 'Choose one of the listed backups');

export const backupChannels = {
  'backups:status': channel({
    summary:
      'Where backups are kept, the newest backup and the newest checked one, and a warning when none is from the last day',
    access: ADMIN,
    input: z.object({}).strict(),
    result: result<BackupStatus>(),
  }),
  'backups:check': channel({
    summary: 'Check one backup in full (integrity check) and record the result',
    access: ADMIN,
    input: z.object({ file: backupFileSchema }).strict(),
    result: result<BackupListItem>(),
  }),
};
