import { decisionRequestSchema } from './schemas.ts';
import { parseOrThrow } from './errors.ts';
import { findEvent } from './event-lookup.ts';
import { json, readBody, requireJsonObject, type HttpEvent } from './http.ts';
import { decideRegistration, type Decision } from './organizer-actions.ts';
import { organizerOf, organizersOnly } from './organizer-auth.ts';
import { registrationView } from './registration-list.ts';
import { mailingRuntime } from './mailing-runtime.ts';
import { httpHandler, runtime } from './runtime.ts';

/** POST /events/{eventId}/registrations/{registrationId}/approve or /reject (organizers). */
export function decisionHandler(decision: Decision) {
  return httpHandler(decision, async (event: HttpEvent) => {
    const deps = mailingRuntime();
    const organizer = organizerOf(event, deps.config.organizerGroup);
    const conference = await findEvent(deps.events, event.pathParameters?.eventId);
    const hasBody = Boolean(event.body);
    const { reason } = hasBody ? parseOrThrow(decisionRequestSchema, requireJsonObject(readBody(event, ['json']).value)) : { reason: undefined };
    const registration = await decideRegistration(deps, conference, event.pathParameters?.registrationId, decision, reason || undefined, organizer);
    return json(200, { ...registrationView(registration), history: registration.history });
  }).use(organizersOnly(() => runtime().config.organizerGroup));
}
