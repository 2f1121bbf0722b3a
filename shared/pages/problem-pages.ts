// What a person sees when a link or a form post cannot do what they asked: the one place that turns
// the API's errors into pages, in their language, with the way on.
import type { ApiError } from '../model/errors.ts';
import { escapeHtml } from '../platform/html.ts';
import { fill, messagesFor } from '../i18n/index.ts';
import type { Language } from '../model/languages.ts';
import { formMessagesFor } from '../i18n/form.ts';
import { layout } from './layout.ts';
import { manageResultPage } from './manage-pages.ts';

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
  /** The manage page the form was posted from, for the problems a correction can fix. */
  backUrl?: string | undefined;
}

/** The page for an error a person can act on; undefined for the rest (they are answered as JSON). */
export function problemPageFor(error: ApiError, context: ProblemContext): string | undefined {
  const { language, registerUrl, lifetimeHours, backUrl } = context;
  switch (error.code) {
    case 'invalid_token':
      return problemPage(language, 'invalid', lifetimeHours, registerUrl);
    case 'token_expired':
      return problemPage(language, 'expired', lifetimeHours, registerUrl);
    case 'service_unavailable':
      return problemPage(language, 'unavailable', lifetimeHours, registerUrl);
    case 'invalid_transition': {
      const words = messagesFor(language).manage;
      return backUrl ? manageResultPage(language, words.title, words.notPossible, backUrl) : undefined;
    }
    case 'validation_failed':
      return backUrl ? manageProblemsPage(language, error.issues ?? [], backUrl) : undefined;
    default:
      return undefined;
  }
}

/** A page listing what was wrong with a form post, with a way back. */
export function manageProblemsPage(language: Language, problems: { path: string; message: string }[], backUrl: string): string {
  const words = messagesFor(language).manage;
  const list = problems.map((problem) => `<li>${escapeHtml(problem.path.replace(/^changes\./, ''))}: ${escapeHtml(problem.message)}</li>`).join('');
  return layout(
    language,
    formMessagesFor(language).errors.summaryTitle,
    `<ul class="error-list">${list}</ul><p><a href="${escapeHtml(backUrl)}">${escapeHtml(words.back)}</a></p>`,
  );
}
