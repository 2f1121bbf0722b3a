// What a person sees when a link cannot do what they asked, or the service is down: the API's errors
// as pages, in their language, with the way on (the manage page's own form errors are in manage-pages.ts).
import type { ApiError } from '../model/errors.ts';
import { escapeHtml } from '../platform/html.ts';
import { fill, messagesFor } from '../i18n/index.ts';
import type { Language } from '../model/languages.ts';
import { layout } from './layout.ts';

export type ProblemKind = 'invalid' | 'expired' | 'unavailable';

export function problemPage(language: Language, kind: ProblemKind, lifetimeHours: number, registerUrl: string): string {
  const messages = messagesFor(language).pages;
  const [title, body] =
    kind === 'invalid'
      ? [messages.invalidTitle, messages.invalidBody]
      : kind === 'expired'
        ? [messages.expiredTitle, fill(messages.expiredBody, { hours: String(lifetimeHours) })]
        : [messages.unavailableTitle, messages.unavailableBody];
  const action = kind === 'unavailable' ? '' : `<p><a class="button" href="${escapeHtml(registerUrl)}">${escapeHtml(messages.registerAgain)}</a></p>`;
  return layout(language, title, `<p>${escapeHtml(body)}</p>\n${action}`);
}

export interface ProblemContext {
  language: Language;
  registerUrl: string;
  lifetimeHours: number;
}

/** The page for a link that cannot be used, or a service that is down; undefined for other errors (answered as JSON). */
export function problemPageFor(error: ApiError, context: ProblemContext): string | undefined {
  const { language, registerUrl, lifetimeHours } = context;
  switch (error.code) {
    case 'invalid_token':
      return problemPage(language, 'invalid', lifetimeHours, registerUrl);
    case 'token_expired':
      return problemPage(language, 'expired', lifetimeHours, registerUrl);
    case 'service_unavailable':
      return problemPage(language, 'unavailable', lifetimeHours, registerUrl);
    default:
      return undefined;
  }
}
