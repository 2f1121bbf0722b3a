// The HTTP side shared by the routes behind the links in e-mails: they take JSON from API clients and
// form posts from the pages, and answer a form post's error with a page in the participant's language.
import { isLanguage, languageFromAcceptLanguage } from '../model/languages.ts';
import { manageUrl } from '../model/tokens.ts';
import { problemPageFor } from '../pages/problem-pages.ts';
import { loadConfig } from '../platform/config.ts';
import { tokenRequestSchema } from './contract.ts';
import type { ErrorPage } from './middleware.ts';
import { parseOrThrow } from '../model/errors.ts';
import { header, isFormPost, readBody, requireJsonObject, type HttpEvent } from './request.ts';

export type SelfServiceRequest = { kind: 'json'; body: Record<string, unknown> } | { kind: 'form'; body: Record<string, string> };

export function readSelfServiceRequest(event: HttpEvent): SelfServiceRequest {
  const body = readBody(event, ['json', 'form']);
  return body.kind === 'json' ? { kind: 'json', body: requireJsonObject(body.value) } : { kind: 'form', body: body.value };
}

export function tokenOf(request: SelfServiceRequest): string {
  return request.kind === 'json' ? parseOrThrow(tokenRequestSchema, request.body).token : (request.body.token ?? '');
}

/** The form's fields, when the body is a readable form post; the error page needs its token and language. */
function formFields(event: HttpEvent): Record<string, string> | undefined {
  if (!isFormPost(event)) return undefined;
  try {
    const body = readBody(event, ['form']);
    return body.kind === 'form' ? body.value : undefined;
  } catch {
    return undefined;
  }
}

function pageLanguage(event: HttpEvent, fields: Record<string, string> = {}) {
  return isLanguage(fields.lang) ? fields.lang : languageFromAcceptLanguage(header(event, 'accept-language'));
}

/** Errors of a page opened from a link (GET /confirm, GET /manage): a page, whatever the error. */
export const linkPageErrors: ErrorPage = (event, error) => {
  const { publicBaseUrl, confirmTokenLifetimeHours } = loadConfig();
  return problemPageFor(error, { language: pageLanguage(event), registerUrl: `${publicBaseUrl}/`, lifetimeHours: confirmTokenLifetimeHours });
};

/** Errors of a form posted from a page (confirm, correct, withdraw, erase): a page leading back. */
export const formPostErrors: ErrorPage = (event, error) => {
  const fields = formFields(event);
  if (!fields) return undefined;
  const { publicBaseUrl, confirmTokenLifetimeHours } = loadConfig();
  return problemPageFor(error, {
    language: pageLanguage(event, fields),
    registerUrl: `${publicBaseUrl}/`,
    lifetimeHours: confirmTokenLifetimeHours,
    backUrl: fields.token ? manageUrl(publicBaseUrl, fields.token) : undefined,
  });
};
