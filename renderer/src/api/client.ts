// Typed client over window.api (architecture §1: src/api). Every call unwraps the IpcResult and
// throws an ApiError carrying the typed error, so screens deal with data or one error type.

import type {
  Api,
  Channel,
  ChannelInput,
  ChannelOutput,
  IpcError,
  IpcErrorCode,
  IpcResult,
} from '../../../shared/ipc/contract';
import type { AppEventsApi } from '../../../shared/ipc/events';

declare global {
  interface Window {
    /** Provided by the Electron preload, or by the browser harness bridge. */
    api?: Api;
    /** The events map (main → window): progress of long work. Same providers as `api`. */
    appEvents?: AppEventsApi;
  }
}

export class ApiError extends Error {
  readonly code: IpcErrorCode;
  readonly fieldErrors: Record<string, string> | undefined;

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.fieldErrors = error.fieldErrors;
  }
}

const NOT_CONNECTED: IpcError = {
  code: 'INTERNAL',
  message: 'Front Door cannot reach its data. Close the app and open it again.',
};

function isIpcResult(value: unknown): value is IpcResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  return (
    value.ok === false &&
    'error' in value &&
    typeof value.error === 'object' &&
    value.error !== null &&
    'message' in value.error
  );
}

/** Call one channel of the contract; resolves with its data or throws an ApiError. */
export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const api = window.api;
  if (!api) throw new ApiError(NOT_CONNECTED);
  const fn = api[channel] as (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
  let result: unknown;
  try {
    result = await fn(input);
  } catch {
    throw new ApiError(NOT_CONNECTED);
  }
  if (!isIpcResult(result)) throw new ApiError(NOT_CONNECTED);
  if (result.ok) return result.data as ChannelOutput<C>;
  throw new ApiError(result.error);
}

/** A message fit to show a practitioner for anything a query or mutation threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again; if it keeps happening, tell your administrator.';
}
