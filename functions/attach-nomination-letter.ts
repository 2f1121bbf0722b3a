import middy from '@middy/core';
import { attachLetter } from '#shared/actions/nomination-letter.ts';
import { ownDelegation, resolveFocalToken } from '#shared/actions/nominations.ts';
import { letterAttachmentSchema } from '#shared/http/delegation-contract.ts';
import { delegationFormErrors } from '#shared/http/delegation-errors.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { html, json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { readSelfServiceRequest } from '#shared/http/self-service-request.ts';
import { delegationWordsFor } from '#shared/i18n/delegation-words.ts';
import { parseOrThrow } from '#shared/model/errors.ts';
import { delegationPage } from '#shared/pages/delegation-pages.ts';
import { files } from '#shared/runtime/files-runtime.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** POST /delegations/letter: the focal point attaches the uploaded PDF as the delegation's nomination letter (JSON, or the page's form). */
async function attachNominationLetterHandler(event: HttpEvent) {
  const deps = runtime();
  const request = readSelfServiceRequest(event);
  const { lang: _pageLanguage, ...fields } = request.body;
  const { token, uploadId } = parseOrThrow(letterAttachmentSchema, fields);
  const session = await resolveFocalToken(deps, token);
  const letter = await attachLetter({ ...deps, files: files() }, session, uploadId);
  deps.log.info('nomination_letter_attached', { eventId: session.event.id, entityId: session.focal.entityId, size: letter.size });
  if (request.kind === 'json') return json(200, { letter: { size: letter.size, uploadedAt: letter.uploadedAt } });
  const view = await ownDelegation(deps, session);
  return html(200, delegationPage({ ...view, language: session.focal.language, entityName: view.name }, session.event, token, delegationWordsFor(session.focal.language).letterAttached));
}

export const handler = middy(attachNominationLetterHandler).use(apiRoute('attach-nomination-letter', { errorPage: delegationFormErrors }));
