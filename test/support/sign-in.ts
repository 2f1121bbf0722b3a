// Signing in through the local identity provider the way a browser does, with fetch: the
// authorization request, the sign-in form, the redirect back with a code, and the token request with
// the PKCE verifier. Cookies are carried by hand, per origin, as a browser would keep them.
import { createHash, randomBytes } from 'node:crypto';
import type { AuthConfig } from '../../web/console/auth.ts';

export interface Tokens {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
  scope?: string;
}

/** The cookies a browser would keep for the provider's origin (all of them; paths are ignored). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface SignInAttempt {
  config: AuthConfig;
  jar: CookieJar;
  /** The sign-in form's address (the interaction's). */
  formAction: string;
  /** The page with the form, as served. */
  formPage: Response;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface Submitted {
  /** The provider's answer to the form post itself. */
  response: Response;
  /** When the post signed in: the console's address with ?code&state, after following the provider's redirects. */
  callback?: URL;
}

export async function consoleConfig(siteUrl: string): Promise<AuthConfig> {
  return (await (await fetch(`${siteUrl}/organizer/config.json`)).json()) as AuthConfig;
}

/** A request that carries the jar's cookies, keeps the ones it is given, and follows no redirect. */
async function send(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
  jar.keep(response);
  return response;
}

/** Follows the provider's redirects until one leaves it (the callback) or a page is answered. */
async function follow(jar: CookieJar, config: AuthConfig, response: Response): Promise<{ page: Response } | { leftTo: URL }> {
  let current = response;
  const provider = new URL(config.authorizationEndpoint).origin;
  while (current.status >= 300 && current.status < 400) {
    const next = new URL(current.headers.get('location')!, provider);
    await current.body?.cancel();
    if (next.origin !== provider) return { leftTo: next };
    current = await send(jar, next.href);
  }
  return { page: current };
}

export function authorizationUrl(config: AuthConfig, parameters: Record<string, string>): string {
  const url = new URL(config.authorizationEndpoint);
  for (const [name, value] of Object.entries({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scopes.join(' '),
    ...parameters,
  })) {
    url.searchParams.set(name, value);
  }
  return url.href;
}

export const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** Opens the authorization endpoint as the console's redirect does and arrives at the sign-in form. */
export async function startSignIn(siteUrl: string): Promise<SignInAttempt> {
  const config = await consoleConfig(siteUrl);
  const jar = new CookieJar();
  const [state, nonce, codeVerifier] = [randomBytes(16), randomBytes(16), randomBytes(32)].map((bytes) => bytes.toString('base64url')) as [string, string, string];
  const outcome = await follow(
    jar,
    config,
    await send(jar, authorizationUrl(config, { state, nonce, code_challenge: challengeOf(codeVerifier), code_challenge_method: 'S256' })),
  );
  if (!('page' in outcome)) throw new Error(`The provider sent the browser away at once: ${outcome.leftTo}`);
  const html = await outcome.page.clone().text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`No sign-in form (${outcome.page.status}): ${html.slice(0, 500)}`);
  return { config, jar, formAction: new URL(action.replace(/&amp;/g, '&'), config.authorizationEndpoint).href, formPage: outcome.page, state, nonce, codeVerifier };
}

/** Posts the form as a browser does; on success follows the redirects back to the console. */
export async function submitCredentials(attempt: SignInAttempt, email: string, password: string): Promise<Submitted> {
  const response = await send(attempt.jar, attempt.formAction, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
  });
  if (response.status < 300 || response.status >= 400) return { response };
  const outcome = await follow(attempt.jar, attempt.config, response);
  return 'leftTo' in outcome ? { response, callback: outcome.leftTo } : { response: outcome.page };
}

/** The token request the console makes from its own origin, with the PKCE verifier (or without, if left out). */
export function exchangeCode(config: AuthConfig, code: string, codeVerifier: string | undefined): Promise<Response> {
  return fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(config.redirectUri).origin },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: config.redirectUri,
      ...(codeVerifier === undefined ? {} : { code_verifier: codeVerifier }),
    }),
  });
}

export function refresh(config: AuthConfig, refreshToken: string): Promise<Response> {
  return fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(config.redirectUri).origin },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: refreshToken }),
  });
}

/** The whole flow: the tokens the console gets for this account. */
export async function signIn(siteUrl: string, email: string, password: string): Promise<Tokens> {
  const attempt = await startSignIn(siteUrl);
  const { response, callback } = await submitCredentials(attempt, email, password);
  if (!callback) throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  if (callback.searchParams.get('state') !== attempt.state) throw new Error('The callback carries another state');
  const answer = await exchangeCode(attempt.config, callback.searchParams.get('code')!, attempt.codeVerifier);
  if (!answer.ok) throw new Error(`The token request failed: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as Tokens;
}
