// The stack grants each function only the DynamoDB and SES calls declared in infra/functions.ts.
// This walks every route through the local gateway, records the calls each handler really makes and
// the partition key each names (with a recording step in the real SDK clients, not a mock), and
// checks that the declaration covers them, partitions included (IAM's dynamodb:LeadingKeys), so a
// missing grant fails here instead of as AccessDenied in AWS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access, itemActions, leadingKeys, queryLeadingKeys, type FunctionName } from '../../infra/functions.ts';
import { routes } from '#shared/http/routes.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';
import { files } from '#shared/runtime/files-runtime.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { backdate, decide as decideAs, manageToken, organizerCall, putEvent, registrationsOf, type Registered } from '../support/journeys.ts';
import { linkToken, mailTo, waitForMail } from '../support/mailbox.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { passportQuestion, photoQuestion, standardFormWith, yesNoQuestion } from '../support/forms.ts';
import { pdf, png } from '../support/images.ts';
import { checkUpload, postToBucket, uploadForm, type UploadForm } from '../support/uploads.ts';
import { purgeAccreditationData } from '#shared/actions/purge-accreditation.ts';
import { settleWaitingLists } from '#shared/actions/waitlist.ts';
import { deliverPendingMail } from '#shared/mail/outbox.ts';
import { deliverDelegationMail } from '#shared/mail/delegation-outbox.ts';
import { builtInEntity } from '#shared/model/delegations.ts';
import { emailKey } from '#shared/model/tokens.ts';
import { focalToken, nominate, nominationToken, postLetter } from '../support/delegation-journeys.ts';

let api: TestApi;
const calls = new Map<FunctionName, Set<string>>();
let current: FunctionName | undefined;
/** `handler call partition-key` for every DynamoDB call. */
const keyed = new Set<string>();

type CallInput = {
  Key?: Record<string, { S?: string }>;
  Item?: Record<string, { S?: string }>;
  RequestItems?: Record<string, { Keys?: Record<string, { S?: string }>[] }>;
  KeyConditionExpression?: string;
  ExpressionAttributeValues?: Record<string, { S?: string }>;
};

/** The partition keys a DynamoDB call names: the item's, a batch's keys', or the one a Query's key condition gives. */
function partitionsOf(input: CallInput): (string | undefined)[] {
  const item = input.Key ?? input.Item;
  if (item) return [item.pk?.S];
  if (input.RequestItems) return Object.values(input.RequestItems).flatMap((request) => (request.Keys ?? []).map((key) => key.pk?.S));
  const placeholder = /=\s*(:\w+)/.exec(input.KeyConditionExpression ?? '')?.[1];
  return [placeholder ? input.ExpressionAttributeValues?.[placeholder]?.S : undefined];
}

/** IAM's StringLike: `*` any run of characters. */
const like = (pattern: string, value: string) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(value);

beforeAll(async () => {
  // The mail worker runs here only when the test runs it, so its calls are told apart from the routes'.
  api = await startTestApi({ mailSweepIntervalMs: false });
  const record = (name: string) => {
    if (current) (calls.get(current) ?? calls.set(current, new Set()).get(current)!).add(name);
  };
  for (const client of [runtime().clients.dynamo, runtime().clients.counters]) client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { IndexName?: string } & CallInput;
      const call = context.commandName === 'QueryCommand' ? `Query:${input.IndexName ?? 'table'}` : context.commandName!.replace(/Command$/, '');
      record(call);
      if (current) for (const partition of partitionsOf(input)) keyed.add(`${current} ${call} ${partition}`);
      return next(args);
    },
    { step: 'initialize', name: 'recordCalls' },
  );
  mailingRuntime().clients.ses.middlewareStack.add(
    (next, context) => async (args) => {
      record(`ses:${context.commandName!.replace(/Command$/, '')}`);
      return next(args);
    },
    { step: 'initialize', name: 'recordCalls' },
  );
});
afterAll(async () => {
  await api.stop();
});

/** Runs one request with its calls attributed to the route's handler, or the mail worker (one at a time). */
async function as<T>(handler: FunctionName, request: () => Promise<T>): Promise<T> {
  current = handler;
  try {
    return await request();
  } finally {
    current = undefined;
  }
}

describe('Declared permissions', () => {
  it('cover every call each handler makes along every route, and every grant is used', async () => {
    // Prepare + Act: every route, including the paths that take, free and promote seats
    // With a question kept apart for the accreditation: submit, update, list, erase and the sweep reach its partition.
    await as('put-event', () => putEvent(api, 'perm', { capacity: 1, approval: 'required', form: standardFormWith(passportQuestion(), photoQuestion()) }));
    await as('list-events', () => api.request('/events'));
    await as('get-event', () => api.request('/events/perm'));
    await as('get-openapi', () => api.request('/openapi.json'));
    await as('answer-unknown-route', () => api.request('/nowhere'));
    const people: Registered[] = [];
    for (let i = 0; i < 5; i++) people.push(await registerHere('perm'));
    const [a, b, c, d, g] = people as [Registered, Registered, Registered, Registered, Registered];
    await as('show-confirm-page', () => api.request(`/confirm?token=${encodeURIComponent(a.confirmToken)}`));
    for (const person of people) await as('confirm-registration', () => api.postJson('/registrations/confirm', { token: person.confirmToken }));
    const expired = await registerInThePast('perm');
    await as('confirm-registration', () => api.postJson('/registrations/confirm', { token: expired }));
    const id = async (person: Registered) => (await registrationsOf(api, 'perm')).find((item) => item.email === person.email)!.registrationId;
    const decide = async (person: Registered, action: 'approve' | 'reject') => {
      const registrationId = await id(person);
      return as(`${action}-registration`, () => decideAs(api, 'perm', registrationId, action, { body: '{"reason":"Quota"}' }));
    };
    await as('list-registrations', () => organizerCall(api, '/events/perm/registrations'));
    await as('list-registrations', () => organizerCall(api, '/events/perm/registrations', { headers: { accept: 'text/csv' } }));
    await as('list-registrations', () => organizerCall(api, '/events/perm/registrations', {}, ['organizers', 'accreditation']));
    // A confirmed address submitted again keeps no data, and costs the same write in the accreditation partition.
    await as('submit-registration', () => api.postJson('/events/perm/registrations', validForm({ email: d.email })));
    // A badge photo: the upload form, the browser's post to the bucket, the check, a registration
    // answering with it, and the accreditation team's download link.
    const photo = png(64, 64);
    const form = (await (await as('create-upload', () => uploadForm(api, 'perm', 'photo', 'image/png', photo.length))).json()) as UploadForm;
    await postToBucket(form, photo, 'image/png');
    expect((await as('check-upload', () => checkUpload(api, 'perm', form.uploadId, 'photo'))).status).toBe(200);
    const withPhoto = uniqueEmail();
    await as('submit-registration', () => api.postJson('/events/perm/registrations', validForm({ email: withPhoto, answers: { photo: form.uploadId } })));
    const photographed = (await registrationsOf(api, 'perm')).find((item) => item.email === withPhoto)!.registrationId;
    const link = await as('get-registration-file', () => organizerCall(api, `/events/perm/registrations/${photographed}/files/photo`, {}, ['organizers', 'accreditation']));
    expect(link.status).toBe(200);
    // The status index, a sort the indexes do not keep (the page read by BatchGetItem), the XLSX export.
    await as('list-registrations', () => organizerCall(api, '/events/perm/registrations?status=awaiting_approval&q=berger'));
    await as('list-registrations', () => organizerCall(api, '/events/perm/registrations?sort=lastName&limit=2'));
    await as('list-registrations', () =>
      organizerCall(api, '/events/perm/registrations?status=awaiting_approval', { headers: { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
    );
    await as('get-event-settings', () => organizerCall(api, '/events/perm/settings'));
    await as('get-me', () => organizerCall(api, '/me'));
    await as('get-registration', async () => organizerCall(api, `/events/perm/registrations/${await id(a)}`));
    // A changed country moves the counts (UpdateItem).
    await as('edit-registration', async () => {
      const registrationId = await id(a);
      const { revision } = (await registrationsOf(api, 'perm')).find((item) => item.registrationId === registrationId)!;
      return organizerCall(api, `/events/perm/registrations/${registrationId}`, { method: 'PATCH', headers: { 'if-match': `"${revision}"` }, body: JSON.stringify({ changes: { country: 'DE' } }) });
    });
    // Counts the mailbox and queues the mail; the worker sends it.
    await as('resend-registration-link', async () => organizerCall(api, `/events/perm/registrations/${await id(a)}/resend`, { method: 'POST', body: '{"link":"manage"}' }));
    await as('send-pending-mail', () => deliverPendingMail(mailingRuntime()));
    await decide(a, 'approve');
    await decide(b, 'approve');
    await decide(c, 'approve');
    await as('get-event-stats', () => organizerCall(api, '/events/perm/stats'));
    const manage = async (person: Registered) => manageToken((await mailTo(api.sesEndpoint, person.email)).at(-1)!);
    await as('show-manage-page', async () => api.request(`/manage?token=${encodeURIComponent(await manage(b))}`));
    await as('get-own-registration', async () => api.request(`/registrations/self?token=${encodeURIComponent(await manage(b))}`));
    await as('update-registration', async () => api.postJson('/registrations/update', { token: await manage(d), changes: { country: 'DE', answers: { passportNumber: 'X1234567' } } }));
    // A waitlisted participant's page shows the place in the queue (the change is none: c keeps its approval).
    await as('update-registration', async () => api.postJson('/registrations/update', { token: await manage(c), changes: {} }));
    await decide(a, 'reject');
    await as('put-event', () => putEvent(api, 'perm', { capacity: 1, approval: 'required', form: standardFormWith(yesNoQuestion()) }));
    // A question registrations may have answered changes kind: put-event looks whether any exist (byEvent).
    await as('put-event', () => putEvent(api, 'perm', { capacity: 1, approval: 'required', form: standardFormWith({ ...yesNoQuestion(), kind: 'email' }) }));
    await as('put-event', () => putEvent(api, 'perm', { capacity: 2, approval: 'required' }));
    await decide(d, 'approve');
    await as('withdraw-registration', async () => api.postJson('/registrations/withdraw', { token: await manage(b) }));
    await decide(g, 'approve');
    await as('erase-registration', async () => api.postJson('/registrations/erase', { token: await manage(c) }));
    await as('submit-registration', () => api.postJson('/events/perm/registrations', validForm({ email: a.email })));
    // A withdrawn participant registers again (the withdrawal leaves the counts: UpdateItem).
    await as('submit-registration', () => api.postJson('/events/perm/registrations', validForm({ email: b.email })));
    // A seat counted but held by nobody (the crash window), then more seats: reconcile finds and fills it.
    const h = await registerHere('perm');
    await api.postJson('/registrations/confirm', { token: h.confirmToken });
    await decide(h, 'approve');
    await runtime().counters.apply('perm', { seats: 1 });
    await as('put-event', () => putEvent(api, 'perm', { capacity: 3, approval: 'required' }));
    await as('reconcile-event', () => organizerCall(api, '/events/perm/reconcile', { method: 'POST' }));
    // The scheduled settle of every waiting list: a seat a promotion never saw (the index lagged) is filled.
    const waiting = await registerHere('perm');
    await api.postJson('/registrations/confirm', { token: waiting.confirmToken });
    await decide(waiting, 'approve');
    await runtime().events.put({ ...(await runtime().events.get('perm'))!, capacity: 10 });
    await as('settle-waiting-lists', () => settleWaitingLists(mailingRuntime()));
    await as('settle-waiting-lists', () => purgeAccreditationData({ ...runtime(), files: files() }, new Date('2100-01-01T00:00:00Z')));
    // Many at once: an approval that takes a seat, then a rejection that frees it for the queue.
    const x = await registerHere('perm');
    await api.postJson('/registrations/confirm', { token: x.confirmToken });
    const bulkItem = async (person: Registered) => {
      const registrationId = await id(person);
      return { registrationId, revision: (await registrationsOf(api, 'perm')).find((entry) => entry.registrationId === registrationId)!.revision };
    };
    await as('decide-registrations', async () => organizerCall(api, '/events/perm/registrations/bulk', { method: 'POST', body: JSON.stringify({ action: 'approve', items: [await bulkItem(x)] }) }));
    await as('decide-registrations', async () => organizerCall(api, '/events/perm/registrations/bulk', { method: 'POST', body: JSON.stringify({ action: 'reject', items: [await bulkItem(x)] }) }));

    // Delegations: an added entity, a focal point, nominations over the quota, a withdrawal that promotes.
    await putEvent(api, 'perm-deleg', { approval: 'required', delegations: { quota: { delegates: 1, heads: 1 } } });
    await as('add-delegation', () => organizerCall(api, '/events/perm-deleg/delegations', { method: 'POST', body: JSON.stringify({ id: 'unodc', name: 'UNODC', kind: 'international_organization' }) }));
    await as('update-delegation', () => organizerCall(api, '/events/perm-deleg/delegations/AT', { method: 'PATCH', body: JSON.stringify({ quota: { delegates: 1, heads: 1 } }) }));
    const focalEmail = uniqueEmail('focal');
    await as('invite-focal-points', () => organizerCall(api, '/events/perm-deleg/delegations/focal-points', { method: 'POST', body: JSON.stringify({ invitations: [{ entityId: 'AT', email: focalEmail }] }) }));
    await as('send-pending-mail', () => deliverDelegationMail(mailingRuntime()));
    const focal = focalToken((await mailTo(api.sesEndpoint, focalEmail)).at(-1)!);
    const nominee = uniqueEmail('nominee');
    const placed = (await (await as('nominate-delegate', () => nominate(api, focal, { email: nominee }))).json()) as { nomination: { nominationId: string } };
    const formPost = (path: string, fields: Record<string, string>) => api.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    // The page's form: the page comes back with the nominees and their registrations.
    const second = uniqueEmail('nominee');
    await as('nominate-delegate', () => formPost('/delegations/nominate', { token: focal, name: 'Ivan Petrov', email: second, function: 'Counsellor', role: 'member' }));
    await as('show-delegation-page', () => api.request(`/delegation?token=${encodeURIComponent(focal)}`));
    await as('get-own-delegation', async () => api.request(`/delegations/self?token=${encodeURIComponent(focal)}`));
    await as('send-pending-mail', () => deliverDelegationMail(mailingRuntime()));
    await as('submit-registration', async () => api.postJson('/events/perm-deleg/registrations', validForm({ email: nominee, nomination: nominationToken((await mailTo(api.sesEndpoint, nominee)).at(-1)!) })));
    await as('list-delegations', () => organizerCall(api, '/events/perm-deleg/delegations'));
    // The organizers' follow-up: the nominee reminded before confirming, then approved at once; the view exported.
    await as('remind-nominees', () => organizerCall(api, '/events/perm-deleg/delegations/reminders', { method: 'POST', body: JSON.stringify({ entityId: 'AT' }) }));
    await deliverPendingMail(mailingRuntime());
    await api.postJson('/registrations/confirm', { token: linkToken((await waitForMail(api.sesEndpoint, nominee, 2)).at(-1)!) });
    await as('export-delegations', () => organizerCall(api, '/events/perm-deleg/delegations/export'));
    await as('approve-delegation', () => organizerCall(api, '/events/perm-deleg/delegations/AT/approve', { method: 'POST' }));
    await as('get-participant-list', () => organizerCall(api, '/events/perm/participant-list?format=pdf'));
    await as('get-visa-letter', async () => organizerCall(api, `/events/perm/registrations/${await id(d)}/visa-letter`));
    await as('get-own-visa-letter', async () => api.request(`/registrations/visa-letter?token=${encodeURIComponent(await manage(d))}`));
    await as('withdraw-nomination', () => formPost('/delegations/withdraw', { token: focal, nominationId: placed.nomination.nominationId }));
    // Places out of step with the nominations: the promoted nominee's place lost, a place held by
    // nobody, a nominee waiting behind it. Reconcile gives the place back, promotes, restores.
    const austria = builtInEntity('AT')!;
    await runtime().delegations.releasePlace('perm-deleg', austria, emailKey(second));
    await runtime().delegations.takePlace('perm-deleg', austria, 'member', undefined, emailKey(uniqueEmail('ghost')));
    await as('nominate-delegate', () => nominate(api, focal, { email: uniqueEmail('third') }));
    // Room for the waiting nominee once the unused place is given back.
    await runtime().delegations.setQuota('perm-deleg', austria, { delegates: 2, heads: 1 }, false);
    await as('reconcile-event', () => organizerCall(api, '/events/perm-deleg/reconcile', { method: 'POST' }));
    // The nomination letter: posted through the page's form to the bucket, attached, fetched by staff.
    const posted = await postLetter(await (await api.request(`/delegation?token=${encodeURIComponent(focal)}`)).text(), pdf());
    const uploadId = new URL(posted.headers.get('location') ?? '').searchParams.get('letter')!;
    await as('attach-nomination-letter', () => formPost('/delegations/letter', { token: focal, uploadId }));
    await as('get-nomination-letter', () => organizerCall(api, '/events/perm-deleg/delegations/AT/letter'));

    // Assess: nothing undeclared
    const undeclared: string[] = [];
    for (const [handler, made] of calls) {
      const declared = access[handler as FunctionName];
      for (const call of made) {
        const allowed = call.startsWith('ses:')
          ? declared.mail && call === 'ses:SendEmail'
          : call.startsWith('Query:')
            ? (declared.query as string[]).includes(call.slice('Query:'.length))
            : itemActions(handler as FunctionName).includes(call as never);
        if (!allowed) undeclared.push(`${handler}: ${call}`);
      }
    }
    // A submission queues its mail and never calls SES itself: the mail worker sends it.
    expect(calls.get('submit-registration')).toEqual(new Set(['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem']));
    expect(calls.get('send-pending-mail')).toEqual(new Set(['Query:byPendingMail', 'GetItem', 'PutItem', 'ses:SendEmail']));
    expect(calls.get('list-registrations')).toContain('Query:byEvent');
    expect(undeclared).toEqual([]);

    // Assess: nothing declared and unused
    const unused: string[] = [];
    for (const route of routes) {
      const made = calls.get(route.handler) ?? new Set<string>();
      const declared = access[route.handler];
      for (const item of itemActions(route.handler)) if (!made.has(item)) unused.push(`${route.handler}: ${item}`);
      for (const index of declared.query) if (!made.has(`Query:${index}`)) unused.push(`${route.handler}: Query:${index}`);
      if (declared.mail && !made.has('ses:SendEmail')) unused.push(`${route.handler}: ses:SendEmail`);
    }
    expect([...new Set(unused)]).toEqual([]);

    // Assess: every call names a partition its grant allows (dynamodb:LeadingKeys), and every
    // partition granted for an item call is used
    const outside: string[] = [];
    const usedPartitions = new Set<string>();
    for (const entry of keyed) {
      const [handler, call, partition] = entry.split(' ') as [FunctionName, string, string];
      const declared = access[handler];
      const allowed = call.startsWith('Query:')
        ? queryLeadingKeys(handler, call.slice('Query:'.length) as never).some((pattern) => like(pattern, partition))
        : Object.entries(declared.items).some(([kind, actions]) => {
            const fits = (actions as string[]).includes(call) && like(leadingKeys[kind as keyof typeof leadingKeys], partition);
            if (fits) usedPartitions.add(`${handler} ${kind} ${call}`);
            return fits;
          });
      if (!allowed) outside.push(entry);
    }
    expect(outside).toEqual([]);
    const unusedPartitions = routes.flatMap((route) =>
      Object.entries(access[route.handler].items).flatMap(([kind, actions]) => actions.filter((action) => !usedPartitions.has(`${route.handler} ${kind} ${action}`)).map((action) => `${route.handler} ${kind} ${action}`)),
    );
    expect([...new Set(unusedPartitions)]).toEqual([]);
    // Only put-event writes the events themselves.
    expect([...keyed].filter((entry) => / (PutItem|UpdateItem|DeleteItem) EVENTS$/.test(entry)).map((entry) => entry.split(' ')[0])).toEqual(['put-event']);
  }, 120_000);
});

/** A registration whose link went out 73 hours ago (through the same domain code a submit runs). */
async function registerInThePast(eventId: string): Promise<string> {
  const { email, confirmToken } = await registerHere(eventId);
  await backdate(eventId, email, 73);
  return confirmToken;
}

/** A submission, and the mail worker's run that sends its link, each with its own calls. */
async function registerHere(eventId: string): Promise<Registered> {
  const email = uniqueEmail();
  await as('submit-registration', () => api.postJson(`/events/${eventId}/registrations`, validForm({ email })));
  await as('send-pending-mail', () => deliverPendingMail(mailingRuntime()));
  const mails = await waitForMail(api.sesEndpoint, email);
  return { email, confirmToken: linkToken(mails[0]!), mails };
}
