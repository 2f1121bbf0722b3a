// Organizers create and change events. Events are data validated by eventSchema; changing the
// capacity hands any new seats to the waiting list at once.
import { ApiError, fieldIssue, parseOrThrow, validationFailed } from '../model/errors.ts';
import { eventIdSchema, eventSchema, type ConferenceEvent } from '../model/event-schema.ts';
import { isInRegistrationWindow, languagesOf } from '../model/event.ts';
import { customFields, formOf, missingTranslations, type FormDefinition } from '../model/form-definition.ts';
import type { Organizer } from '../model/organizer.ts';
import type { RegistrationDeps } from './deps.ts';
import { promoteFromWaitlist } from './waitlist.ts';

export async function saveEvent(
  deps: RegistrationDeps,
  eventId: string | undefined,
  body: Record<string, unknown>,
  organizer: Organizer,
  now: Date = new Date(),
): Promise<{ event: ConferenceEvent; created: boolean }> {
  const id = eventIdSchema.safeParse(eventId);
  if (!id.success) throw new ApiError(404, 'event_not_found', 'Event ids are lowercase letters, digits and hyphens.');
  if (body.id !== undefined && body.id !== id.data) {
    throw validationFailed([fieldIssue('id', 'Must match the id in the path')]);
  }
  const event = parseOrThrow(eventSchema, { ...body, id: id.data });
  // A form still being translated may be saved while registration is not open; it keeps it closed.
  const missing = missingTranslations(formOf(event), languagesOf(event));
  if (missing.length > 0 && isInRegistrationWindow(event, now)) {
    throw validationFailed(
      missing.map((path) => fieldIssue(path, `Missing the ${path.split('.').pop()} text: registration cannot open with an incomplete translation`, 'missing_translation')),
      'Every text of the form must be in each of the event\'s languages while registration is open.',
    );
  }
  const previous = await deps.events.get(event.id);
  if (previous) await assertAnswersKeepTheirPlace(deps, previous, event);
  await deps.events.put(event);
  deps.log.info('event_saved', { eventId: event.id, created: !previous, by: organizer.subject });
  const moreSeats = previous && (event.capacity === undefined || (previous.capacity !== undefined && event.capacity > previous.capacity));
  if (moreSeats) await promoteFromWaitlist(deps, event);
  return { event, created: !previous };
}

/**
 * Answers stay readable when a form changes: a question that registrations answered keeps its kind
 * (the answers' type) and where its answers are kept (accreditation or not); new ids are for new
 * questions. Removed questions' answers stay with the registrations and are shown after the form's.
 */
async function assertAnswersKeepTheirPlace(deps: RegistrationDeps, previous: ConferenceEvent, next: ConferenceEvent): Promise<void> {
  const before = new Map(customFields(formOf(previous)).map((field) => [field.id, field]));
  const changed = placesOf(next.form).filter(({ field }) => {
    const old = before.get(field.id);
    return old !== undefined && (old.kind !== field.kind || Boolean(old.accreditation) !== Boolean(field.accreditation));
  });
  if (changed.length === 0 || !(await deps.registrations.hasAny(next.id))) return;
  throw validationFailed(
    changed.map(({ path }) => fieldIssue(path, 'Registrations have answered this field: its kind and accreditation stay; add a field with a new id instead', 'answered')),
  );
}

function placesOf(form: FormDefinition | undefined): { field: ReturnType<typeof customFields>[number]; path: string }[] {
  return (form?.sections ?? []).flatMap((section, s) =>
    section.fields.flatMap((field, f) => (field.kind === 'standard' ? [] : [{ field, path: `form.sections.${s}.fields.${f}.kind` }])),
  );
}
