// Sending a participant's e-mail as part of a change. The change stands whether or not SES takes the
// mail: what SES does not take is recorded on the registration for the mail sweeper (outbox.ts).
import type { ConferenceEvent } from '../model/event.ts';
import type { Registration } from '../model/registration.ts';
import { manageUrl } from '../model/tokens.ts';
import { errorType } from '../platform/log.ts';
import type { MailDeps } from './deps.ts';
import { participantEmail, type ParticipantMail } from './emails.ts';
import { isPermanentRefusal, recordPendingMail } from './outbox.ts';

export async function notify(deps: MailDeps, event: ConferenceEvent, registration: Registration, mail: ParticipantMail, manageToken: string): Promise<boolean> {
  try {
    await deps.mailer.send(participantEmail(registration, event, mail, manageUrl(deps.publicBaseUrl, manageToken)));
    return true;
  } catch (error) {
    deps.log.error('mail_send_failed', { ...errorType(error), mail: mail.kind });
    if (!isPermanentRefusal(error)) await recordPendingMail(deps, registration, mail.kind);
    return false;
  }
}

/** The e-mail that tells a participant where a seat-related transition left them. */
export function placementMail(registration: Registration, promoted = false): ParticipantMail {
  if (registration.status === 'waitlisted') return { kind: 'waitlisted', position: registration.waitlist?.position ?? 1 };
  if (registration.status === 'awaiting_approval') return { kind: 'awaiting_approval' };
  if (promoted) return { kind: 'promoted', reference: registration.reference! };
  if (registration.status === 'approved') return { kind: 'approved', reference: registration.reference! };
  return { kind: 'confirmed', reference: registration.reference! };
}
