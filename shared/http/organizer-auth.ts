// Who is calling an organizer route. The HTTP API's JWT authorizer (the local gateway, locally) has
// checked the token; this reads its claims and checks the group.
import { ApiError } from '../model/errors.ts';
import type { Organizer } from '../model/organizer.ts';
import type { HttpEvent } from './request.ts';

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
 * checks that it carries the organizer group. No claims at all means the route was reached without
 * the authorizer, which is refused as unauthenticated.
 */
export function organizerOf(event: HttpEvent, group: string): Organizer {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string') {
    throw new ApiError(401, 'unauthorized', 'Sign in as an organizer: send Authorization: Bearer <token>.');
  }
  const groups = parseGroupsClaim(claims['cognito:groups']);
  if (!groups.includes(group)) {
    throw new ApiError(403, 'forbidden', `This needs membership of the ${group} group.`);
  }
  const username = claims.username ?? claims['cognito:username'];
  return { subject: claims.sub, username: typeof username === 'string' ? username : undefined, groups };
}
