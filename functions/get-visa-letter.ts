import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import { requireRegistration } from '#shared/actions/find-registration.ts';
import { visaLetter, visaLetterFileName } from '#shared/actions/visa-letter.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { pdf } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /events/{eventId}/registrations/{registrationId}/visa-letter (staff): the participant's visa support letter as PDF. */
async function getVisaLetterHandler(event: HttpEvent) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const registration = await requireRegistration(deps.registrations, conference.id, event.pathParameters?.registrationId);
  return pdf(await visaLetter(conference, registration), visaLetterFileName(conference, registration));
}

export const handler = middy(getVisaLetterHandler).use(apiRoute('get-visa-letter'));
