// Who is calling a staff route. The HTTP API's JWT authorizer (the local gateway, locally) has
// checked the token; this reads its claims and checks that its groups give a role the route admits.
import { ApiError } from '../model/errors.ts';
import { rolesOf, type Organizer, type StaffRole } from '../model/organizer.ts';
import type { RoleGroups } from '../platform/config.ts';
import type { HttpEvent } from './request.ts';
import { rolesOfHandler } from './routes.ts';

/**
 * The groups as the HTTP API JWT authorizer hands them to Lambda: an array claim becomes one string,
 * its values joined by single spaces in brackets ("[organizers staff]"); a claim that is a string
 * arrives as it is. Exactly those forms, nothing more: a comma is part of a group name, not a
 * separator, so "staff,organizers" is one group (Cognito group names hold no spaces). Direct
 * invocations (tests, the artefact check) may pass the array itself.
 */
export function parseGroupsClaim(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((group): group is string => typeof group === 'string');
  if (typeof claim !== 'string' || claim === '') return [];
  const listed = /^\[(.*)\]$/s.exec(claim);
  return listed ? listed[1]!.split(' ').filter(Boolean) : [claim];
}

/**
 * The gateway has already checked the token's signature, issuer, audience and expiry; the handler
 * checks that its groups give one of the roles the route admits. No claims at all means the route was
 * reached without the authorizer, which is refused as unauthenticated. A token whose groups are no
 * role's (or none) is refused on every staff route alike.
 */
export function organizerOf(event: HttpEvent, roleGroups: RoleGroups, admitted: readonly StaffRole[]): Organizer {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string') {
    throw new ApiError(401, 'unauthorized', 'Sign in as an organizer: send Authorization: Bearer <token>.');
  }
  const groups = parseGroupsClaim(claims['cognito:groups']);
  const roles = rolesOf(groups, roleGroups);
  if (!roles.some((role) => admitted.includes(role))) {
    const groups = admitted.map((role) => roleGroups[role]);
    const needed = groups.length === 1 ? `the ${groups[0]} group` : `one of the groups ${groups.slice(0, -1).join(', ')} or ${groups.at(-1)}`;
    throw new ApiError(403, 'forbidden', `This needs membership of ${needed}.`);
  }
  const username = claims.username ?? claims['cognito:username'];
  return { subject: claims.sub, username: typeof username === 'string' ? username : undefined, roles, groups };
}

/** What a role may do, as the route table grants it: the console shows only what the API would allow. */
export function abilitiesOf(roles: readonly StaffRole[]) {
  const may = (handler: Parameters<typeof rolesOfHandler>[0]) => rolesOfHandler(handler).some((role) => roles.includes(role));
  return {
    manageEvents: may('put-event'),
    decide: may('approve-registration'),
    editRegistrations: may('edit-registration'),
    export: may('list-registrations'),
  };
}

/** GET /me: who is signed in, the roles their groups give, and what those allow. */
export function signedInView(organizer: Organizer) {
  return {
    username: organizer.username ?? organizer.subject,
    subject: organizer.subject,
    roles: organizer.roles,
    can: abilitiesOf(organizer.roles),
  };
}
