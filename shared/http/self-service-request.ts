// The routes behind the manage link take JSON from API clients and form posts from the manage page.
import { parseOrThrow } from '../model/errors.ts';
import { tokenRequestSchema } from './contract.ts';
import { readBody, requireJsonObject, type HttpEvent } from './request.ts';

export type SelfServiceRequest = { kind: 'json'; body: Record<string, unknown> } | { kind: 'form'; body: Record<string, string> };

export function readSelfServiceRequest(event: HttpEvent): SelfServiceRequest {
  const body = readBody(event, ['json', 'form']);
  return body.kind === 'json' ? { kind: 'json', body: requireJsonObject(body.value) } : { kind: 'form', body: body.value };
}

export function tokenOf(request: SelfServiceRequest): string {
  return request.kind === 'json' ? parseOrThrow(tokenRequestSchema, request.body).token : (request.body.token ?? '');
}
