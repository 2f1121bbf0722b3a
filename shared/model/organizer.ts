// Who acts on the secretariat's side, as the identity provider's token names them, and the roles a
// secretariat's staff hold: organizers run everything, moderators see and decide registrations,
// viewers read and export. Each role is a group in the token; the route table says which roles each
// route admits (shared/http/routes.ts).
import type { RoleGroups } from '../platform/config.ts';

export const staffRoles = ['organizer', 'moderator', 'viewer'] as const satisfies readonly (keyof RoleGroups)[];
export type StaffRole = (typeof staffRoles)[number];

export interface Organizer {
  subject: string;
  username: string | undefined;
  /** Every group the token names: the roles' and any other, such as the accreditation group. */
  groups: readonly string[];
  /** The roles the token's groups give, in the order of staffRoles. */
  roles: StaffRole[];
}

/** The roles a token's groups give; groups that are no role's give none. */
export function rolesOf(groups: readonly string[], roleGroups: RoleGroups): StaffRole[] {
  return staffRoles.filter((role) => groups.includes(roleGroups[role]));
}

/** How an organizer appears in a registration's history. */
export function actorOf(organizer: Pick<Organizer, 'subject' | 'username'>): string {
  return `organizer:${organizer.username ?? organizer.subject}`;
}
