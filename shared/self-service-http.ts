// The HTTP side shared by the self-service routes: they take JSON from API clients and form posts
// from the manage page, and answer a form post with a page in the participant's language.
import { tokenRequestSchema } from './schemas.ts';
import { ApiError, parseOrThrow } from './errors.ts';
import { header, html, readBody, requireJsonObject, type HttpEvent, type HttpResult } from './http.ts';
import { messagesFor } from './i18n/index.ts';
import { languageFromAcceptLanguage } from './languages.ts';
import { manageProblemsPage, manageResultPage } from './manage-pages.ts';
import { problemPage } from './pages.ts';
import { manageUrl } from './transitions.ts';

export type SelfServiceRequest = { kind: 'json'; body: Record<string, unknown> } | { kind: 'form'; body: Record<string, string> };

export function readSelfServiceRequest(event: HttpEvent): SelfServiceRequest {
  const body = readBody(event, ['json', 'form']);
  return body.kind === 'json'
    ? { kind: 'json', body: requireJsonObject(body.value) }
    : { kind: 'form', body: body.value as Record<string, string> };
}

export function tokenOf(request: SelfServiceRequest): string {
  return request.kind === 'json' ? parseOrThrow(tokenRequestSchema, request.body).token : (request.body.token ?? '');
}

/** Turns a refused form post into a page that says what happened and leads back. */
export function formErrorPage(
  event: HttpEvent,
  error: unknown,
  token: string,
  links: { publicBaseUrl: string; confirmTokenLifetimeHours: number },
): HttpResult {
  const { publicBaseUrl } = links;
  const pageLanguage = languageFromAcceptLanguage(header(event, 'accept-language'));
  if (!(error instanceof ApiError)) throw error;
  const back = manageUrl(publicBaseUrl, token);
  if (error.code === 'invalid_token') return html(400, problemPage(pageLanguage, 'invalid', links.confirmTokenLifetimeHours, `${publicBaseUrl}/`));
  if (error.code === 'invalid_transition') {
    const words = messagesFor(pageLanguage).manage;
    return html(409, manageResultPage(pageLanguage, words.title, words.notPossible, back));
  }
  if (error.code === 'validation_failed') return html(400, manageProblemsPage(pageLanguage, error.issues ?? [], back));
  throw error;
}
