import { ApiError, parseOrThrow } from '#shared/errors.ts';
import { assertRegistrationOpen, findEvent } from '#shared/event-lookup.ts';
import { json, readBody, requireJsonObject } from '#shared/http.ts';
import { isHoneypotFilled, submitRegistration } from '#shared/registration.ts';
import { mailingRuntime } from '#shared/mailing-runtime.ts';
import { httpHandler } from '#shared/runtime.ts';
import { registrationInputSchema, type ConferenceEvent } from '#shared/schemas.ts';

// The same bytes whatever happened (new, pending, already confirmed, honeypot), so the answer
// reveals nothing about which addresses are registered.
const accepted = () => json(202, { status: 'pending_confirmation' });

/** POST /events/{eventId}/registrations */
export const handler = httpHandler('submit', async (event) => {
  const deps = mailingRuntime();
  const body = requireJsonObject(readBody(event, ['json']).value);
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const now = new Date();
  assertRegistrationOpen(conference, now);
  if (isHoneypotFilled(body.website)) return accepted();

  const form = parseOrThrow(registrationInputSchema, body);
  assertCategoryOffered(conference, form.category);
  const outcome = await submitRegistration(deps, conference, form, now);
  deps.log.info('registration_submitted', { eventId: conference.id, outcome });
  return accepted();
});

function assertCategoryOffered(conference: ConferenceEvent, category: ConferenceEvent['categories'][number]): void {
  if (!conference.categories.includes(category)) {
    throw new ApiError(400, 'validation_failed', 'The request has invalid fields.', {
      issues: [{ path: 'category', message: 'This event does not invite this category', code: 'invalid_value' }],
    });
  }
}
