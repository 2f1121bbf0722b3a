// API Gateway payload-2.0 events and a Lambda context, as the HTTP API sends them to the handlers.
import { randomUUID } from 'node:crypto';
import type { HttpRequestSpec as EventSpec } from '../local/lambda-events.ts';

export { httpEvent, lambdaContext } from '../local/lambda-events.ts';
export type { EventSpec };

export const eventId = 'osce-drugs-2017';

export function form(email: string): Record<string, unknown> {
  return {
    title: 'Dr',
    firstName: 'Anna',
    lastName: 'Berger',
    email,
    phone: '+43 1 514 36 0',
    category: 'participating_state',
    country: 'AT',
    organization: 'Federal Ministry of the Interior',
    position: 'Head of Unit',
    language: 'en',
    consents: { privacyNotice: true, participantList: true, photography: false },
  };
}

export const organizerClaims = () => ({ sub: randomUUID(), 'cognito:groups': '[organizers]', username: 'bench', token_use: 'access' });

export const requests = {
  getEvent: (): EventSpec => ({ method: 'GET', path: `/events/${eventId}`, routeKey: 'GET /events/{eventId}', pathParameters: { eventId } }),
  submit: (email: string): EventSpec => ({
    method: 'POST',
    path: `/events/${eventId}/registrations`,
    routeKey: 'POST /events/{eventId}/registrations',
    pathParameters: { eventId },
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(form(email)),
  }),
  confirm: (token: string): EventSpec => ({
    method: 'POST',
    path: '/registrations/confirm',
    routeKey: 'POST /registrations/confirm',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  }),
  confirmPage: (token: string): EventSpec => ({ method: 'GET', path: '/confirm', routeKey: 'GET /confirm', query: { token } }),
  list: (): EventSpec => ({
    method: 'GET',
    path: `/events/${eventId}/registrations`,
    routeKey: 'GET /events/{eventId}/registrations',
    pathParameters: { eventId },
    query: { limit: '50' },
    claims: organizerClaims(),
  }),
};
