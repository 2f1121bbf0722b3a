import { formatEventDates, formatVenue } from '../model/event.ts';
import { escapeHtml } from '../platform/html.ts';
import { fill, messagesFor, type Messages } from '../i18n/index.ts';
import { delegationWordsFor } from '../i18n/delegation-words.ts';
import type { NomineeRole } from '../model/delegations.ts';
import type { Language } from '../model/languages.ts';
import type { RegistrationDetails } from '../model/registration-schema.ts';
import type { ConferenceEvent } from '../model/event-schema.ts';

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** SES message tags: they come back in bounce and complaint events, naming the registration's event. */
  tags: { eventId: string; mail: string };
}

interface Recipient {
  details: RegistrationDetails;
}

type Block = { kind: 'paragraph'; text: string } | { kind: 'link'; label: string; url: string } | { kind: 'facts'; rows: [string, string][] };

/** Builds the plain-text and HTML bodies from the same blocks, escaping every value in the HTML one. */
function compose(language: Language, to: string, subject: string, tags: Email['tags'], blocks: Block[]): Email {
  const separator = messagesFor(language).labelSeparator;
  const text = blocks
    .map((block) => {
      if (block.kind === 'paragraph') return block.text;
      if (block.kind === 'link') return `${block.label}${separator.trimEnd()}\n${block.url}`;
      return block.rows.map(([label, value]) => `${label}${separator}${value}`).join('\n');
    })
    .join('\n\n');
  const body = blocks
    .map((block) => {
      if (block.kind === 'paragraph') return `<p>${escapeHtml(block.text)}</p>`;
      if (block.kind === 'link') {
        return `<p><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:10px 16px;background:#00528a;color:#ffffff;text-decoration:none;font-weight:bold">${escapeHtml(block.label)}</a></p><p style="font-size:13px;color:#505a5f;word-break:break-all">${escapeHtml(block.url)}</p>`;
      }
      const rows = block.rows
        .map(([label, value]) => `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
        .join('');
      return `<table role="presentation">${rows}</table>`;
    })
    .join('\n');
  const html = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c">${body}</body></html>`;
  return { to, subject, text, html, tags };
}

function eventFacts(messages: Messages, event: ConferenceEvent, language: Language, reference?: string): [string, string][] {
  return [
    ...(reference ? [[messages.labels.reference, reference] as [string, string]] : []),
    [messages.labels.event, event.title],
    [messages.labels.dates, formatEventDates(event, language)],
    [messages.labels.venue, formatVenue(event, language)],
  ];
}

export type ParticipantMail =
  | { kind: 'confirmation_request'; confirmUrl: string; lifetimeHours: number }
  | { kind: 'already_registered'; reference: string | undefined }
  | { kind: 'confirmed'; reference: string }
  | { kind: 'waitlisted'; position: number }
  | { kind: 'awaiting_approval' }
  | { kind: 'approved'; reference: string }
  | { kind: 'rejected'; reason: string | undefined }
  | { kind: 'promoted'; reference: string }
  | { kind: 'withdrawn' }
  | { kind: 'manage_link'; reference: string | undefined };

/** The middle of each e-mail: what happened and what to do; greeting, manage link and signature wrap it. */
function content(messages: Messages, mail: ParticipantMail, event: ConferenceEvent, language: Language): { subject: string; blocks: Block[] } {
  const title = { event: event.title };
  const facts = (reference?: string): Block => ({ kind: 'facts', rows: eventFacts(messages, event, language, reference) });
  switch (mail.kind) {
    case 'confirmation_request':
      return {
        subject: fill(messages.confirmRequest.subject, title),
        blocks: [
          { kind: 'paragraph', text: fill(messages.confirmRequest.intro, title) },
          facts(),
          { kind: 'paragraph', text: fill(messages.confirmRequest.action, { hours: String(mail.lifetimeHours) }) },
          { kind: 'link', label: messages.confirmRequest.button, url: mail.confirmUrl },
          { kind: 'paragraph', text: messages.confirmRequest.ignore },
        ],
      };
    case 'already_registered':
      return {
        subject: fill(messages.alreadyRegistered.subject, title),
        blocks: [
          { kind: 'paragraph', text: fill(messages.alreadyRegistered.body, title) },
          facts(mail.reference),
          { kind: 'paragraph', text: messages.alreadyRegistered.changes },
          { kind: 'paragraph', text: messages.alreadyRegistered.ignore },
        ],
      };
    case 'confirmed':
    case 'approved':
    case 'promoted': {
      const words = messages[mail.kind];
      return {
        subject: fill(words.subject, title),
        blocks: [{ kind: 'paragraph', text: words.body }, facts(mail.reference), { kind: 'paragraph', text: messages.confirmed.bringId }],
      };
    }
    case 'waitlisted':
      return {
        subject: fill(messages.waitlisted.subject, title),
        blocks: [{ kind: 'paragraph', text: fill(messages.waitlisted.body, { position: String(mail.position) }) }, facts()],
      };
    case 'awaiting_approval':
      return { subject: fill(messages.awaitingApproval.subject, title), blocks: [{ kind: 'paragraph', text: messages.awaitingApproval.body }, facts()] };
    case 'rejected':
      return {
        subject: fill(messages.rejected.subject, title),
        blocks: [
          { kind: 'paragraph', text: messages.rejected.body },
          ...(mail.reason ? [{ kind: 'paragraph', text: fill(messages.rejected.reason, { reason: mail.reason }) } as Block] : []),
          facts(),
        ],
      };
    case 'withdrawn':
      return { subject: fill(messages.withdrawn.subject, title), blocks: [{ kind: 'paragraph', text: messages.withdrawn.body }, facts()] };
    case 'manage_link':
      return { subject: fill(messages.manageLinkResent.subject, title), blocks: [{ kind: 'paragraph', text: messages.manageLinkResent.body }, facts(mail.reference)] };
  }
}

/**
 * Every e-mail to a participant: greeting, what happened, the private manage link, signature. In the
 * registrant's language; user values are escaped in the HTML part.
 */
export function participantEmail(recipient: Recipient, event: ConferenceEvent, mail: ParticipantMail, manageUrl: string): Email {
  const { language } = recipient.details;
  const messages = messagesFor(language);
  // Titles (Mr, H.E., ...) are stored as codes; a salutation in another language would need their
  // grammar too, so the greeting uses the name alone.
  const name = `${recipient.details.firstName} ${recipient.details.lastName}`;
  const { subject, blocks } = content(messages, mail, event, language);
  return compose(language, recipient.details.email, subject, { eventId: event.id, mail: mail.kind }, [
    { kind: 'paragraph', text: fill(messages.greeting, { name }) },
    ...blocks,
    { kind: 'link', label: messages.manageLink, url: manageUrl },
    { kind: 'paragraph', text: fill(messages.signature, { organizer: event.organizer ?? event.title }) },
  ]);
}

export type DelegationMail =
  | { kind: 'focal_point_invite'; entityName: string; url: string; deadline: string | undefined }
  | { kind: 'nominee_invite' | 'nominee_reminder'; entityName: string; role: NomineeRole; url: string };

/** The e-mails of the nomination: to a focal point (the delegation page) and to a nominee (the form). */
export function delegationEmail(to: { email: string; name?: string | undefined; language: Language }, event: ConferenceEvent, mail: DelegationMail): Email {
  const messages = messagesFor(to.language);
  const words = delegationWordsFor(to.language);
  const facts: Block = { kind: 'facts', rows: eventFacts(messages, event, to.language) };
  const blocks: Block[] =
    mail.kind === 'focal_point_invite'
      ? [
          { kind: 'paragraph', text: fill(words.focalBody, { entity: mail.entityName, event: event.title }) },
          ...(mail.deadline ? [{ kind: 'paragraph', text: fill(words.deadline, { deadline: mail.deadline }) } as Block] : []),
          facts,
          { kind: 'link', label: words.focalButton, url: mail.url },
        ]
      : [
          { kind: 'paragraph', text: fill(messages.greeting, { name: to.name ?? '' }) },
          { kind: 'paragraph', text: fill(mail.kind === 'nominee_reminder' ? words.reminderBody : words.nomineeBody, { entity: mail.entityName, role: words.roles[mail.role], event: event.title }) },
          facts,
          { kind: 'link', label: words.nomineeButton, url: mail.url },
        ];
  const subject =
    mail.kind === 'focal_point_invite'
      ? fill(words.focalSubject, { entity: mail.entityName, event: event.title })
      : fill(mail.kind === 'nominee_reminder' ? words.reminderSubject : words.nomineeSubject, { event: event.title });
  return compose(to.language, to.email, subject, { eventId: event.id, mail: mail.kind }, [
    ...blocks,
    { kind: 'paragraph', text: words.personal },
    { kind: 'paragraph', text: fill(messages.signature, { organizer: event.organizer ?? event.title }) },
  ]);
}
