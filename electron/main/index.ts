import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { registerAppSchemePrivileges, serveRenderer } from './protocol';
import { denyAllPermissions, guardNavigation } from './security';
import { createMainWindow } from './window';

// App lifecycle only (architecture §1). Everything else lives in services.

// One writer per database file: a second launch focuses the first window (reliability §Durability).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppSchemePrivileges();
  let mainWindow: BrowserWindow | null = null;

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

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    serveRenderer(join(import.meta.dirname, '../renderer'));
    mainWindow = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'));
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) {
        mainWindow = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'));
      }
    });
  });
}
