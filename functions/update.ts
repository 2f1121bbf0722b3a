import { parseOrThrow } from '#shared/errors.ts';
import { html, json } from '#shared/http.ts';
import { messagesFor } from '#shared/i18n/index.ts';
import { isLanguage } from '#shared/languages.ts';
import { managePage, pageEditableFields } from '#shared/manage-pages.ts';
import { httpHandler, runtime } from '#shared/runtime.ts';
import { updateRequestSchema } from '#shared/schemas.ts';
import { formErrorPage, readSelfServiceRequest } from '#shared/self-service-http.ts';
import { updateRegistration } from '#shared/self-service.ts';

/**
 * POST /registrations/update: `{"token","changes":{...}}` as JSON (null clears an optional field), or
 * the manage page's form post, where an emptied field is cleared.
 */
export const handler = httpHandler('update', async (event) => {
  const deps = runtime();
  const request = readSelfServiceRequest(event);
  if (request.kind === 'json') {
    const { token, changes } = parseOrThrow(updateRequestSchema, request.body);
    return json(200, (await updateRegistration(deps, token, changes)).view);
  }

  const token = request.body.token ?? '';
  const changes: Record<string, unknown> = {};
  for (const field of pageEditableFields) {
    if (!(field in request.body)) continue;
    const value = request.body[field]!.trim();
    changes[field] = value === '' ? null : value;
  }
  if (isLanguage(request.body.language)) changes.language = request.body.language;
  try {
    const { view, event: conference } = await updateRegistration(deps, token, changes);
    return html(200, managePage(view, conference, token, messagesFor(view.language).manage.saved));
  } catch (error) {
    return formErrorPage(event, error, token, deps);
  }
});
