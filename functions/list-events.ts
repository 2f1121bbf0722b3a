import middy from '@middy/core';
import { json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { publicEvent } from '#shared/model/event.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /events: every event, with whether registration is open. */
async function listEventsHandler() {
  const now = new Date();
  const events = await runtime().events.list();
  return json(200, { items: events.map((event) => publicEvent(event, now)) }, { 'cache-control': 'public, max-age=60' });
}

export const handler = middy(listEventsHandler).use(apiRoute('list-events'));
