// The steps of the delegation journeys through the HTTP API: organizers invite focal points, a focal
// point opens the link from their e-mail and nominates, a nominee follows their invitation.
import { expect } from 'vitest';
import { organizerCall } from './journeys.ts';
import type { TestApi } from './local-api.ts';
import type { ReceivedMail } from './mailbox.ts';

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

/**
 * The newest mail of each address, once every one has one. One reader of the emulator's store for
 * them all: sixty readers at once, each fetching the whole store, would load a busy machine more
 * than the test itself does.
 */
async function newestMailOfEach(sesEndpoint: string, addresses: readonly string[], timeoutMs = 300_000): Promise<ReceivedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { emails } = (await (await fetch(`${sesEndpoint}/store`)).json()) as { emails: ReceivedMail[] };
    const newest = addresses.map((address) => emails.findLast((mail) => mail.destination.to.some((to) => to.toLowerCase() === address.toLowerCase())));
    if (newest.every(Boolean) || Date.now() > deadline) {
      const missing = addresses.filter((_, index) => !newest[index]);
      if (missing.length > 0) throw new Error(`No mail reached ${missing.length} of ${addresses.length} addresses`);
      return newest as ReceivedMail[];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Organizers invite one focal point per pair; each one's link, from their e-mail. */
export async function inviteFocalPoints(api: TestApi, eventId: string, pairs: { entityId: string; email: string; language?: string }[]): Promise<string[]> {
  const response = await organizerCall(api, `/events/${eventId}/delegations/focal-points`, { method: 'POST', body: JSON.stringify({ invitations: pairs }) });
  expect(response.status).toBe(202);
  return (await newestMailOfEach(api.sesEndpoint, pairs.map(({ email }) => email))).map(focalToken);
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
