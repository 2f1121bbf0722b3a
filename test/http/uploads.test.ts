// Files answering a form's questions (a badge photo, a nomination letter): the browser posts them
// straight to the private bucket (the local S3 emulator, POST policy checked as S3 checks it), the
// API checks them by their bytes, keeps them without their metadata, and hands them only to the
// accreditation team by short-lived links; refused files are deleted, erasure and the sweep delete the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeAccreditationData } from '#shared/actions/purge-accreditation.ts';
import type { FormDefinition } from '#shared/model/form-definition.ts';
import { files } from '#shared/runtime/files-runtime.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { fileKeys } from '#shared/store/file-keys.ts';
import { hofburgForm, hofburgRegistration } from '../support/forms.ts';
import { jpeg, pdf, png, script } from '../support/images.ts';
import { organizerCall, putEvent, registerAndConfirm } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { checkUpload, postToBucket, uploaded, uploadForm, type UploadForm } from '../support/uploads.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

const accreditationTeam = ['organizers', 'accreditation'];

/** The Hofburg's form with a nomination letter (PDF only) beside the badge photo (3:4, at least 300 × 400). */
function withLetter(): FormDefinition {
  const form = hofburgForm();
  const security = form.sections.find((section) => section.id === 'security')!;
  security.fields.push({ id: 'letter', kind: 'file', label: { fr: 'Note verbale', ru: 'Вербальная нота' }, fileTypes: ['application/pdf'], maxBytes: 1024 * 1024, accreditation: true });
  return form;
}

async function eventWithFiles(id: string, settings: Record<string, unknown> = {}) {
  expect((await putEvent(api, id, { languages: ['fr', 'ru'], form: withLetter(), ...settings })).status).toBe(201);
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; issues?: { path: string; code: string }[] } }).error;
}

/** Asks for a form and posts the bytes to the bucket; answers the form (the check is the test's). */
async function posted(eventId: string, field: string, bytes: Uint8Array, contentType: string): Promise<UploadForm> {
  const started = await uploadForm(api, eventId, field, contentType, bytes.length);
  expect(started.status).toBe(201);
  const form = (await started.json()) as UploadForm;
  expect((await postToBucket(form, bytes, contentType)).status).toBeLessThan(300);
  return form;
}

async function downloaded(eventId: string, registrationId: string, field: string): Promise<{ status: number; bytes?: Buffer; type?: string }> {
  const link = await organizerCall(api, `/events/${eventId}/registrations/${registrationId}/files/${field}`, {}, accreditationTeam);
  if (link.status !== 200) return { status: link.status };
  const { url, contentType } = (await link.json()) as { url: string; contentType: string };
  const file = await fetch(url);
  return { status: file.status, bytes: Buffer.from(await file.arrayBuffer()), type: contentType };
}

describe('A file answering a question', () => {
  it('goes straight to the bucket, is checked by its bytes and kept without its metadata, and only the accreditation team downloads it', async () => {
    // Prepare
    await eventWithFiles('files-photo');
    const photo = await uploaded(api, 'files-photo', 'badgePhoto', png(300, 400), 'image/png');
    const letter = await uploaded(api, 'files-photo', 'letter', pdf(), 'application/pdf');

    // Act
    const person = await registerAndConfirm(api, 'files-photo', hofburgRegistration({}, { badgePhoto: photo, letter }));
    const [listed] = ((await (await organizerCall(api, '/events/files-photo/registrations', {}, accreditationTeam)).json()) as { items: { registrationId: string; accreditation: Record<string, unknown> }[] }).items;
    const photoFile = await downloaded('files-photo', listed!.registrationId, 'badgePhoto');
    const letterFile = await downloaded('files-photo', listed!.registrationId, 'letter');
    const asOrganizer = await organizerCall(api, `/events/files-photo/registrations/${listed!.registrationId}/files/badgePhoto`);

    // Assess
    expect(person.outcome.status).toBe('confirmed');
    expect(listed!.accreditation).toMatchObject({ badgePhoto: photo, letter });
    expect(photoFile.status).toBe(200);
    expect(photoFile.type).toBe('image/png');
    expect(photoFile.bytes!.subarray(0, 8)).toEqual(png(1, 1).subarray(0, 8));
    expect(photoFile.bytes!.toString('latin1')).not.toContain('Ivan Petrov');
    expect(letterFile.bytes).toEqual(pdf());
    expect(asOrganizer.status).toBe(403);
    expect((await errorOf(asOrganizer)).code).toBe('forbidden');
    // What the browser posted is gone: only the checked copy is kept.
    expect(await files().read(fileKeys.upload('files-photo', photo), 1000)).toBeUndefined();
  });

  it('keeps a JPEG photo without its EXIF data and comments', async () => {
    // Prepare
    await eventWithFiles('files-jpeg');
    const form = await posted('files-jpeg', 'badgePhoto', jpeg(600, 800), 'image/jpeg');

    // Act
    const checked = await checkUpload(api, 'files-jpeg', form.uploadId, 'badgePhoto');

    // Assess
    expect(checked.status).toBe(200);
    expect(await checked.json()).toMatchObject({ uploadId: form.uploadId, contentType: 'image/jpeg', width: 600, height: 800 });
    const kept = (await files().read(fileKeys.checked('files-jpeg', form.uploadId), 100_000))!.bytes;
    expect(Buffer.from(kept).toString('latin1')).not.toMatch(/GPS|Exif|embassy/);
    expect(Buffer.from(kept).toString('latin1')).toContain('JFIF');
  });

  it.each([
    ['a script named as a JPEG', 'badgePhoto', script(), 'image/jpeg', 'type_not_accepted'],
    ['a PDF with a JPEG header', 'letter', jpeg(300, 400), 'application/pdf', 'type_not_accepted'],
    ['a PNG announced as a JPEG', 'badgePhoto', png(300, 400), 'image/jpeg', 'type_mismatch'],
    ['a photo too small for a badge', 'badgePhoto', png(150, 200), 'image/png', 'photo_too_small'],
    ['a square photo for a 3:4 badge', 'badgePhoto', png(400, 400), 'image/png', 'photo_aspect'],
  ] as const)('refuses %s with 422 file_refused (%s), and deletes it', async (_what, field, bytes, contentType, reason) => {
    // Prepare
    const eventId = `files-refused-${field.toLowerCase()}-${reason.replace(/_/g, '-')}`;
    await eventWithFiles(eventId);
    const form = await posted(eventId, field, bytes, contentType);

    // Act
    const checked = await checkUpload(api, eventId, form.uploadId, field);
    const again = await checkUpload(api, eventId, form.uploadId, field);

    // Assess
    expect(checked.status).toBe(422);
    const error = await errorOf(checked);
    expect(error.code).toBe('file_refused');
    expect(error.issues?.[0]?.code).toBe(reason);
    expect(again.status).toBe(404);
    expect((await errorOf(again)).code).toBe('upload_not_found');
    expect(await files().read(fileKeys.upload(eventId, form.uploadId), 1000)).toBeUndefined();
    expect(await files().read(fileKeys.checked(eventId, form.uploadId), 1000)).toBeUndefined();
  });

  it('refuses a 50 MB photo before it is sent, and the bucket refuses a file larger or of another type than its form says', async () => {
    // Prepare
    await eventWithFiles('files-limits');

    // Act
    const huge = await uploadForm(api, 'files-limits', 'badgePhoto', 'image/png', 50 * 1024 * 1024);
    const pdfPhoto = await uploadForm(api, 'files-limits', 'badgePhoto', 'application/pdf', 1000);
    const started = (await (await uploadForm(api, 'files-limits', 'letter', 'application/pdf', 2000)).json()) as UploadForm;
    const larger = await postToBucket(started, Buffer.concat([pdf(), Buffer.alloc(2 * 1024 * 1024)]), 'application/pdf');
    const otherType = await postToBucket({ ...started, fields: { ...started.fields, 'Content-Type': 'text/html' } }, pdf(), 'text/html');

    // Assess
    expect(huge.status).toBe(400);
    expect((await errorOf(huge)).issues).toEqual([expect.objectContaining({ path: 'size', code: 'too_big' })]);
    expect(pdfPhoto.status).toBe(400);
    expect((await errorOf(pdfPhoto)).issues).toEqual([expect.objectContaining({ path: 'contentType' })]);
    expect(larger.status).toBe(400);
    expect(await larger.text()).toContain('EntityTooLarge');
    expect(otherType.status).toBe(403);
    expect(await files().read(fileKeys.upload('files-limits', started.uploadId), 1000)).toBeUndefined();
  });

  it('answers a question only with an upload checked for that question', async () => {
    // Prepare
    await eventWithFiles('files-unchecked');
    const unchecked = await posted('files-unchecked', 'badgePhoto', png(300, 400), 'image/png');
    const letter = await uploaded(api, 'files-unchecked', 'letter', pdf(), 'application/pdf');

    // Act
    const notChecked = await api.postJson('/events/files-unchecked/registrations', hofburgRegistration({}, { badgePhoto: unchecked.uploadId }));
    const otherQuestion = await api.postJson('/events/files-unchecked/registrations', hofburgRegistration({}, { badgePhoto: letter }));

    // Assess
    for (const response of [notChecked, otherQuestion]) {
      expect(response.status).toBe(400);
      expect((await errorOf(response)).issues).toEqual([expect.objectContaining({ path: 'answers.badgePhoto', code: 'upload_not_checked' })]);
    }
  });

  it('is deleted at once by erasure, and with the rest of the event\'s files by the sweep after the event', async () => {
    // Prepare
    await eventWithFiles('files-gone', { startDate: '2026-07-09', endDate: '2026-07-10', accreditationRetentionDays: 5 });
    const erasedPhoto = await uploaded(api, 'files-gone', 'badgePhoto', png(300, 400), 'image/png');
    const keptPhoto = await uploaded(api, 'files-gone', 'badgePhoto', png(300, 400), 'image/png');
    const erased = await registerAndConfirm(api, 'files-gone', hofburgRegistration({}, { badgePhoto: erasedPhoto }));
    await registerAndConfirm(api, 'files-gone', hofburgRegistration({}, { badgePhoto: keptPhoto }));
    const stored = (uploadId: string) => files().read(fileKeys.checked('files-gone', uploadId), 100_000);

    // Act + Assess: erasure
    expect((await api.postJson('/registrations/erase', { token: erased.manage })).status).toBe(200);
    expect(await stored(erasedPhoto)).toBeUndefined();
    expect(await stored(keptPhoto)).toBeDefined();

    // Act + Assess: the sweep, five days after the event
    await purgeAccreditationData({ ...runtime(), files: files() }, new Date('2026-07-16T00:00:00Z'));
    expect(await stored(keptPhoto)).toBeUndefined();
    expect(await runtime().accreditation.upload('files-gone', keptPhoto)).toBeUndefined();
  });
});

describe('An organizer\'s edit of a file answer', () => {
  it('names an upload checked for that question, as the participant\'s own must', async () => {
    // Prepare: a programme (not accreditation data) the organizers may attach on the participant's behalf
    const form = hofburgForm();
    form.sections.find((section) => section.id === 'security')!.fields.push({ id: 'programme', kind: 'file', label: { fr: 'Programme', ru: 'Программа' }, fileTypes: ['application/pdf'] });
    expect((await putEvent(api, 'files-edit', { languages: ['fr', 'ru'], form })).status).toBe(201);
    await registerAndConfirm(api, 'files-edit', hofburgRegistration());
    const [listed] = ((await (await organizerCall(api, '/events/files-edit/registrations')).json()) as { items: { registrationId: string; revision: string }[] }).items;
    const unchecked = await posted('files-edit', 'programme', pdf(), 'application/pdf');

    // Act
    const response = await organizerCall(api, `/events/files-edit/registrations/${listed!.registrationId}`, {
      method: 'PATCH',
      headers: { 'if-match': `"${listed!.revision}"` },
      body: JSON.stringify({ changes: { answers: { programme: unchecked.uploadId } } }),
    });

    // Assess
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues).toEqual([expect.objectContaining({ path: 'changes.answers.programme', code: 'upload_not_checked' })]);
  });
});
