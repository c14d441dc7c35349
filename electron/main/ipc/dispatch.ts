// The checked core of every IPC call, shared by Electron's ipcMain (register.ts) and the browser
// harness bridge. No Electron import: it runs and is fuzzed in plain Node.
// Order: known channel → known user → role → input schema → handler → typed error mapping.

import type * as z from 'zod';
import type { AppUser } from '../../../shared/domain/records';
import {
  CHANNELS,
  contract,
  inputSchemaFor,
  isChannel,
  type Channel,
  type ChannelOutput,
  type ChannelParsed,
  type IpcError,
  type IpcResult,
} from '../../../shared/ipc/contract';
import { canCall } from '../../../shared/ipc/access';
import { fieldErrorsFromZod } from '../../../shared/validation/errors';
import { DISK_FULL_MESSAGE, isDiskFull } from '../store/errors';
import { checkInput } from './input-guard';

export type HandlerContext = { user: AppUser; now: Date; today: string };

export type Handlers = {
  [C in Channel]: (
    input: ChannelParsed<C>,
    ctx: HandlerContext,
  ) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export type DispatchEnv = {
  handlers: Handlers;
  /** The signed-in user (re-read per call, so role changes apply at once), or null if unknown. */
  currentUser(): Promise<AppUser | null>;
  /** True while the database cannot be opened: only recovery channels are served. */
  recoveryNeeded(): boolean;
  now(): Date;
  /** Europe/London calendar date for `now`, for schemas that depend on today. */
  today(now: Date): string;
  /** Where unexpected errors go (never to the renderer). */
  logError(channel: string, error: unknown): void;
};

/**
 * Inputs kept exactly as sent, as JSON (which escapes a lone surrogate instead of replacing it):
 * a draft holds a half-typed form, broken characters and all, until the form's own check asks
 * the user to fix the field.
 */
const LOSSLESS_INPUT_PATHS: Partial<Record<Channel, readonly string[]>> = {
  'drafts:save': ['data'],
};

/** Largest serialised input accepted; the biggest legitimate call (a referral) is far below. */
export const MAX_INPUT_BYTES = 4_000_000;

/**
 * Stands in for the person at this computer while the database cannot be opened: users cannot be
 * looked up then, and the recovery channels (status, restore a verified backup) need no role.
 */
const RECOVERY_USER: AppUser = {
  id: 'recovery',
  osAccount: '',
  displayName: 'Recovery',
  roles: [],
  active: true,
  version: 1,
};

const fail = (error: IpcError): IpcResult<never> => ({ ok: false, error });

/** Map errors thrown by services to typed IPC errors by their class name. */
const NAMED_ERRORS: Record<string, IpcError['code']> = {
  ValidationError: 'VALIDATION',
  PolicyOverrideError: 'VALIDATION',
  NotFoundError: 'NOT_FOUND',
  StaleWriteError: 'STALE',
  StoreUnavailableError: 'RECOVERY_NEEDED',
  SchemaTooNewError: 'RECOVERY_NEEDED',
  DataDirError: 'VALIDATION',
  BackupError: 'CONFLICT',
  ForbiddenError: 'FORBIDDEN',
  ConflictError: 'CONFLICT',
  RecoveryNeededError: 'RECOVERY_NEEDED',
  NetworkPathError: 'VALIDATION',
  DiskFullError: 'DISK_FULL',
};

export function toIpcError(error: unknown): IpcError | null {
  // Before the class names: a full disk can surface as a plain SqliteError or a Node fs error,
  // and the user must hear "disk full", never "something went wrong" or "restore a backup".
  if (isDiskFull(error)) return { code: 'DISK_FULL', message: DISK_FULL_MESSAGE };
  if (!(error instanceof Error)) return null;
  const code = NAMED_ERRORS[error.name];
  if (!code) return null;
  const out: IpcError = { code, message: error.message };
  const fieldErrors = (error as { fieldErrors?: unknown }).fieldErrors;
  if (fieldErrors && typeof fieldErrors === 'object') {
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(fieldErrors)) if (typeof v === 'string') clean[k] = v;
    out.fieldErrors = clean;
  }
  return out;
}

function inputSize(raw: unknown): number {
  try {
    return JSON.stringify(raw ?? null).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export async function dispatch(
  env: DispatchEnv,
  channelName: unknown,
  raw: unknown,
): Promise<IpcResult<unknown>> {
  if (!isChannel(channelName)) {
    return fail({ code: 'UNKNOWN_CHANNEL', message: 'The app asked for something it cannot do.' });
  }
  const channel: Channel = channelName;
  try {
    const spec = contract[channel];
    const recovering = env.recoveryNeeded();
    if (recovering && spec.recovery !== true) {
      return fail({
        code: 'RECOVERY_NEEDED',
        message: 'The database needs to be recovered before Front Door can be used.',
      });
    }
    const user = recovering ? RECOVERY_USER : await env.currentUser();
    if (!user) {
      return fail({
        code: 'NO_USER',
        message:
          'Your computer account is not set up in Front Door. Ask an administrator to add you.',
      });
    }
    if (!canCall(channel, user)) {
      return fail({
        code: 'FORBIDDEN',
        message: `Your role does not allow this (${contract[channel].summary.toLowerCase()}). Ask a manager or administrator if you need it.`,
      });
    }
    if (inputSize(raw) > MAX_INPUT_BYTES) {
      return fail({ code: 'VALIDATION', message: 'What was sent is too large to save.' });
    }
    const unsafe = checkInput(raw, { losslessPaths: LOSSLESS_INPUT_PATHS[channel] ?? [] });
    if (unsafe) {
      return fail({
        code: 'VALIDATION',
        message: 'Some details need correcting before this can be saved.',
        fieldErrors: unsafe,
      });
    }
    const now = env.now();
    const today = env.today(now);
    const schema: z.ZodType = inputSchemaFor(channel, today);
    const parsed = schema.safeParse(raw ?? {});
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFromZod(parsed.error);
      return fail({
        code: 'VALIDATION',
        message: 'Some details need correcting before this can be saved.',
        fieldErrors,
      });
    }
    const handler = env.handlers[channel] as (
      input: unknown,
      ctx: HandlerContext,
    ) => Promise<unknown>;
    const data = await handler(parsed.data, { user, now, today });
    return { ok: true, data };
  } catch (error) {
    const typed = toIpcError(error);
    // A full disk is worth an administrator's attention too (the log line may itself fail to
    // be written, which is why the user's message never depends on it).
    if (typed?.code === 'DISK_FULL') env.logError(channel, error);
    if (typed) return fail(typed);
    env.logError(channel, error);
    return fail({
      code: 'INTERNAL',
      message:
        'Something went wrong and nothing was saved. Try again; if it keeps happening, tell your administrator.',
    });
  }
}

export { CHANNELS };
