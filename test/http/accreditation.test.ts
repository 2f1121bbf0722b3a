// Accreditation data (passport number, nationality): kept apart from the registration, shown only to
// the accreditation role, corrected with the rest of the form, never logged, deleted at once on
// erasure and by the scheduled sweep a set number of days after the event.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { purgeAccreditationData } from '#shared/actions/purge-accreditation.ts';
import { emailKey } from '#shared/model/tokens.ts';
import { files } from '#shared/runtime/files-runtime.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { hofburgForm, hofburgRegistration } from '../support/forms.ts';
import { organizerCall, putEvent, registerAndConfirm } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';

let api: TestApi;
// Every log line the handlers write in this file, kept (not printed) for the check that none holds the data.
const logLines: string[] = [];

beforeAll(async () => {
  // Before any handler makes its logger: the suite runs silent otherwise.
  process.env.LOG_LEVEL = 'info';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logLines.push(String(chunk));
    return true;
  });
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
  vi.restoreAllMocks();
});

const accreditationTeam = ['organizers', 'accreditation'];
const passport = '18AB12345';

async function hofburgEvent(id: string, settings: Record<string, unknown> = {}) {
  expect((await putEvent(api, id, { languages: ['fr', 'ru'], form: hofburgForm(), ...settings })).status).toBe(201);
}

async function listed(eventId: string, groups?: string[]) {
  const response = await organizerCall(api, `/events/${eventId}/registrations?limit=100`, {}, groups);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: (Record<string, unknown> & { registrationId: string; email: string })[] }).items;
}

async function csvOf(eventId: string, groups?: string[]) {
  const response = await organizerCall(api, `/events/${eventId}/registrations`, { headers: { accept: 'text/csv' } }, groups);
  expect(response.status).toBe(200);
  const [header, ...rows] = parse(await response.text(), { record_delimiter: '\r\n' }) as string[][];
  return rows.map((row) => Object.fromEntries(header!.map((column, index) => [column, row[index]])));
}

describe('Accreditation data', () => {
  it('is kept apart from the registration and shown to nobody but the accreditation role', async () => {
    // Prepare
    await hofburgEvent('accreditation-apart');
    const person = await registerAndConfirm(api, 'accreditation-apart', hofburgRegistration({ lastName: 'Apart' }, { passportNumber: passport }));

    // Act
    const [forOrganizers] = await listed('accreditation-apart');
    const [forAccreditation] = await listed('accreditation-apart', accreditationTeam);
    const [organizerRow] = await csvOf('accreditation-apart');
    const [accreditationRow] = await csvOf('accreditation-apart', accreditationTeam);
    const own = await api.request(`/registrations/self?token=${encodeURIComponent(person.manage)}`);

    // Assess: the organizers see the other answers, not these
    expect(forOrganizers!.answers).toEqual({ sideEvents: ['darknet'], needsVisa: true, visaEmbassy: 'Embassy of Austria, Moscow' });
    expect(forOrganizers).not.toHaveProperty('accreditation');
    expect(JSON.stringify(forOrganizers)).not.toContain(passport);
    expect(Object.keys(organizerRow!).filter((column) => column.startsWith('accreditation.'))).toEqual([]);
    expect(Object.values(organizerRow!)).not.toContain(passport);
    // ... the accreditation team sees them, in the form's order
    expect(forAccreditation!.accreditation).toEqual({ nationality: 'FR', passportNumber: passport });
    expect(accreditationRow).toMatchObject({ 'answer.needsVisa': 'true', 'accreditation.nationality': 'FR', 'accreditation.passportNumber': passport });
    // ... and the registration itself, and what the participant's link reads of it, never hold them
    expect(own.status).toBe(200);
    expect(await own.text()).not.toContain(passport);
    expect(JSON.stringify(await runtime().registrations.get('accreditation-apart', emailKey(person.email)))).not.toContain(passport);
  });

  it('is corrected through the manage link with the rest of the form, and logged nowhere', async () => {
    // Prepare
    await hofburgEvent('accreditation-correct');
    const linesBefore = logLines.length;
    const person = await registerAndConfirm(api, 'accreditation-correct', hofburgRegistration({}, { passportNumber: passport }));

    // Act
    const missing = await api.postJson('/registrations/update', { token: person.manage, changes: { answers: { passportNumber: null } } });
    const corrected = await api.postJson('/registrations/update', { token: person.manage, changes: { answers: { passportNumber: '99ZZ00001' } } });

    // Assess: a required accreditation answer cannot be cleared; a correction replaces it
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path)).toEqual(['changes.answers.passportNumber']);
    expect(corrected.status).toBe(200);
    expect(await corrected.text()).not.toContain('99ZZ00001');
    const [item] = await listed('accreditation-correct', accreditationTeam);
    expect(item!.accreditation).toEqual({ nationality: 'FR', passportNumber: '99ZZ00001' });
    expect(item!.status).toBe('confirmed');
    const logs = logLines.slice(linesBefore).join('');
    expect(logs).toContain('"message":"request"');
    for (const secret of [passport, '99ZZ00001']) expect(logs).not.toContain(secret);
  });

  it('cannot be changed by someone who submits a confirmed address again', async () => {
    // Prepare
    await hofburgEvent('accreditation-stranger');
    const person = await registerAndConfirm(api, 'accreditation-stranger', hofburgRegistration({}, { passportNumber: passport }));

    // Act
    const again = await api.postJson('/events/accreditation-stranger/registrations', hofburgRegistration({ email: person.email }, { passportNumber: 'FORGED0001' }));

    // Assess: the same answer as for anybody, and the data as the owner gave them
    expect(again.status).toBe(202);
    const [item] = await listed('accreditation-stranger', accreditationTeam);
    expect(item!.accreditation).toEqual({ nationality: 'FR', passportNumber: passport });
  });

  it('counts for the form\'s rules in an edit on the participant\'s behalf, which may not change it', async () => {
    // Prepare
    await hofburgEvent('accreditation-edit');
    await registerAndConfirm(api, 'accreditation-edit', hofburgRegistration({ lastName: 'Edit' }, { passportNumber: passport }));
    const [before] = await listed('accreditation-edit');
    const edit = (changes: unknown, revision: string) =>
      organizerCall(api, `/events/accreditation-edit/registrations/${before!.registrationId}`, { method: 'PATCH', headers: { 'if-match': `"${revision}"` }, body: JSON.stringify({ changes }) });

    // Act
    const refused = await edit({ answers: { passportNumber: 'X0000000' } }, before!.revision as string);
    const allowed = await edit({ organization: 'Ministry of the Interior' }, before!.revision as string);
    const [after] = await listed('accreditation-edit', accreditationTeam);

    // Assess: the required passport number stored apart counts as given; the edit leaves it as it was
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { issues: { path: string; code: string }[] } }).error.issues).toEqual([
      expect.objectContaining({ path: 'changes.answers.passportNumber', code: 'not_changeable' }),
    ]);
    expect(allowed.status).toBe(200);
    expect(after!.organization).toBe('Ministry of the Interior');
    expect(after!.accreditation).toEqual({ nationality: 'FR', passportNumber: passport });
  });

  it('stays apart when its question leaves the form, through the organizers\' edit and the participant\'s correction', async () => {
    // Prepare: nationality answered, then the question taken out of the form
    await hofburgEvent('accreditation-retired');
    const person = await registerAndConfirm(api, 'accreditation-retired', hofburgRegistration({ lastName: 'Retired' }, { passportNumber: passport }));
    const withoutNationality = hofburgForm();
    for (const section of withoutNationality.sections) section.fields = section.fields.filter((field) => field.kind === 'standard' || field.id !== 'nationality');
    expect((await putEvent(api, 'accreditation-retired', { languages: ['fr', 'ru'], form: withoutNationality })).status).toBe(200);
    const [before] = await listed('accreditation-retired');

    // Act
    const edited = await organizerCall(api, `/events/accreditation-retired/registrations/${before!.registrationId}`, {
      method: 'PATCH',
      headers: { 'if-match': `"${before!.revision as string}"` },
      body: JSON.stringify({ changes: { firstName: 'Renate' } }),
    });
    const corrected = await api.postJson('/registrations/update', { token: person.manage, changes: { organization: 'Ministry of Justice' } });
    const [forViewers] = await listed('accreditation-retired', ['viewers']);
    const [viewerRow] = await csvOf('accreditation-retired', ['viewers']);
    const [forAccreditation] = await listed('accreditation-retired', accreditationTeam);

    // Assess: neither write moved the nationality into the registration, which every reader sees
    expect(edited.status).toBe(200);
    expect(corrected.status).toBe(200);
    expect(forViewers!.answers).not.toHaveProperty('nationality');
    expect(Object.keys(viewerRow!)).not.toContain('answer.nationality');
    expect(JSON.stringify(await runtime().registrations.get('accreditation-retired', emailKey(person.email)))).not.toContain('"nationality"');
    expect(forAccreditation!.accreditation).toMatchObject({ nationality: 'FR', passportNumber: passport });
  });

  it('is deleted at once when the participant erases the registration', async () => {
    // Prepare
    await hofburgEvent('accreditation-erase');
    const person = await registerAndConfirm(api, 'accreditation-erase', hofburgRegistration({}, { passportNumber: passport }));
    const { registrationId } = (await listed('accreditation-erase'))[0]!;
    expect(await runtime().accreditation.answersOf('accreditation-erase', registrationId)).toMatchObject({ passportNumber: passport });

    // Act
    const erased = await api.postJson('/registrations/erase', { token: person.manage });

    // Assess
    expect(erased.status).toBe(200);
    expect(await runtime().accreditation.answersOf('accreditation-erase', registrationId)).toEqual({});
  });

  it('is deleted by the scheduled sweep the event\'s retention days after it ends, and not before', async () => {
    // Prepare: an event ending on 10 July 2026 that keeps the data 5 days, and one that keeps them 30
    await hofburgEvent('accreditation-short', { startDate: '2026-07-09', endDate: '2026-07-10', accreditationRetentionDays: 5 });
    await hofburgEvent('accreditation-long', { startDate: '2026-07-09', endDate: '2026-07-10' });
    await registerAndConfirm(api, 'accreditation-short', hofburgRegistration({}, { passportNumber: passport }));
    await registerAndConfirm(api, 'accreditation-long', hofburgRegistration({}, { passportNumber: passport }));
    const kept = async (eventId: string) => (await listed(eventId, accreditationTeam)).map((item) => item.accreditation);

    // Act + Assess: on the fifth day after the event, everything is still there
    await purgeAccreditationData({ ...runtime(), files: files() }, new Date('2026-07-15T23:59:00Z'));
    expect(await kept('accreditation-short')).toEqual([{ nationality: 'FR', passportNumber: passport }]);

    // Act + Assess: five full days after it, the short one's data are gone, the registration stays
    await purgeAccreditationData({ ...runtime(), files: files() }, new Date('2026-07-16T00:00:00Z'));
    expect(await kept('accreditation-short')).toEqual([undefined]);
    expect(await kept('accreditation-long')).toEqual([{ nationality: 'FR', passportNumber: passport }]);

    // Act + Assess: thirty days after it (the default), the other one's too
    await purgeAccreditationData({ ...runtime(), files: files() }, new Date('2026-08-10T00:00:00Z'));
    expect(await kept('accreditation-long')).toEqual([undefined]);
    expect((await listed('accreditation-long'))[0]!.answers).toMatchObject({ needsVisa: true });
  });
});
