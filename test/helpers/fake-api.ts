// A fake window.api typed from the contract (renderer tests): each channel answers from a handler
// the test gives, or fails loudly so a test never passes on a call it did not expect.

import type {
  Api,
  Channel,
  ChannelInput,
  ChannelOutput,
  IpcError,
  IpcResult,
} from '../../shared/ipc/contract';
import { CHANNELS } from '../../shared/ipc/contract';

export type FakeHandlers = {
  [C in Channel]?: (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** Throw from a fake handler to answer with a typed error. */
export class FakeIpcError extends Error {
  readonly error: IpcError;
  constructor(error: IpcError) {
    super(error.message);
    this.error = error;
  }
}

export type FakeCall = { channel: Channel; input: unknown };

export type FakeApi = { api: Api; calls: FakeCall[]; callsTo(channel: Channel): unknown[] };

export function createFakeApi(handlers: FakeHandlers): FakeApi {
  const calls: FakeCall[] = [];
  const entries = CHANNELS.map((channel) => {
    const fn = async (input: unknown): Promise<IpcResult<unknown>> => {
      calls.push({ channel, input });
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: `The test did not fake ${channel}` },
        };
      }
      try {
        return { ok: true, data: await handler(input) };
      } catch (error) {
        if (error instanceof FakeIpcError) return { ok: false, error: error.error };
        throw error;
      }
    };
    return [channel, fn] as const;
  });
  return {
    api: Object.fromEntries(entries) as unknown as Api,
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
  };
}
