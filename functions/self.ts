import { json } from '#shared/http.ts';
import { httpHandler, runtime } from '#shared/runtime.ts';
import { resolveManageToken, selfView } from '#shared/self-service.ts';

/** GET /registrations/self?token=: the participant's registration as JSON. */
export const handler = httpHandler('self', async (event) => {
  const deps = runtime();
  const managed = await resolveManageToken(deps, event.queryStringParameters?.token);
  return json(200, await selfView(deps, managed));
});
