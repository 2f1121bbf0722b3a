import middy from '@middy/core';
import { nominate, ownDelegation, resolveFocalToken } from '#shared/actions/nominations.ts';
import { nominationRequestSchema } from '#shared/http/delegation-contract.ts';
import { delegationFormErrors } from '#shared/http/delegation-errors.ts';
import type { HttpEvent } from '#shared/http/request.ts';
import { html, json } from '#shared/http/responses.ts';
import { apiRoute } from '#shared/http/route.ts';
import { readSelfServiceRequest } from '#shared/http/self-service-request.ts';
import { delegationWordsFor } from '#shared/i18n/delegation-words.ts';
import { nominationView } from '#shared/model/delegations.ts';
import { parseOrThrow } from '#shared/model/errors.ts';
import { delegationPage } from '#shared/pages/delegation-pages.ts';
import { runtime } from '#shared/runtime/runtime.ts';

/** POST /delegations/nominate: the focal point nominates one delegate (JSON, or the delegation page's form). */
async function nominateDelegateHandler(event: HttpEvent) {
  const deps = runtime();
  const request = readSelfServiceRequest(event);
  const { lang: _pageLanguage, ...fields } = request.body;
  const { token, ...nominee } = parseOrThrow(nominationRequestSchema, request.kind === 'form' ? { ...fields, language: fields.language || undefined } : fields);
  const session = await resolveFocalToken(deps, token);
  const { nomination, placed } = await nominate(deps, session, nominee);
  deps.log.info('delegate_nominated', { eventId: session.event.id, entityId: session.focal.entityId, placed });
  if (request.kind === 'json') return json(201, { placed, nomination: nominationView(nomination, undefined) });
  const words = delegationWordsFor(session.focal.language);
  const view = await ownDelegation(deps, session);
  return html(200, delegationPage({ ...view, language: session.focal.language, entityName: view.name }, session.event, token, placed === 'nominated' ? words.nominatedDone : words.waitlistedDone));
}

export const handler = middy(nominateDelegateHandler).use(apiRoute('nominate-delegate', { errorPage: delegationFormErrors }));
