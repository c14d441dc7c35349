import { resolve, sep, normalize } from 'node:path';

/**
 * Map an app:// request URL to a file under the built renderer folder, or null when the path
 * would escape it (path-traversal guard; reliability promise 6). Kept free of Electron so it
 * is tested in plain Node.
 */
export function resolveRendererFile(rendererRoot: string, requestUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative =
    pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rendererRoot);
  const target = resolve(root, normalize(relative));
  if (target !== root && !target.startsWith(root + sep)) return null;
  return target;
}
