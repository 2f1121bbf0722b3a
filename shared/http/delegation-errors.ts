// How the delegation page's errors look to a focal point who came from a link or posted its forms;
// API clients get JSON either way.
import { isLanguage, languageFromAcceptLanguage } from '../model/languages.ts';
import { delegationProblemPage } from '../pages/delegation-pages.ts';
import type { ErrorPage } from './middleware.ts';
import { header, isFormPost, readBody, type HttpEvent } from './request.ts';

function language(event: HttpEvent, fields: Record<string, string> = {}) {
  return isLanguage(fields.lang) ? fields.lang : languageFromAcceptLanguage(header(event, 'accept-language'));
}

/** GET /delegation: the link from the e-mail. */
export const delegationLinkErrors: ErrorPage = (event, error) => delegationProblemPage(language(event), error, undefined);

/** The delegation page's form posts (their `lang` field names the page's language). */
export const delegationFormErrors: ErrorPage = (event, error) => {
  if (!isFormPost(event)) return undefined;
  let fields: Record<string, string>;
  try {
    const body = readBody(event, ['form']);
    if (body.kind !== 'form') return undefined;
    fields = body.value;
  } catch {
    return undefined;
  }
  return delegationProblemPage(language(event, fields), error, fields.token);
};
