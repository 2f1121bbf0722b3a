import middy from '@middy/core';
import { inspectConfirmationToken } from '#shared/actions/confirm-registration.ts';
import { header, type HttpEvent } from '#shared/http/request.ts';
import { html } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { linkPageErrors } from '#shared/http/error-pages.ts';
import { languageFromAcceptLanguage } from '#shared/model/languages.ts';
import { confirmPage } from '#shared/pages/confirm-pages.ts';
import { problemPage } from '#shared/pages/problem-pages.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/**
 * GET /confirm?token=: the page behind the e-mail link. It only reads: mail scanners open links, so
 * confirming takes the page's POST. Every outcome is a page that says what to do next.
 */
async function showConfirmPageHandler(event: HttpEvent) {
  const deps = runtime();
  const token = event.queryStringParameters?.token ?? '';
  const registerUrl = `${deps.publicBaseUrl}/`;
  const state = await inspectConfirmationToken(deps.registrations, token);
  if (state.kind === 'invalid') {
    return html(400, problemPage(languageFromAcceptLanguage(header(event, 'accept-language')), 'invalid', deps.confirmTokenLifetimeHours, registerUrl));
  }
  const { language } = state.registration.details;
  if (state.kind === 'expired') return html(410, problemPage(language, 'expired', deps.confirmTokenLifetimeHours, registerUrl));
  const conference = await deps.events.get(state.registration.eventId);
  return html(200, confirmPage(language, token, conference?.title ?? state.registration.eventId, state.registration.details));
}

export const handler = middy(showConfirmPageHandler).use(apiRoute('show-confirm-page', { errorPage: linkPageErrors }));
