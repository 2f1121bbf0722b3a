// SES tells us, through the configuration set's event destination, when a registration e-mail bounced
// for good or the recipient marked it as spam. The registration then carries emailStatus, so organizers
// see that the participant never got (or refuses) our mail and can reach them another way.
import { emailKey } from '../model/tokens.ts';
import type { RegistrationStore } from '../store/registration-store.ts';

export type EmailStatus = 'bounced' | 'complained';

export interface EmailFeedback {
  eventId: string;
  address: string;
  status: EmailStatus;
}

interface SesRecipient {
  emailAddress?: unknown;
}

interface SesEventJson {
  eventType?: unknown;
  notificationType?: unknown;
  mail?: { tags?: Record<string, unknown> };
  bounce?: { bounceType?: unknown; bouncedRecipients?: SesRecipient[] };
  complaint?: { complainedRecipients?: SesRecipient[] };
}

/** "Jane Doe <jane@example.org>" or "jane@example.org" → "jane@example.org". */
function bareAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const angled = /<([^<>]+)>\s*$/.exec(value);
  const address = (angled ? angled[1]! : value).trim();
  return address.includes('@') ? address : undefined;
}

function firstTag(tags: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = tags?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/**
 * Reads one SES event (configuration-set event publishing: `eventType`; identity notifications:
 * `notificationType`). Only permanent bounces count: a full mailbox or a greylisting server
 * (transient) may well accept the next mail. Mail without our eventId tag yields nothing.
 */
export function parseSesFeedback(message: unknown): EmailFeedback[] {
  if (typeof message !== 'object' || message === null) return [];
  const event = message as SesEventJson;
  const type = event.eventType ?? event.notificationType;
  const eventId = firstTag(event.mail?.tags, 'eventId');
  if (!eventId) return [];
  let status: EmailStatus;
  let recipients: SesRecipient[];
  if (type === 'Bounce') {
    if (event.bounce?.bounceType !== 'Permanent') return [];
    status = 'bounced';
    recipients = event.bounce.bouncedRecipients ?? [];
  } else if (type === 'Complaint') {
    status = 'complained';
    recipients = event.complaint?.complainedRecipients ?? [];
  } else {
    return [];
  }
  return recipients
    .map((recipient) => bareAddress(recipient.emailAddress))
    .filter((address): address is string => address !== undefined)
    .map((address) => ({ eventId, address, status }));
}

/** skipped: no such registration any more, or a bounce after a complaint. */
export type FeedbackOutcome = 'recorded' | 'skipped';

/**
 * Marks the registration. The version goes up like on every other write, so a request that read the
 * registration before this (and saves with the old version) fails its condition and re-reads instead
 * of overwriting the mark. A complaint is never downgraded to a bounce. A registration that no longer
 * exists (purged unconfirmed, or withdrawn) is not recreated.
 */
export async function recordEmailFeedback(registrations: RegistrationStore, feedback: EmailFeedback): Promise<FeedbackOutcome> {
  return (await registrations.markEmailStatus(feedback.eventId, emailKey(feedback.address), feedback.status)) ? 'recorded' : 'skipped';
}
