import middy from '@middy/core';
import { ownDelegation, resolveFocalToken } from '#shared/actions/nominations.ts';
import { delegationLinkErrors } from '#shared/http/delegation-errors.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { html } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { delegationPage } from '#shared/pages/delegation-pages.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /delegation?token=: the focal point's private page. It only reads; its forms post the changes. */
async function showDelegationPageHandler(event: HttpEvent) {
  const deps = runtime();
  const token = event.queryStringParameters?.token ?? '';
  const session = await resolveFocalToken(deps, token);
  const view = await ownDelegation(deps, session);
  return html(200, delegationPage({ ...view, language: session.focal.language, entityName: view.name }, session.event, token));
}

export const handler = middy(showDelegationPageHandler).use(apiRoute('show-delegation-page', { errorPage: delegationLinkErrors }));
