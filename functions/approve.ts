import { decisionHandler } from '#shared/decision-handler.ts';

/** POST /events/{eventId}/registrations/{registrationId}/approve (organizers). */
export const handler = decisionHandler('approve');
