import middy from '@middy/core';
import { eraseRegistration } from '#shared/actions/manage-registration.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { html, json } from '#shared/http/responses.ts';
import { manageFormErrors } from '#shared/http/error-pages.ts';
import { apiRoute } from '#shared/http/route.ts';
import { readSelfServiceRequest, tokenOf } from '#shared/http/self-service-request.ts';
import { messagesFor } from '#shared/i18n/index.ts';
import { manageResultPage } from '#shared/pages/manage-pages.ts';
import { files } from '#shared/runtime/files-runtime.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';

/** POST /registrations/erase: `{"token"}` or the manage page's form post. Removes the personal data for good. */
async function eraseRegistrationHandler(event: HttpEvent) {
  const deps = mailingRuntime();
  const request = readSelfServiceRequest(event);
  const { language, ...outcome } = await eraseRegistration({ ...deps, files: files() }, tokenOf(request));
  if (request.kind === 'json') return json(200, outcome);
  const words = messagesFor(language).manage;
  return html(200, manageResultPage(language, words.erasedTitle, words.erasedBody));
}

export const handler = middy(eraseRegistrationHandler).use(apiRoute('erase-registration', { errorPage: manageFormErrors }));
