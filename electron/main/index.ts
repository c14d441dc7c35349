import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createSessionEnv } from './ipc/env';
import { registerIpc } from './ipc/register';
import { devNativeBinding } from './native-binding';
import { registerAppSchemePrivileges, serveRenderer } from './protocol';
import { denyAllPermissions, guardNavigation } from './security';
import { createServices, systemClock } from './services';
import { resolveDataDir } from './store/data-dir';
import { openStore, type Store } from './store/store';
import { createMainWindow } from './window';

// App lifecycle only (architecture §1). Everything else lives in services.

// One writer per database file: a second launch focuses the first window (reliability §Durability).
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

  // A clean close removes the session marker, so the next start skips the recovery check.
  app.on('will-quit', () => {
    store?.close();
  });

  void app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    serveRenderer(join(import.meta.dirname, '../renderer'));

    const dataDir = resolveDataDir({
      env: process.env,
      platform: process.platform,
      homedir: homedir(),
    });
    store = openStore({
      dataDir,
      nativeBinding: app.isPackaged
        ? undefined
        : devNativeBinding(app.getAppPath(), process.versions.electron),
    });
    const status = store.status();
    if (status.state === 'refused') {
      // A network share or an unusable folder: say why and stop, rather than risk the records.
      dialog.showErrorBox('Front Door cannot open its database', status.reason ?? 'Unknown reason');
      app.quit();
      return;
    }
    const services = createServices(store, systemClock);
    const env = createSessionEnv({ store, services, clock: systemClock });
    // Recovery-needed still starts the window: the renderer shows the recovery screen.
    await env.signIn();
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
