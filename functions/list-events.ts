import { publicEvent } from '#shared/event-rules.ts';
import { json } from '#shared/http.ts';
import { httpHandler, runtime } from '#shared/runtime.ts';

/** GET /events: every event, with whether registration is open. */
export const handler = httpHandler('list-events', async () => {
  const now = new Date();
  const events = await runtime().events.list();
  return json(200, { items: events.map((event) => publicEvent(event, now)) }, { 'cache-control': 'public, max-age=60' });
});
