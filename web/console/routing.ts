// The console's pages and their addresses. Hash routes (#/events/x/registrations?status=...): the site
// serves one file at /organizer/, in local mode and from S3 alike, and sign-in returns to the same
// address with the hash intact. Filters live in the address, so Back and a shared link keep them.
import { registrationStatuses, type RegistrationStatus } from '#shared/model/lifecycle.ts';
import { categories, type Category } from '#shared/model/participants.ts';
import { sortKeys, type ListFilter, type Sort } from './api.ts';
import { isDelegationFilter, type DelegationFilter } from './delegation-view.ts';

export type ConsoleRoute =
  | { page: 'events' }
  | { page: 'new-event' }
  | { page: 'edit-event'; eventId: string }
  | { page: 'edit-form'; eventId: string }
  | { page: 'dashboard'; eventId: string }
  | { page: 'registrations'; eventId: string; filter: ListFilter }
  | { page: 'registration'; eventId: string; registrationId: string }
  | { page: 'delegations'; eventId: string; show: DelegationFilter }
  | { page: 'not-found' };

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

export function parseRoute(hash: string): ConsoleRoute {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decode);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'events')) return { page: 'events' };
  // Not under events/: an event may be called "new".
  if (parts.length === 1 && parts[0] === 'new-event') return { page: 'new-event' };
  if (parts[0] !== 'events') return { page: 'not-found' };
  const [, eventId, section, registrationId, ...rest] = parts;
  if (rest.length > 0 || !eventId) return { page: 'not-found' };
  if (!section) return { page: 'dashboard', eventId };
  if (section === 'edit' && !registrationId) return { page: 'edit-event', eventId };
  if (section === 'form' && !registrationId) return { page: 'edit-form', eventId };
  if (section === 'registrations' && registrationId) return { page: 'registration', eventId, registrationId };
  if (section === 'registrations') return { page: 'registrations', eventId, filter: parseFilter(new URLSearchParams(query)) };
  if (section === 'delegations' && !registrationId) {
    const show = new URLSearchParams(query).get('show');
    return { page: 'delegations', eventId, show: isDelegationFilter(show) ? show : 'all' };
  }
  return { page: 'not-found' };
}

function parseFilter(params: URLSearchParams): ListFilter {
  const filter: ListFilter = {};
  const status = params.get('status');
  if (status && (registrationStatuses as readonly string[]).includes(status)) filter.status = status as RegistrationStatus;
  const category = params.get('category');
  if (category && (categories as readonly string[]).includes(category)) filter.category = category as Category;
  const country = params.get('country');
  if (country && /^[A-Z]{2}$/.test(country)) filter.country = country;
  const q = params.get('q')?.trim();
  if (q) filter.q = q;
  const sort = params.get('sort');
  if (sort && (sortKeys as readonly string[]).includes(sort.replace(/^-/, ''))) filter.sort = sort as Sort;
  return filter;
}

export function hrefOf(route: ConsoleRoute): string {
  const id = (value: string) => encodeURIComponent(value);
  switch (route.page) {
    case 'events':
      return '#/events';
    case 'new-event':
      return '#/new-event';
    case 'edit-event':
      return `#/events/${id(route.eventId)}/edit`;
    case 'edit-form':
      return `#/events/${id(route.eventId)}/form`;
    case 'dashboard':
      return `#/events/${id(route.eventId)}`;
    case 'registrations': {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(route.filter)) if (value) params.set(key, value);
      const query = params.toString();
      return `#/events/${id(route.eventId)}/registrations${query ? `?${query}` : ''}`;
    }
    case 'registration':
      return `#/events/${id(route.eventId)}/registrations/${id(route.registrationId)}`;
    case 'delegations':
      return `#/events/${id(route.eventId)}/delegations${route.show === 'all' ? '' : `?show=${route.show}`}`;
    case 'not-found':
      return '#/not-found';
  }
}

/** The moderator's queue: awaiting approval, oldest first. */
export function queueOf(eventId: string, status: 'awaiting_approval' | 'awaiting_reapproval' = 'awaiting_approval'): ConsoleRoute {
  return { page: 'registrations', eventId, filter: { status, sort: 'createdAt' } };
}
