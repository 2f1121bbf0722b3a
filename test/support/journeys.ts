// The steps of a participant's and an organizer's journey, through the HTTP API, for tests that
// build on them. Each returns what a person would have in hand afterwards (links from e-mails, ids).
import { expect } from 'vitest';
import { seedEvent } from '#shared/model/seed-event.ts';
import { emailKey } from '#shared/model/tokens.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { uniqueEmail, validForm } from './fixtures.ts';
import type { TestApi } from './local-api.ts';
import { linkToken, waitForMail, type ReceivedMail } from './mailbox.ts';
import type { ConferenceEvent } from '#shared/model/event-schema.ts';

export function manageToken(mail: ReceivedMail): string {
  const match = /\/manage\?token=([A-Za-z0-9._%-]+)/.exec(mail.body.text ?? '');
  if (!match) throw new Error('No manage link in the mail');
  return decodeURIComponent(match[1]!);
}

export async function putEvent(api: TestApi, id: string, settings: Partial<ConferenceEvent> = {}): Promise<Response> {
  const token = await api.organizerToken();
  const { id: _id, ...event } = { ...seedEvent, ...settings };
  return api.request(`/events/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
}

export interface Registered {
  email: string;
  confirmToken: string;
  /** Mails received so far, oldest first. */
  mails: ReceivedMail[];
}

export async function register(api: TestApi, eventId: string, overrides: Record<string, unknown> = {}): Promise<Registered> {
  const email = uniqueEmail();
  const response = await api.postJson(`/events/${eventId}/registrations`, validForm({ ...overrides, email }));
  expect(response.status).toBe(202);
  const mails = await waitForMail(api.sesEndpoint, email, 1);
  return { email, confirmToken: linkToken(mails[0]!), mails };
}

export async function confirm(api: TestApi, registered: Registered) {
  const response = await api.postJson('/registrations/confirm', { token: registered.confirmToken });
  expect(response.status).toBe(200);
  return (await response.json()) as { status: string; reference: string; position?: number };
}

/** Registers and confirms; returns the newest mail's manage token as well. */
export async function registerAndConfirm(api: TestApi, eventId: string, overrides: Record<string, unknown> = {}) {
  const registered = await register(api, eventId, overrides);
  const outcome = await confirm(api, registered);
  const mails = await waitForMail(api.sesEndpoint, registered.email, 2);
  return { ...registered, outcome, mails, manage: manageToken(mails.at(-1)!) };
}

export async function organizerCall(api: TestApi, path: string, init: RequestInit = {}, groups = ['organizers']) {
  const token = await api.organizerToken(groups);
  return api.request(path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
}

export async function registrationsOf(api: TestApi, eventId: string, query = '') {
  const response = await organizerCall(api, `/events/${eventId}/registrations?limit=100${query}`);
  return ((await response.json()) as { items: { registrationId: string; email: string; status: string; reference: string | null; revision: string }[] }).items;
}

/**
 * An organizer's decision about the registration as the list shows it now, naming its revision in
 * If-Match as the console does (a registration the list does not show gets a revision that matches none).
 */
export async function decide(api: TestApi, eventId: string, registrationId: string, action: 'approve' | 'reject', init: RequestInit = {}) {
  const revision = (await registrationsOf(api, eventId)).find((item) => item.registrationId === registrationId)?.revision ?? 'unlisted';
  return organizerCall(api, `/events/${eventId}/registrations/${registrationId}/${action}`, {
    method: 'POST',
    ...init,
    headers: { 'if-match': `"${revision}"`, ...init.headers },
  });
}

export async function statsOf(api: TestApi, eventId: string) {
  const response = await organizerCall(api, `/events/${eventId}/stats`);
  expect(response.status).toBe(200);
  return (await response.json()) as {
    capacity: number | null;
    seatsTaken: number;
    seatsLeft: number | null;
    waitlistLength: number;
    byStatus: Record<string, number>;
    byCategory: Record<string, number>;
    byCountry: Record<string, number>;
    byDay: Record<string, number>;
  };
}

/**
 * Moves a registration's clock back by `hours`, as if it had been submitted and its link mailed that
 * long ago (the table holds only times, so this is all the passing of time changes).
 */
export async function backdate(eventId: string, email: string, hours: number): Promise<void> {
  const store = runtime().registrations;
  const registration = (await store.get(eventId, emailKey(email)))!;
  const earlier = (iso: string) => new Date(Date.parse(iso) - hours * 3_600_000).toISOString();
  const moved = {
    ...registration,
    createdAt: earlier(registration.createdAt),
    updatedAt: earlier(registration.updatedAt),
    confirmToken: { ...registration.confirmToken, expiresAt: earlier(registration.confirmToken.expiresAt) },
    earlierConfirmTokens: registration.earlierConfirmTokens?.map((link) => ({ ...link, expiresAt: earlier(link.expiresAt) })),
    version: registration.version + 1,
  };
  if (!(await store.save(moved, registration.version))) throw new Error('backdate lost a race');
}
