// The local API Gateway: an adapter as thin as the real one. It counts each client's requests as the
// WAF does in front of CloudFront, throttles like the stage, matches the route table, checks
// organizer JWTs like the HTTP API JWT authorizer, builds the same payload-2.0 event, and calls the
// very handler module Lambda runs. It holds no business rule.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isUtf8 } from 'node:buffer';
import type { AddressInfo } from 'node:net';
import type { Context } from 'aws-lambda';
import { isForStaff, matchRoute, type HandlerName } from '#shared/http/routes.ts';
import { ClientWindow, isPublicPost, tooManyRequestsBody, TokenBucket, type ThrottleSettings, type Verdict } from '#shared/http/throttling.ts';
import { verifyBearer, type AuthorizerSettings } from './jwt.ts';
import { httpEvent, lambdaContext } from './lambda-events.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import type { HttpResult } from '#shared/http/responses.ts';

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

const handlerModules: Record<HandlerName, () => Promise<{ handler: Handler }>> = {
  'get-event': () => import('../functions/get-event.ts'),
  'list-events': () => import('../functions/list-events.ts'),
  'put-event': () => import('../functions/put-event.ts'),
  'approve-registration': () => import('../functions/approve-registration.ts'),
  'reject-registration': () => import('../functions/reject-registration.ts'),
  'get-event-settings': () => import('../functions/get-event-settings.ts'),
  'get-registration': () => import('../functions/get-registration.ts'),
  'edit-registration': () => import('../functions/edit-registration.ts'),
  'decide-registrations': () => import('../functions/decide-registrations.ts'),
  'resend-registration-link': () => import('../functions/resend-registration-link.ts'),
  'get-me': () => import('../functions/get-me.ts'),
  'get-event-stats': () => import('../functions/get-event-stats.ts'),
  'reconcile-event': () => import('../functions/reconcile-event.ts'),
  'show-manage-page': () => import('../functions/show-manage-page.ts'),
  'get-own-registration': () => import('../functions/get-own-registration.ts'),
  'update-registration': () => import('../functions/update-registration.ts'),
  'withdraw-registration': () => import('../functions/withdraw-registration.ts'),
  'erase-registration': () => import('../functions/erase-registration.ts'),
  'submit-registration': () => import('../functions/submit-registration.ts'),
  'show-confirm-page': () => import('../functions/show-confirm-page.ts'),
  'confirm-registration': () => import('../functions/confirm-registration.ts'),
  'list-registrations': () => import('../functions/list-registrations.ts'),
  'create-upload': () => import('../functions/create-upload.ts'),
  'check-upload': () => import('../functions/check-upload.ts'),
  'get-registration-file': () => import('../functions/get-registration-file.ts'),
  'list-delegations': () => import('../functions/list-delegations.ts'),
  'add-delegation': () => import('../functions/add-delegation.ts'),
  'update-delegation': () => import('../functions/update-delegation.ts'),
  'invite-focal-points': () => import('../functions/invite-focal-points.ts'),
  'remind-nominees': () => import('../functions/remind-nominees.ts'),
  'approve-delegation': () => import('../functions/approve-delegation.ts'),
  'export-delegations': () => import('../functions/export-delegations.ts'),
  'show-delegation-page': () => import('../functions/show-delegation-page.ts'),
  'get-own-delegation': () => import('../functions/get-own-delegation.ts'),
  'nominate-delegate': () => import('../functions/nominate-delegate.ts'),
  'withdraw-nomination': () => import('../functions/withdraw-nomination.ts'),
  'get-participant-list': () => import('../functions/get-participant-list.ts'),
  'get-visa-letter': () => import('../functions/get-visa-letter.ts'),
  'get-own-visa-letter': () => import('../functions/get-own-visa-letter.ts'),
  'attach-nomination-letter': () => import('../functions/attach-nomination-letter.ts'),
  'get-nomination-letter': () => import('../functions/get-nomination-letter.ts'),
  'get-openapi': () => import('../functions/get-openapi.ts'),
  'answer-unknown-route': () => import('../functions/answer-unknown-route.ts'),
};

// API Gateway's own limit on a request body; the handlers enforce the API's much smaller one.
const gatewayMaxBodyBytes = 10 * 1024 * 1024;
// Like HTTP APIs, bodies of these types arrive as text; anything else arrives base64-encoded.
const textTypes = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+json)/i;

export interface GatewayOptions {
  port: number;
  host?: string;
  authorizer: AuthorizerSettings;
  /** The per-client limits (as the WAF applies them) and the stage's throttling; false turns both off (load tests). */
  throttle: ThrottleSettings | false;
  /** Extra routes served before the API (the web page, the JWKS). */
  extraRoutes?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

export interface RunningGateway {
  url: string;
  port: number;
  server: Server;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const throttle = options.throttle ? throttling(options.throttle) : undefined;
  const server = createServer((request, response) => {
    handle(request, response, options, throttle).catch(() => {
      // The handler answers every error itself; reaching here means the socket failed mid-answer.
      if (!response.headersSent) writeJson(response, 502, { message: 'Bad Gateway' });
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`The local gateway could not listen on port ${options.port}: ${error.code ?? error.message}`)),
    );
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    port,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Throttle {
  /** The WAF's rate-based rules: every request, pages and assets too, counted per client. */
  perClient(client: string, method: string, path: string): Verdict;
  /** API Gateway's buckets: the stage for every API request, and one per public POST route on top. */
  shared(method: string, path: string): Verdict;
}

function throttling(settings: ThrottleSettings): Throttle {
  const everything = new ClientWindow(settings.clientRequestLimit, settings.clientWindowSeconds);
  const publicPosts = new ClientWindow(settings.clientPublicPostLimit, settings.clientWindowSeconds);
  const stage = new TokenBucket(settings.rateLimit, settings.burstLimit);
  const routeBuckets = new Map<string, TokenBucket>();
  const publicPostOf = (method: string, path: string) => {
    const match = matchRoute(method, path);
    return match.kind === 'found' && isPublicPost(match.route) ? match.route : undefined;
  };
  return {
    perClient: (client, method, path) => {
      // In the web ACL's order (infra/web-acl.ts): a request the first rule refuses never reaches the
      // second, so it is not counted there.
      const all = everything.count(client);
      if (!all.allowed || !publicPostOf(method, path)) return all;
      return publicPosts.count(client);
    },
    shared: (method, path) => {
      const route = publicPostOf(method, path);
      if (route) {
        const key = `${route.method} ${route.path}`;
        let bucket = routeBuckets.get(key);
        if (!bucket) routeBuckets.set(key, (bucket = new TokenBucket(settings.publicPostRateLimit, settings.publicPostBurstLimit)));
        const verdict = bucket.take();
        if (!verdict.allowed) return verdict;
      }
      return stage.take();
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, options: GatewayOptions, throttle: Throttle | undefined): Promise<void> {
  const method = (request.method ?? 'GET').toUpperCase();
  const url = new URL(request.url ?? '/', 'http://localhost');
  // The client is the socket's address, never a header a client could write itself: locally there is
  // no proxy in front whose X-Forwarded-For could be trusted. (Tests tell clients apart by binding them
  // to different loopback addresses: local/loopback-client.ts.)
  const perClient = throttle?.perClient(request.socket.remoteAddress ?? 'unknown', method, url.pathname);
  if (perClient && !perClient.allowed) return tooManyRequests(request, response, perClient.retryAfterSeconds);
  // The page and its assets come from S3 in the cloud, past the WAF but not through API Gateway.
  if (options.extraRoutes?.(request, response)) return;
  const shared = throttle?.shared(method, url.pathname);
  if (shared && !shared.allowed) return tooManyRequests(request, response, shared.retryAfterSeconds);

  const body = await readRequestBody(request);
  if (body === 'too_large') {
    writeJson(response, 413, { message: 'Request Entity Too Large' });
    return;
  }
  const match = matchRoute(method, url.pathname);
  const handlerName: HandlerName = match.kind === 'found' ? match.route.handler : 'answer-unknown-route';
  const routeKey = match.kind === 'found' ? `${match.route.method} ${match.route.path}` : '$default';

  let claims: Record<string, string> | undefined;
  if (match.kind === 'found' && isForStaff(match.route)) {
    const verdict = await verifyBearer(firstHeader(request, 'authorization'), options.authorizer);
    if (!verdict.ok) {
      writeJson(
        response,
        401,
        { error: { code: 'unauthorized', message: 'Sign in as an organizer: send Authorization: Bearer <token>.' } },
        { 'www-authenticate': 'Bearer' },
      );
      return;
    }
    claims = verdict.claims;
  }

  const event = toLambdaEvent(request, url, method, routeKey, match.kind === 'found' ? match.pathParameters : undefined, body, claims);
  const { handler } = await handlerModules[handlerName]();
  const result = await handler(event, lambdaContext(`local-${handlerName}`));
  writeResult(response, result);
}

/** The answer the WAF rules and the stage give alike (the WAF's custom response carries the same body). */
function tooManyRequests(request: IncomingMessage, response: ServerResponse, retryAfterSeconds: number): void {
  request.resume();
  writeJson(response, 429, tooManyRequestsBody, { 'retry-after': String(retryAfterSeconds) });
}

function firstHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readRequestBody(request: IncomingMessage): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > gatewayMaxBodyBytes) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The request as API Gateway hands it on: lowercase headers, duplicate query values comma-joined. */
function toLambdaEvent(
  request: IncomingMessage,
  url: URL,
  method: string,
  routeKey: string,
  pathParameters: Record<string, string> | undefined,
  body: Buffer,
  claims: Record<string, string> | undefined,
): HttpEvent {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') cookies.push(...String(value).split(/;\s*/));
    else headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  // A body that is not valid UTF-8 cannot travel as text: it goes base64-encoded, and the handler's
  // strict decoder refuses it, instead of invalid bytes turning silently into U+FFFD.
  const isText = body.length === 0 || (textTypes.test(headers['content-type'] ?? '') && isUtf8(body));
  return httpEvent({
    method,
    path: url.pathname,
    routeKey,
    pathParameters,
    query,
    rawQueryString: url.search.slice(1),
    headers: { host: 'localhost', 'user-agent': '', ...headers },
    cookies,
    body: body.length > 0 ? (isText ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: !isText,
    sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
    protocol: `HTTP/${request.httpVersion}`,
    claims,
  });
}

function writeResult(response: ServerResponse, result: HttpResult): void {
  const headers: Record<string, string | string[]> = { ...result.headers };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  response.writeHead(result.statusCode, headers);
  response.end(body);
}

function writeJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
