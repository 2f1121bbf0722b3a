import middy from '@middy/core';
import type { HttpEvent } from '#shared/http/request.ts';
import { json } from '#shared/http/responses.ts';
import { signedInView } from '#shared/http/organizer-auth.ts';
import { apiRoute, signedIn, type RouteContext } from '#shared/http/route.ts';

/** GET /me (staff): who is signed in, with which roles, and what they may do (the console shows only that). */
async function getMeHandler(_event: HttpEvent, context: RouteContext) {
  return json(200, signedInView(signedIn(context)));
}

export const handler = middy(getMeHandler).use(apiRoute('get-me'));
