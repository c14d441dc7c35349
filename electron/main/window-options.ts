import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';

export type WindowContext = {
  /**
   * True in an installed build (Electron's app.isPackaged). DevTools are then switched off: a
   * console in a window full of child-protection records would let anyone at the keyboard read
   * or change what the renderer holds, past every check the screens make.
   */
  readonly packaged: boolean;
};

/**
 * Hardened options for the main window (Electron security checklist; reliability promise 6).
 * A pure function so a plain-Node test can check every flag. Without a context it assumes an
 * installed build, so forgetting to pass one never turns DevTools on.
 */
export function mainWindowOptions(
  preloadPath: string,
  context: WindowContext = { packaged: true },
): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Front Door',
    backgroundColor: '#f5f7fa',
    // No menu bar on Windows and Linux (the default one offers Reload and Toggle Developer Tools).
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      devTools: !context.packaged,
      // Chromium's spellchecker downloads Hunspell dictionaries from Google's servers on Windows
      // and Linux (https://www.electronjs.org/docs/latest/tutorial/spellchecker), which breaks
      // "nothing is sent anywhere"; and it would send nothing useful for names anyway.
      spellcheck: false,
      // webSecurity and allowRunningInsecureContent are left at their safe defaults.
    },
  };
}

/**
 * The application menu. Windows and Linux get none (null removes Electron's default menu, with
 * its Reload and Toggle Developer Tools, and the menu bar with it:
 * https://www.electronjs.org/docs/latest/api/menu#menusetapplicationmenumenu). macOS keeps a
 * minimal one, because there Quit and the Cut/Copy/Paste keyboard shortcuts live in the menu.
 */
export function applicationMenuTemplate(
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [
    {
      label: 'Front Door',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'close' }] },
  ];
}
