// Organizers correct a registration on the participant's behalf (a misspelt name on the phone, a
// changed ministry), through the same rules as the participant's own correction (model/correction.ts),
// about the revision they looked at, recorded in the history as theirs. Their change needs no review
// (they are the reviewers), so the status stays; consents stay the participant's own to give.
import { corrected } from '../model/correction.ts';
import { fieldIssue, invalidTransition, staleRevision, validationFailed } from '../model/errors.ts';
import type { ConferenceEvent } from '../model/event.ts';
import { canBeCorrectedByOrganizers } from '../model/lifecycle.ts';
import { actorOf, type Organizer } from '../model/organizer.ts';
import { historyEntry, revisionOf, withHistory, type Registration, type RegistrationDetails } from '../model/registration.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { commitTransition } from './commit.ts';
import type { StoreDeps } from './deps.ts';
import { requireRegistration } from './find-registration.ts';

export async function editRegistration(
  deps: StoreDeps,
  event: ConferenceEvent,
  registrationId: string | undefined,
  changes: unknown,
  organizer: Organizer,
  /** The revision the organizer looked at: an edit is about that data, never over a later change. */
  reviewed: string,
  now: Date = new Date(),
): Promise<Registration> {
  return retryOnConflict(async () => {
    const registration = await requireRegistration(deps.registrations, event.id, registrationId, now);
    if (revisionOf(registration) !== reviewed) throw staleRevision(revisionOf(registration));
    if (!canBeCorrectedByOrganizers(registration.status)) throw invalidTransition(registration.status, 'edited');
    const correction = corrected(registration, event, changes);
    refuseConsentsGiven(registration.details, correction.details);
    if (correction.changed.length === 0) return registration;
    const next: Registration = {
      ...registration,
      details: correction.details,
      updatedAt: now.toISOString(),
      history: withHistory(registration, {
        ...historyEntry(now, actorOf(organizer), 'edited', registration.status, registration.status),
        changes: correction.changed,
      }),
      version: registration.version + 1,
    };
    // The status stays, so only the counts by category and country can move.
    const result = await commitTransition(deps, event, registration, next);
    if (result.kind !== 'written') return lostRace;
    deps.log.info('registration_edited', { eventId: event.id, by: organizer.subject, fields: correction.changed.length });
    return result.registration;
  });
}

/**
 * A consent is the participant's own declaration: organizers may record that one was withdrawn
 * (the participant asked them), never give one in the participant's name.
 */
function refuseConsentsGiven(before: RegistrationDetails, after: RegistrationDetails): void {
  const given = (Object.keys(after.consents) as (keyof RegistrationDetails['consents'])[]).filter(
    (consent) => after.consents[consent] === true && before.consents[consent] !== true,
  );
  if (given.length > 0) {
    throw validationFailed(
      given.map((consent) => fieldIssue(`changes.consents.${consent}`, 'Only the participant can give a consent; organizers may record its withdrawal', 'not_changeable')),
    );
  }
}
