import { html, json } from '#shared/http.ts';
import { messagesFor } from '#shared/i18n/index.ts';
import { manageResultPage } from '#shared/manage-pages.ts';
import { mailingRuntime } from '#shared/mailing-runtime.ts';
import { httpHandler } from '#shared/runtime.ts';
import { formErrorPage, readSelfServiceRequest, tokenOf } from '#shared/self-service-http.ts';
import { eraseRegistration } from '#shared/self-service.ts';

/** POST /registrations/erase: `{"token"}` or the manage page's form post. Removes the personal data for good. */
export const handler = httpHandler('erase', async (event) => {
  const deps = mailingRuntime();
  const request = readSelfServiceRequest(event);
  const token = tokenOf(request);
  if (request.kind === 'json') {
    const { language: _language, ...outcome } = await eraseRegistration(deps, token);
    return json(200, outcome);
  }
  try {
    const { language } = await eraseRegistration(deps, token);
    const words = messagesFor(language).manage;
    return html(200, manageResultPage(language, words.erasedTitle, words.erasedBody));
  } catch (error) {
    return formErrorPage(event, error, token, deps);
  }
});
