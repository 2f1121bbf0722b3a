import middy from '@middy/core';
import { findEvent } from '#shared/actions/find-event.ts';
import { checkUpload, uploadView } from '#shared/actions/uploads.ts';
import { checkUploadRequestSchema, uploadIdSchema } from '#shared/http/contract.ts';
import { readJsonObject, type HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { ApiError, parseOrThrow } from '#shared/model/errors.ts';
import { files } from '#shared/runtime/files-runtime.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/**
 * POST /events/{eventId}/uploads/{uploadId}/check: the uploaded file, checked by its bytes for its
 * question and kept without its metadata; a refused one is deleted (422 file_refused).
 */
async function checkUploadHandler(event: HttpEvent) {
  const deps = runtime();
  const conference = await findEvent(deps.events, event.pathParameters?.eventId);
  const uploadId = event.pathParameters?.uploadId;
  if (!uploadIdSchema.safeParse(uploadId).success) throw new ApiError(404, 'upload_not_found', 'No upload has this id.');
  const { field } = parseOrThrow(checkUploadRequestSchema, readJsonObject(event));
  const upload = await checkUpload({ accreditation: deps.accreditation, files: files() }, conference, uploadId!, field);
  deps.log.info('upload_checked', { eventId: conference.id, contentType: upload.contentType, size: upload.size });
  return json(200, uploadView(upload));
}

export const handler = middy(checkUploadHandler).use(apiRoute('check-upload'));
