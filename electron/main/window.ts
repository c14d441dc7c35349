import { app, BrowserWindow, Menu } from 'electron';
import {
  APP_ORIGIN,
  disableSpellChecker,
  guardNavigation,
  installApplicationMenu,
} from './security';
import { mainWindowOptions } from './window-options';

export function createMainWindow(preloadPath: string): BrowserWindow {
  // Called after app 'ready' (index.ts), when Electron has set its default menu: replace it.
  installApplicationMenu(Menu, process.platform);
  const window = new BrowserWindow(mainWindowOptions(preloadPath, { packaged: app.isPackaged }));
  disableSpellChecker(window.webContents.session);
  guardNavigation(window.webContents);
  window.once('ready-to-show', () => {
    window.show();
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
