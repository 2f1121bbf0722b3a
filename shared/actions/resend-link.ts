// Organizers send a participant's link again: the confirmation link of a registration whose address
// is not confirmed yet, or the manage link of one whose address is. Like a submission, the request
// only queues the mail on the registration (the mail worker sends it, with a fresh link), counts it
// against the mailbox's hourly cap, and records who asked in the history.
import { ApiError, invalidTransition } from '../model/errors.ts';
import type { ConferenceEvent } from '../model/event.ts';
import { actorOf, type Organizer } from '../model/organizer.ts';
import { historyEntry, queuedMail, withHistory, type Registration } from '../model/registration.ts';
import { mailboxKey } from '../model/tokens.ts';
import { mailsPerHourPerMailbox } from '../store/mailbox-store.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import type { StoreDeps } from './deps.ts';
import { findRegistration, noSuchRegistration, requireRegistration } from './find-registration.ts';

export type ResentLink = 'confirmation' | 'manage';

const mailOf = { confirmation: 'confirmation_request', manage: 'manage_link' } as const;

/** A confirmation link only for an unconfirmed address; a manage link only for a confirmed one. */
function assertFits(registration: Registration, link: ResentLink): void {
  const unconfirmed = registration.status === 'pending_confirmation';
  if (unconfirmed !== (link === 'confirmation')) throw invalidTransition(registration.status, `sent a ${link} link`);
}

export async function resendLink(
  deps: StoreDeps,
  event: ConferenceEvent,
  registrationId: string | undefined,
  link: ResentLink,
  organizer: Organizer,
  now: Date = new Date(),
): Promise<void> {
  const registration = await requireRegistration(deps.registrations, event.id, registrationId, now);
  assertFits(registration, link);
  if (!(await deps.mailboxes.take(event.id, mailboxKey(registration.details.email), now))) {
    throw new ApiError(429, 'too_many_requests', `This address has received the ${mailsPerHourPerMailbox} e-mails allowed in an hour. Try again later.`, {
      headers: { 'retry-after': '3600' },
    });
  }
  await retryOnConflict(async (round) => {
    // The first try writes what was read; a try after a lost race reads again and checks again.
    const current = round === 1 ? registration : await findRegistration(deps.registrations, event.id, registrationId, now);
    if (!current) throw noSuchRegistration();
    assertFits(current, link);
    const next: Registration = {
      ...current,
      pendingMails: queuedMail(current, mailOf[link], now),
      history: withHistory(current, historyEntry(now, actorOf(organizer), `resent_${link}_link`, undefined, undefined)),
      version: current.version + 1,
    };
    return (await deps.registrations.save(next, current.version)) ? undefined : lostRace;
  });
  deps.log.info('link_resent', { eventId: event.id, link, by: organizer.subject });
}
