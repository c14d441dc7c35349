// Channels for the idle lock (issue 14): the renderer hides case data after the set time without
// use, and records in the audit log when the screen locked and when the person came back. The
// time itself is a setting the administrator changes (settings key 'idle-lock').
import * as z from 'zod';
import {
  IDLE_LOCK_MAX_MINUTES,
  IDLE_LOCK_MIN_MINUTES,
  type IdleLockSetting,
} from '../../domain/idle-lock';
import { channel, result } from '../define';

const ADMIN = ['admin'] as const;

const MINUTES_MESSAGE = `Enter a whole number of minutes from ${String(IDLE_LOCK_MIN_MINUTES)} to ${String(IDLE_LOCK_MAX_MINUTES)}`;

/** "Lock after (minutes)": the form and the main process check it with this one schema. */
export const idleLockMinutesSchema = z
  .number({ error: MINUTES_MESSAGE })
  .int(MINUTES_MESSAGE)
  .min(IDLE_LOCK_MIN_MINUTES, MINUTES_MESSAGE)
  .max(IDLE_LOCK_MAX_MINUTES, MINUTES_MESSAGE);

export const sessionChannels = {
  'session:lock': channel({
    summary: 'Record that the screen locked itself after a time without use (audited)',
    access: 'any-user',
    input: z.object({ idleMinutes: idleLockMinutesSchema }).strict(),
    result: result<{ lockedAt: string }>(),
  }),
  'session:unlock': channel({
    summary: 'Record that the person came back and unlocked the screen (audited)',
    access: 'any-user',
    input: z.object({}).strict(),
    result: result<{ unlockedAt: string }>(),
  }),
  'session:lock-setting': channel({
    summary: 'How many minutes without use before the screen locks',
    access: 'any-user',
    input: z.object({}).strict(),
    result: result<IdleLockSetting>(),
  }),
  'session:set-lock-setting': channel({
    summary: 'Change how many minutes without use before the screen locks (audited)',
    access: ADMIN,
    input: z
      .object({
        minutes: idleLockMinutesSchema,
        version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      })
      .strict(),
    result: result<IdleLockSetting>(),
  }),
};
