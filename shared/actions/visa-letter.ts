// Visa support letters: for a participant whose place is confirmed (a seat held: confirmed, or
// approved where the event requires approval), downloaded by the participant through the manage
// link or by the secretariat.
import type { ConferenceEvent } from '../model/event.ts';
import { invalidTransition } from '../model/errors.ts';
import { holdsSeat } from '../model/lifecycle.ts';
import type { Registration } from '../model/registration.ts';
import { visaLetterPdf } from '../model/visa-letter.ts';
import { fontBytes } from '../platform/fonts.ts';

export async function visaLetter(event: ConferenceEvent, registration: Registration, now = new Date()): Promise<Uint8Array> {
  if (!holdsSeat(registration.status)) throw invalidTransition(registration.status, 'given a visa support letter');
  const [regular, bold] = await Promise.all([fontBytes('DejaVuSans.ttf'), fontBytes('DejaVuSans-Bold.ttf')]);
  return visaLetterPdf(event, registration, { regular, bold }, now);
}

export function visaLetterFileName(event: ConferenceEvent, registration: Registration): string {
  return `${event.id}-visa-letter-${registration.reference ?? registration.registrationId}.pdf`;
}
