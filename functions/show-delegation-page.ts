import middy from '@middy/core';
import { letterUploadForm } from '#shared/actions/nomination-letter.ts';
import { ownDelegation, resolveFocalToken } from '#shared/actions/nominations.ts';
import { delegationLinkErrors } from '#shared/http/delegation-errors.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { html, pageContentSecurityPolicy } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { delegationUrl } from '#shared/model/delegations.ts';
import { uploadIdPattern } from '#shared/model/form-definition.ts';
import { delegationPage } from '#shared/pages/delegation-pages.ts';
import { files } from '#shared/runtime/files-runtime.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/**
 * GET /delegation?token=: the focal point's private page. It only reads; its forms post the changes.
 * Its letter form posts straight to the bucket, so this page's policy lets forms go there too; the
 * bucket sends the browser back with ?letter=<uploadId>, and the page offers to attach that upload.
 */
async function showDelegationPageHandler(event: HttpEvent) {
  const deps = runtime();
  const token = event.queryStringParameters?.token ?? '';
  const arrived = event.queryStringParameters?.letter;
  const session = await resolveFocalToken(deps, token);
  const view = await ownDelegation(deps, session);
  const upload = view.open ? await letterUploadForm({ files: files() }, session, (uploadId) => `${delegationUrl(deps.config.publicBaseUrl, token)}&letter=${uploadId}`) : undefined;
  const letter = { upload, arrived: arrived && uploadIdPattern.test(arrived) ? arrived : undefined };
  const headers: Record<string, string> = upload ? { 'content-security-policy': pageContentSecurityPolicy.replace("form-action 'self'", `form-action 'self' ${new URL(upload.url).origin}`) } : {};
  return html(200, delegationPage({ ...view, language: session.focal.language, entityName: view.name }, session.event, token, undefined, letter), headers);
}

export const handler = middy(showDelegationPageHandler).use(apiRoute('show-delegation-page', { errorPage: delegationLinkErrors }));
