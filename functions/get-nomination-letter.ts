import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import { letterLink } from '#shared/actions/nomination-letter.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { files } from '#shared/runtime/files-runtime.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /events/{eventId}/delegations/{entityId}/letter (staff): a five-minute download link of the delegation's nomination letter. */
async function getNominationLetterHandler(event: HttpEvent) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  return json(200, await letterLink({ ...deps, files: files() }, conference, event.pathParameters?.entityId ?? ''), { 'cache-control': 'no-store' });
}

export const handler = middy(getNominationLetterHandler).use(apiRoute('get-nomination-letter'));
