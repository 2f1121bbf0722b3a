// How the organizers' list searches and sorts registrations: pure rules, shared by the store (which
// keeps a registration's search text on its item and reads what the sort needs) and the actions (which
// sort the matches and page through them).
import { registrationStatuses, type RegistrationStatus } from './lifecycle.ts';

/** The fields the list sorts by; createdAt is the registration order (registration ids are ULIDs). */
export const sortFields = ['createdAt', 'lastName', 'organization', 'country', 'status'] as const;
export type SortField = (typeof sortFields)[number];
/** A field, ascending, or with a leading minus, descending. */
export type SortOrder = SortField | `-${SortField}`;
export const sortOrders = sortFields.flatMap((field) => [field, `-${field}`] as const) as SortOrder[];

/**
 * Text as search compares it: decomposed, without its accents (é → e, ё → е), lower case, white
 * space runs as one space. So "muller" finds Müller and "SOFIA" finds Sofía.
 */
export function searchable(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * What a search looks in, as stored on the registration's item: the full name (first then last, so
 * "anna muller" finds Anna Müller), the organization and the address, one per line; a search term
 * is one line, so it never matches across two fields.
 */
export function searchTextOf(details: { firstName: string; lastName: string; organization?: string | undefined; email: string }): string {
  return [`${details.firstName} ${details.lastName}`, details.organization ?? '', details.email].map(searchable).join('\n');
}

/** What sorting needs of a registration: each sort field, and its id to break ties. */
export interface SortRow {
  registrationId: string;
  status: RegistrationStatus;
  lastName?: string | undefined;
  organization?: string | undefined;
  country?: string | undefined;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const statusRank = (status: RegistrationStatus) => registrationStatuses.indexOf(status);

/**
 * The order of a sort: names and organizations as a reader expects (accents and case aside, in the
 * collation order of Unicode), statuses in the order of the lifecycle, registrations without the
 * value last whichever the direction, and ties in registration order.
 */
export function comparatorOf(order: SortOrder): (a: SortRow, b: SortRow) => number {
  const descending = order.startsWith('-');
  const field = (descending ? order.slice(1) : order) as SortField;
  const direction = descending ? -1 : 1;
  const inOrder = (a: SortRow, b: SortRow) => (a.registrationId < b.registrationId ? -1 : a.registrationId > b.registrationId ? 1 : 0);
  return (a, b) => {
    if (field === 'createdAt') return direction * inOrder(a, b);
    if (field === 'status') return direction * (statusRank(a.status) - statusRank(b.status)) || inOrder(a, b);
    const left = a[field];
    const right = b[field];
    if (!left || !right) return (left ? -1 : right ? 1 : 0) || inOrder(a, b);
    return direction * collator.compare(left, right) || inOrder(a, b);
  };
}

/** Whether the order is the one the indexes keep (registration order, either way): pages then need no sort. */
export function isRegistrationOrder(order: SortOrder): boolean {
  return order === 'createdAt' || order === '-createdAt';
}
