// Serves the built page in local mode, through the gateway's extraRoutes hook: `/` (the seed event),
// `/register/<eventId>`, the organizer console at `/organizer/`, and the fingerprinted assets. In the
// cloud CloudFront does the same from S3.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildWebAssets, consolePagePath, pagePath, type WebBuildOptions } from './build.ts';

/** Same origin as the API, so the page needs `connect-src 'self'` only; no inline script or style. */
export const formContentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export type WebRoutes = (request: IncomingMessage, response: ServerResponse) => boolean;

export function isPageRoute(pathname: string): boolean {
  return pathname === '/' || pathname === pagePath || /^\/register\/[^/]+\/?$/.test(pathname);
}

/** The console is one page; its own routes are in the hash (#/events/...), which never reaches a server. */
export function isConsoleRoute(pathname: string): boolean {
  return pathname === '/organizer' || pathname === '/organizer/' || pathname === consolePagePath;
}

function assetPath(pathname: string): string | undefined {
  if (isPageRoute(pathname)) return pagePath;
  if (isConsoleRoute(pathname)) return consolePagePath;
  return pathname.startsWith('/assets/') ? pathname : undefined;
}

export async function createWebRoutes(options: WebBuildOptions = {}): Promise<WebRoutes> {
  const assets = await buildWebAssets(options);
  return (request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const path = assetPath(pathname);
    const asset = path ? assets.get(path) : undefined;
    if (!asset) return false;
    response.writeHead(200, {
      'content-type': asset.contentType,
      'content-length': String(asset.body.length),
      'cache-control': asset.cacheControl,
      'content-security-policy': formContentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    response.end(method === 'HEAD' ? undefined : asset.body);
    return true;
  };
}
