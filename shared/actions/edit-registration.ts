// Organizers correct a registration on the participant's behalf (a misspelt name on the phone, a
// changed ministry), through the same rules as the participant's own correction (model/correction.ts),
// about the revision they looked at, recorded in the history as theirs. Their change needs no review
// (they are the reviewers), so the status stays; consents stay the participant's own to give.
import { asksAccreditation, splitAnswers } from '../model/accreditation.ts';
import { corrected } from '../model/correction.ts';
import { fieldIssue, invalidTransition, staleRevision, validationFailed } from '../model/errors.ts';
import type { ConferenceEvent } from '../model/event.ts';
import { formOf, isAccreditation, customFields } from '../model/form-definition.ts';
import { canBeCorrectedByOrganizers } from '../model/lifecycle.ts';
import { actorOf, type Organizer } from '../model/organizer.ts';
import { historyEntry, revisionOf, withHistory, type Registration, type RegistrationDetails } from '../model/registration.ts';
import { lostRace, retryOnConflict } from '../store/optimistic.ts';
import { commitTransition } from './commit.ts';
import type { StoreDeps } from './deps.ts';
import { requireRegistration } from './find-registration.ts';
import { assertCheckedUploads } from './uploads.ts';

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
    // The accreditation answers count for the form's rules but stay as the participant gave them.
    const keptApart = asksAccreditation(event) ? await deps.accreditation.answersOf(event.id, registration.registrationId) : {};
    refuseAccreditationChanges(event, changes);
    const correction = corrected(registration, event, changes, keptApart);
    // A file answer names an upload checked for its question, as on the participant's side.
    await assertCheckedUploads(deps.accreditation, event, correction.named, ['changes']);
    refuseConsentsGiven(registration.details, correction.details);
    if (correction.changed.length === 0) return registration;
    const next: Registration = {
      ...registration,
      details: { ...correction.details, answers: splitAnswers(formOf(event), correction.details.answers, Object.keys(keptApart)).kept },
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

/**
 * The accreditation answers (passport numbers, photos) are the participant's to give and the
 * accreditation group's to read: an edit on the participant's behalf leaves them alone.
 */
function refuseAccreditationChanges(event: ConferenceEvent, changes: unknown): void {
  const answers = typeof changes === 'object' && changes !== null ? (changes as { answers?: unknown }).answers : undefined;
  if (typeof answers !== 'object' || answers === null) return;
  const apart = customFields(formOf(event)).filter((field) => isAccreditation(field) && field.id in answers);
  if (apart.length > 0) {
    throw validationFailed(apart.map((field) => fieldIssue(`changes.answers.${field.id}`, 'Accreditation data is changed by the participant only, through the manage link', 'not_changeable')));
  }
}
