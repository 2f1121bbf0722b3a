// The organizer console's sign-in: the OAuth 2.0 authorization-code flow with PKCE (S256) against
// Cognito's managed login in the cloud and the local identity provider in local mode, one code path.
// Tokens live in memory and in this tab's sessionStorage, never in localStorage or a URL; the refresh
// token renews the access token before it expires. Framework-free, so any view library can use it.

export interface ConsoleUser {
  username: string;
  email?: string;
  groups: string[];
}

export interface Session {
  user: ConsoleUser;
  /** A current access token for the API, renewed first when it is about to expire. */
  accessToken(): Promise<string>;
  /** Forgets the tokens, revokes the refresh token and ends the sign-in session at the provider. */
  signOut(): Promise<void>;
  /**
   * For a 401 mid-session: forgets the tokens and goes through sign-in, back to this very page. It
   * navigates away and throws SignInRedirect, so no code after it runs.
   */
  reauthenticate(): never;
}

export interface AuthConfig {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  endSessionEndpoint: string;
  clientId: string;
  scopes: string[];
  redirectUri: string;
  postLogoutRedirectUri: string;
}

/** Thrown by reauthenticate() after it has started the navigation to the sign-in page. */
export class SignInRedirect extends Error {
  override name = 'SignInRedirect';
  constructor() {
    super('Redirecting to sign-in');
  }
}

/** The provider refused the sign-in or the tokens did not check out; signing in again may help. */
export class SignInError extends Error {
  override name = 'SignInError';
}

interface StoredTokens {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Path and query to come back to. */
  returnTo: string;
}

interface TokenResponse {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
}

const tokensKey = 'organizer-console.tokens';
const pendingKey = 'organizer-console.sign-in';
/** Renew this long before the access token expires. */
const renewBeforeMs = 60_000;

/**
 * Resolves with the signed-in session: after the redirect back from the provider (the code is
 * exchanged, state and nonce checked, ?code&state removed from the address), or restored from this
 * tab's storage (renewed first if needed). Without a session it sends the browser to sign in, keeping
 * the current path and query to come back to, and never resolves.
 */
export async function startSession(config: AuthConfig): Promise<Session> {
  const params = new URLSearchParams(location.search);
  if (params.has('state') && (params.has('code') || params.has('error'))) {
    const tokens = await completeSignIn(config, params);
    return session(config, tokens);
  }
  const stored = readTokens();
  if (stored) {
    if (!expiresSoon(stored)) return session(config, stored);
    const renewed = await renew(config, stored).catch(() => undefined);
    if (renewed) return session(config, renewed);
  }
  return redirectToSignIn(config);
}

async function completeSignIn(config: AuthConfig, params: URLSearchParams): Promise<StoredTokens> {
  const pending = readJson<PendingSignIn>(pendingKey);
  sessionStorage.removeItem(pendingKey);
  if (!pending || params.get('state') !== pending.state) {
    // Not the answer to our own request (an old or forged link): start over rather than trust it.
    history.replaceState(history.state, '', withoutCallbackParameters());
    return redirectToSignIn(config);
  }
  history.replaceState(history.state, '', sameOriginPath(pending.returnTo));
  const error = params.get('error');
  if (error) throw new SignInError(params.get('error_description') ?? error);
  const answer = await tokenRequest(config, {
    grant_type: 'authorization_code',
    code: params.get('code')!,
    redirect_uri: config.redirectUri,
    code_verifier: pending.codeVerifier,
  });
  if (!answer.id_token) throw new SignInError('The sign-in answer has no ID token.');
  checkIdToken(config, answer.id_token, pending.nonce);
  const tokens = toStored(answer);
  writeTokens(tokens);
  return tokens;
}

function session(config: AuthConfig, initial: StoredTokens): Session {
  let tokens = initial;
  let user = userOf(tokens.idToken);
  let renewing: Promise<StoredTokens> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    clearTimeout(timer);
    if (!tokens.refreshToken) return;
    // Silently, ahead of expiry; a failure leaves it to the next accessToken() call or a 401.
    timer = setTimeout(() => void current().catch(() => undefined), Math.max(0, tokens.expiresAt - renewBeforeMs - Date.now()));
  };
  const current = async (): Promise<StoredTokens> => {
    if (!expiresSoon(tokens)) return tokens;
    renewing ??= renew(config, tokens).finally(() => (renewing = undefined));
    tokens = await renewing;
    user = userOf(tokens.idToken);
    schedule();
    return tokens;
  };
  schedule();

  return {
    get user() {
      return user;
    },
    async accessToken() {
      try {
        return (await current()).accessToken;
      } catch {
        // The refresh token is gone or expired: sign in again, back here.
        return this.reauthenticate();
      }
    },
    async signOut() {
      clearTimeout(timer);
      sessionStorage.removeItem(tokensKey);
      if (tokens.refreshToken) await revoke(config, tokens.refreshToken).catch(() => undefined);
      const logout = new URL(config.endSessionEndpoint);
      // Cognito's parameters; the local provider takes them too.
      logout.searchParams.set('client_id', config.clientId);
      logout.searchParams.set('logout_uri', config.postLogoutRedirectUri);
      location.assign(logout.href);
    },
    reauthenticate(): never {
      clearTimeout(timer);
      sessionStorage.removeItem(tokensKey);
      void redirectToSignIn(config);
      throw new SignInRedirect();
    },
  };
}

async function redirectToSignIn(config: AuthConfig): Promise<never> {
  const pending: PendingSignIn = {
    state: randomString(),
    nonce: randomString(),
    codeVerifier: randomString(),
    returnTo: withoutCallbackParameters(),
  };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  const authorize = new URL(config.authorizationEndpoint);
  for (const [name, value] of Object.entries({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scopes.join(' '),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await challengeOf(pending.codeVerifier),
    code_challenge_method: 'S256',
  })) {
    authorize.searchParams.set(name, value);
  }
  location.assign(authorize.href);
  return new Promise<never>(() => undefined);
}

async function renew(config: AuthConfig, tokens: StoredTokens): Promise<StoredTokens> {
  if (!tokens.refreshToken) throw new SignInError('No refresh token');
  const answer = await tokenRequest(config, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
  // Cognito answers a refresh without a new refresh token: the old one stays valid.
  const renewed = toStored({ ...answer, refresh_token: answer.refresh_token ?? tokens.refreshToken, id_token: answer.id_token ?? tokens.idToken });
  if (answer.id_token) checkIdToken(config, answer.id_token);
  writeTokens(renewed);
  return renewed;
}

async function tokenRequest(config: AuthConfig, parameters: Record<string, string>): Promise<TokenResponse> {
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...parameters }),
  });
  if (!response.ok) throw new SignInError(`The token endpoint answered ${response.status}`);
  const answer = (await response.json()) as TokenResponse;
  if (typeof answer.access_token !== 'string' || typeof answer.expires_in !== 'number') throw new SignInError('The token answer is not one.');
  return answer;
}

/** Cognito's revocation endpoint sits beside its token endpoint (/oauth2/revoke), as the local provider's does. */
async function revoke(config: AuthConfig, refreshToken: string): Promise<void> {
  await fetch(new URL('revoke', config.tokenEndpoint), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, token: refreshToken }),
  });
}

/**
 * The ID token came straight from the token endpoint over TLS, so its issuer is the one we asked
 * (OpenID Connect Core 3.1.3.7, 6): its claims are checked, its signature is the API's business.
 */
function checkIdToken(config: AuthConfig, idToken: string, nonce?: string): void {
  const claims = claimsOf(idToken);
  const audiences = [claims.aud].flat();
  if (claims.iss !== config.issuer) throw new SignInError('The ID token is from another issuer.');
  if (!audiences.includes(config.clientId)) throw new SignInError('The ID token is for another client.');
  if (nonce !== undefined && claims.nonce !== nonce) throw new SignInError('The ID token answers another sign-in.');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) throw new SignInError('The ID token has expired.');
}

function userOf(idToken: string): ConsoleUser {
  const claims = claimsOf(idToken);
  const username = claims['cognito:username'] ?? claims.sub;
  const groups = claims['cognito:groups'];
  return {
    username: typeof username === 'string' ? username : '',
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
    groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [],
  };
}

function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1];
  if (!payload) throw new SignInError('Not a JWT');
  const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))) as Record<string, unknown>;
}

function toStored(answer: TokenResponse): StoredTokens {
  return {
    accessToken: answer.access_token,
    idToken: answer.id_token!,
    ...(answer.refresh_token ? { refreshToken: answer.refresh_token } : {}),
    expiresAt: Date.now() + answer.expires_in * 1000,
  };
}

function expiresSoon(tokens: StoredTokens): boolean {
  return tokens.expiresAt - renewBeforeMs <= Date.now();
}

function readTokens(): StoredTokens | undefined {
  const tokens = readJson<StoredTokens>(tokensKey);
  return tokens && typeof tokens.accessToken === 'string' && typeof tokens.idToken === 'string' ? tokens : undefined;
}

function writeTokens(tokens: StoredTokens): void {
  sessionStorage.setItem(tokensKey, JSON.stringify(tokens));
}

function readJson<T>(key: string): T | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/** The current path and query without the provider's answer in it. */
function withoutCallbackParameters(): string {
  const url = new URL(location.href);
  for (const name of ['code', 'state', 'error', 'error_description', 'iss', 'session_state']) url.searchParams.delete(name);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Only a path on this origin: a stored return address must not become an open redirect. */
function sameOriginPath(path: string): string {
  const url = new URL(path, location.origin);
  return url.origin === location.origin ? `${url.pathname}${url.search}${url.hash}` : '/';
}

function randomString(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
