// DevTools, the default menu and the spellchecker (reliability promise 6; "nothing is sent
// anywhere"). Tested through the pure options builder and fake Menu/Session ports, since the
// Electron binary is not available here.
import type { Menu, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  disableSpellChecker,
  installApplicationMenu,
  type MenuPort,
} from '../../../electron/main/security';
import { applicationMenuTemplate, mainWindowOptions } from '../../../electron/main/window-options';

function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

function fakeMenu(): MenuPort & { set: (Menu | null)[]; built: MenuItemConstructorOptions[][] } {
  const set: (Menu | null)[] = [];
  const built: MenuItemConstructorOptions[][] = [];
  return {
    set,
    built,
    setApplicationMenu: (m) => set.push(m),
    buildFromTemplate: (t) => {
      built.push(t);
      return { items: t } as unknown as Menu;
    },
  };
}

describe('DevTools and spellcheck in the window options', () => {
  it('switches DevTools off in an installed build, on only in development', () => {
    expect(mainWindowOptions('/p', { packaged: true }).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p', { packaged: false }).webPreferences?.devTools).toBe(true);
  });

  it('assumes an installed build when not told', () => {
    expect(mainWindowOptions('/p').webPreferences?.devTools).toBe(false);
  });

  it('turns the spellchecker off (it would download dictionaries)', () => {
    expect(mainWindowOptions('/p', { packaged: true }).webPreferences?.spellcheck).toBe(false);
    expect(mainWindowOptions('/p', { packaged: false }).webPreferences?.spellcheck).toBe(false);
    const calls: boolean[] = [];
    disableSpellChecker({ setSpellCheckerEnabled: (on: boolean) => calls.push(on) });
    expect(calls).toEqual([false]);
  });
});

describe('application menu', () => {
  it.each(['win32', 'linux'] as const)('has no menu at all on %s', (platform) => {
    const menu = fakeMenu();
    installApplicationMenu(menu, platform);
    expect(menu.set).toEqual([null]);
    expect(menu.built).toEqual([]);
  });

  it('keeps only quit and editing on macOS: no DevTools, no reload', () => {
    const menu = fakeMenu();
    installApplicationMenu(menu, 'darwin');
    expect(menu.set).toHaveLength(1);
    expect(menu.set[0]).not.toBeNull();
    const template = applicationMenuTemplate('darwin') ?? [];
    const all = roles(template);
    expect(all).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'cut', 'selectAll']));
    for (const banned of ['toggleDevTools', 'reload', 'forceReload', 'viewMenu', 'windowMenu'])
      expect(all).not.toContain(banned);
    expect(JSON.stringify(template)).not.toMatch(/devtools|reload/i);
  });
});
