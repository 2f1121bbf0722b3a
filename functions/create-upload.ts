import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import { startUpload } from '#shared/actions/uploads.ts';
import { uploadRequestSchema } from '#shared/http/contract.ts';
import { readJsonObject, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { parseOrThrow } from '#shared/model/errors.ts';
import { files } from '#shared/runtime/files-runtime.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** POST /events/{eventId}/uploads: a presigned POST for one file answering one of the event's file or photo questions. */
async function createUploadHandler(event: HttpEvent) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const request = parseOrThrow(uploadRequestSchema, readJsonObject(event));
  return json(201, await startUpload({ accreditation: deps.accreditation, files: files() }, conference, request));
}

export const handler = middy(createUploadHandler).use(apiRoute('create-upload'));
