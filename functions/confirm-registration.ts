import middy from '@middy/core';
import { confirmRegistration } from '#shared/actions/confirm-registration.ts';
import { confirmRequestSchema } from '#shared/http/contract.ts';
import { readBody, requireJsonObject, type HttpEvent } from '#shared/http/request.ts';
import { html, json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { confirmFormErrors } from '#shared/http/error-pages.ts';
import { parseOrThrow } from '#shared/model/errors.ts';
import { confirmedPage } from '#shared/pages/confirm-pages.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';

/**
 * POST /registrations/confirm, as JSON `{"token"}` from API clients or as the confirm page's form post,
 * which gets a page back in the registrant's language.
 */
async function confirmRegistrationHandler(event: HttpEvent) {
  const deps = mailingRuntime();
  const body = readBody(event, ['json', 'form']);
  if (body.kind === 'json') {
    const { token } = parseOrThrow(confirmRequestSchema, requireJsonObject(body.value));
    const { language: _language, ...outcome } = await confirmRegistration(deps, token);
    return json(200, outcome);
  }
  const outcome = await confirmRegistration(deps, body.value.token ?? '');
  return html(200, confirmedPage(outcome.language, outcome.reference, outcome));
}

export const handler = middy(confirmRegistrationHandler).use(apiRoute('confirm-registration', { errorPage: confirmFormErrors }));
