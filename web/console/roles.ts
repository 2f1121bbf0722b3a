// What the signed-in user may do. The API decides (it refuses what a role may not do); the console only
// hides what would be refused. From GET /me when the API serves it; before that, from the token's
// groups, with the default group names.
import type { Abilities, Me } from './api.ts';

export interface Access {
  roles: string[];
  can: Abilities;
}

const none: Abilities = { manageEvents: false, decide: false, editRegistrations: false, export: false };

const byGroup: Record<string, { role: string; can: Abilities }> = {
  organizers: { role: 'organizer', can: { manageEvents: true, decide: true, editRegistrations: true, export: true } },
  moderators: { role: 'moderator', can: { manageEvents: false, decide: true, editRegistrations: false, export: true } },
  viewers: { role: 'viewer', can: { manageEvents: false, decide: false, editRegistrations: false, export: true } },
};

export function accessFromGroups(groups: readonly string[]): Access {
  const granted = groups.map((group) => byGroup[group]).filter((entry) => entry !== undefined);
  const can = { ...none };
  for (const entry of granted) for (const key of Object.keys(can) as (keyof Abilities)[]) can[key] ||= entry.can[key];
  return { roles: granted.map((entry) => entry.role), can };
}

export function accessFromMe(me: Me): Access {
  return { roles: me.roles, can: { ...none, ...me.can } };
}

/** Whether the user may see the console at all: every role reads; no role reads nothing. */
export function hasAccess(access: Access): boolean {
  return access.roles.length > 0;
}
