// Who acts on the secretariat's side, as the identity provider's token names them.
export interface Organizer {
  subject: string;
  username: string | undefined;
  /** The token's groups: the organizer group, and any other role (the accreditation group). */
  groups: readonly string[];
}

/** How an organizer appears in a registration's history. */
export function actorOf(organizer: Organizer): string {
  return `organizer:${organizer.username ?? organizer.subject}`;
}
