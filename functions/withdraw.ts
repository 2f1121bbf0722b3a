import { html, json } from '#shared/http.ts';
import { messagesFor } from '#shared/i18n/index.ts';
import { manageResultPage } from '#shared/manage-pages.ts';
import { mailingRuntime } from '#shared/mailing-runtime.ts';
import { httpHandler } from '#shared/runtime.ts';
import { formErrorPage, readSelfServiceRequest, tokenOf } from '#shared/self-service-http.ts';
import { withdrawRegistration } from '#shared/self-service.ts';
import { manageUrl } from '#shared/transitions.ts';

/** POST /registrations/withdraw: `{"token"}` or the manage page's form post. Frees the seat. */
export const handler = httpHandler('withdraw', async (event) => {
  const deps = mailingRuntime();
  const request = readSelfServiceRequest(event);
  const token = tokenOf(request);
  if (request.kind === 'json') {
    const { language: _language, ...outcome } = await withdrawRegistration(deps, token);
    return json(200, outcome);
  }
  try {
    const { language } = await withdrawRegistration(deps, token);
    const words = messagesFor(language).manage;
    return html(200, manageResultPage(language, words.title, words.withdrawnDone, manageUrl(deps.publicBaseUrl, token)));
  } catch (error) {
    return formErrorPage(event, error, token, deps);
  }
});
