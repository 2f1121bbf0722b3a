// How errors look to a person who came from a page: a link from an e-mail, or a form posted from the
// confirm or the manage page. Each is an ErrorPage for apiRoute; API clients get JSON either way.
import { isLanguage, languageFromAcceptLanguage } from '../model/languages.ts';
import { manageUrl } from '../model/tokens.ts';
import { manageFormProblemPageFor } from '../pages/manage-pages.ts';
import { problemPageFor } from '../pages/problem-pages.ts';
import { loadConfig } from '../platform/config.ts';
import type { ErrorPage } from './middleware.ts';
import { header, isFormPost, readBody, type HttpEvent } from './request.ts';

/** The form's fields, when the body is a readable form post (the page needs its token and language). */
function formFields(event: HttpEvent): Record<string, string> | undefined {
  if (!isFormPost(event)) return undefined;
  try {
    const body = readBody(event, ['form']);
    return body.kind === 'form' ? body.value : undefined;
  } catch {
    return undefined;
  }
}

function context(event: HttpEvent, fields: Record<string, string> = {}) {
  const { publicBaseUrl, confirmTokenLifetimeHours } = loadConfig();
  return {
    language: isLanguage(fields.lang) ? fields.lang : languageFromAcceptLanguage(header(event, 'accept-language')),
    registerUrl: `${publicBaseUrl}/`,
    lifetimeHours: confirmTokenLifetimeHours,
    publicBaseUrl,
  };
}

/** A page opened from a link (GET /confirm, GET /manage). */
export const linkPageErrors: ErrorPage = (event, error) => problemPageFor(error, context(event));

/** The confirm page's form post (its `lang` field names the page's language). */
export const confirmFormErrors: ErrorPage = (event, error) => {
  const fields = formFields(event);
  return fields ? problemPageFor(error, context(event, fields)) : undefined;
};

/** A form posted from the manage page: what could not be done, and the way back to it. */
export const manageFormErrors: ErrorPage = (event, error) => {
  const fields = formFields(event);
  if (!fields) return undefined;
  const page = context(event, fields);
  return manageFormProblemPageFor(error, { ...page, backUrl: fields.token ? manageUrl(page.publicBaseUrl, fields.token) : undefined });
};
