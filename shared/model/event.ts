// The rules that read an event: the registration window, the public view, and its dates and venue in the reader's language. No Zod here (the schema is in event-schema.ts), so
// read-only functions can use these without bundling it.
import { ApiError } from './errors.ts';
import { languages as allLanguages, type Language } from './languages.ts';
import type { ConferenceEvent } from './event-schema.ts';
import { formOf, missingTranslations } from './form-definition.ts';

export type { ConferenceEvent } from './event-schema.ts';

/** Whether now is inside the registration window, whatever the form. */
export function isInRegistrationWindow(event: Pick<ConferenceEvent, 'registration'>, now: Date): boolean {
  const { opensAt, closesAt } = event.registration;
  if (opensAt !== undefined && now.getTime() < Date.parse(opensAt)) return false;
  if (closesAt !== undefined && now.getTime() >= Date.parse(closesAt)) return false;
  return true;
}

/** Open: inside the window, with every text of the form in each of the event's languages. */
export function isRegistrationOpen(event: ConferenceEvent, now: Date): boolean {
  return isInRegistrationWindow(event, now) && missingTranslations(formOf(event), languagesOf(event)).length === 0;
}

/** The languages the event offers (events saved before they had the setting offer all six). */
export function languagesOf(event: Pick<ConferenceEvent, 'languages'>): readonly Language[] {
  return event.languages ?? allLanguages;
}

export function assertRegistrationOpen(event: ConferenceEvent, now: Date): void {
  if (!isRegistrationOpen(event, now)) throw new ApiError(409, 'registration_closed', 'Registration for this event is not open.');
}

export function publicEvent(event: ConferenceEvent, now: Date) {
  return {
    id: event.id,
    title: event.title,
    ...(event.subtitle ? { subtitle: event.subtitle } : {}),
    ...(event.organizer ? { organizer: event.organizer } : {}),
    venue: event.venue,
    startDate: event.startDate,
    endDate: event.endDate,
    timeZone: event.timeZone,
    registration: { ...event.registration, open: isRegistrationOpen(event, now) },
    categories: event.categories,
    ...(event.capacity !== undefined ? { capacity: event.capacity } : {}),
    approval: event.approval,
    languages: languagesOf(event),
    form: formOf(event),
    accreditationRetentionDays: event.accreditationRetentionDays ?? 30,
  };
}

// International English writes "10–11 July 2017", as the OSCE does, not the US "July 10 – 11, 2017".
const locales: Record<Language, string> = { en: 'en-GB', fr: 'fr', de: 'de', it: 'it', ru: 'ru', es: 'es' };

/** "10–11 July 2017" in the reader's language. Dates are calendar days, so they are formatted in UTC. */
export function formatEventDates(event: ConferenceEvent, language: Language): string {
  const format = new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(new Date(`${event.startDate}T00:00:00Z`), new Date(`${event.endDate}T00:00:00Z`));
}

export function formatVenue(event: ConferenceEvent, language: Language): string {
  const country = new Intl.DisplayNames([locales[language]], { type: 'region' }).of(event.venue.country) ?? event.venue.country;
  return `${event.venue.name}, ${event.venue.city}, ${country}`;
}
