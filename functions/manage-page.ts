import { ApiError } from '#shared/errors.ts';
import { header, html } from '#shared/http.ts';
import { languageFromAcceptLanguage } from '#shared/languages.ts';
import { managePage } from '#shared/manage-pages.ts';
import { problemPage } from '#shared/pages.ts';
import { httpHandler, runtime } from '#shared/runtime.ts';
import { resolveManageToken, selfView } from '#shared/self-service.ts';

/** GET /manage?token=: the participant's private page. It only reads; its forms post the changes. */
export const handler = httpHandler('manage-page', async (event) => {
  const deps = runtime();
  const token = event.queryStringParameters?.token ?? '';
  try {
    const managed = await resolveManageToken(deps, token);
    return html(200, managePage(await selfView(deps, managed), managed.event, token));
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'invalid_token')) throw error;
    const language = languageFromAcceptLanguage(header(event, 'accept-language'));
    return html(400, problemPage(language, 'invalid', deps.confirmTokenLifetimeHours, `${deps.publicBaseUrl}/`));
  }
});
