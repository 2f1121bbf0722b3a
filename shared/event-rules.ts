import type { ConferenceEvent } from './schemas.ts';

export function isRegistrationOpen(event: ConferenceEvent, now: Date): boolean {
  const { opensAt, closesAt } = event.registration;
  if (opensAt !== undefined && now.getTime() < Date.parse(opensAt)) return false;
  if (closesAt !== undefined && now.getTime() >= Date.parse(closesAt)) return false;
  return true;
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
  };
}
