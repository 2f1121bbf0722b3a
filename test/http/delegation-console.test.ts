// The organizers' follow-up of the delegations: approving a delegation at once (its nominees'
// registrations awaiting a decision, the event's capacity holding), reminding the nominees who have
// not confirmed (once a day at most) and the delegation view as XLSX.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { changeNomination, inviteFocalPoints, nominate, nominationToken, nomineeRegisters, postLetter } from '../support/delegation-journeys.ts';
import { pdf } from '../support/images.ts';
import { organizerCall, putEvent, registerAndConfirm } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { mailTo, settledMail, waitForMail } from '../support/mailbox.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

const future = new Date(Date.now() + 7 * 86_400_000).toISOString();

async function nominateAll(focal: string, emails: string[]) {
  for (const [index, email] of emails.entries()) expect((await nominate(api, focal, { email, name: `Nominee ${index + 1}`, role: index === 0 ? 'head' : 'member' })).status).toBe(201);
}

type Overview = { items: { entityId: string; unconfirmed: number; nominees: { email: string; nominatedBy: string | null; registrationStatus: string | null; remindedAt: string | null }[]; focalPoints: { email: string; linkSent: boolean; nominations: number }[] }[] };

async function overviewOf(eventId: string): Promise<Overview> {
  return (await (await organizerCall(api, `/events/${eventId}/delegations`, {}, ['viewers'])).json()) as Overview;
}

describe('Delegations in the console: approve at once, remind, export', () => {
  it('approves the registrations of a delegation awaiting a decision, within the capacity, and says why the others were not', async () => {
    // Prepare: capacity for one; five nominees: two confirmed, one never registered, one not confirmed,
    // one who had registered on their own before the focal point nominated them.
    await putEvent(api, 'deleg-approve', { approval: 'required', capacity: 1, delegations: { quota: { delegates: 5, heads: 1 }, nominationsCloseAt: future } });
    const focalEmail = uniqueEmail('focal-at');
    const [focal] = await inviteFocalPoints(api, 'deleg-approve', [{ entityId: 'AT', email: focalEmail }]);
    const [first, second, absent, unconfirmed] = Array.from({ length: 4 }, () => uniqueEmail('nominee'));
    const alone = (await registerAndConfirm(api, 'deleg-approve', { country: 'AT' })).email;
    await nominateAll(focal!, [first!, second!, absent!, unconfirmed!, alone]);
    await nomineeRegisters(api, 'deleg-approve', first!, 'AT', true);
    await nomineeRegisters(api, 'deleg-approve', second!, 'AT', true);
    await nomineeRegisters(api, 'deleg-approve', unconfirmed!, 'AT', false);
    const mailsBefore = (await settledMail(api.sesEndpoint, first!, 3)).length;

    // Act
    const asViewer = await organizerCall(api, '/events/deleg-approve/delegations/AT/approve', { method: 'POST' }, ['viewers']);
    const unknown = await organizerCall(api, '/events/deleg-approve/delegations/XX/approve', { method: 'POST' }, ['moderators']);
    const approval = await organizerCall(api, '/events/deleg-approve/delegations/AT/approve', { method: 'POST' }, ['moderators']);
    const again = await organizerCall(api, '/events/deleg-approve/delegations/AT/approve', { method: 'POST' }, ['moderators']);

    // Assess
    expect(asViewer.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('unknown_entity');
    expect(approval.status).toBe(200);
    const body = (await approval.json()) as { approved: number; results: { name: string; outcome: string; code?: string; status: string | null }[] };
    expect(body.approved).toBe(2);
    expect(body.results.map(({ name, outcome, code, status }) => ({ name, outcome, code, status }))).toEqual([
      { name: 'Nominee 1', outcome: 'done', code: undefined, status: 'approved' },
      // The event holds one: the second approval waits in the queue.
      { name: 'Nominee 2', outcome: 'done', code: undefined, status: 'waitlisted' },
      { name: 'Nominee 3', outcome: 'skipped', code: 'not_registered', status: null },
      { name: 'Nominee 4', outcome: 'skipped', code: 'unconfirmed', status: 'pending_confirmation' },
      { name: 'Nominee 5', outcome: 'skipped', code: 'registered_alone', status: 'awaiting_approval' },
    ]);
    const secondTime = (await again.json()) as { approved: number; results: { code?: string }[] };
    expect(secondTime.approved).toBe(0);
    expect(secondTime.results.map((result) => result.code)).toEqual(['not_awaiting_decision', 'not_awaiting_decision', 'not_registered', 'unconfirmed', 'registered_alone']);
    const overview = (await overviewOf('deleg-approve')).items.find((item) => item.entityId === 'AT')!;
    expect(overview.nominees.map((nominee) => nominee.registrationStatus)).toEqual(['approved', 'waitlisted', null, 'pending_confirmation', 'awaiting_approval']);
    expect(overview.nominees.every((nominee) => nominee.nominatedBy === focalEmail)).toBe(true);
    expect(overview.focalPoints).toEqual([expect.objectContaining({ email: focalEmail, linkSent: true, nominations: 5 })]);
    // The approved nominee is told, as by a single approval.
    expect(await waitForMail(api.sesEndpoint, first!, mailsBefore + 1)).toHaveLength(mailsBefore + 1);
  }, 240_000);

  it('reminds the unconfirmed nominees once, in their language, with a link that works, and skips them within 24 hours', async () => {
    // Prepare
    await putEvent(api, 'deleg-remind', { delegations: { quota: { delegates: 3, heads: 1 }, nominationsCloseAt: future } });
    const [focal] = await inviteFocalPoints(api, 'deleg-remind', [{ entityId: 'FR', email: uniqueEmail('focal-fr') }]);
    const [confirmed, silent] = [uniqueEmail('nominee'), uniqueEmail('nominee')];
    expect((await nominate(api, focal!, { email: confirmed, role: 'head' })).status).toBe(201);
    expect((await nominate(api, focal!, { email: silent, language: 'fr', name: 'Marie Curie' })).status).toBe(201);
    await nomineeRegisters(api, 'deleg-remind', confirmed, 'FR', true);
    await waitForMail(api.sesEndpoint, silent, 1);
    const remind = (body: object, groups = ['moderators']) => organizerCall(api, '/events/deleg-remind/delegations/reminders', { method: 'POST', body: JSON.stringify(body) }, groups);

    // Act
    const asViewer = await remind({ entityId: 'FR' }, ['viewers']);
    const unknown = await remind({ entityId: 'XX' });
    const first = await remind({ entityId: 'FR' });
    const second = await remind({ entityId: 'FR' });
    const everyDelegation = await remind({});
    const reminder = (await waitForMail(api.sesEndpoint, silent, 2)).at(-1)!;
    const registered = await api.postJson('/events/deleg-remind/registrations', validForm({ email: silent, country: 'FR', nomination: nominationToken(reminder) }));

    // Assess
    expect(asViewer.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ sent: 1, skipped: 0 });
    expect(await second.json()).toEqual({ sent: 0, skipped: 1 });
    expect(await everyDelegation.json()).toEqual({ sent: 0, skipped: 1 });
    expect(reminder.subject).toContain('Rappel');
    expect(reminder.body.text).toContain('Marie Curie');
    expect(registered.status).toBe(202);
    // Exactly one reminder, and none to the nominee who confirmed (invitation, confirmation, confirmed).
    expect(await settledMail(api.sesEndpoint, silent, 3)).toHaveLength(3);
    expect((await mailTo(api.sesEndpoint, confirmed)).filter((mail) => /Reminder|Rappel/.test(mail.subject))).toEqual([]);
    expect((await overviewOf('deleg-remind')).items[0]!.nominees.find((nominee) => nominee.email === silent)!.remindedAt).not.toBeNull();
  }, 240_000);

  it('reminds again once a day has passed', async () => {
    // Prepare
    await putEvent(api, 'deleg-remind-later', { delegations: { quota: { delegates: 3, heads: 1 }, nominationsCloseAt: future } });
    const [focal] = await inviteFocalPoints(api, 'deleg-remind-later', [{ entityId: 'DE', email: uniqueEmail('focal-de') }]);
    const nominee = uniqueEmail('nominee');
    expect((await nominate(api, focal!, { email: nominee })).status).toBe(201);
    const remind = () => organizerCall(api, '/events/deleg-remind-later/delegations/reminders', { method: 'POST', body: JSON.stringify({ entityId: 'DE' }) });
    expect(await (await remind()).json()).toEqual({ sent: 1, skipped: 0 });
    await waitForMail(api.sesEndpoint, nominee, 2);
    // The table holds only the reminder's time: moving it back is the day passing.
    await changeNomination('deleg-remind-later', nominee, () => ({ remindedAt: new Date(Date.now() - 25 * 3_600_000).toISOString() }));

    // Act
    const later = await remind();

    // Assess
    expect(await later.json()).toEqual({ sent: 1, skipped: 0 });
    expect(await waitForMail(api.sesEndpoint, nominee, 3)).toHaveLength(3);
  }, 240_000);

  it('exports the delegation view as XLSX, one row per nominee', async () => {
    // Prepare
    await putEvent(api, 'deleg-export', { delegations: { quota: { delegates: 3, heads: 1 }, nominationsCloseAt: future } });
    const added = await organizerCall(api, '/events/deleg-export/delegations', { method: 'POST', body: JSON.stringify({ id: 'unodc', name: 'UNODC', kind: 'international_organization' }) });
    expect(added.status).toBe(201);
    const focalEmail = uniqueEmail('focal-at');
    const [focal] = await inviteFocalPoints(api, 'deleg-export', [{ entityId: 'AT', email: focalEmail }]);
    const [head, member] = [uniqueEmail('nominee'), uniqueEmail('nominee')];
    await nominateAll(focal!, [head!, member!]);
    await nomineeRegisters(api, 'deleg-export', head!, 'AT', true);
    const posted = await postLetter(await (await api.request(`/delegation?token=${encodeURIComponent(focal!)}`)).text(), pdf());
    const attached = await api.postJson('/delegations/letter', { token: focal!, uploadId: new URL(posted.headers.get('location') ?? '').searchParams.get('letter') });
    const { letter } = (await attached.json()) as { letter: { uploadedAt: string } };

    // Act
    const response = await organizerCall(api, '/events/deleg-export/delegations/export', {}, ['viewers']);

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="deleg-export-delegations.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const values = workbook.worksheets[0]!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(values[0]).toEqual(['Delegation', 'Entity', 'Quota', 'Delegates taken', 'Heads taken', 'Focal points', 'Nomination letter', 'Nominee', 'E-mail', 'Function', 'Role', 'Nominated by', 'Nomination', 'Registration']);
    expect(values.slice(1)).toEqual([
      ['Austria', 'AT', '3 (heads 1)', 2, 1, focalEmail, letter.uploadedAt, 'Nominee 1', head, 'Counsellor', 'head', focalEmail, 'nominated', 'confirmed'],
      ['Austria', 'AT', '3 (heads 1)', 2, 1, focalEmail, letter.uploadedAt, 'Nominee 2', member, 'Counsellor', 'member', focalEmail, 'nominated', 'none'],
      ['UNODC', 'unodc', '3 (heads 1)', 0, 0],
    ]);
  }, 240_000);
});
