import type { Language } from './languages.ts';
import type { ConferenceEvent } from './schemas.ts';

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
