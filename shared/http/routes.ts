// Every route of the HTTP API, in one table: the CDK stack creates exactly these, the local gateway
// serves exactly these, the OpenAPI document describes them, and the fallback handler answers 404 or
// 405 from them.
import type { StaffRole } from '../model/organizer.ts';

export type HandlerName =
  | 'get-event'
  | 'list-events'
  | 'put-event'
  | 'get-event-settings'
  | 'submit-registration'
  | 'show-confirm-page'
  | 'confirm-registration'
  | 'list-registrations'
  | 'get-registration'
  | 'edit-registration'
  | 'approve-registration'
  | 'reject-registration'
  | 'decide-registrations'
  | 'resend-registration-link'
  | 'get-event-stats'
  | 'reconcile-event'
  | 'get-me'
  | 'show-manage-page'
  | 'get-own-registration'
  | 'update-registration'
  | 'withdraw-registration'
  | 'erase-registration'
  | 'create-upload'
  | 'check-upload'
  | 'get-registration-file'
  | 'list-delegations'
  | 'add-delegation'
  | 'update-delegation'
  | 'invite-focal-points'
  | 'remind-nominees'
  | 'approve-delegation'
  | 'export-delegations'
  | 'show-delegation-page'
  | 'get-own-delegation'
  | 'nominate-delegate'
  | 'withdraw-nomination'
  | 'get-participant-list'
  | 'get-visa-letter'
  | 'get-own-visa-letter'
  | 'attach-nomination-letter'
  | 'get-nomination-letter'
  | 'get-openapi'
  | 'answer-unknown-route';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handler: HandlerName;
  /**
   * The staff roles that may call it: the gateway's authorizer wants a token, and apiRoute refuses
   * (403) a token whose groups give none of these roles. Empty: a public route, no token.
   */
  roles: readonly StaffRole[];
}

// Who may do what (the contract the console codes against: /work/notes/console-api.md).
const open: readonly StaffRole[] = [];
/** Reading and exporting: every staff role. */
const readers: readonly StaffRole[] = ['organizer', 'moderator', 'viewer'];
/** Deciding registrations and resending their links. */
const deciders: readonly StaffRole[] = ['organizer', 'moderator'];
/** Changing events, editing registrations, repairs. */
const organizers: readonly StaffRole[] = ['organizer'];

export const routes: readonly Route[] = [
  { method: 'GET', path: '/events', handler: 'list-events', roles: open },
  { method: 'GET', path: '/events/{eventId}', handler: 'get-event', roles: open },
  { method: 'PUT', path: '/events/{eventId}', handler: 'put-event', roles: organizers },
  { method: 'GET', path: '/events/{eventId}/settings', handler: 'get-event-settings', roles: readers },
  { method: 'POST', path: '/events/{eventId}/registrations', handler: 'submit-registration', roles: open },
  { method: 'GET', path: '/events/{eventId}/registrations', handler: 'list-registrations', roles: readers },
  { method: 'POST', path: '/events/{eventId}/uploads', handler: 'create-upload', roles: open },
  { method: 'POST', path: '/events/{eventId}/uploads/{uploadId}/check', handler: 'check-upload', roles: open },
  { method: 'POST', path: '/events/{eventId}/registrations/bulk', handler: 'decide-registrations', roles: deciders },
  { method: 'GET', path: '/events/{eventId}/registrations/{registrationId}', handler: 'get-registration', roles: readers },
  { method: 'PATCH', path: '/events/{eventId}/registrations/{registrationId}', handler: 'edit-registration', roles: organizers },
  // Readers who are also in the accreditation group: the handler checks the group.
  { method: 'GET', path: '/events/{eventId}/registrations/{registrationId}/files/{fieldId}', handler: 'get-registration-file', roles: readers },
  { method: 'POST', path: '/events/{eventId}/registrations/{registrationId}/approve', handler: 'approve-registration', roles: deciders },
  { method: 'POST', path: '/events/{eventId}/registrations/{registrationId}/reject', handler: 'reject-registration', roles: deciders },
  { method: 'POST', path: '/events/{eventId}/registrations/{registrationId}/resend', handler: 'resend-registration-link', roles: deciders },
  { method: 'GET', path: '/events/{eventId}/registrations/{registrationId}/visa-letter', handler: 'get-visa-letter', roles: readers },
  { method: 'GET', path: '/events/{eventId}/stats', handler: 'get-event-stats', roles: readers },
  { method: 'POST', path: '/events/{eventId}/reconcile', handler: 'reconcile-event', roles: organizers },
  { method: 'GET', path: '/events/{eventId}/delegations', handler: 'list-delegations', roles: readers },
  { method: 'POST', path: '/events/{eventId}/delegations', handler: 'add-delegation', roles: organizers },
  { method: 'POST', path: '/events/{eventId}/delegations/focal-points', handler: 'invite-focal-points', roles: organizers },
  { method: 'POST', path: '/events/{eventId}/delegations/reminders', handler: 'remind-nominees', roles: deciders },
  { method: 'GET', path: '/events/{eventId}/delegations/export', handler: 'export-delegations', roles: readers },
  { method: 'PATCH', path: '/events/{eventId}/delegations/{entityId}', handler: 'update-delegation', roles: organizers },
  { method: 'GET', path: '/events/{eventId}/delegations/{entityId}/letter', handler: 'get-nomination-letter', roles: readers },
  { method: 'POST', path: '/events/{eventId}/delegations/{entityId}/approve', handler: 'approve-delegation', roles: deciders },
  { method: 'GET', path: '/events/{eventId}/participant-list', handler: 'get-participant-list', roles: readers },
  { method: 'GET', path: '/me', handler: 'get-me', roles: readers },
  { method: 'GET', path: '/confirm', handler: 'show-confirm-page', roles: open },
  { method: 'POST', path: '/registrations/confirm', handler: 'confirm-registration', roles: open },
  { method: 'GET', path: '/manage', handler: 'show-manage-page', roles: open },
  { method: 'GET', path: '/registrations/self', handler: 'get-own-registration', roles: open },
  { method: 'POST', path: '/registrations/update', handler: 'update-registration', roles: open },
  { method: 'POST', path: '/registrations/withdraw', handler: 'withdraw-registration', roles: open },
  { method: 'POST', path: '/registrations/erase', handler: 'erase-registration', roles: open },
  { method: 'GET', path: '/registrations/visa-letter', handler: 'get-own-visa-letter', roles: open },
  { method: 'GET', path: '/delegation', handler: 'show-delegation-page', roles: open },
  { method: 'GET', path: '/delegations/self', handler: 'get-own-delegation', roles: open },
  { method: 'POST', path: '/delegations/nominate', handler: 'nominate-delegate', roles: open },
  { method: 'POST', path: '/delegations/withdraw', handler: 'withdraw-nomination', roles: open },
  { method: 'POST', path: '/delegations/letter', handler: 'attach-nomination-letter', roles: open },
  { method: 'GET', path: '/openapi.json', handler: 'get-openapi', roles: open },
];

/** Whether the route wants a staff token (the gateway's authorizer checks it, apiRoute its roles). */
export function isForStaff(route: Route): boolean {
  return route.roles.length > 0;
}

/** The roles the route of this handler admits; none for a public one. */
export function rolesOfHandler(handler: HandlerName): readonly StaffRole[] {
  return routes.find((route) => route.handler === handler)?.roles ?? open;
}

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
