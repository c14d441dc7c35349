import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mainWindowOptions } from '../../../electron/main/window-options';
import { CONTENT_SECURITY_POLICY, isAppUrl } from '../../../electron/main/security';
import { resolveRendererFile } from '../../../electron/main/protocol-path';

describe('main window hardening (reliability promise 6)', () => {
  const prefs = mainWindowOptions('/app/preload/index.cjs').webPreferences ?? {};

  it('isolates and sandboxes the renderer with no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/preload/index.cjs');
  });

  it('leaves webSecurity and insecure content at their safe defaults', () => {
    expect('webSecurity' in prefs).toBe(false);
    expect('allowRunningInsecureContent' in prefs).toBe(false);
  });

  it('has a CSP without unsafe-eval or remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it('accepts only the exact app origin', () => {
    expect(isAppUrl('app://front-door/index.html')).toBe(true);
    expect(isAppUrl('app://front-door.evil/index.html')).toBe(false);
    expect(isAppUrl('app://evil/front-door')).toBe(false);
    expect(isAppUrl('https://front-door/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('app:// path-traversal guard', () => {
  const root = mkdtempSync(join(tmpdir(), 'fd-renderer-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');

  it('serves files inside the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://front-door/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://front-door/assets/a.js')).toBe(
      join(root, 'assets', 'a.js'),
    );
  });

  it('refuses paths that escape it, encoded or not', () => {
    // The URL parser resolves dot segments first; the result stays inside the root.
    expect(resolveRendererFile(root, 'app://front-door/../secret')).toBe(join(root, 'secret'));
    expect(resolveRendererFile(root, 'app://front-door/%2e%2e/%2e%2e/etc/passwd')).toBe(
      join(root, 'etc', 'passwd'),
    );
    expect(resolveRendererFile(root, 'app://front-door/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveRendererFile(root, 'app://front-door/a%00.html')).toBeNull();
    expect(resolveRendererFile(root, 'app://front-door/%E0%A4%A')).toBeNull();
  });
});
