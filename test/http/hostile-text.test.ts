// Text that no name needs, refused where it enters, and one participant's mail kept apart from the
// next participant's on the wire. A lone UTF-16 surrogate once passed the schema; the SDK's SES
// serializer then threw half-way through the request and the next SendEmail on the same client went
// out starting with the leftover: the attacker's address first, then the victim's links.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSesClient, MailRefused, SesMailer } from '#shared/mail/mailer.ts';
import type { Email } from '#shared/mail/emails.ts';
import { putEvent } from '../support/journeys.ts';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { mailTo, waitForMail } from '../support/mailbox.ts';

const path = '/events/osce-drugs-2017/registrations';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

/** The body as a client sends it: JSON escapes such as \ud800 reach the server as they are. */
function rawJson(form: Record<string, unknown>, field: string, escaped: string): string {
  return JSON.stringify({ ...form, [field]: 'PLACEHOLDER' }).replace('"PLACEHOLDER"', `"${escaped}"`);
}

describe('text fields', () => {
  it.each([
    ['a lone surrogate', 'firstName', 'Eve\\ud800'],
    ['a right-to-left override', 'lastName', 'Berger\\u202eexe.txt'],
    ['a bidi isolate', 'organization', 'Ministry \\u2066of\\u2069 Interior'],
    ['a zero-width space', 'position', 'Head\\u200bof Unit'],
    ['a C1 control character', 'firstName', 'Anna\\u0085'],
    ['a byte-order mark', 'lastName', 'Ber\\ufeffger'],
    ['a joiner that joins no letters', 'organization', '\\u200dMinistry'],
    ['a tab', 'firstName', 'An\\tna'],
    ['a control character in a note', 'dietaryRequirements', 'vegetarian\\u0007'],
  ])('refuses %s with a 400 naming the field, and mails nobody', async (_what, field, escaped) => {
    // Prepare
    const form = validForm();

    // Act
    const response = await api.postJson(path, rawJson(form, field, escaped));

    // Assess
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((issue) => issue.path)).toContain(field);
    expect(await mailTo(api.sesEndpoint, String(form.email))).toHaveLength(0);
  });

  it('keeps what real names need: letters with marks, and joiners between letters (Persian, Hindi)', async () => {
    // Prepare
    const form = validForm({ firstName: 'مهرانگیز\u200cسادات', lastName: 'Gruß-Şahin', organization: 'क्\u200dष Ministry' });

    // Act
    const response = await api.postJson(path, form);

    // Assess
    expect(response.status).toBe(202);
    expect(await waitForMail(api.sesEndpoint, String(form.email))).toHaveLength(1);
  });

  it('refuses a rejection reason the participant’s e-mail could not carry', async () => {
    // Prepare
    const organizer = await api.organizerToken();

    // Act
    const response = await api.request(`${path}/01ARZ3NDEKTSV4RRFFQ69G5FAV/reject`, {
      method: 'POST',
      headers: { authorization: `Bearer ${organizer}`, 'content-type': 'application/json', 'if-match': '"any"' },
      body: '{"reason":"Quota\\ud800"}',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('reason');
  });
});

describe('an event’s time zone', () => {
  it.each([
    ['a zone that does not exist', 'Mars/Olympus'],
    ['a zone with more after it', 'Europe/Vienna; DROP'],
    ['a string of a thousand characters', 'x'.repeat(1000)],
  ])('refuses %s', async (_what, timeZone) => {
    // Act
    const response = await putEvent(api, 'tz-check', { timeZone });

    // Assess
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { issues: { path: string }[] } };
    expect(new Set(body.error.issues.map((issue) => issue.path))).toEqual(new Set(['timeZone']));
  });

  it('accepts a zone of the IANA database', async () => {
    // Act
    const response = await putEvent(api, 'tz-check', { timeZone: 'America/Argentina/Buenos_Aires' });

    // Assess
    expect(response.status).toBe(201);
  });
});

/** A proxy in front of the SES emulator that keeps every request body as it crossed the wire. */
async function wiretap(target: string): Promise<{ url: string; bodies: string[]; server: Server }> {
  const bodies: string[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      bodies.push(body.toString('utf8'));
      const forward = httpRequest(`${target}${incoming.url}`, { method: incoming.method, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, bodies, server };
}

function mail(to: string, subject: string): Email {
  return { to, subject, text: `${subject}\nhttps://registration.osce.example/manage?token=secret-of-${to}`, html: `<p>${subject}</p>`, tags: { eventId: 'osce-drugs-2017', mail: 'confirmed' } };
}

describe('one mail never touches another', () => {
  let tap: Awaited<ReturnType<typeof wiretap>>;
  beforeAll(async () => {
    tap = await wiretap(api.sesEndpoint);
  });
  afterAll(() => {
    tap.server.close();
  });

  const mailer = () => new SesMailer(() => createSesClient({ SES_ENDPOINT: tap.url, AWS_REGION: 'eu-central-1' }), 'registration@osce.local', undefined);

  it('refuses a mail with ill-formed text before anything goes out', async () => {
    // Prepare
    const sending = mailer();
    const [attacker, victim] = [uniqueEmail('attacker'), uniqueEmail('victim')];
    tap.bodies.length = 0;

    // Act
    const refused = await sending.send(mail(attacker, 'Eve\ud800')).catch((error: unknown) => error);
    await sending.send(mail(victim, 'Your registration is confirmed'));

    // Assess: one request crossed the wire, the victim's alone.
    expect(refused).toBeInstanceOf(MailRefused);
    expect(tap.bodies).toHaveLength(1);
    expect(tap.bodies[0]).not.toContain(encodeURIComponent(attacker));
    expect(await mailTo(api.sesEndpoint, attacker)).toHaveLength(0);
    expect((await waitForMail(api.sesEndpoint, victim)).map((received) => received.destination.to)).toEqual([[victim]]);
  });

  it('sends the next mail through a client untouched by a send that failed half-way', async () => {
    // Prepare: the SES call alone, as if a failure slipped past every check before it.
    const sending = mailer();
    const [attacker, victim] = [uniqueEmail('attacker'), uniqueEmail('victim')];
    tap.bodies.length = 0;

    // Act
    await expect(sending.transmit(mail(attacker, 'Eve\ud800'))).rejects.toThrow();
    await sending.transmit(mail(victim, 'Your registration is confirmed'));

    // Assess: on the wire the victim's request holds the victim's address once, and nothing of the attacker's.
    const request = new URLSearchParams(tap.bodies.at(-1)!);
    expect(request.getAll('Destination.ToAddresses.member.1')).toEqual([victim]);
    expect(tap.bodies.at(-1)).not.toContain(encodeURIComponent(attacker));
    expect((await waitForMail(api.sesEndpoint, victim)).map((received) => received.destination.to)).toEqual([[victim]]);
  });
});
