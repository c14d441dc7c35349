import type { IpcMain, WebFrameMain } from 'electron';
import { CHANNELS } from '../../../shared/ipc/contract';
import { isAppUrl } from '../security';
import { dispatch, type DispatchEnv } from './dispatch';

/**
 * The sender must be our own top-level frame on app:// (Electron security checklist 17):
 * a parsed URL with the exact origin, not a prefix match.
 */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Register one ipcMain handler per contract channel; each checks sender, role and input. */
export function registerIpc(ipcMain: IpcMain, env: DispatchEnv): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, raw: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return {
          ok: false,
          error: {
            code: 'BAD_SENDER',
            message: 'Request refused: it did not come from Front Door.',
          },
        };
      }
      return dispatch(env, channel, raw);
    });
  }
}
