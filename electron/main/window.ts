import { BrowserWindow } from 'electron';
import { APP_ORIGIN, guardNavigation } from './security';
import { mainWindowOptions } from './window-options';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  guardNavigation(window.webContents);
  window.once('ready-to-show', () => {
    window.show();
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
