import middy from '@middy/core';
import { resolveManageToken, selfView } from '#shared/actions/manage-registration.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { html } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { linkPageErrors } from '#shared/http/error-pages.ts';
import { managePage } from '#shared/pages/manage-pages.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /manage?token=: the participant's private page. It only reads; its forms post the changes. */
async function showManagePageHandler(event: HttpEvent) {
  const deps = runtime();
  const token = event.queryStringParameters?.token ?? '';
  const managed = await resolveManageToken(deps, token);
  return html(200, managePage(await selfView(deps, managed), managed.event, token));
}

export const handler = middy(showManagePageHandler).use(apiRoute('show-manage-page', { errorPage: linkPageErrors }));
