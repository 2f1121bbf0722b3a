import middy from '@middy/core';
import { ownDelegation, resolveFocalToken, withdrawNomination } from '#shared/actions/nominations.ts';
import { nominationWithdrawalSchema } from '#shared/http/delegation-contract.ts';
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

/** POST /delegations/withdraw: the focal point withdraws a nominee until the deadline; a freed place goes to the delegation's waiting list. */
async function withdrawNominationHandler(event: HttpEvent) {
  const deps = runtime();
  const request = readSelfServiceRequest(event);
  const { lang: _pageLanguage, ...fields } = request.body;
  const { token, nominationId } = parseOrThrow(nominationWithdrawalSchema, fields);
  const session = await resolveFocalToken(deps, token);
  const nomination = await withdrawNomination(deps, session, nominationId);
  if (request.kind === 'json') return json(200, nominationView(nomination, undefined));
  const view = await ownDelegation(deps, session);
  return html(200, delegationPage({ ...view, language: session.focal.language, entityName: view.name }, session.event, token, delegationWordsFor(session.focal.language).withdrawnDone));
}

export const handler = middy(withdrawNominationHandler).use(apiRoute('withdraw-nomination', { errorPage: delegationFormErrors }));
