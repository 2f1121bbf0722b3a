import { ApiError, parseOrThrow } from '#shared/errors.ts';
import { html, isDependencyUnavailable, json, readBody, requireJsonObject } from '#shared/http.ts';
import { isLanguage, languageFromAcceptLanguage } from '#shared/languages.ts';
import { confirmedPage, problemPage } from '#shared/pages.ts';
import { confirmRegistration } from '#shared/registration.ts';
import { mailingRuntime } from '#shared/mailing-runtime.ts';
import { httpHandler } from '#shared/runtime.ts';
import { confirmRequestSchema } from '#shared/schemas.ts';

/**
 * POST /registrations/confirm, as JSON `{"token"}` from API clients or as the confirm page's form post,
 * which gets a page back in the registrant's language.
 */
export const handler = httpHandler('confirm', async (event) => {
  const deps = mailingRuntime();
  const body = readBody(event, ['json', 'form']);
  if (body.kind === 'json') {
    const { token } = parseOrThrow(confirmRequestSchema, requireJsonObject(body.value));
    const { language: _language, ...outcome } = await confirmRegistration(deps, token);
    return json(200, outcome);
  }

  const fields = body.value as Record<string, string>;
  const pageLanguage = isLanguage(fields.lang) ? fields.lang : languageFromAcceptLanguage(event.headers?.['accept-language']);
  try {
    const outcome = await confirmRegistration(deps, fields.token ?? '');
    return html(200, confirmedPage(outcome.language, outcome.reference, outcome));
  } catch (error) {
    const registerUrl = `${deps.publicBaseUrl}/`;
    if (error instanceof ApiError && error.code === 'token_expired') {
      return html(410, problemPage(pageLanguage, 'expired', deps.confirmTokenLifetimeHours, registerUrl));
    }
    if (error instanceof ApiError && error.code === 'invalid_token') {
      return html(400, problemPage(pageLanguage, 'invalid', deps.confirmTokenLifetimeHours, registerUrl));
    }
    if (isDependencyUnavailable(error) || (error instanceof ApiError && error.statusCode === 503)) {
      return html(503, problemPage(pageLanguage, 'unavailable', deps.confirmTokenLifetimeHours, registerUrl), { 'retry-after': '30' });
    }
    throw error;
  }
});
