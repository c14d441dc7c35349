// The process boundaries are enforced by lint, not by memory: services, the store, documents and
// the IPC core run in plain Node (app, harness, tests), so importing Electron there is an error.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Only the import rule, without type information (the rule needs none; building the TypeScript
// program for type-aware rules would take most of a minute).
const eslint = new ESLint({
  cwd: process.cwd(),
  ruleFilter: ({ ruleId }) => ruleId === '@typescript-eslint/no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

const IMPORTS_ELECTRON = "import { dialog } from 'electron';\nexport const d = dialog;\n";

describe('lint boundaries', () => {
  // Loading the configuration and parser takes a few seconds once.
  beforeAll(() => eslint.calculateConfigForFile('electron/main/services/documents.ts'), 30_000);

  it.each([
    'electron/main/services/documents.ts',
    'electron/main/store/store.ts',
    'electron/main/documents/invite-ics.ts',
    'electron/main/ipc/dispatch.ts',
    'electron/main/ipc/handlers.ts',
  ])('refuses an Electron import in %s', async (file) => {
    const errors = await restrictedImportErrors(file, IMPORTS_ELECTRON);
    expect(errors.join('\n')).toMatch(/must not import Electron/);
  });

  it('allows it where the app meets Electron (the window, the save dialog port)', async () => {
    expect(await restrictedImportErrors('electron/main/files-dialog.ts', IMPORTS_ELECTRON)).toEqual(
      [],
    );
  });
});
