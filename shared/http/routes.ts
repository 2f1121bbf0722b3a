// Every route of the HTTP API, in one table: the CDK stack creates exactly these, the local gateway
// serves exactly these, the OpenAPI document describes them, and the fallback handler answers 404 or
// 405 from them.
export type HandlerName =
  | 'get-event'
  | 'list-events'
  | 'put-event'
  | 'submit-registration'
  | 'show-confirm-page'
  | 'confirm-registration'
  | 'list-registrations'
  | 'approve-registration'
  | 'reject-registration'
  | 'get-event-stats'
  | 'reconcile-event'
  | 'show-manage-page'
  | 'get-own-registration'
  | 'update-registration'
  | 'withdraw-registration'
  | 'erase-registration'
  | 'create-upload'
  | 'check-upload'
  | 'get-registration-file'
  | 'get-openapi'
  | 'answer-unknown-route';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: HandlerName;
  organizersOnly: boolean;
}

export const routes: readonly Route[] = [
  { method: 'GET', path: '/events', handler: 'list-events', organizersOnly: false },
  { method: 'GET', path: '/events/{eventId}', handler: 'get-event', organizersOnly: false },
  { method: 'PUT', path: '/events/{eventId}', handler: 'put-event', organizersOnly: true },
  { method: 'POST', path: '/events/{eventId}/registrations', handler: 'submit-registration', organizersOnly: false },
  { method: 'GET', path: '/events/{eventId}/registrations', handler: 'list-registrations', organizersOnly: true },
  { method: 'POST', path: '/events/{eventId}/uploads', handler: 'create-upload', organizersOnly: false },
  { method: 'POST', path: '/events/{eventId}/uploads/{uploadId}/check', handler: 'check-upload', organizersOnly: false },
  { method: 'GET', path: '/events/{eventId}/registrations/{registrationId}/files/{fieldId}', handler: 'get-registration-file', organizersOnly: true },
  { method: 'POST', path: '/events/{eventId}/registrations/{registrationId}/approve', handler: 'approve-registration', organizersOnly: true },
  { method: 'POST', path: '/events/{eventId}/registrations/{registrationId}/reject', handler: 'reject-registration', organizersOnly: true },
  { method: 'GET', path: '/events/{eventId}/stats', handler: 'get-event-stats', organizersOnly: true },
  { method: 'POST', path: '/events/{eventId}/reconcile', handler: 'reconcile-event', organizersOnly: true },
  { method: 'GET', path: '/confirm', handler: 'show-confirm-page', organizersOnly: false },
  { method: 'POST', path: '/registrations/confirm', handler: 'confirm-registration', organizersOnly: false },
  { method: 'GET', path: '/manage', handler: 'show-manage-page', organizersOnly: false },
  { method: 'GET', path: '/registrations/self', handler: 'get-own-registration', organizersOnly: false },
  { method: 'POST', path: '/registrations/update', handler: 'update-registration', organizersOnly: false },
  { method: 'POST', path: '/registrations/withdraw', handler: 'withdraw-registration', organizersOnly: false },
  { method: 'POST', path: '/registrations/erase', handler: 'erase-registration', organizersOnly: false },
  { method: 'GET', path: '/openapi.json', handler: 'get-openapi', organizersOnly: false },
];

export function routeKey(route: Route): string {
  return `${route.method} ${route.path}`;
}

function pattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (/^\{\w+\}$/.test(segment) ? `(?<${segment.slice(1, -1)}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

const compiled = routes.map((route) => ({ route, regex: pattern(route.path) }));

export type RouteMatch =
  | { kind: 'found'; route: Route; pathParameters: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' };

/** Matches like API Gateway: path parameters are single segments and arrive URL-decoded. */
export function matchRoute(method: string, path: string): RouteMatch {
  const onPath = compiled
    .map(({ route, regex }) => ({ route, match: regex.exec(path) }))
    .filter((entry): entry is { route: Route; match: RegExpExecArray } => entry.match !== null);
  if (onPath.length === 0) return { kind: 'not_found' };
  const hit = onPath.find((entry) => entry.route.method === method.toUpperCase());
  if (!hit) return { kind: 'method_not_allowed', allowed: onPath.map((entry) => entry.route.method) };
  const pathParameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(hit.match.groups ?? {})) {
    try {
      pathParameters[name] = decodeURIComponent(value);
    } catch {
      pathParameters[name] = value;
    }
  }
  return { kind: 'found', route: hit.route, pathParameters };
}
