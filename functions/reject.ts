import { decisionHandler } from '#shared/decision-handler.ts';

/** POST /events/{eventId}/registrations/{registrationId}/reject (organizers), with an optional reason. */
export const handler = decisionHandler('reject');
