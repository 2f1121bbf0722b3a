// Visa support letters: for a participant whose place is confirmed (a seat held: confirmed, or
// approved where the event requires approval), downloaded by the participant through the manage
// link or by the secretariat; where the event asks whether one is needed (visaLetter.requestedBy),
// only for a participant who answered yes.
import type { ConferenceEvent } from '../model/event.ts';
import { ApiError, invalidTransition } from '../model/errors.ts';
import { holdsSeat } from '../model/lifecycle.ts';
import type { Registration } from '../model/registration.ts';
import { visaLetterPdf } from '../model/visa-letter.ts';
import { asksForVisaLetter } from '../model/visa-request.ts';
import { fontBytes } from '../platform/fonts.ts';

export async function visaLetter(event: ConferenceEvent, registration: Registration, now = new Date()): Promise<Uint8Array> {
  if (!holdsSeat(registration.status)) throw invalidTransition(registration.status, 'given a visa support letter');
  if (!asksForVisaLetter(event, registration.details.answers)) {
    throw new ApiError(409, 'visa_letter_not_requested', 'This participant did not ask for a visa support letter on the form. Change the answer to ask for one.');
  }
  const [regular, bold] = await Promise.all([fontBytes('DejaVuSans.ttf'), fontBytes('DejaVuSans-Bold.ttf')]);
  return visaLetterPdf(event, registration, { regular, bold }, now);
}

export function visaLetterFileName(event: ConferenceEvent, registration: Registration): string {
  return `${event.id}-visa-letter-${registration.reference ?? registration.registrationId}.pdf`;
}
