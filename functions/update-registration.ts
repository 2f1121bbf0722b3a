import middy from '@middy/core';
import { updateRegistration } from '#shared/actions/update-registration.ts';
import { updateRequestSchema } from '#shared/http/contract.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { html, json } from '#shared/http/responses.ts';
import { manageFormErrors } from '#shared/http/error-pages.ts';
import { apiRoute } from '#shared/http/route.ts';
import { readSelfServiceRequest } from '#shared/http/self-service-request.ts';
import { messagesFor } from '#shared/i18n/index.ts';
import { parseOrThrow } from '#shared/model/errors.ts';
import { pageEditableFields } from '#shared/model/form-fields.ts';
import { isLanguage } from '#shared/model/languages.ts';
import { managePage } from '#shared/pages/manage-pages.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/**
 * POST /registrations/update: `{"token","changes":{...}}` as JSON (null clears an optional field), or
 * the manage page's form post, where an emptied field is cleared.
 */
async function updateRegistrationHandler(event: HttpEvent) {
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
  const { view, event: conference } = await updateRegistration(deps, token, changes);
  return html(200, managePage(view, conference, token, messagesFor(view.language).manage.saved));
}

export const handler = middy(updateRegistrationHandler).use(apiRoute('update-registration', { errorPage: manageFormErrors }));
