// Serves the built pages in local mode, through the gateway's extraRoutes hook: `/` (the seed event),
// `/register/<eventId>`, the organizer console at `/organizer/` with its sign-in settings
// (`/organizer/config.json`), and the fingerprinted assets. In the cloud CloudFront does the same from S3.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildWebAssets, consolePagePath, pagePath, type WebBuildOptions } from './build.ts';
import type { AuthConfig } from './console/auth.ts';
import { consoleConfigPath, consoleContentSecurityPolicy } from './console/config.ts';

/**
 * Same origin as the API, so the page connects to 'self' and, for the files it uploads straight to the
 * bucket, to the bucket's origin (`uploadOrigin`); no inline script or style.
 */
export function formContentSecurityPolicy(uploadOrigin: string): string {
  return `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ${uploadOrigin}; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;
}

export type WebRoutes = (request: IncomingMessage, response: ServerResponse) => boolean;

export function isPageRoute(pathname: string): boolean {
  return pathname === '/' || pathname === pagePath || /^\/register\/[^/]+\/?$/.test(pathname);
}

/** `/organizer`, `/organizer/` and every path below it but the settings: the console routes in the page. */
export function isConsoleRoute(pathname: string): boolean {
  return /^\/organizer(\/.*)?$/.test(pathname) && pathname !== consoleConfigPath;
}

export interface WebRouteOptions extends WebBuildOptions {
  /** The console's sign-in settings, asked for on each request (the provider's address is known late). */
  consoleConfig?: () => AuthConfig;
  /** Where the registration page uploads files (the bucket's origin), for its connect-src. */
  uploadOrigin?: string;
}

export async function createWebRoutes(options: WebRouteOptions = {}): Promise<WebRoutes> {
  const assets = await buildWebAssets(options);
  const policy = formContentSecurityPolicy(options.uploadOrigin ?? '');
  return (request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const config = options.consoleConfig?.();
    if (pathname === consoleConfigPath && config) {
      const body = Buffer.from(JSON.stringify(config));
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length), 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
      response.end(method === 'HEAD' ? undefined : body);
      return true;
    }
    const inConsole = isConsoleRoute(pathname) && config !== undefined;
    const asset = isPageRoute(pathname) ? assets.get(pagePath) : inConsole ? assets.get(consolePagePath) : pathname.startsWith('/assets/') ? assets.get(pathname) : undefined;
    if (!asset) return false;
    response.writeHead(200, {
      'content-type': asset.contentType,
      'content-length': String(asset.body.length),
      'cache-control': asset.cacheControl,
      'content-security-policy': inConsole && config ? consoleContentSecurityPolicy(new URL(config.tokenEndpoint).origin) : policy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    response.end(method === 'HEAD' ? undefined : asset.body);
    return true;
  };
}
