// The app's files port: the native save dialog, opening in the user's Documents folder with the
// name the service chose (built from the case reference, never a child's name). The file is
// written beside its final name and renamed into place, so a full disk or a crash never leaves a
// half-written PDF where the user expects a whole one.
import { type BrowserWindow, app, dialog } from 'electron';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { ConflictError } from './store/errors';
import { safeFileName } from './services/files-folder';
import type { FilesPort } from './services/ports';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  'application/pdf': { name: 'PDF document', extensions: ['pdf'] },
  'text/calendar': { name: 'Calendar invite', extensions: ['ics'] },
  'message/rfc822': { name: 'Email draft', extensions: ['eml'] },
  'text/csv': { name: 'CSV file', extensions: ['csv'] },
};

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

export function createDialogFilesPort(window: () => BrowserWindow | null): FilesPort {
  return {
    async offer(file) {
      const name = safeFileName(file.suggestedName);
      const filter = FILTERS[file.mime.split(';')[0]?.trim() ?? ''] ?? {
        name: 'File',
        extensions: [extname(name).slice(1) || '*'],
      };
      const options = {
        title: 'Save a copy',
        defaultPath: join(app.getPath('documents'), name),
        filters: [filter],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
          'createDirectory' | 'showOverwriteConfirmation'
        >,
      };
      const owner = window();
      const chosen = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return { kind: 'cancelled' };
      const target = chosen.filePath;
      const partial = join(dirname(target), `.${safeFileName(name)}.${String(process.pid)}.part`);
      try {
        await writeFile(partial, file.bytes, { mode: 0o600 });
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        const code = errorCode(error);
        const why =
          code === 'ENOSPC' || code === 'EDQUOT'
            ? 'the disk is full'
            : code === 'EACCES' || code === 'EPERM'
              ? 'you cannot save files in that folder'
              : 'the folder could not be written to';
        throw new ConflictError(
          `The file could not be saved (${why}). It is kept in Front Door: download it again and choose another folder.`,
        );
      }
      return { kind: 'saved', location: target };
    },
  };
}
