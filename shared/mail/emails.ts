import { formatEventDates, formatVenue } from '../event-format.ts';
import { escapeHtml } from '../html.ts';
import { fill, messagesFor, type Messages } from '../i18n/index.ts';
import type { Language } from '../languages.ts';
import type { ConferenceEvent, RegistrationDetails } from '../schemas.ts';

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
  const text = blocks
    .map((block) => {
      if (block.kind === 'paragraph') return block.text;
      if (block.kind === 'link') return `${block.label}:\n${block.url}`;
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
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

function greeting(messages: Messages, details: RegistrationDetails): string {
  const name = [details.title, details.firstName, details.lastName].filter(Boolean).join(' ');
  return fill(messages.greeting, { name });
}

function signature(messages: Messages, event: ConferenceEvent): string {
  return fill(messages.signature, { organizer: event.organizer ?? event.title });
}

function eventFacts(messages: Messages, event: ConferenceEvent, language: Language): [string, string][] {
  return [
    [messages.labels.event, event.title],
    [messages.labels.dates, formatEventDates(event, language)],
    [messages.labels.venue, formatVenue(event, language)],
  ];
}

export function confirmationRequestEmail(
  recipient: Recipient,
  event: ConferenceEvent,
  confirmUrl: string,
  lifetimeHours: number,
): Email {
  const { language } = recipient.details;
  const all = messagesFor(language);
  const messages = all.confirmRequest;
  return compose(language, recipient.details.email, fill(messages.subject, { event: event.title }), { eventId: event.id, mail: 'confirmation_request' }, [
    { kind: 'paragraph', text: greeting(all, recipient.details) },
    { kind: 'paragraph', text: fill(messages.intro, { event: event.title }) },
    { kind: 'facts', rows: eventFacts(all, event, language) },
    { kind: 'paragraph', text: fill(messages.action, { hours: String(lifetimeHours) }) },
    { kind: 'link', label: messages.button, url: confirmUrl },
    { kind: 'paragraph', text: messages.ignore },
    { kind: 'paragraph', text: signature(all, event) },
  ]);
}

/** Sent instead of a new link when a confirmed address submits again; it must not change anything. */
export function alreadyRegisteredEmail(recipient: Recipient, event: ConferenceEvent, reference: string | undefined): Email {
  const { language } = recipient.details;
  const all = messagesFor(language);
  const messages = all.alreadyRegistered;
  return compose(language, recipient.details.email, fill(messages.subject, { event: event.title }), { eventId: event.id, mail: 'already_registered' }, [
    { kind: 'paragraph', text: greeting(all, recipient.details) },
    { kind: 'paragraph', text: fill(messages.body, { event: event.title }) },
    { kind: 'facts', rows: [...(reference ? [[all.labels.reference, reference] as [string, string]] : []), ...eventFacts(all, event, language)] },
    { kind: 'paragraph', text: messages.changes },
    { kind: 'paragraph', text: messages.ignore },
    { kind: 'paragraph', text: signature(all, event) },
  ]);
}

export function registrationConfirmedEmail(recipient: Recipient, event: ConferenceEvent, reference: string): Email {
  const { language } = recipient.details;
  const all = messagesFor(language);
  const messages = all.confirmed;
  return compose(language, recipient.details.email, fill(messages.subject, { event: event.title }), { eventId: event.id, mail: 'registration_confirmed' }, [
    { kind: 'paragraph', text: greeting(all, recipient.details) },
    { kind: 'paragraph', text: messages.body },
    { kind: 'facts', rows: [[all.labels.reference, reference], ...eventFacts(all, event, language)] },
    { kind: 'paragraph', text: messages.bringId },
    { kind: 'paragraph', text: signature(all, event) },
  ]);
}
