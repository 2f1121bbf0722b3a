import middy from '@middy/core';
import { withdrawRegistration } from '#shared/actions/manage-registration.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { html, json } from '#shared/http/responses.ts';
import { manageFormErrors } from '#shared/http/error-pages.ts';
import { apiRoute } from '#shared/http/route.ts';
import { readSelfServiceRequest, tokenOf } from '#shared/http/self-service-request.ts';
import { messagesFor } from '#shared/i18n/index.ts';
import { manageUrl } from '#shared/model/tokens.ts';
import { manageResultPage } from '#shared/pages/manage-pages.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';

/** POST /registrations/withdraw: `{"token"}` or the manage page's form post. Frees the seat. */
async function withdrawRegistrationHandler(event: HttpEvent) {
  const deps = mailingRuntime();
  const request = readSelfServiceRequest(event);
  const token = tokenOf(request);
  const { language, ...outcome } = await withdrawRegistration(deps, token);
  if (request.kind === 'json') return json(200, outcome);
  const words = messagesFor(language).manage;
  return html(200, manageResultPage(language, words.title, words.withdrawnDone, manageUrl(deps.publicBaseUrl, token)));
}

export const handler = middy(withdrawRegistrationHandler).use(apiRoute('withdraw-registration', { errorPage: manageFormErrors }));
