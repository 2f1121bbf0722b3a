// Serves the built page in local mode, through the gateway's extraRoutes hook: `/` (the seed event),
// `/register/<eventId>` and the fingerprinted assets. In the cloud CloudFront does the same from S3.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildWebAssets, pagePath, type WebBuildOptions } from './build.ts';

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

export async function createWebRoutes(options: WebBuildOptions & { uploadOrigin?: string } = {}): Promise<WebRoutes> {
  const assets = await buildWebAssets(options);
  const policy = formContentSecurityPolicy(options.uploadOrigin ?? '');
  return (request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const asset = isPageRoute(pathname) ? assets.get(pagePath) : pathname.startsWith('/assets/') ? assets.get(pathname) : undefined;
    if (!asset) return false;
    response.writeHead(200, {
      'content-type': asset.contentType,
      'content-length': String(asset.body.length),
      'cache-control': asset.cacheControl,
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    response.end(method === 'HEAD' ? undefined : asset.body);
    return true;
  };
}
