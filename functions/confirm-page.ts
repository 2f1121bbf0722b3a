import { html } from '#shared/http.ts';
import { languageFromAcceptLanguage } from '#shared/languages.ts';
import { confirmPage, problemPage } from '#shared/pages.ts';
import { inspectConfirmationToken } from '#shared/registration.ts';
import { httpHandler, runtime } from '#shared/runtime.ts';

/**
 * GET /confirm?token=: the page behind the e-mail link. It only reads: mail scanners open links, so
 * confirming takes the page's POST. Every outcome is a page that says what to do next.
 */
export const handler = httpHandler('confirm-page', async (event) => {
  const deps = runtime();
  const token = event.queryStringParameters?.token ?? '';
  const fallbackLanguage = languageFromAcceptLanguage(event.headers?.['accept-language']);
  const registerUrl = `${deps.publicBaseUrl}/`;
  const state = await inspectConfirmationToken(deps.registrations, token);

  if (state.kind === 'invalid') {
    return html(400, problemPage(fallbackLanguage, 'invalid', deps.confirmTokenLifetimeHours, registerUrl));
  }
  const { language } = state.registration.details;
  if (state.kind === 'expired') {
    return html(410, problemPage(language, 'expired', deps.confirmTokenLifetimeHours, registerUrl));
  }
  const conference = await deps.events.get(state.registration.eventId);
  return html(200, confirmPage(language, token, conference?.title ?? state.registration.eventId));
});
