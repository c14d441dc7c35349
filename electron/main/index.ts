import { app, BrowserWindow, ipcMain, session } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createSessionEnv } from './ipc/env';
import { registerIpc } from './ipc/register';
import { devNativeBinding } from './native-binding';
import { registerAppSchemePrivileges, serveRenderer } from './protocol';
import { denyAllPermissions, guardNavigation } from './security';
import { createDialogFilesPort } from './files-dialog';
import { createServices, systemClock } from './services';
import { createEventHub } from './services/events-hub';
import { resolveDataDir } from './store/data-dir';
import { startUp } from './startup';
import type { Store } from './store/store';
import { createMainWindow } from './window';

// App lifecycle only (architecture §1). Everything else lives in services.

// A second launch by the same account focuses the first window. This lock is per OS account; the
// store's own data-folder lock (store/folder-lock.ts) keeps other accounts and processes out.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppSchemePrivileges();
  let mainWindow: BrowserWindow | null = null;
  let store: Store | null = null;
  const preload = join(import.meta.dirname, '../preload/index.cjs');

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // A clean close removes the session marker (the next start knows the last run ended properly)
  // and lets go of the data folder's lock.
  app.on('will-quit', () => {
    store?.close();
  });

  void app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    serveRenderer(join(import.meta.dirname, '../renderer'));

    // Progress of long work goes to every open window of ours (the events map).
    const events = createEventHub();
    events.listen((name, payload) => {
      for (const window of BrowserWindow.getAllWindows()) {
        if (!window.isDestroyed()) window.webContents.send(`event:${name}`, payload);
      }
    });
    const dataDir = resolveDataDir({
      env: process.env,
      platform: process.platform,
      homedir: homedir(),
    });
    // Every start-up failure (folder, lock, open, check, sign-in) becomes a typed status: the
    // window always opens, and the renderer shows the recovery or start-up error screen.
    const started = await startUp({
      storeOptions: {
        dataDir,
        // The window shows at once; the check of a large file runs after it, saves held.
        checkInBackground: true,
        nativeBinding: app.isPackaged
          ? undefined
          : devNativeBinding(app.getAppPath(), process.versions.electron),
      },
      createEnv: (opened) =>
        createSessionEnv({
          store: opened,
          services: createServices(opened, systemClock, {
            files: createDialogFilesPort(() => mainWindow),
            events,
          }),
          clock: systemClock,
        }),
    });
    store = started.store;
    const env = started.env;
    registerIpc(ipcMain, env);

    mainWindow = createMainWindow(preload);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(preload);
    });
  });
}
