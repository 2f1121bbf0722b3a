// The page behind the confirmation link, and what its button leads to.
import { escapeHtml } from '../platform/html.ts';
import { fill, messagesFor } from '../i18n/index.ts';
import type { Language } from '../model/languages.ts';
import { layout } from './layout.ts';

/** What the page shows of the registration: enough for the owner to see whether the data is theirs. */
export interface ConfirmingDetails {
  firstName: string;
  lastName: string;
  email: string;
  organization: string;
  country?: string | undefined;
}

/**
 * The page behind the link: the details being confirmed (someone who knows the address may have
 * submitted since), and the button. Opening it confirms nothing.
 */
export function confirmPage(language: Language, token: string, eventTitle: string, details: ConfirmingDetails): string {
  const all = messagesFor(language);
  const messages = all.pages;
  const rows: [string, string][] = [
    [all.labels.name, `${details.firstName} ${details.lastName}`],
    [all.labels.email, details.email],
    [all.labels.organization, details.organization],
    ...(details.country ? [[all.labels.represents, new Intl.DisplayNames([language], { type: 'region' }).of(details.country) ?? details.country] as [string, string]] : []),
  ];
  return layout(
    language,
    messages.confirmTitle,
    `<p>${escapeHtml(fill(messages.confirmIntro, { event: eventTitle }))}</p>
<dl class="summary">${rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
<p>${escapeHtml(messages.confirmCheck)}</p>
<form method="post" action="/registrations/confirm">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<input type="hidden" name="lang" value="${language}">
<button type="submit" class="button">${escapeHtml(messages.confirmButton)}</button>
</form>
<p class="note">${escapeHtml(messages.confirmNote)}</p>`,
  );
}

/** What the confirm button led to: a seat, a place on the waiting list, or the organizers' review. */
export function confirmedPage(
  language: Language,
  reference: string,
  outcome: { status: string; position?: number | undefined } = { status: 'confirmed' },
): string {
  const all = messagesFor(language);
  const messages = all.pages;
  const [title, body] =
    outcome.status === 'waitlisted'
      ? [all.statuses.waitlisted, fill(all.waitlisted.body, { position: String(outcome.position ?? '') })]
      : outcome.status === 'awaiting_approval'
        ? [all.statuses.awaiting_approval, all.awaitingApproval.body]
        : [messages.confirmedTitle, fill(messages.confirmedBody, { reference })];
  return layout(
    language,
    title,
    `<div class="panel" role="status">${escapeHtml(all.labels.reference)}<strong id="reference">${escapeHtml(reference)}</strong></div>
<p>${escapeHtml(body)}</p>`,
  );
}
