// Local mode's stand-in for Cognito's managed login: a real OpenID Connect provider (oidc-provider)
// with Cognito's paths (/oauth2/authorize, /oauth2/token, /oauth2/revoke, /logout, /.well-known/...),
// the authorization-code flow with PKCE (S256, required) for one public client, refresh tokens, and
// JWT access tokens shaped like Cognito's (sub, username, cognito:groups, token_use, client_id,
// scope), signed with the data directory's key, which the local gateway verifies them with. Its
// own sign-in page checks the accounts of DATA_DIR (local/accounts.ts).
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { errors, type Adapter, type AdapterPayload, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { JWK } from 'jose';
import { escapeHtml } from '#shared/platform/html.ts';
import { layout, pageStyles } from '#shared/pages/layout.ts';
import { consoleScopes } from '../web/console/config.ts';
import { AccountStore } from './accounts.ts';

/** The resource the access tokens are for. oidc-provider needs one to issue JWT access tokens. */
const apiResource = 'urn:conference-registration:api';

/** As Cognito's app client (infra/auth.ts): one hour for the access and ID tokens, twelve for the refresh token. */
export const tokenLifetimes = { accessTokenSeconds: 3600, idTokenSeconds: 3600, refreshTokenSeconds: 12 * 3600 };

export interface SignInLimits {
  /** Failed sign-ins one client (connection address) may make in the window before it is refused. */
  failures: number;
  windowSeconds: number;
}

export const defaultSignInLimits: SignInLimits = { failures: 10, windowSeconds: 300 };

export interface IdentityProviderClient {
  clientId: string;
  /** Where the console is: the callback and the page after signing out. */
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface IdentityProviderOptions {
  signingKey: JWK & { kid: string };
  dataDir: string;
  client: IdentityProviderClient;
  signInLimits?: SignInLimits;
  accessTokenSeconds?: number;
}

export interface ListeningIdentityProvider {
  /** http://localhost:<port>: the tokens' `iss`, and the base of every endpoint. */
  issuer: string;
  /** Starts answering; until then every request gets 503. */
  serve(options: IdentityProviderOptions): void;
  stop(): Promise<void>;
}

export interface IdentityProviderEndpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint: string;
  endSessionEndpoint: string;
  jwksUri: string;
}

export function endpointsOf(issuer: string): IdentityProviderEndpoints {
  return {
    issuer,
    authorizationEndpoint: `${issuer}/oauth2/authorize`,
    tokenEndpoint: `${issuer}/oauth2/token`,
    revocationEndpoint: `${issuer}/oauth2/revoke`,
    endSessionEndpoint: `${issuer}/logout`,
    jwksUri: `${issuer}/.well-known/jwks.json`,
  };
}

/**
 * Listens first, so the issuer (its address) is known before the gateway and the client's redirect
 * URIs are; `serve` then makes the provider.
 */
export async function listenIdentityProvider(port: number): Promise<ListeningIdentityProvider> {
  let handler: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
  const server: Server = createServer((request, response) => {
    if (handler) return handler(request, response);
    response.writeHead(503, { 'retry-after': '1' }).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`The local identity provider could not listen on port ${port}: ${error.code ?? error.message}`)),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    serve: (options) => {
      handler = requestHandler(issuer, options);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function requestHandler(issuer: string, options: IdentityProviderOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const accounts = new AccountStore(options.dataDir);
  const provider = new Provider(issuer, configuration(accounts, options));
  const limiter = new FailedSignIns(options.signInLimits ?? defaultSignInLimits);
  const callback = provider.callback();
  return (request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    cognitoLogoutParameters(request, url);
    const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
    if (!interaction) return void callback(request, response);
    signInInteraction({ provider, accounts, limiter, client: options.client }, request, response, interaction[2] !== undefined).catch((error: unknown) => {
      // An interaction without its cookie or past its lifetime: start again from the console.
      const expired = error instanceof errors.SessionNotFound || error instanceof errors.InvalidRequest;
      if (response.headersSent) return void response.destroy();
      sendPage(response, options.client, expired ? 400 : 500, 'Sign-in could not continue', expired ? expiredText : 'Something went wrong. Go back to the console and sign in again.');
    });
  };
}

const expiredText = 'This sign-in page has expired or was opened in another browser. Go back to the organizer console and sign in again.';

function configuration(accounts: AccountStore, options: IdentityProviderOptions): Configuration {
  const { client } = options;
  const accessTokenSeconds = options.accessTokenSeconds ?? tokenLifetimes.accessTokenSeconds;
  return {
    jwks: { keys: [options.signingKey as never] },
    adapter: memoryAdapter(),
    // Signs the provider's own cookies; sessions last as long as the process, like its memory.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    clients: [
      {
        client_id: client.clientId,
        // A public client, as the Cognito app client: no secret that could leak from a browser.
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris,
        scope: consoleScopes.join(' '),
      },
    ],
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: [...consoleScopes],
    claims: {
      openid: ['sub', 'cognito:username', 'cognito:groups', 'token_use'],
      email: ['email', 'email_verified'],
      profile: [],
    },
    // Cognito puts the scopes' claims (e-mail, groups) in the ID token itself.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const account = await accounts.bySub(sub);
      if (!account) return undefined;
      return {
        accountId: account.sub,
        claims: (use) => ({
          sub: account.sub,
          email: account.email,
          email_verified: true,
          'cognito:username': account.username,
          'cognito:groups': account.groups,
          ...(use === 'id_token' ? { token_use: 'id' } : {}),
        }),
      };
    },
    // The claims a Cognito access token has beyond the standard ones; groups as they are at issue.
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken' || !('accountId' in token) || typeof token.accountId !== 'string') return undefined;
      const account = await accounts.bySub(token.accountId);
      return { token_use: 'access', version: 2, username: account?.username, 'cognito:groups': account?.groups ?? [] };
    },
    formats: {
      customizers: {
        // Cognito's access tokens carry no `typ`; oidc-provider's say at+jwt (RFC 9068).
        jwt(_ctx, _token, jwt) {
          jwt.header = { typ: undefined as never };
        },
      },
    },
    // The first-party console: consent is implied, as in Cognito's managed login.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client: requester, session } = ctx.oidc;
      if (!requester || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(requester.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: requester.clientId, accountId: session.accountId });
      grant.addOIDCScope(consoleScopes.join(' '));
      grant.addOIDCClaims(['cognito:username', 'cognito:groups', 'email', 'email_verified', 'token_use']);
      grant.addResourceScope(apiResource, consoleScopes.join(' '));
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      // As Cognito's /oauth2/revoke: a client revokes its own refresh tokens (the console, at sign-out).
      revocation: { enabled: true, allowedPolicy: (_ctx, requester, token) => token.clientId === requester.clientId },
      rpInitiatedLogout: {
        enabled: true,
        // Cognito's /logout asks nothing: the form oidc-provider guards with its xsrf token submits itself.
        logoutSource(ctx, form) {
          const withLogout = form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>');
          ctx.set('content-security-policy', pageSecurityPolicy(client, autoSubmit));
          ctx.body = layout('en', 'Signing out', `<p>Signing out…</p>${withLogout}<noscript><button class="button" form="op.logoutForm" type="submit">Sign out</button></noscript><script>${autoSubmit}</script>`);
        },
        postLogoutSuccessSource(ctx) {
          ctx.set('content-security-policy', pageSecurityPolicy(client));
          ctx.body = layout('en', 'Signed out', '<p>You are signed out.</p>');
        },
      },
      resourceIndicators: {
        enabled: true,
        // The console never names a resource (Cognito has none): every token is for the API.
        defaultResource: () => apiResource,
        // Without this, a token request with `openid` would get an opaque token for the userinfo endpoint.
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== apiResource) throw new errors.InvalidTarget();
          return {
            scope: consoleScopes.join(' '),
            // oidc-provider requires an audience in a JWT access token; the client id is what the
            // API's authorizer (the cloud's and the local gateway's) holds an access token to.
            audience: client.clientId,
            accessTokenTTL: accessTokenSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // Cognito issues a refresh token to the app client without offline_access, and returns no new one on refresh.
    issueRefreshToken: (_ctx, requester) => requester.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: false,
    expiresWithSession: () => false,
    ttl: {
      AccessToken: accessTokenSeconds,
      IdToken: tokenLifetimes.idTokenSeconds,
      RefreshToken: tokenLifetimes.refreshTokenSeconds,
      AuthorizationCode: 300,
      Grant: tokenLifetimes.refreshTokenSeconds,
      Interaction: 900,
      Session: 3600,
    },
    clientBasedCORS: (_ctx, origin, requester) => requester.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    routes: {
      authorization: '/oauth2/authorize',
      token: '/oauth2/token',
      userinfo: '/oauth2/userInfo',
      revocation: '/oauth2/revoke',
      end_session: '/logout',
      jwks: '/.well-known/jwks.json',
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.set('content-security-policy', pageSecurityPolicy(client));
      ctx.body = layout('en', 'Sign-in failed', `<p>${escapeHtml(out.error_description ?? out.error)}</p><p>Go back to the organizer console and sign in again.</p>`);
    },
  };
}

/** Cognito's logout takes `logout_uri`; OpenID Connect's takes `post_logout_redirect_uri`. */
function cognitoLogoutParameters(request: IncomingMessage, url: URL): void {
  if (url.pathname !== '/logout' || !url.searchParams.has('logout_uri')) return;
  url.searchParams.set('post_logout_redirect_uri', url.searchParams.get('logout_uri')!);
  url.searchParams.delete('logout_uri');
  request.url = `${url.pathname}${url.search}`;
}

interface SignInParts {
  provider: Provider;
  accounts: AccountStore;
  limiter: FailedSignIns;
  client: IdentityProviderClient;
}

async function signInInteraction(
  { provider, accounts, limiter, client }: SignInParts,
  request: IncomingMessage,
  response: ServerResponse,
  submitted: boolean,
): Promise<void> {
  const details = await provider.interactionDetails(request, response);
  if (details.prompt.name !== 'login') {
    // Consent is granted by loadExistingGrant; nothing else is asked.
    return provider.interactionFinished(request, response, {}, { mergeWithLastSubmission: true });
  }
  const action = `/interaction/${details.uid}/login`;
  if (request.method === 'GET' && !submitted) return sendPage(response, client, 200, 'Sign in', signInForm(action));
  if (request.method !== 'POST' || !submitted) return sendPage(response, client, 405, 'Sign in', signInForm(action));

  const caller = request.socket.remoteAddress ?? 'unknown';
  const form = await readForm(request);
  const email = form.get('email') ?? '';
  const refusedFor = limiter.retryAfterSeconds(caller);
  if (refusedFor !== undefined) {
    response.setHeader('retry-after', String(refusedFor));
    return sendPage(response, client, 429, 'Sign in', signInForm(action, { email, error: tooManyText(refusedFor) }));
  }
  const account = await accounts.authenticate(email, form.get('password') ?? '');
  if (!account) {
    limiter.recordFailure(caller);
    // One answer whether the address is unknown or the password wrong.
    return sendPage(response, client, 401, 'Sign in', signInForm(action, { email, error: 'Incorrect email or password.' }));
  }
  await provider.interactionFinished(request, response, { login: { accountId: account.sub, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
}

function tooManyText(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed sign-ins from this connection. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

function signInForm(action: string, state: { email?: string; error?: string } = {}): string {
  const error = state.error
    ? `<div class="notice" role="alert" id="sign-in-error"><h2>There is a problem</h2><p class="error-list">${escapeHtml(state.error)}</p></div>`
    : '';
  const described = state.error ? ' aria-describedby="sign-in-error"' : '';
  return `${error}
<form method="post" action="${escapeHtml(action)}">
<div class="field"><label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" spellcheck="false" required value="${escapeHtml(state.email ?? '')}"${described}></div>
<div class="field"><label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}></div>
<button class="button" type="submit">Sign in</button>
</form>`;
}

const autoSubmit = 'document.forms[0].submit();';

// The pages use the participants' frame (shared/pages/layout.ts), whose inline style the policy names by its hash.
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The provider's pages' policy. A form's redirects count against form-action in Chromium, and the
 * sign-in and sign-out forms end on the console: its origin is allowed beside the provider's own.
 */
function pageSecurityPolicy(client: IdentityProviderClient, script?: string): string {
  const consoleOrigins = [...new Set([...client.redirectUris, ...client.postLogoutRedirectUris].map((uri) => new URL(uri).origin))];
  return `default-src 'none'; style-src ${sha256(pageStyles)}; script-src ${script ? sha256(script) : "'none'"}; form-action 'self' ${consoleOrigins.join(' ')}; frame-ancestors 'none'; base-uri 'none'`;
}

function sendPage(response: ServerResponse, client: IdentityProviderClient, status: number, title: string, content: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': pageSecurityPolicy(client),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  });
  response.end(layout('en', title, content));
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

/**
 * Failed sign-ins per client in a sliding window. Only failures count, so an organizer signing in
 * all day is never refused; a client over the limit is refused before its password is checked.
 */
class FailedSignIns {
  private readonly failures = new Map<string, number[]>();
  private readonly limits: SignInLimits;

  constructor(limits: SignInLimits) {
    this.limits = limits;
  }

  retryAfterSeconds(client: string, now = Date.now()): number | undefined {
    const recent = this.recent(client, now);
    if (recent.length < this.limits.failures) return undefined;
    return Math.max(1, Math.ceil((recent[0]! + this.limits.windowSeconds * 1000 - now) / 1000));
  }

  recordFailure(client: string, now = Date.now()): void {
    this.failures.set(client, [...this.recent(client, now), now].slice(-this.limits.failures));
  }

  private recent(client: string, now: number): number[] {
    const recent = (this.failures.get(client) ?? []).filter((time) => now - time < this.limits.windowSeconds * 1000);
    if (recent.length === 0) this.failures.delete(client);
    else this.failures.set(client, recent);
    return recent;
  }
}

/** oidc-provider's state (sessions, codes, tokens) in this process's memory, gone on restart, as local sessions may be. */
function memoryAdapter(): (model: string) => Adapter {
  const entries = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) entries.delete(key);
    return entries.get(key)?.payload;
  };
  return (model) => ({
    async upsert(id, payload, expiresIn) {
      if (entries.size > 5000) for (const key of [...entries.keys()]) live(key);
      entries.set(`${model}:${id}`, { payload, expiresAt: expiresIn === undefined ? Infinity : Date.now() + expiresIn * 1000 });
    },
    async find(id) {
      return live(`${model}:${id}`);
    },
    async findByUid(uid) {
      for (const key of entries.keys()) if (key.startsWith(`${model}:`) && live(key)?.uid === uid) return live(key);
      return undefined;
    },
    async findByUserCode(userCode) {
      for (const key of entries.keys()) if (key.startsWith(`${model}:`) && live(key)?.userCode === userCode) return live(key);
      return undefined;
    },
    async consume(id) {
      const payload = live(`${model}:${id}`);
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    },
    async destroy(id) {
      entries.delete(`${model}:${id}`);
    },
    async revokeByGrantId(grantId) {
      for (const [key, entry] of entries) if (entry.payload.grantId === grantId) entries.delete(key);
    },
  });
}
