// The browser's part of an upload, over HTTP: ask the API for a form, post the file straight to the
// bucket (the local S3 emulator, which checks the POST policy as S3 does), ask the API to check it.
import type { TestApi } from './local-api.ts';

export interface UploadForm {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

export async function uploadForm(api: TestApi, eventId: string, field: string, contentType: string, size: number): Promise<Response> {
  return api.postJson(`/events/${eventId}/uploads`, { field, contentType, size });
}

/** Posts the file with the form's fields, as a browser does (the file last). */
export async function postToBucket(form: UploadForm, bytes: Uint8Array, contentType: string): Promise<Response> {
  const body = new FormData();
  for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
  body.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), 'upload');
  return fetch(form.url, { method: 'POST', body });
}

export async function checkUpload(api: TestApi, eventId: string, uploadId: string, field: string): Promise<Response> {
  return api.postJson(`/events/${eventId}/uploads/${uploadId}/check`, { field });
}

/** Upload and check, all passing: the uploadId to answer the question with. */
export async function uploaded(api: TestApi, eventId: string, field: string, bytes: Uint8Array, contentType: string): Promise<string> {
  const started = await uploadForm(api, eventId, field, contentType, bytes.length);
  if (started.status !== 201) throw new Error(`upload form: ${started.status} ${await started.text()}`);
  const form = (await started.json()) as UploadForm;
  const posted = await postToBucket(form, bytes, contentType);
  if (posted.status >= 300) throw new Error(`bucket: ${posted.status} ${await posted.text()}`);
  const checked = await checkUpload(api, eventId, form.uploadId, field);
  if (checked.status !== 200) throw new Error(`check: ${checked.status} ${await checked.text()}`);
  return form.uploadId;
}
