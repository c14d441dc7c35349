// The files port that writes into a folder: the tests' port, and the default when no other is
// given. It never overwrites: a second file of the same name gets " (2)", like a browser download.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { ConflictError } from '../store/errors';
import type { FilesPort } from './ports';

/** Only the characters every desktop file system accepts; the reference keeps its hyphens. */
export function safeFileName(name: string): string {
  const cleaned = basename(name)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '-')
    .replace(/^[.\s]+/, '')
    .slice(0, 120)
    .trim();
  return cleaned === '' ? 'document' : cleaned;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

function refusal(error: unknown): ConflictError {
  const why =
    isCode(error, 'ENOSPC') || isCode(error, 'EDQUOT')
      ? 'the disk is full'
      : 'Front Door cannot write there';
  // No `cause`: a full disk here is not the data disk, and must not be reported as it.
  return new ConflictError(
    `The file could not be saved (${why}). It is kept in Front Door: download it again to choose another folder.`,
  );
}

/**
 * Writes each offered file into `dir` (made on first use, or a fresh temp folder when omitted).
 * A file that cannot be written is refused with the reason; the document stays kept in Front
 * Door either way, so it can be downloaded again.
 */
export function createFolderFilesPort(dir?: string): FilesPort & { folder(): string } {
  let folder = dir ?? null;
  const ensure = (): string => {
    folder ??= mkdtempSync(join(tmpdir(), 'front-door-files-'));
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    return folder;
  };
  return {
    folder: ensure,
    offer(file) {
      let into: string;
      try {
        into = ensure();
      } catch (error) {
        return Promise.reject(refusal(error));
      }
      const name = safeFileName(file.suggestedName);
      const ext = extname(name);
      const stem = name.slice(0, name.length - ext.length);
      for (let n = 1; n < 1_000; n++) {
        const path = join(into, n === 1 ? name : `${stem} (${String(n)})${ext}`);
        try {
          // 'wx': fails if the file exists, so nothing is ever overwritten.
          writeFileSync(path, file.bytes, { flag: 'wx', mode: 0o600 });
          return Promise.resolve({ kind: 'saved' as const, location: path });
        } catch (error) {
          if (isCode(error, 'EEXIST')) continue;
          return Promise.reject(refusal(error));
        }
      }
      return Promise.reject(
        new ConflictError('There are too many files of that name in the folder. Choose another.'),
      );
    },
  };
}
