// Files a registration answers with (a badge photo, a nomination letter): the browser asks for an
// upload (a presigned POST for one key, one type, at most the question's size), sends the file
// straight to the bucket, and asks for it to be checked. Only a file whose bytes pass the question's
// rules is written again, without its metadata, and recorded; anything refused is deleted at once.
// A registration may answer a file question only with an upload checked for that question.
import { accreditationDeadline, type CheckedUpload } from '../model/accreditation.ts';
import { assertRegistrationOpen, type ConferenceEvent } from '../model/event.ts';
import { ApiError, fieldIssue, validationFailed, type ApiIssue } from '../model/errors.ts';
import { checkFile, type FileField } from '../model/file-check.ts';
import { acceptedTypes, customFields, formOf, isFileKind, maxBytesOf, type FileType } from '../model/form-definition.ts';
import type { Answers } from '../model/registration-schema.ts';
import { newUploadId } from '../model/tokens.ts';
import type { AccreditationStore } from '../store/accreditation-store.ts';
import type { RegistrationStore } from '../store/registration-store.ts';
import { fileKeys } from '../store/file-keys.ts';
import type { FileStore } from '../store/file-store.ts';

export interface UploadRequest {
  field: string;
  contentType: FileType;
  size: number;
}

export interface FileDeps {
  accreditation: AccreditationStore;
  files: FileStore;
}

/** The event's file or photo question with this id, or 404 not_found: the event asks no such question. */
function fileFieldOf(event: ConferenceEvent, id: string): FileField {
  const field = customFields(formOf(event)).find((candidate) => candidate.id === id);
  if (!field || !isFileKind(field.kind)) throw new ApiError(404, 'not_found', `This event asks no file or photo question "${id}".`);
  return field as FileField;
}

function noUpload(): ApiError {
  return new ApiError(404, 'upload_not_found', 'No upload with this id waits to be checked for this question: upload the file first (its form expires after five minutes).');
}

/** A presigned POST for one file answering `field`: its type and size are held to the question's rules. */
export async function startUpload(deps: FileDeps, event: ConferenceEvent, request: UploadRequest, now: Date = new Date()) {
  assertRegistrationOpen(event, now);
  const field = fileFieldOf(event, request.field);
  const issues: ApiIssue[] = [];
  if (!acceptedTypes(field).includes(request.contentType)) issues.push(fieldIssue('contentType', `This question takes ${acceptedTypes(field).join(', ')}`, 'invalid_value'));
  if (request.size > maxBytesOf(field)) issues.push(fieldIssue('size', `This question takes files of at most ${maxBytesOf(field)} bytes`, 'too_big'));
  if (issues.length > 0) throw validationFailed(issues);
  const uploadId = newUploadId();
  const post = await deps.files.presignUpload(fileKeys.upload(event.id, uploadId), request.contentType, maxBytesOf(field), now);
  return { uploadId, ...post };
}

/** What the participant's browser learns of a checked file. */
export function uploadView(upload: CheckedUpload) {
  return {
    uploadId: upload.uploadId,
    field: upload.field,
    contentType: upload.contentType,
    size: upload.size,
    ...(upload.width !== undefined ? { width: upload.width, height: upload.height } : {}),
  };
}

/**
 * Checks the uploaded file by its bytes for its question; a refused one is deleted and answered
 * 422 file_refused (issues[0].code says why). Checking again answers the same.
 */
export async function checkUpload(deps: FileDeps, event: ConferenceEvent, uploadId: string, fieldId: string, now: Date = new Date()): Promise<CheckedUpload> {
  const field = fileFieldOf(event, fieldId);
  const done = await deps.accreditation.upload(event.id, uploadId);
  if (done) {
    // An upload answers the question it was made for, and no other.
    if (done.field !== field.id) throw noUpload();
    return done;
  }
  const key = fileKeys.upload(event.id, uploadId);
  const object = await deps.files.read(key, maxBytesOf(field));
  if (!object) throw noUpload();
  const verdict = checkFile(field, (object.contentType ?? '') as FileType, object.bytes);
  if (!verdict.accepted) {
    await deps.files.delete(key);
    throw new ApiError(422, 'file_refused', verdict.message, { issues: [{ path: 'file', code: verdict.reason, message: verdict.message }] });
  }
  await deps.files.write(fileKeys.checked(event.id, uploadId), verdict.bytes, verdict.type);
  const upload: CheckedUpload = {
    eventId: event.id,
    uploadId,
    field: field.id,
    contentType: verdict.type,
    size: verdict.bytes.length,
    width: verdict.width,
    height: verdict.height,
    checkedAt: now.toISOString(),
    expiresAt: Math.floor(accreditationDeadline(event).getTime() / 1000),
  };
  await deps.accreditation.putUpload(upload);
  await deps.files.delete(key);
  return upload;
}

/** The file answers, each of which must be an upload checked for its question (else a 400 naming it). */
export async function assertCheckedUploads(accreditation: AccreditationStore, event: ConferenceEvent, answers: Answers | undefined, prefix: readonly string[] = []): Promise<void> {
  const issues: ApiIssue[] = [];
  for (const field of customFields(formOf(event))) {
    const uploadId = answers?.[field.id];
    if (!isFileKind(field.kind) || typeof uploadId !== 'string') continue;
    const upload = await accreditation.upload(event.id, uploadId);
    if (upload?.field !== field.id) issues.push(fieldIssue([...prefix, 'answers', field.id].join('.'), 'Not an upload checked for this question: upload the file and check it first', 'upload_not_checked'));
  }
  if (issues.length > 0) throw validationFailed(issues);
}

/** The ids of the files a registration's answers name. */
export function fileAnswers(event: ConferenceEvent, answers: Answers): { field: string; uploadId: string }[] {
  return customFields(formOf(event)).flatMap((field) => {
    const uploadId = answers[field.id];
    return isFileKind(field.kind) && typeof uploadId === 'string' ? [{ field: field.id, uploadId }] : [];
  });
}

const extensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/**
 * A short-lived download link of the file a registration answered `fieldId` with (the accreditation
 * role only: the handler checks it). 404 not_found when there is none.
 */
export async function fileLink(deps: FileDeps & { registrations: RegistrationStore }, event: ConferenceEvent, registrationId: string | undefined, fieldId: string | undefined, now: Date = new Date()) {
  const none = () => new ApiError(404, 'not_found', 'This registration has no such file.');
  const registration = registrationId ? await deps.registrations.findById(event.id, registrationId) : undefined;
  if (!registration || !fieldId) throw none();
  const answers = { ...registration.details.answers, ...(await deps.accreditation.answersOf(event.id, registration.registrationId)) };
  const file = fileAnswers(event, answers).find((entry) => entry.field === fieldId);
  const upload = file ? await deps.accreditation.upload(event.id, file.uploadId) : undefined;
  if (!file || !upload) throw none();
  const link = await deps.files.downloadUrl(fileKeys.checked(event.id, file.uploadId), `${registration.reference ?? registration.registrationId}-${fieldId}.${extensions[upload.contentType] ?? 'bin'}`, now);
  return { ...link, contentType: upload.contentType };
}

/** Deletes the files a registration's answers name, and their records (erasure). */
export async function deleteFilesOf(deps: FileDeps, event: ConferenceEvent, answers: Answers): Promise<void> {
  for (const { uploadId } of fileAnswers(event, answers)) {
    await deps.files.delete(fileKeys.checked(event.id, uploadId));
    await deps.accreditation.deleteUpload(event.id, uploadId);
  }
}
