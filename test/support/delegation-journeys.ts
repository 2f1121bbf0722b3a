// The steps of the delegation journeys through the HTTP API: organizers invite focal points, a focal
// point opens the link from their e-mail and nominates, a nominee follows their invitation.
import { expect } from 'vitest';
import type { Nomination } from '#shared/model/delegations.ts';
import { emailKey } from '#shared/model/tokens.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { validForm } from './fixtures.ts';
import { organizerCall } from './journeys.ts';
import type { TestApi } from './local-api.ts';
import { linkToken, waitForMail, waitForMailOfEach, type ReceivedMail } from './mailbox.ts';

export function focalToken(mail: ReceivedMail): string {
  const match = /\/delegation\?token=([A-Za-z0-9._%-]+)/.exec(mail.body.text ?? '');
  if (!match) throw new Error('No delegation link in the mail');
  return decodeURIComponent(match[1]!);
}

export function nominationToken(mail: ReceivedMail): string {
  const match = /[?&]nomination=([A-Za-z0-9._%-]+)/.exec(mail.body.text ?? '');
  if (!match) throw new Error('No nomination link in the mail');
  return decodeURIComponent(match[1]!);
}

/** Organizers invite one focal point per pair; each one's link, from their e-mail. */
export async function inviteFocalPoints(api: TestApi, eventId: string, pairs: { entityId: string; email: string; language?: string }[]): Promise<string[]> {
  const response = await organizerCall(api, `/events/${eventId}/delegations/focal-points`, { method: 'POST', body: JSON.stringify({ invitations: pairs }) });
  expect(response.status).toBe(202);
  const mailed = await waitForMailOfEach(api.sesEndpoint, pairs.map(({ email }) => email));
  return pairs.map(({ email }) => focalToken(mailed.get(email)!.at(-1)!));
}

export interface NomineeFields {
  name?: string;
  email: string;
  function?: string;
  role?: 'head' | 'member';
  language?: string;
}

export function nominate(api: TestApi, token: string, nominee: NomineeFields): Promise<Response> {
  return api.postJson('/delegations/nominate', { token, name: 'Ivan Petrov', function: 'Counsellor', role: 'member', ...nominee });
}

export async function ownDelegation(api: TestApi, token: string) {
  const response = await api.request(`/delegations/self?token=${encodeURIComponent(token)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { delegatesTaken: number; headsTaken: number; nominees: { nominationId: string; email: string; status: string; role: string; registrationStatus: string | null }[] };
}

/** The page's letter form as a browser reads it: where it posts and its hidden fields. */
export function letterForm(page: string): { action: string; fields: Record<string, string> } {
  const form = /<form method="post" action="([^"]+)" enctype="multipart\/form-data">([\s\S]*?)<\/form>/.exec(page);
  if (!form) throw new Error('The page has no letter upload form');
  const unescape = (text: string) => text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const fields = Object.fromEntries([...form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [unescape(match[1]!), unescape(match[2]!)]));
  return { action: unescape(form[1]!), fields };
}

/** Posts the file through the page's form as a browser does, not following the bucket's redirect. */
export async function postLetter(page: string, bytes: Uint8Array): Promise<Response> {
  const { action, fields } = letterForm(page);
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'letter.pdf');
  return fetch(action, { method: 'POST', body, redirect: 'manual' });
}

/** The nominee follows their invitation: registers through the form and, if asked, confirms the address. */
export async function nomineeRegisters(api: TestApi, eventId: string, email: string, country: string, confirmAddress: boolean): Promise<void> {
  const invitation = (await waitForMail(api.sesEndpoint, email, 1))[0]!;
  const submitted = await api.postJson(`/events/${eventId}/registrations`, validForm({ email, country, nomination: nominationToken(invitation) }));
  expect(submitted.status).toBe(202);
  if (!confirmAddress) return;
  const confirmation = (await waitForMail(api.sesEndpoint, email, 2)).at(-1)!;
  expect((await api.postJson('/registrations/confirm', { token: linkToken(confirmation) })).status).toBe(200);
}

/**
 * Changes a nomination as stored (the state a test starts from), read and written again until no
 * other write came in between: the mail worker writes the nomination too while its invitation goes out.
 */
export async function changeNomination(eventId: string, email: string, change: (nomination: Nomination) => Partial<Nomination>): Promise<void> {
  const store = runtime().delegations;
  for (let attempt = 0; attempt < 20; attempt++) {
    const stored = (await store.getNomination(eventId, emailKey(email)))!;
    if (await store.saveNomination({ ...stored, ...change(stored), version: stored.version + 1 }, stored.version)) return;
  }
  throw new Error('The nomination kept changing');
}
