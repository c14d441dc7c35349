// The harness's files port: a real browser download. Offering a file keeps its bytes under a
// one-time, unguessable address for a few minutes; the page follows it (renderer/src/api/files.ts)
// and the browser saves the file as a download, as Playwright's `page.waitForEvent('download')`
// sees it. Not part of the app: the app shows a save dialog (electron/main/files-dialog.ts).
import { randomBytes } from 'node:crypto';
import { safeFileName } from '../../electron/main/services/files-folder';
import type { FilesPort } from '../../electron/main/services/ports';

export const DOWNLOAD_PREFIX = '/__harness/files/';
const KEEP_MS = 10 * 60_000;

type Pending = { fileName: string; mime: string; bytes: Uint8Array; until: number };

export type DownloadRegistry = {
  port: FilesPort;
  /** Takes the file for a one-time address (null when unknown, used or expired). */
  take(pathname: string, now?: number): Pending | null;
};

export function createDownloadRegistry(): DownloadRegistry {
  const pending = new Map<string, Pending>();
  const sweep = (now: number) => {
    for (const [key, p] of pending) if (p.until < now) pending.delete(key);
  };
  return {
    port: {
      offer(file) {
        const now = Date.now();
        sweep(now);
        const key = randomBytes(24).toString('base64url');
        const fileName = safeFileName(file.suggestedName);
        pending.set(key, { fileName, mime: file.mime, bytes: file.bytes, until: now + KEEP_MS });
        return Promise.resolve({ kind: 'download', url: `${DOWNLOAD_PREFIX}${key}`, fileName });
      },
    },
    take(pathname, now = Date.now()) {
      const key = pathname.slice(DOWNLOAD_PREFIX.length);
      const found = pending.get(key);
      pending.delete(key);
      if (!found || found.until < now) return null;
      return found;
    },
  };
}

/** Content-Disposition with the name as typed and an ASCII fallback (RFC 6266, RFC 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
