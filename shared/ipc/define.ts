import type * as z from 'zod';
import type { UserRole } from '../domain/types';
import type { ValidationContext } from '../validation/fields';

/** Error codes every IPC call can return instead of data. Never a stack trace. */
export const IPC_ERROR_CODES = [
  'VALIDATION',
  'FORBIDDEN',
  'NOT_FOUND',
  'STALE',
  'CONFLICT',
  'BAD_SENDER',
  'UNKNOWN_CHANNEL',
  'NO_USER',
  'RECOVERY_NEEDED',
  /** The disk holding the data is full: nothing was saved; free space and try again. */
  'DISK_FULL',
  'INTERNAL',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export type IpcError = {
  code: IpcErrorCode;
  message: string;
  /** Dotted field path → message, for the GOV.UK error summary and the message beside the field. */
  fieldErrors?: Record<string, string>;
};

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

/** Who may call a channel: a list of roles, or any known user (even with no roles yet). */
export type ChannelAccess = readonly UserRole[] | 'any-user';

/** A schema, or a factory for one when validation depends on today's date (e.g. date of birth). */
export type InputSchema = z.ZodType | ((ctx: ValidationContext) => z.ZodType);

export type ChannelSpec<S extends InputSchema, O> = {
  /** What the channel does, in a sentence (shown in the role matrix test output). */
  summary: string;
  access: ChannelAccess;
  /**
   * Served while the database cannot be opened (recovery screen). No app user can be looked up
   * then, so such channels act for whoever is signed in to this computer.
   */
  recovery?: boolean;
  input: S;
  /** Phantom: carries the result type only. */
  result: O;
};

/** Build a channel spec; `result<T>()` carries the output type without a runtime value. */
export function channel<S extends InputSchema, O>(spec: ChannelSpec<S, O>): ChannelSpec<S, O> {
  return spec;
}

// A phantom: the type parameter is the whole point (it carries the channel's result type).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function result<T>(): T {
  return undefined as T;
}

export type SchemaOf<S> = S extends (ctx: ValidationContext) => infer Z ? Z : S;
