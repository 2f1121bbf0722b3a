import middy from '@middy/core';
import { resolveManageToken } from '#shared/actions/manage-registration.ts';
import { visaLetter, visaLetterFileName } from '#shared/actions/visa-letter.ts';
import { linkPageErrors } from '#shared/http/error-pages.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { pdf } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** GET /registrations/visa-letter?token=: the participant's own visa support letter, from the manage page. */
async function getOwnVisaLetterHandler(event: HttpEvent) {
  const deps = runtime();
  const { registration, event: conference } = await resolveManageToken(deps, event.queryStringParameters?.token);
  return pdf(await visaLetter(conference, registration), visaLetterFileName(conference, registration));
}

export const handler = middy(getOwnVisaLetterHandler).use(apiRoute('get-own-visa-letter', { errorPage: linkPageErrors }));
