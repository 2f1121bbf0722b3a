// The console's sign-in settings, served as /organizer/config.json on the site's origin: by the local
// gateway (web/serve.ts) for the local identity provider, and written into the site bucket by the CDK
// stack (infra/site.ts) for Cognito's managed login. Both build it here, from the same paths.
import type { AuthConfig } from './auth.ts';

export const consolePath = '/organizer/';
export const consoleConfigPath = '/organizer/config.json';
export const consoleScopes = ['openid', 'email', 'profile'];

export interface ConsoleConfigSource {
  /** The `iss` of the tokens: Cognito's https://cognito-idp.<region>.amazonaws.com/<poolId>, or the local provider. */
  issuer: string;
  /** Where the sign-in pages are, without a trailing slash: the Cognito domain, or the local provider. */
  loginBaseUrl: string;
  clientId: string;
  /** The site's origin, without a trailing slash. */
  siteUrl: string;
}

/** Cognito's managed login and the local provider answer on the same paths. */
export function consoleAuthConfig(source: ConsoleConfigSource): AuthConfig {
  const consoleUrl = `${source.siteUrl}${consolePath}`;
  return {
    issuer: source.issuer,
    authorizationEndpoint: `${source.loginBaseUrl}/oauth2/authorize`,
    tokenEndpoint: `${source.loginBaseUrl}/oauth2/token`,
    endSessionEndpoint: `${source.loginBaseUrl}/logout`,
    clientId: source.clientId,
    scopes: consoleScopes,
    redirectUri: consoleUrl,
    postLogoutRedirectUri: consoleUrl,
  };
}

/**
 * The console page's policy: scripts and styles of its own origin, and calls to the API (same origin)
 * and the token endpoint (the sign-in origin). No inline script or style.
 */
export function consoleContentSecurityPolicy(loginOrigin: string): string {
  return `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ${loginOrigin}; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;
}
