// The delegation's nomination letter (at the UN a note verbale): a focal point uploads one PDF from
// the delegation page, straight to the bucket through a presigned POST (a plain form: S3 sends the
// browser back to the page, which offers to attach it); attaching checks the file by its bytes, keeps
// it under files/ without metadata and records it on the delegation, replacing an earlier letter.
// Organizers download it through a short-lived link. The letter is swept with the event's files.
import { assertNominationsOpen, nominationLetterRules, type NominationLetter } from '../model/delegations.ts';
import { ApiError } from '../model/errors.ts';
import type { ConferenceEvent } from '../model/event.ts';
import { checkFile, type FileField } from '../model/file-check.ts';
import { newUploadId } from '../model/tokens.ts';
import { fileKeys } from '../store/file-keys.ts';
import type { FileStore } from '../store/file-store.ts';
import type { StoreDeps } from './deps.ts';
import { findDelegation } from './delegations.ts';
import type { FocalSession } from './nominations.ts';

type Deps = Pick<StoreDeps, 'delegations' | 'events' | 'registrations'> & { files: FileStore };

const rules = nominationLetterRules as unknown as FileField;
/** Long enough to find the file on one's computer: the form is made when the page opens. */
const formWindowSeconds = 30 * 60;

/** The page's upload form: a presigned POST of one PDF, after which S3 sends the browser to `returnTo` with the upload's id. */
export async function letterUploadForm(deps: Pick<Deps, 'files'>, session: FocalSession, returnTo: (uploadId: string) => string, now = new Date()) {
  const uploadId = newUploadId();
  const post = await deps.files.presignUpload(uploadKey(session, uploadId), 'application/pdf', nominationLetterRules.maxBytes, now, { windowSeconds: formWindowSeconds, redirect: returnTo(uploadId) });
  return { uploadId, ...post };
}

/**
 * Checks the uploaded letter and records it on the focal point's delegation; a refused file is deleted
 * and answered 422 file_refused, a missing one 404 upload_not_found. Attaching the same upload again
 * answers the letter as recorded.
 */
export async function attachLetter(deps: Deps, session: FocalSession, uploadId: string, now = new Date()): Promise<NominationLetter> {
  const { event, focal } = session;
  assertNominationsOpen(event, now);
  const delegation = await findDelegation(deps, event, focal.entityId);
  if (delegation.letter?.uploadId === uploadId) return delegation.letter;
  const key = uploadKey(session, uploadId);
  const object = await deps.files.read(key, nominationLetterRules.maxBytes);
  if (!object) throw new ApiError(404, 'upload_not_found', 'No uploaded letter has this id: upload the PDF again from the delegation page.');
  const verdict = checkFile(rules, (object.contentType ?? '') as 'application/pdf', object.bytes);
  if (!verdict.accepted) {
    await deps.files.delete(key);
    throw new ApiError(422, 'file_refused', verdict.message, { issues: [{ path: 'file', code: verdict.reason, message: verdict.message }] });
  }
  await deps.files.write(letterKey(event.id, uploadId), verdict.bytes, verdict.type);
  const letter: NominationLetter = { uploadId, size: verdict.bytes.length, uploadedAt: now.toISOString(), uploadedBy: focal.emailKey };
  const replaced = await deps.delegations.setLetter(event.id, delegation.entity, letter);
  await deps.files.delete(key);
  if (replaced && replaced.uploadId !== uploadId) await deps.files.delete(letterKey(event.id, replaced.uploadId));
  return letter;
}

/** A short-lived download link of a delegation's letter (staff); 404 not_found when it has none. */
export async function letterLink(deps: Pick<Deps, 'delegations' | 'events' | 'registrations' | 'files'>, event: ConferenceEvent, entityId: string, now = new Date()) {
  const delegation = await findDelegation(deps, event, entityId);
  if (!delegation.letter) throw new ApiError(404, 'not_found', 'This delegation has not uploaded a nomination letter.');
  const link = await deps.files.downloadUrl(letterKey(event.id, delegation.letter.uploadId), `${event.id}-nomination-letter-${entityId}.pdf`, now);
  return { ...link, contentType: 'application/pdf' as const, size: delegation.letter.size, uploadedAt: delegation.letter.uploadedAt };
}

// Posted under the delegation's own name: an upload id learnt from another delegation's page finds nothing here.
function uploadKey(session: FocalSession, uploadId: string): string {
  return fileKeys.upload(session.event.id, `letter-${session.focal.entityId}-${uploadId}`);
}

// Under the event's files, so the sweep of its files after the retention period takes the letters too.
function letterKey(eventId: string, uploadId: string): string {
  return fileKeys.checked(eventId, `letters/${uploadId}`);
}
