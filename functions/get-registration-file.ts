import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import { fileLink } from '#shared/actions/uploads.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute, signedIn, type RouteContext } from '#shared/http/route.ts';
import { ApiError } from '#shared/model/errors.ts';
import { files } from '#shared/runtime/files-runtime.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/**
 * GET /events/{eventId}/registrations/{registrationId}/files/{fieldId} (organizers in the
 * accreditation group): a five-minute download link of the photo or letter.
 */
async function getRegistrationFileHandler(event: HttpEvent, context: RouteContext) {
  const deps = runtime();
  if (!signedIn(context).groups.includes(deps.config.accreditationGroup)) {
    throw new ApiError(403, 'forbidden', `Files are accreditation data: this needs membership of the ${deps.config.accreditationGroup} group too.`);
  }
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const link = await fileLink({ ...deps, files: files() }, conference, event.pathParameters?.registrationId, event.pathParameters?.fieldId);
  return json(200, link, { 'cache-control': 'no-store' });
}

export const handler = middy(getRegistrationFileHandler).use(apiRoute('get-registration-file'));
