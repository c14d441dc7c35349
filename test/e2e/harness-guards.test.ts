// The harness bridge's request checks and HTML injection, without a browser.

import { describe, expect, it } from 'vitest';
import { bridgeScript, injectBridge } from '../harness/bridge';
import {
  hostAllowed,
  isJsonContentType,
  newToken,
  originAllowed,
  tokenMatches,
} from '../harness/guards';

describe('harness guards', () => {
  it('makes a long random token per run', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
  });

  it('accepts only the exact token', () => {
    const t = newToken();
    expect(tokenMatches(t, t)).toBe(true);
    expect(tokenMatches(t, `${t}x`)).toBe(false);
    expect(tokenMatches(t, t.slice(1))).toBe(false);
    expect(tokenMatches(t, '')).toBe(false);
    expect(tokenMatches(t, undefined)).toBe(false);
    expect(tokenMatches(t, 'x'.repeat(5_000))).toBe(false);
  });

  it('serves only loopback host names on its own port (DNS rebinding)', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true);
    expect(hostAllowed('localhost:4000', 4000)).toBe(true);
    expect(hostAllowed('LOCALHOST:4000', 4000)).toBe(true);
    expect(hostAllowed('127.0.0.1:4001', 4000)).toBe(false);
    expect(hostAllowed('evil.example:4000', 4000)).toBe(false);
    expect(hostAllowed('127.0.0.1', 4000)).toBe(false);
    expect(hostAllowed(undefined, 4000)).toBe(false);
  });

  it('accepts no Origin (same-origin GET) or our own, nothing else', () => {
    expect(originAllowed(undefined, 4000)).toBe(true);
    expect(originAllowed('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(originAllowed('http://localhost:4000', 4000)).toBe(true);
    expect(originAllowed('null', 4000)).toBe(false);
    expect(originAllowed('http://127.0.0.1:4000.evil.example', 4000)).toBe(false);
    expect(originAllowed('https://127.0.0.1:4000', 4000)).toBe(false);
  });

  it('wants JSON', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });

  it('puts the bridge before the app module script and lists every channel', () => {
    const html =
      '<html><head><script type="module" crossorigin src="./assets/index.js"></script></head></html>';
    const out = injectBridge(html, '/__harness/bridge.js');
    expect(out.indexOf('/__harness/bridge.js')).toBeLessThan(out.indexOf('type="module"'));
    const script = bridgeScript(['session:current', 'referrals:list']);
    expect(script).toContain('"session:current"');
    expect(script).toContain('history.replaceState');
    expect(script).toContain('sessionStorage');
  });
});
