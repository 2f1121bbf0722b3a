// HTML and script in every free-text field, of the participant and of the event, appear escaped in the
// HTML part of every e-mail and on every page that shows them; CSV cells stay formula-safe.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '#shared/platform/html.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { uniqueEmail } from '../support/fixtures.ts';
import { decide, manageToken, organizerCall, putEvent } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { linkToken, waitForMail } from '../support/mailbox.ts';
import { listAll, validFormFor } from './support.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

const participantFields = ['firstName', 'lastName', 'organization', 'position', 'dietaryRequirements', 'accessibilityNeeds'] as const;
const payloads = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</title><script>x</script>',
  '<a href="javascript:alert(1)">x</a>',
  '&lt;b&gt;&amp;',
  '<!--',
  '<style>*{}</style>',
];
/** A payload tagged with its field, so each one can be traced in the output. */
const hostile = (field: string, payload: string) => `${field}${payload}`.slice(0, 100);

/** No raw payload anywhere in the HTML, and the escaped form wherever the value is shown. */
function assertEscaped(html: string, values: string[], shown: string[], label: string): void {
  for (const value of values) expect(html.includes(value), `${label}: raw ${value}`).toBe(false);
  for (const value of shown) expect(html.includes(escapeHtml(value)), `${label}: escaped ${value}`).toBe(true);
}

async function registerHostile(eventId: string, values: Record<string, string>) {
  const email = uniqueEmail('xss');
  const response = await api.postJson(`/events/${eventId}/registrations`, { ...validFormFor(email), ...values });
  expect(response.status, await response.clone().text()).toBe(202);
  const [request] = await waitForMail(api.sesEndpoint, email, 1);
  return { email, request: request!, token: linkToken(request!) };
}

describe('participant fields with HTML and script', () => {
  it('appear escaped in the confirmation e-mail, the confirm pages and the manage page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...payloads), fc.constantFrom(...payloads), async (first, second) => {
        // Prepare
        const values = Object.fromEntries(participantFields.map((field, index) => [field, hostile(field, index % 2 ? first : second)]));
        const all = Object.values(values);

        // Act
        const { email, request, token } = await registerHostile(seedEvent.id, values);
        const page = await (await api.request(`/confirm?token=${encodeURIComponent(token)}`)).text();
        const confirmed = await api.request('/registrations/confirm', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, lang: 'en' }).toString(),
        });
        const confirmedPage = await confirmed.text();
        const mails = await waitForMail(api.sesEndpoint, email, 2);
        const manage = manageToken(mails.at(-1)!);
        const managePage = await (await api.request(`/manage?token=${encodeURIComponent(manage)}`)).text();

        // Assess
        expect(confirmed.status).toBe(200);
        assertEscaped(request.body.html!, all, [`${values.firstName} ${values.lastName}`], 'confirmation mail');
        assertEscaped(mails.at(-1)!.body.html!, all, [], 'confirmed mail');
        assertEscaped(page, all, [], 'confirm page');
        assertEscaped(confirmedPage, all, [], 'confirmed page');
        assertEscaped(managePage, all, all, 'manage page');
      }),
      { numRuns: 8 },
    );
  });

  it('appear escaped on the manage page re-rendered after a form post, and in the refusal page of a bad post', async () => {
    // Prepare
    const { email, token } = await registerHostile(seedEvent.id, {});
    await api.postJson('/registrations/confirm', { token });
    const manage = manageToken((await waitForMail(api.sesEndpoint, email, 2)).at(-1)!);
    const values = Object.fromEntries(participantFields.map((field, index) => [field, hostile(field, payloads[index % payloads.length]!)]));
    const post = (body: Record<string, string>) =>
      api.request('/registrations/update', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });

    // Act
    const saved = await post({ token: manage, ...values });
    const savedPage = await saved.text();
    const refused = await post({ token: manage, firstName: `<script>x</script>${'y'.repeat(200)}`, phone: '<img src=x onerror=alert(1)>' });
    const refusedPage = await refused.text();

    // Assess
    expect(saved.status).toBe(200);
    assertEscaped(savedPage, Object.values(values), Object.values(values), 'saved manage page');
    expect(refused.status).toBe(400);
    assertEscaped(refusedPage, ['<script>x</script>', '<img src=x onerror=alert(1)>'], [], 'refusal page');
  });
});

describe('event fields and an organizer’s reason with HTML and script', () => {
  it('appear escaped in the e-mails and the confirm page', async () => {
    // Prepare
    const eventId = 'xss-event';
    const event = {
      title: 'Title<script>alert(1)</script>',
      subtitle: 'Sub"><img src=x onerror=alert(1)>',
      organizer: "Org'><svg onload=alert(1)>",
      venue: { name: 'Venue</title><script>x</script>', city: 'City<b>x</b>', country: 'AT' },
    };
    expect((await putEvent(api, eventId, event)).status).toBe(201);
    const values = [event.title, event.subtitle, event.organizer, event.venue.name, event.venue.city];
    const reason = 'Reason<script>alert(2)</script>"\'&';

    // Act
    const { email, request, token } = await registerHostile(eventId, {});
    const page = await (await api.request(`/confirm?token=${encodeURIComponent(token)}`)).text();
    await api.postJson('/registrations/confirm', { token });
    const id = (await listAll(api, eventId)).find((item) => item.email === email)!.registrationId as string;
    const rejected = await decide(api, eventId, id, 'reject', { body: JSON.stringify({ reason }) });
    const mails = await waitForMail(api.sesEndpoint, email, 3);

    // Assess
    expect(rejected.status).toBe(200);
    assertEscaped(request.body.html!, values, [event.title], 'confirmation mail');
    assertEscaped(page, values, [event.title], 'confirm page');
    for (const mail of mails) assertEscaped(mail.body.html!, [...values, reason], [], `mail ${mail.subject}`);
    assertEscaped(mails.at(-1)!.body.html!, [reason], [reason], 'rejection mail');
  });
});

describe('the CSV export', () => {
  it('neutralizes cells a spreadsheet would run as formulas', async () => {
    // Prepare
    const formulas = { firstName: '=1+1', lastName: '+SUM(A1)', organization: '-2+3', position: '@cmd', dietaryRequirements: '=HYPERLINK("http://evil.example","x")' };
    const { email } = await registerHostile(seedEvent.id, formulas);

    // Act
    const csv = await (await organizerCall(api, `/events/${seedEvent.id}/registrations`, { headers: { accept: 'text/csv' } })).text();

    // Assess
    const row = csv.split('\r\n').find((line) => line.includes(email))!;
    for (const value of Object.values(formulas)) {
      expect(row).not.toMatch(new RegExp(`(^|,)"?${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '""')}`));
      expect(row).toContain(`'${value.replace(/"/g, '""')}`);
    }
  });
});
