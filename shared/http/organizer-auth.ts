// Who is calling an organizer route. The HTTP API's JWT authorizer (the local gateway, locally) has
// checked the token; this reads its claims and checks the group.
import { ApiError } from '../model/errors.ts';
import type { Organizer } from '../model/organizer.ts';
import type { HttpEvent } from './request.ts';

/**
 * The HTTP API JWT authorizer passes every claim to Lambda as a string: an array claim such as
 * cognito:groups arrives as "[organizers staff]". Accept that form, a JSON array, a plain array and a
 * single group name.
 */
export function parseGroupsClaim(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((group): group is string => typeof group === 'string');
  if (typeof claim !== 'string') return [];
  const text = claim.trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.filter((group): group is string => typeof group === 'string');
    } catch {
      // Not JSON: the authorizer's "[a b]" form.
    }
    return text.slice(1, -1).split(/[\s,]+/).filter(Boolean);
  }
  return text.split(/[\s,]+/).filter(Boolean);
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
  if (!parseGroupsClaim(claims['cognito:groups']).includes(group)) {
    throw new ApiError(403, 'forbidden', `This needs membership of the ${group} group.`);
  }
  const username = claims.username ?? claims['cognito:username'];
  return { subject: claims.sub, username: typeof username === 'string' ? username : undefined };
}
