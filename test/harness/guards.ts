// Request checks for the harness bridge. The harness serves real children's records (fictional in
// tests, but the code is the same) to a browser, so it guards like a small server would: loopback
// only, a per-run secret, no DNS rebinding, no cross-origin posts (reliability promise 6).

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_HEADER = 'x-front-door-token';
export const API_PREFIX = '/__harness/api/';
export const BRIDGE_PATH = '/__harness/bridge.js';

/** A fresh per-run secret: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal without leaking them. */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 1_000) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** The two names a browser on this machine may use for the harness. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * DNS-rebinding guard: a page on evil.example that re-points its name at 127.0.0.1 still sends
 * `Host: evil.example:PORT`, so only the loopback names are served.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (typeof host !== 'string') return false;
  return allowedHosts(port).includes(host.toLowerCase());
}

/** A browser sends Origin on cross-origin and on POST requests; when present it must be ours. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

/** `application/json`, optionally with a charset: anything else is refused before parsing. */
export function isJsonContentType(value: string | undefined): boolean {
  if (typeof value !== 'string') return false;
  return value.split(';')[0]?.trim().toLowerCase() === 'application/json';
}
