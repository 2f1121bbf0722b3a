import { ApiError } from '../model/errors.ts';
import { isExpiredUnconfirmed, type Registration } from '../model/registration.ts';
import type { RegistrationStore } from '../store/registration-store.ts';

// Ids are ULIDs; anything else names no registration (and must not reach a key condition).
const registrationIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * The registration with this id, read consistently, or undefined: an id that is no ULID names none,
 * and an unconfirmed registration whose link expired is gone.
 */
export async function findRegistration(store: RegistrationStore, eventId: string, registrationId: string | undefined, now: Date = new Date()): Promise<Registration | undefined> {
  const found = registrationId && registrationIdPattern.test(registrationId) ? await store.findById(eventId, registrationId) : undefined;
  return found && !isExpiredUnconfirmed(found, now) ? found : undefined;
}

export const noSuchRegistration = () => new ApiError(404, 'not_found', 'There is no such registration for this event.');

/** The registration named in the path, or 404 not_found. */
export async function requireRegistration(store: RegistrationStore, eventId: string, registrationId: string | undefined, now: Date = new Date()): Promise<Registration> {
  const registration = await findRegistration(store, eventId, registrationId, now);
  if (!registration) throw noSuchRegistration();
  return registration;
}
