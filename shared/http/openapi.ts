// The OpenAPI 3.1 description, generated from the same Zod schemas the handlers validate with, so the
// documentation cannot promise a field the API rejects. It says what every route answers, status by
// status, with the error codes each status carries; test/contract/openapi-conformance.test.ts sends
// generated requests and holds every answer to it.
import * as z from 'zod/mini';
// Each schema registers itself under its id in Zod's global registry when its module loads.
import '../model/registration-schema.ts';
import './delegation-contract.ts';
import { eventIdSchema } from '../model/event-schema.ts';
import type { ErrorCode } from '../model/errors.ts';
import { countryCode, ianaTimeZone, knownRegionCodes, knownTimeZones } from '../model/schema-parts.ts';
import type { StaffRole } from '../model/organizer.ts';
import { listQuerySchema, maxBulkItems, registrationViewSchema, uploadIdSchema } from './contract.ts';
import { maxBodyBytes, maxEventBodyBytes } from './request.ts';
import { xlsxMediaType } from './responses.ts';
import { isForStaff, routes, type Route } from './routes.ts';

type JsonSchema = Record<string, any>;

let regionCodes: string[] | undefined;
let timeZones: string[] | undefined;

/**
 * Where JSON Schema can say more than Zod's conversion does. The country and time zone checks are
 * functions of the runtime's ICU data; their lists are computed from the same functions. A pipe
 * shows only its input side, so a string piped into a string format (the address: trimmed, at most
 * 254 characters, then an e-mail address) gets the output side's format and pattern as well.
 */
function documentOverride(io: 'input' | 'output') {
  return ({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }) => {
    if (zodSchema === countryCode) jsonSchema.enum = regionCodes ??= knownRegionCodes();
    if (zodSchema === ianaTimeZone) jsonSchema.enum = timeZones ??= knownTimeZones();
    const def = zodSchema._zod.def as unknown as Record<string, any>;
    if (io === 'input' && def.type === 'pipe' && jsonSchema.type === 'string') {
      const { $schema: _schema, ...out } = z.toJSONSchema(def.out, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
      if (out.type === 'string') {
        const { pattern, ...rest } = out;
        Object.assign(jsonSchema, rest, { type: 'string' });
        if (pattern !== undefined) {
          if (jsonSchema.pattern === undefined) jsonSchema.pattern = pattern;
          else jsonSchema.allOf = [...(jsonSchema.allOf ?? []), { pattern }];
        }
      }
    }
  };
}

function componentSchemas(io: 'input' | 'output'): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override: documentOverride(io),
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonSchema;
      return [id, rest];
    }),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const page = { 'text/html': { schema: { type: 'string', description: 'An HTML page in the reader\'s language' } } };
const retryAfter = (required: boolean, description: string) => ({
  'Retry-After': { description, required, schema: { type: 'integer', minimum: 1 } },
});

/** The API's error shape, narrowed to the codes this answer can carry. */
function apiError(codes: readonly ErrorCode[]): JsonSchema {
  return { allOf: [ref('Error'), { properties: { error: { properties: { code: { enum: [...codes] } } } } }] };
}

type Media = 'json' | 'json or page' | 'page';

/** A refusal: its codes, and whether a person who came from a page gets a page instead of JSON. */
function refused(codes: readonly ErrorCode[], description: string, media: Media = 'json', headers?: JsonSchema): JsonSchema {
  const content = {
    ...(media === 'page' ? {} : json(apiError(codes))),
    ...(media === 'json' ? {} : page),
  };
  return { description: `${codes.join(', ')}: ${description}`, ...(headers ? { headers } : {}), content };
}

// The answers many operations share, kept once under components.responses.
const sharedResponses: Record<string, JsonSchema> = {};
function shared(name: string, response: JsonSchema): JsonSchema {
  sharedResponses[name] = response;
  return { $ref: `#/components/responses/${name}` };
}

const unavailableAs = (media: Media) =>
  refused(['service_unavailable'], 'a dependency is down; retry after Retry-After seconds', media, retryAfter(true, 'Seconds to wait'));
const unavailable = {
  json: shared('ServiceUnavailable', unavailableAs('json')),
  jsonOrPage: shared('ServiceUnavailableOrPage', unavailableAs('json or page')),
  page: shared('ServiceUnavailablePage', unavailableAs('page')),
};
const noSuchEvent = shared('EventNotFound', refused(['event_not_found'], 'no such event'));
const noSuchEntity = shared('EntityNotFound', refused(['event_not_found', 'unknown_entity'], 'no such event, or no such nominating entity'));
const tooLarge = shared('PayloadTooLarge', refused(['payload_too_large'], `the body is over ${maxBodyBytes} bytes`));
// Answered before the body is read as a form, so always in JSON.
const wrongMediaType = {
  json: shared('UnsupportedMediaType', refused(['unsupported_media_type'], 'send application/json, UTF-8')),
  jsonOrForm: shared(
    'UnsupportedMediaTypeOrForm',
    refused(['unsupported_media_type'], 'send application/json or application/x-www-form-urlencoded, UTF-8'),
  ),
};

// What every route may answer before its handler runs, and the organizer check: added to every
// operation by openApiDocument from the route table, since the stage throttles every route.
const throttled = shared('TooManyRequests', {
  description: 'too_many_requests: throttled; retry after Retry-After seconds',
  headers: retryAfter(false, 'Seconds to wait; sent by the API\'s throttling (API Gateway\'s own refusal in the cloud may leave it out)'),
  content: json({ anyOf: [apiError(['too_many_requests']), ref('GatewayError')] }),
});
const unauthorized = shared('Unauthorized', {
  description: 'unauthorized: no valid organizer token (in the cloud API Gateway\'s authorizer answers this itself)',
  content: json({ anyOf: [apiError(['unauthorized']), ref('GatewayError')] }),
});
const roleGroupNames: Record<StaffRole, string> = { organizer: 'organizers', moderator: 'moderators', viewer: 'viewers' };
const pascal = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** The refusal of a token whose groups give none of the roles an operation admits, once per set of roles. */
function forbiddenUnless(roles: readonly StaffRole[]): JsonSchema {
  const groups = roles.map((role) => roleGroupNames[role]).join(', ');
  return shared(
    `ForbiddenUnless${roles.map(pascal).join('Or')}`,
    refused(['forbidden'], `the token's groups give none of the roles this needs: ${roles.join(', ')} (groups ${groups} unless configured otherwise)`),
  );
}

/** A lone schema's JSON Schema, for a parameter. */
function plain(schema: z.ZodMiniType): JsonSchema {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  return rest;
}

const eventIdParameter = {
  name: 'eventId',
  in: 'path',
  required: true,
  description: 'The event; an id that is not lowercase letters, digits and hyphens names no event (404 event_not_found)',
  schema: plain(eventIdSchema),
};
const entityIdParameter = { name: 'entityId', in: 'path', required: true, description: 'An ISO code of a participating State or Partner, or the id of an added entity', schema: { type: 'string' } };

const registrationIdParameter = {
  name: 'registrationId',
  in: 'path',
  required: true,
  description: 'registrationId from the list; anything else names no registration (404 not_found)',
  schema: plain(registrationViewSchema.shape.registrationId),
};

const ifMatchParameter = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description:
    'The registration\'s revision as the organizer saw it (its revision field, or the ETag of the last decision), quoted or not: "5f0c2a91d3e47b86". ' +
    'Missing: 428 precondition_required. The registration changed since: 412 precondition_failed, with the current ETag.',
  schema: { type: 'string', pattern: '^(?:W/)?"?[A-Za-z0-9_-]{1,64}"?$' },
};

const etag = (description: string) => ({ ETag: { description, required: true, schema: { type: 'string' } } });

function listParameters(): JsonSchema[] {
  // The output side: limit arrives as text and is read as a whole number from 1 to 100.
  const { properties = {} } = z.toJSONSchema(listQuerySchema, { io: 'output', unrepresentable: 'any' }) as { properties?: Record<string, JsonSchema> };
  const descriptions: Record<string, string> = {
    status: 'Only registrations in this status',
    category: 'Only this category',
    country: 'Only this country',
    limit: 'At most this many per page',
    cursor: 'nextCursor of the previous page, with the same filters, search and sort',
    q: 'Search: registrations whose first and last name, organization or e-mail address contain this, case and accents aside ("muller" finds Müller)',
    sort:
      'The order: createdAt (registration order, the default) or a field, with a leading minus for descending. Names sort as a reader expects, accents and case aside; ' +
      'statuses in the order of the lifecycle; registrations without the value come last; ties in registration order',
  };
  return Object.entries(properties).map(([name, schema]) => ({ name, in: 'query', required: false, description: descriptions[name], schema }));
}

const tokenQuery = (description: string) => ({ name: 'token', in: 'query', required: true, description, schema: { type: 'string' } });

// JSON Schema cannot bound a body's size, so the limit is said in words and, for tools, as x-max-bytes.
const sized = { description: `At most ${maxBodyBytes} bytes; a larger body is refused with 413 payload_too_large.`, 'x-max-bytes': maxBodyBytes };

/** A body of JSON and, for the pages' forms, of form fields. */
const jsonOrForm = (jsonId: string, formId: string) => ({
  required: true,
  ...sized,
  content: { 'application/json': { schema: ref(jsonId) }, 'application/x-www-form-urlencoded': { schema: ref(formId) } },
});

const jsonBody = (id: string, required = true, limit = maxBodyBytes) => ({
  required,
  description: `At most ${limit} bytes; a larger body is refused with 413 payload_too_large.`,
  'x-max-bytes': limit,
  content: { 'application/json': { schema: ref(id) } },
});

const noSuchRegistration = shared(
  'RegistrationNotFound',
  refused(['event_not_found', 'not_found'], 'no such event, or no such registration for it (an unconfirmed one past its link\'s lifetime is gone)'),
);
const stale = shared(
  'PreconditionFailed',
  refused(['precondition_failed'], 'the registration changed since the revision in If-Match; look at it again', 'json', etag('The current revision, quoted')),
);
const ifMatchMissing = shared('PreconditionRequired', refused(['precondition_required'], 'no If-Match: a change must name the revision it is about'));

const operations: Record<string, JsonSchema> = {
  'GET /events': {
    operationId: 'listEvents',
    tags: ['events'],
    summary: 'Every event, with whether registration is open',
    description: 'Public. Cached for a minute.',
    responses: { 200: { description: 'The events', content: json(ref('EventList')) }, 503: unavailable.json },
  },
  'GET /events/{eventId}': {
    operationId: 'getEvent',
    tags: ['events'],
    summary: 'Public facts of an event, and whether registration is open',
    description: 'Public. Cached for a minute.',
    parameters: [eventIdParameter],
    responses: {
      200: { description: 'The event', content: json(ref('PublicEvent')) },
      404: noSuchEvent,
      503: unavailable.json,
    },
  },
  'PUT /events/{eventId}': {
    operationId: 'putEvent',
    tags: ['organizers'],
    summary: 'Create or replace an event (organizers)',
    description:
      'The body is the whole event; its id may be left out, and must equal the path\'s when given. Raising the capacity promotes waitlisted registrations at once. ' +
      'form defines the registration form (absent: the standard form); an event whose form lacks a text in one of its languages may be saved only while registration is not open, and stays closed until the text is given.',
    parameters: [eventIdParameter],
    requestBody: jsonBody('EventInput', true, maxEventBodyBytes),
    responses: {
      200: { description: 'Replaced', content: json(ref('Event')) },
      201: { description: 'Created', content: json(ref('Event')) },
      400: refused(
        ['invalid_json', 'validation_failed'],
        'the body is not JSON, or breaks the rules (an id other than the path\'s included); the form\'s rules name their place, e.g. form.sections.2.fields.0.showIf.field, ' +
          'a text missing while registration is open its language (issue code missing_translation), a change of kind or accreditation of an answered field issue code answered',
      ),
      404: refused(['event_not_found'], 'the eventId is not a valid event id'),
      413: refused(['payload_too_large'], `the body is over ${maxEventBodyBytes} bytes`),
      415: wrongMediaType.json,
      503: unavailable.json,
    },
  },
  'POST /events/{eventId}/registrations': {
    operationId: 'submitRegistration',
    tags: ['registration'],
    summary: 'Register for an event',
    description:
      'Always answers 202 with the same body, whether the address is new, pending or already confirmed (no enumeration). ' +
      'A new or pending address receives a confirmation link, a confirmed one a reminder that it is registered. ' +
      'At most 3 e-mails an hour go to one address. A body whose website (the honeypot) is filled is answered 202 without any other check, once the event is found open.',
    parameters: [eventIdParameter],
    requestBody: jsonBody('RegistrationInput'),
    responses: {
      202: { description: 'Accepted: check your e-mail', content: json(ref('SubmitAccepted')) },
      400: refused(['invalid_json', 'validation_failed', 'invalid_token'], 'the body is not JSON, breaks the form\'s rules, names a category the event does not invite, or carries a nomination that is not this address\'s'),
      404: noSuchEvent,
      409: refused(['registration_closed'], 'outside the event\'s registration window'),
      410: refused(['token_expired'], 'the nomination link is older than its lifetime'),
      413: tooLarge,
      415: wrongMediaType.json,
      503: unavailable.json,
    },
  },
  'GET /events/{eventId}/registrations': {
    operationId: 'listRegistrations',
    tags: ['organizers'],
    summary: 'Registrations of an event, filtered, searched and sorted; CSV and XLSX exports (staff)',
    description:
      'A page in the order asked (sort). A page with filters or a search reads on past what does not match until it is full, so it is rarely short; ' +
      'follow nextCursor until it is null. ' +
      'A status filter reads an index of the registrations in that status, so it costs what it finds (the moderator\'s queue: status=awaiting_approval). ' +
      `With Accept: text/csv, every match of the same filters, search and sort as RFC 4180 CSV; with Accept: ${xlsxMediaType}, the same as an XLSX workbook ` +
      '(no paging, so no cursor; text that a spreadsheet could read as a formula starts with an apostrophe in both). Other query parameters are refused.',
    parameters: [eventIdParameter, ...listParameters()],
    responses: {
      200: {
        description: 'A page of registrations, or an export',
        headers: { 'Content-Disposition': { description: 'With an export: attachment; filename="<eventId>-registrations.csv" (or .xlsx)', required: false, schema: { type: 'string' } } },
        content: {
          ...json(ref('RegistrationPage')),
          'text/csv': { schema: { type: 'string', description: 'A header row, then one row per registration' } },
          [xlsxMediaType]: { schema: { type: 'string', contentMediaType: xlsxMediaType, description: 'One worksheet: a header row (bold, frozen, with filters), then one row per registration; the CSV\'s columns' } },
        },
      },
      400: refused(['validation_failed', 'invalid_cursor'], 'a query parameter breaks the rules, or the cursor was altered, belongs to other filters, search or sort, or came with an export'),
      404: noSuchEvent,
      503: unavailable.json,
    },
  },
  'GET /events/{eventId}/registrations/{registrationId}': {
    operationId: 'getRegistration',
    tags: ['organizers'],
    summary: 'One registration: every field, the e-mail status and the full history (staff)',
    description: 'The ETag is its revision: what an edit or a decision names in If-Match.',
    parameters: [eventIdParameter, registrationIdParameter],
    responses: {
      200: { description: 'The registration', headers: etag('Its revision, quoted'), content: json(ref('DecidedRegistration')) },
      404: noSuchRegistration,
      503: unavailable.json,
    },
  },
  'PATCH /events/{eventId}/registrations/{registrationId}': {
    operationId: 'editRegistration',
    tags: ['organizers'],
    summary: 'Correct a registration on the participant\'s behalf (organizers)',
    description:
      'The same rules as the participant\'s correction (RegistrationChanges over the stored data, which must pass RegistrationInput again; the address cannot change), ' +
      'recorded in the history as organizer:<name>, action edited, with the fields changed. The status stays (organizers need no review of their own change). ' +
      'A consent may be withdrawn on the participant\'s behalf, never given (400 not_changeable). Closed for rejected and withdrawn registrations. ' +
      'If-Match must name the revision the organizer looked at; a change to nothing answers the registration as it is.',
    parameters: [eventIdParameter, registrationIdParameter, ifMatchParameter],
    requestBody: jsonBody('RegistrationEdit'),
    responses: {
      200: { description: 'The registration as now stored, with its history', headers: etag('The new revision, quoted: If-Match for the next change'), content: json(ref('DecidedRegistration')) },
      400: refused(['invalid_json', 'validation_failed'], 'the body is not a JSON object, a change breaks the rules or gives a consent, or If-Match is not a revision'),
      404: noSuchRegistration,
      409: refused(['invalid_transition'], 'the registration is rejected or withdrawn'),
      412: stale,
      413: tooLarge,
      415: wrongMediaType.json,
      428: ifMatchMissing,
      503: unavailable.json,
    },
  },
  'POST /events/{eventId}/registrations/{registrationId}/resend': {
    operationId: 'resendLink',
    tags: ['organizers'],
    summary: 'Send the participant\'s confirmation or manage link again (staff who decide)',
    description:
      'Queued for the mail worker, which sends it with a fresh link within moments; recorded in the history. confirmation: only while the address is unconfirmed ' +
      '(the new link also gives the registration its full lifetime again); manage: only once it is confirmed. ' +
      'It counts against the address\'s 3 e-mails an hour, like a submission.',
    parameters: [eventIdParameter, registrationIdParameter],
    requestBody: jsonBody('ResendRequest'),
    responses: {
      202: { description: 'Queued', content: json(ref('ResendAccepted')) },
      400: refused(['invalid_json', 'validation_failed'], 'the body is not a JSON object, or link is not confirmation or manage'),
      404: noSuchRegistration,
      409: refused(['invalid_transition'], 'a confirmation link for a confirmed address, or a manage link for an unconfirmed one'),
      413: tooLarge,
      415: wrongMediaType.json,
      429: {
        description: 'too_many_requests: throttled, or the address has had its 3 e-mails this hour; retry after Retry-After seconds',
        headers: retryAfter(false, 'Seconds to wait'),
        content: json({ anyOf: [apiError(['too_many_requests']), ref('GatewayError')] }),
      },
      503: unavailable.json,
    },
  },
  'POST /events/{eventId}/registrations/bulk': {
    operationId: 'decideRegistrations',
    tags: ['organizers'],
    summary: `Approve or reject up to ${maxBulkItems} registrations at once, with one reason (staff who decide)`,
    description:
      'Each item is decided on its own, about the revision it names, exactly as one approve or reject is (mail included), and the answer says for each, in the order sent, ' +
      'whether it was done or skipped and why: precondition_failed (changed since: look again), invalid_transition (its status does not allow the decision), ' +
      'not_found, or service_unavailable (not decided now: send it again). A registration may be listed once.',
    parameters: [eventIdParameter],
    requestBody: jsonBody('BulkDecisionRequest'),
    responses: {
      200: { description: 'One result per item', content: json(ref('BulkDecisionResult')) },
      400: refused(['invalid_json', 'validation_failed'], `the body is not a JSON object, breaks the rules, has no item or more than ${maxBulkItems}, or lists a registration twice`),
      404: noSuchEvent,
      413: tooLarge,
      415: wrongMediaType.json,
      503: unavailable.json,
    },
  },
  'POST /events/{eventId}/registrations/{registrationId}/approve': {
    operationId: 'approveRegistration',
    tags: ['organizers'],
    summary: 'Approve a registration awaiting approval (organizers)',
    description:
      'Without a free seat it joins the waiting list, already approved. A registration corrected after approval (awaiting_reapproval) keeps its seat when approved again. ' +
      'If-Match must name the revision the organizer reviewed. The body is optional.',
    parameters: [eventIdParameter, registrationIdParameter, ifMatchParameter],
    requestBody: jsonBody('DecisionRequest', false),
    responses: decisionResponses(),
  },
  'POST /events/{eventId}/registrations/{registrationId}/reject': {
    operationId: 'rejectRegistration',
    tags: ['organizers'],
    summary: 'Reject a registration (organizers)',
    description:
      'With an optional reason, which the participant reads in the e-mail; a seat it held goes to the waiting list. ' +
      'If-Match must name the revision the organizer reviewed. The body is optional.',
    parameters: [eventIdParameter, registrationIdParameter, ifMatchParameter],
    requestBody: jsonBody('DecisionRequest', false),
    responses: decisionResponses(),
  },
  'GET /events/{eventId}/settings': {
    operationId: 'getEventSettings',
    tags: ['organizers'],
    summary: 'The event as stored, every setting (staff)',
    description: 'What PUT saved, defaults filled in: the console\'s edit form starts from it.',
    parameters: [eventIdParameter],
    responses: { 200: { description: 'The event', content: json(ref('Event')) }, 404: noSuchEvent, 503: unavailable.json },
  },
  'GET /events/{eventId}/stats': {
    operationId: 'eventStats',
    tags: ['organizers'],
    summary: 'Counts by status, category, country and day, seats left and the waiting list (staff)',
    description: 'From counters maintained with each change: one read, whatever the number of registrations.',
    parameters: [eventIdParameter],
    responses: { 200: { description: 'The figures', content: json(ref('EventStats')) }, 404: noSuchEvent, 503: unavailable.json },
  },
  'POST /events/{eventId}/reconcile': {
    operationId: 'reconcileEvent',
    tags: ['organizers'],
    summary: 'Recount the counters from the registrations and repair them (organizers)',
    description: 'Best run when the event is quiet. A body, if any, is ignored.',
    parameters: [eventIdParameter],
    responses: {
      200: { description: 'The counters before and after', content: json(ref('ReconcileReport')) },
      404: noSuchEvent,
      503: unavailable.json,
    },
  },
  'GET /me': {
    operationId: 'getMe',
    tags: ['organizers'],
    summary: 'Who is signed in, the roles their groups give, and what those allow (staff)',
    description: 'A token whose groups give no role is refused 403 here as on every staff route: the console shows "no access".',
    responses: { 200: { description: 'The signed-in member of staff', content: json(ref('SignedIn')) }, 503: unavailable.json },
  },
  'GET /confirm': {
    operationId: 'confirmPage',
    tags: ['registration'],
    summary: 'The page behind the e-mail link',
    description: 'It changes nothing (mail scanners open links); its button posts the token to POST /registrations/confirm.',
    parameters: [tokenQuery('The token from the confirmation link')],
    responses: {
      200: { description: 'The confirm page', content: page },
      400: { description: 'invalid_token: the invalid-link page', content: page },
      410: { description: 'token_expired: the expired-link page', content: page },
      503: unavailable.page,
    },
  },
  'POST /registrations/confirm': {
    operationId: 'confirmRegistration',
    tags: ['registration'],
    summary: 'Confirm a registration with the token from the e-mail',
    description:
      'Idempotent: a repeat answers the same and sends no second e-mail. A form post (the confirm page\'s button) gets a page, errors included, ' +
      'except a body too large or of another media type.',
    requestBody: jsonOrForm('ConfirmRequest', 'ConfirmForm'),
    responses: {
      200: { description: 'Confirmed: where the registration stands', content: { ...json(ref('ConfirmResult')), ...page } },
      400: refused(['invalid_json', 'validation_failed', 'invalid_token'], 'the body is not JSON or breaks the rules, or the token is unknown', 'json or page'),
      410: refused(['token_expired'], 'the link is older than its lifetime; the unconfirmed registration is deleted', 'json or page'),
      413: tooLarge,
      415: wrongMediaType.jsonOrForm,
      503: unavailable.jsonOrPage,
    },
  },
  'GET /manage': {
    operationId: 'managePage',
    tags: ['self-service'],
    summary: 'The participant\'s private page behind the manage link in every e-mail',
    description: 'It changes nothing; its forms post to the self-service routes.',
    parameters: [tokenQuery('The token from the manage link')],
    responses: {
      200: { description: 'The registration, with forms to correct, withdraw or erase it', content: page },
      400: refused(['invalid_token'], 'the invalid-link page', 'page'),
      410: refused(['token_expired'], 'the registration was never confirmed and its link is older than its lifetime; it is deleted', 'page'),
      503: unavailable.page,
    },
  },
  'GET /registrations/self': {
    operationId: 'ownRegistration',
    tags: ['self-service'],
    summary: 'The participant\'s registration, by manage token',
    description: 'What the manage page shows, as JSON: the registration, what may still be done, the waiting-list position.',
    parameters: [tokenQuery('The token from the manage link')],
    responses: {
      200: { description: 'The registration', content: json(ref('OwnRegistration')) },
      400: refused(['invalid_token'], 'the token is unknown, replaced or erased'),
      410: refused(['token_expired'], 'the registration was never confirmed and its link is older than its lifetime; it is deleted', 'json'),
      503: unavailable.json,
    },
  },
  'POST /registrations/update': {
    operationId: 'updateRegistration',
    tags: ['self-service'],
    summary: 'Correct the registration',
    description:
      'Open until organizers decide, and after an approval too: a correction to an approved registration sends it back for review (awaiting_reapproval) and keeps its seat. ' +
      'Closed once rejected or withdrawn, and for a registration confirmed before its event came to require approval. ' +
      'A form post (the manage page) gets the page back, errors included, except a body too large or of another media type.',
    requestBody: jsonOrForm('UpdateRequest', 'UpdateForm'),
    responses: {
      200: { description: 'The registration as now stored', content: { ...json(ref('OwnRegistration')), ...page } },
      400: refused(['invalid_json', 'validation_failed', 'invalid_token'], 'the body is not JSON, a change breaks the rules, or the token is unknown', 'json or page'),
      410: refused(['token_expired'], 'the registration was never confirmed and its link is older than its lifetime; it is deleted', 'json or page'),
      409: refused(['invalid_transition'], 'the registration cannot be changed online (rejected, withdrawn, or confirmed before its event came to require approval)', 'json or page'),
      413: tooLarge,
      415: wrongMediaType.jsonOrForm,
      503: unavailable.jsonOrPage,
    },
  },
  'POST /registrations/withdraw': {
    operationId: 'withdrawRegistration',
    tags: ['self-service'],
    summary: 'Withdraw; a seat it held goes to the waiting list',
    description: 'A form post (the manage page) gets a page, errors included, except a body too large or of another media type.',
    requestBody: jsonOrForm('TokenRequest', 'ManageForm'),
    responses: {
      200: { description: 'Withdrawn', content: { ...json(ref('Withdrawn')), ...page } },
      400: refused(['invalid_json', 'validation_failed', 'invalid_token'], 'the body is not JSON or breaks the rules, or the token is unknown', 'json or page'),
      410: refused(['token_expired'], 'the registration was never confirmed and its link is older than its lifetime; it is deleted', 'json or page'),
      409: refused(['invalid_transition'], 'already withdrawn, or rejected', 'json or page'),
      413: tooLarge,
      415: wrongMediaType.jsonOrForm,
      503: unavailable.jsonOrPage,
    },
  },
  'POST /registrations/erase': {
    operationId: 'eraseRegistration',
    tags: ['self-service'],
    summary: 'Erase the registration and its personal data',
    description: 'An anonymous count remains. A form post (the manage page) gets a page, errors included, except a body too large or of another media type.',
    requestBody: jsonOrForm('TokenRequest', 'ManageForm'),
    responses: {
      200: { description: 'Erased', content: { ...json(ref('Erased')), ...page } },
      400: refused(['invalid_json', 'validation_failed', 'invalid_token'], 'the body is not JSON or breaks the rules, or the token is unknown (also once erased)', 'json or page'),
      410: refused(['token_expired'], 'the registration was never confirmed and its link is older than its lifetime; it is deleted', 'json or page'),
      413: tooLarge,
      415: wrongMediaType.jsonOrForm,
      503: unavailable.jsonOrPage,
    },
  },
  'POST /events/{eventId}/uploads': {
    operationId: 'createUpload',
    tags: ['registration'],
    summary: 'Get a form to upload one file straight to the private bucket',
    description:
      'For a file or photo question of the event: a presigned POST (five minutes) for one key, the content type given and at most the question\'s size. ' +
      'POST the file there as multipart/form-data (the fields, then the file as the field named file), then ask for it to be checked ' +
      '(POST /events/{eventId}/uploads/{uploadId}/check). An upload never checked is deleted after a day.',
    parameters: [eventIdParameter],
    requestBody: jsonBody('UploadRequest'),
    responses: {
      201: { description: 'The form to post the file with', content: json(ref('UploadForm')) },
      400: refused(['invalid_json', 'validation_failed'], 'the body is not JSON, or names a type or size the question does not take'),
      404: refused(['event_not_found', 'not_found'], 'no such event, or the event asks no file or photo question of this id'),
      409: refused(['registration_closed'], 'outside the event\'s registration window'),
      413: tooLarge,
      415: wrongMediaType.json,
      503: unavailable.json,
    },
  },
  'GET /events/{eventId}/delegations': {
    operationId: 'listDelegations',
    tags: ['delegations'],
    summary: 'The event by delegation: quotas, focal points, nominees and who has not confirmed (staff)',
    description:
      'In the OSCE\'s order: participating States alphabetically in English, then Partners for Co-operation, then the entities organizers added. ' +
      'Lists every entity with a focal point, a nominee, a quota of its own or added by organizers.',
    parameters: [eventIdParameter],
    responses: { 200: { description: 'The delegations', content: json(ref('DelegationOverview')) }, 404: noSuchEvent, 503: unavailable.json },
  },
  'POST /events/{eventId}/delegations': {
    operationId: 'addDelegation',
    tags: ['delegations'],
    summary: 'Add a nominating entity: an international organization, a field operation, an NGO (organizers)',
    description: 'The participating States and Partners for Co-operation are nominating entities of every event already, by ISO code.',
    parameters: [eventIdParameter],
    requestBody: jsonBody('EntityInput'),
    responses: {
      201: { description: 'Added', content: json(ref('Entity')) },
      400: refused(['invalid_json', 'validation_failed'], 'the body is not JSON or breaks the rules'),
      404: noSuchEvent,
      409: refused(['entity_exists'], 'the event has an entity with this id'),
      413: tooLarge,
      415: wrongMediaType.json,
      503: unavailable.json,
    },
  },
  'POST /events/{eventId}/uploads/{uploadId}/check': {
    operationId: 'checkUpload',
    tags: ['registration'],
    summary: 'Check an uploaded file for its question',
    description:
      'By its bytes, whatever its name: a JPEG, PNG or PDF the question takes and the type it was uploaded as, within the question\'s size, ' +
      'a photo at least as large as asked and of the aspect asked (within 5 %). A passing file is kept without its metadata (EXIF, XMP, comments, PNG text) ' +
      'and may answer its question (send uploadId as the answer); a refused one is deleted. Checking again answers the same.',
    parameters: [eventIdParameter, { name: 'uploadId', in: 'path', required: true, description: 'uploadId from POST /events/{eventId}/uploads', schema: plain(uploadIdSchema) }],
    requestBody: jsonBody('CheckUploadRequest'),
    responses: {
      200: { description: 'The file passed', content: json(ref('CheckedUpload')) },
      400: refused(['invalid_json', 'validation_failed'], 'the body is not JSON'),
      404: refused(['event_not_found', 'not_found', 'upload_not_found'], 'no such event, no file or photo question of this id, or no upload with this id for this question'),
      413: tooLarge,
      415: wrongMediaType.json,
      422: refused(
        ['file_refused'],
        'the file is refused and deleted; issues[0].code says why: type_not_accepted, type_mismatch, too_large, empty, unreadable, photo_too_small, photo_aspect',
      ),
      503: unavailable.json,
    },
  },
  'GET /events/{eventId}/registrations/{registrationId}/files/{fieldId}': {
    operationId: 'registrationFile',
    tags: ['organizers'],
    summary: 'A short-lived download link of a registration\'s photo or letter (accreditation group)',
    description: 'Needs both the organizer group and the accreditation group. The link (a presigned GET) works for five minutes.',
    parameters: [eventIdParameter, registrationIdParameter, { name: 'fieldId', in: 'path', required: true, description: 'The id of the event\'s file or photo question', schema: { type: 'string' } }],
    responses: {
      200: { description: 'The link', content: json(ref('FileLink')) },
      403: refused(['forbidden'], 'the token lacks a staff role (organizers, moderators or viewers), or the accreditation group'),
      404: refused(['event_not_found', 'not_found'], 'no such event, or no such registration or file'),
      503: unavailable.json,
    },
  },
  'GET /events/{eventId}/delegations/{entityId}/letter': {
    operationId: 'nominationLetter',
    tags: ['delegations'],
    summary: 'A short-lived download link of a delegation\'s nomination letter (staff)',
    description: 'The link (a presigned GET) works for five minutes.',
    parameters: [eventIdParameter, { name: 'entityId', in: 'path', required: true, description: 'An ISO code of a participating State or Partner, or the id of an added entity', schema: { type: 'string' } }],
    responses: {
      200: { description: 'The link', content: json(ref('LetterLink')) },
      404: refused(['event_not_found', 'unknown_entity', 'not_found'], 'no such event, no such entity, or the delegation has no letter'),
      503: unavailable.json,
    },
  },
  'POST /events/{eventId}/delegations/focal-points': {
    operationId: 'inviteFocalPoints',
    tags: ['delegations'],
    summary: 'Invite focal points by e-mail: entity and address pairs (organizers)',
    description:
      'Each address gets a private link to its delegation\'s page, locked to that address and delegation, working for 30 days; inviting it again sends a fresh one. ' +
      'An unknown entity anywhere in the list refuses the whole list (nothing is sent).',
    parameters: [eventIdParameter],
    requestBody: jsonBody('FocalPointInvitations'),
    responses: {
      202: { description: 'Queued for the mail worker', content: json(ref('FocalPointsInvited')) },
      400: refused(['invalid_json', 'validation_failed'], 'the body is not JSON or breaks the rules'),
      404: refused(['event_not_found', 'unknown_entity'], 'no such event, or an entity it does not have (issues name the rows)'),
      413: tooLarge,
      415: wrongMediaType.json,
      503: unavailable.json,
    },
  },
  'POST /events/{eventId}/delegations/reminders': {
    operationId: 'remindNominees',
    tags: ['delegations'],
    summary: 'Remind the nominees who have not confirmed their registration, of one delegation or of all (staff who decide)',
    description:
      'Each nominee holding a place with no registration yet, or one whose address is not confirmed, gets a reminder in their language with a fresh invitation link ' +
      '(the mail worker sends it; earlier links keep working). At most one reminder per nominee in 24 hours: a nominee reminded more recently is counted as skipped, ' +
      'so sending the request again changes nothing.',
    parameters: [eventIdParameter],
    requestBody: jsonBody('ReminderRequest'),
    responses: {
      202: { description: 'Queued for the mail worker', content: json(ref('ReminderReport')) },
      400: refused(['invalid_json', 'validation_failed'], 'the body is not JSON or breaks the rules'),
      404: noSuchEntity,
      413: tooLarge,
      415: wrongMediaType.json,
      503: unavailable.json,
    },
  },
  'GET /events/{eventId}/delegations/export': {
    operationId: 'exportDelegations',
    tags: ['delegations'],
    summary: 'The event by delegation as XLSX (staff)',
    description: 'What GET /events/{eventId}/delegations lists, in its order: one row per nominee, a delegation without nominees on a row of its own.',
    parameters: [eventIdParameter],
    responses: {
      200: {
        description: 'The workbook',
        headers: { 'Content-Disposition': { description: 'attachment; filename="<eventId>-delegations.xlsx"', required: true, schema: { type: 'string' } } },
        content: {
          [xlsxMediaType]: {
            schema: {
              type: 'string',
              contentMediaType: xlsxMediaType,
              description: 'One worksheet: Delegation, Entity, Quota, Delegates taken, Heads taken, Focal points, Nominee, E-mail, Function, Role, Nominated by, Nomination, Registration',
            },
          },
        },
      },
      404: noSuchEvent,
      503: unavailable.json,
    },
  },
  'PATCH /events/{eventId}/delegations/{entityId}': {
    operationId: 'updateDelegation',
    tags: ['delegations'],
    summary: 'Set one entity\'s own quota, or lift it (organizers)',
    description: 'Places already taken stay taken; a lower quota only refuses new nominations.',
    parameters: [eventIdParameter, entityIdParameter],
    requestBody: jsonBody('DelegationQuotaChange'),
    responses: {
      200: { description: 'The delegation', content: json(ref('DelegationSummary')) },
      400: refused(['invalid_json', 'validation_failed'], 'the body is not JSON or breaks the rules'),
      404: noSuchEntity,
      413: tooLarge,
      415: wrongMediaType.json,
      503: unavailable.json,
    },
  },
  'POST /events/{eventId}/delegations/{entityId}/approve': {
    operationId: 'approveDelegation',
    tags: ['delegations'],
    summary: 'Approve a delegation at once: every registration of its nominees awaiting a decision (staff who decide)',
    description:
      'Each registration of a nominee holding a place that awaits approval (or re-approval) is approved as one approve is, mail included; the event\'s capacity holds, ' +
      'so beyond it an approved registration joins the waiting list (status waitlisted). The answer names every such nominee and, for those not approved, why: ' +
      'not_registered, unconfirmed (the address is not confirmed yet), not_awaiting_decision (approved already, or the event needs no approval), or the bulk decision\'s codes. ' +
      'It takes no body; sending it again approves nothing twice.',
    parameters: [eventIdParameter, entityIdParameter],
    responses: {
      200: { description: 'One result per nominee holding a place', content: json(ref('DelegationApproval')) },
      404: noSuchEntity,
      503: unavailable.json,
    },
  },
  'GET /events/{eventId}/participant-list': {
    operationId: 'participantList',
    tags: ['delegations'],
    summary: 'The official list of participants, by delegation, as PDF or XLSX (staff)',
    description:
      'Everyone holding a seat who consented to appear in the list (consents.participantList), grouped by delegation in the OSCE\'s order: ' +
      'participating States alphabetically in English, then Partners for Co-operation, then organizations; heads of delegation first, then by last name. ' +
      'A participant belongs to the delegation that nominated them, else to the State or Partner their form names, else to their organization.',
    parameters: [eventIdParameter, { name: 'format', in: 'query', required: false, description: 'pdf (the default) or xlsx', schema: { type: 'string', enum: ['pdf', 'xlsx'], default: 'pdf' } }],
    responses: {
      200: {
        description: 'The list',
        headers: { 'Content-Disposition': { description: 'attachment; filename="<eventId>-participants.pdf" (or .xlsx)', required: true, schema: { type: 'string' } } },
        content: {
          'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf', description: 'A4 pages: the event, then each delegation with its participants' } },
          [xlsxMediaType]: { schema: { type: 'string', contentMediaType: xlsxMediaType, description: 'One worksheet: Delegation, Name, Function, Organization, Head of delegation; in the PDF\'s order' } },
        },
      },
      400: refused(['validation_failed'], 'a query parameter other than format, or a format other than pdf and xlsx'),
      404: noSuchEvent,
      503: unavailable.json,
    },
  },
  'GET /events/{eventId}/registrations/{registrationId}/visa-letter': {
    operationId: 'visaLetter',
    tags: ['organizers'],
    summary: 'A participant\'s visa support letter, as PDF (staff)',
    description: 'For a registration holding a seat (confirmed, or approved where the event requires approval) whose participant asked for one where the form asks (visaLetter.requestedBy), with the event\'s letterhead and signatory (visaLetter), in the participant\'s language where a template exists (en, fr, ru), else in English.',
    parameters: [eventIdParameter, registrationIdParameter],
    responses: {
      200: { description: 'The letter', headers: { 'Content-Disposition': { description: 'attachment; filename="<eventId>-visa-letter-<reference>.pdf"', required: true, schema: { type: 'string' } } }, content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } } },
      404: noSuchRegistration,
      409: refused(['invalid_transition', 'visa_letter_not_requested'], 'invalid_transition: the registration holds no seat (unconfirmed, waiting, awaiting approval, rejected or withdrawn); visa_letter_not_requested: the event asks whether a letter is needed (visaLetter.requestedBy) and the participant did not answer yes'),
      503: unavailable.json,
    },
  },
  'GET /registrations/visa-letter': {
    operationId: 'ownVisaLetter',
    tags: ['self-service'],
    summary: 'The participant\'s own visa support letter, by manage token',
    description: 'What GET /events/{eventId}/registrations/{registrationId}/visa-letter gives organizers; the manage page links to it once the place is confirmed (and, where the form asks, the participant asked for one). Errors come as pages (a link opened in a browser).',
    parameters: [tokenQuery('The token from the manage link')],
    responses: {
      200: { description: 'The letter', headers: { 'Content-Disposition': { description: 'attachment; filename="<eventId>-visa-letter-<reference>.pdf"', required: true, schema: { type: 'string' } } }, content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } } },
      400: refused(['invalid_token'], 'the invalid-link page', 'page'),
      409: refused(['invalid_transition', 'visa_letter_not_requested'], 'the registration holds no seat, or the participant did not ask for a letter on the form'),
      410: refused(['token_expired'], 'the registration was never confirmed and its link is older than its lifetime; it is deleted', 'page'),
      503: unavailable.page,
    },
  },
  'GET /delegation': {
    operationId: 'delegationPage',
    tags: ['delegations'],
    summary: 'The focal point\'s private page behind the link in their e-mail',
    description:
      'It changes nothing; its forms post to POST /delegations/nominate, /delegations/withdraw and /delegations/letter, and (while nominations are open) its letter form posts a PDF straight to the uploads bucket, which the page\'s Content-Security-Policy names in form-action. In the focal point\'s language.',
    parameters: [
      tokenQuery('The token from the focal point\'s link'),
      { name: 'letter', in: 'query', required: false, description: 'Set by the bucket\'s redirect after a letter upload: the page then offers to attach that upload. Anything but an upload id is ignored', schema: { type: 'string' } },
      ...['bucket', 'key', 'etag'].map((name) => ({ name, in: 'query', required: false, description: 'Added by the bucket\'s redirect; ignored', schema: { type: 'string' } })),
    ],
    responses: {
      200: { description: 'The delegation, its nominees and a form to nominate', content: page },
      404: refused(['invalid_token'], 'the link is not valid', 'page'),
      410: refused(['token_expired'], 'the link is older than its lifetime', 'page'),
      503: unavailable.page,
    },
  },
  'GET /delegations/self': {
    operationId: 'ownDelegation',
    tags: ['delegations'],
    summary: 'The focal point\'s delegation, by token',
    description: 'What the delegation page shows, as JSON.',
    parameters: [tokenQuery('The token from the focal point\'s link')],
    responses: {
      200: { description: 'The delegation', content: json(ref('OwnDelegation')) },
      404: refused(['invalid_token'], 'the link is not valid'),
      410: refused(['token_expired'], 'the link is older than its lifetime'),
      503: unavailable.json,
    },
  },
  'POST /delegations/nominate': {
    operationId: 'nominateDelegate',
    tags: ['delegations'],
    summary: 'Nominate a delegate: within the quota they are invited, beyond it they join the delegation\'s waiting list',
    description:
      'The nominee gets an invitation to the registration form, fills it in and confirms it themselves. ' +
      'A head of delegation beyond the heads\' quota is refused (409 quota_exceeded); any other nominee beyond the quota is waitlisted. ' +
      'A form post (the delegation page) gets the page back, errors included, except a body too large or of another media type.',
    requestBody: jsonOrForm('NominationRequest', 'NominationForm'),
    responses: {
      200: { description: 'The delegation page, with the outcome (form posts)', content: page },
      201: { description: 'Nominated or waitlisted', content: json(ref('NominationResult')) },
      400: refused(['invalid_json', 'validation_failed'], 'the body is not JSON or breaks the rules', 'json or page'),
      404: refused(['invalid_token'], 'the link is not valid', 'json or page'),
      409: refused(['nominations_closed', 'quota_exceeded', 'already_nominated'], 'past the deadline, no head of delegation left in the quota, or the address is nominated to this event already (by any delegation)', 'json or page'),
      410: refused(['token_expired'], 'the link is older than its lifetime', 'json or page'),
      413: tooLarge,
      415: wrongMediaType.jsonOrForm,
      503: unavailable.jsonOrPage,
    },
  },
  'POST /delegations/withdraw': {
    operationId: 'withdrawNomination',
    tags: ['delegations'],
    summary: 'Withdraw a nominee until the deadline; a freed place goes to the delegation\'s waiting list',
    description: 'Idempotent. A form post (the delegation page) gets the page back, errors included, except a body too large or of another media type.',
    requestBody: jsonOrForm('NominationWithdrawal', 'NominationWithdrawalForm'),
    responses: {
      200: { description: 'Withdrawn', content: { ...json(ref('Nomination')), ...page } },
      400: refused(['invalid_json', 'validation_failed'], 'the body is not JSON or breaks the rules', 'json or page'),
      404: refused(['invalid_token', 'not_found'], 'the link is not valid, or the delegation has no such nominee', 'json or page'),
      409: refused(['nominations_closed'], 'past the deadline', 'json or page'),
      410: refused(['token_expired'], 'the link is older than its lifetime', 'json or page'),
      413: tooLarge,
      415: wrongMediaType.jsonOrForm,
      503: unavailable.jsonOrPage,
    },
  },
  'POST /delegations/letter': {
    operationId: 'attachNominationLetter',
    tags: ['delegations'],
    summary: 'Attach the uploaded PDF as the delegation\'s nomination letter, until the deadline',
    description:
      'The delegation page\'s letter form posts the PDF straight to the bucket (a presigned POST the page signs: one PDF of at most 10 MB, for 30 minutes), which sends the browser back to GET /delegation with ?letter=<uploadId>; this checks the file by its bytes (a real PDF), keeps it without metadata and records it, replacing an earlier letter. Attaching the same upload again answers the same. A form post gets the page back, errors included, except a body too large or of another media type.',
    requestBody: jsonOrForm('LetterAttachment', 'LetterAttachmentForm'),
    responses: {
      200: { description: 'Attached', content: { ...json(ref('AttachedLetter')), ...page } },
      400: refused(['invalid_json', 'validation_failed'], 'the body is not JSON or breaks the rules', 'json or page'),
      404: refused(['invalid_token', 'upload_not_found'], 'the link is not valid, or no uploaded letter has this id (upload it again)', 'json or page'),
      409: refused(['nominations_closed'], 'past the deadline', 'json or page'),
      410: refused(['token_expired'], 'the link is older than its lifetime', 'json or page'),
      413: tooLarge,
      415: wrongMediaType.jsonOrForm,
      422: refused(['file_refused'], 'the file is not a PDF by its bytes, or larger than 10 MB: it is deleted', 'json or page'),
      503: unavailable.jsonOrPage,
    },
  },
  'GET /openapi.json': {
    operationId: 'openapi',
    tags: ['documentation'],
    summary: 'This document',
    description: 'Generated from the schemas the handlers validate with. Cached for five minutes.',
    responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
  },
};

function decisionResponses(): JsonSchema {
  return {
    200: {
      description: 'The registration after the decision, with its history',
      headers: etag('The new revision, quoted: If-Match for the next decision'),
      content: json(ref('DecidedRegistration')),
    },
    400: refused(['invalid_json', 'validation_failed'], 'the body is not a JSON object, has unknown fields, the reason breaks the rules, or If-Match is not a revision'),
    404: noSuchRegistration,
    409: refused(['invalid_transition'], 'the registration\'s status does not allow this decision'),
    412: stale,
    413: tooLarge,
    415: wrongMediaType.json,
    428: ifMatchMissing,
    503: unavailable.json,
  };
}

const tags = [
  { name: 'events', description: 'What the public reads about events' },
  { name: 'registration', description: 'Registering and confirming by e-mail' },
  { name: 'self-service', description: 'What the private manage link in every e-mail allows' },
  { name: 'organizers', description: 'The secretariat\'s console: events, registrations, decisions, exports and figures, with a staff token (organizers, moderators, viewers)' },
  { name: 'delegations', description: 'Nominating entities, their focal points and the delegates they nominate against quotas' },
  { name: 'documentation', description: 'This description' },
];

/**
 * The operation as the route table makes it: who may call it (the roles, also in words and as
 * x-roles), and the refusals before the handler. An operation that refuses with 429 for a reason of
 * its own documents that 429 itself (its body is the throttled one's).
 */
function withGatewayAnswers(route: Route, operation: JsonSchema): JsonSchema {
  const { responses, description, ...rest } = operation;
  const forStaff = isForStaff(route);
  const guarded = forStaff ? { 401: unauthorized, 403: forbiddenUnless(route.roles) } : {};
  // An operation that checks a second group (the accreditation group) says so in its own 403.
  const ordered = Object.entries({ ...responses, ...guarded, ...(responses[403] ? { 403: responses[403] } : {}), 429: responses[429] ?? throttled }).sort(([a], [b]) => Number(a) - Number(b));
  return {
    ...rest,
    description: forStaff ? `${description} Roles: ${route.roles.join(', ')}.` : description,
    security: forStaff ? [{ organizerJwt: [] }] : [],
    ...(forStaff ? { 'x-roles': [...route.roles] } : {}),
    responses: Object.fromEntries(ordered),
  };
}

/** The component names a part of the document refers to, and the ones those refer to in turn. */
function referenced(start: unknown, schemas: Record<string, JsonSchema>): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
          const id = value.slice('#/components/schemas/'.length);
          if (!found.has(id)) {
            found.add(id);
            visit(schemas[id]);
          }
        } else visit(value);
      }
    }
  };
  visit(start);
  return found;
}

/**
 * The components: what a client sends as Zod reads it (input: defaults optional), what the API
 * answers as Zod produces it (output: defaults filled in). A component both sides use must read the
 * same either way, or the document would say two things under one name.
 */
function components(paths: Record<string, Record<string, JsonSchema>>): Record<string, JsonSchema> {
  const inputs = componentSchemas('input');
  const outputs = componentSchemas('output');
  const operationsList = Object.values(paths).flatMap((methods) => Object.values(methods));
  const sent = referenced(operationsList.map((operation) => [operation.requestBody, operation.parameters]), inputs);
  const answered = referenced([operationsList.map((operation) => operation.responses), sharedResponses], outputs);
  const schemas: Record<string, JsonSchema> = {};
  // In the registry's order, which follows the modules: the shared parts, the event, the form, the contract.
  for (const id of Object.keys(outputs)) {
    if (sent.has(id) && answered.has(id) && JSON.stringify(inputs[id]) !== JSON.stringify(outputs[id])) {
      throw new Error(`${id} is both sent and answered, and reads differently as input and output`);
    }
    if (sent.has(id)) schemas[id] = inputs[id]!;
    else if (answered.has(id)) schemas[id] = outputs[id]!;
  }
  return schemas;
}

export function openApiDocument(serverUrl: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const operation = operations[`${route.method} ${route.path}`];
    if (!operation) throw new Error(`No OpenAPI description for ${route.method} ${route.path}`);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = withGatewayAnswers(route, operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'conference-registration',
      version: '1.0.0',
      description:
        'Registration for intergovernmental conferences: submit, confirm by e-mail, review as an organizer.\n\n' +
        'Text fields (names, organization, position, phone, the address, free text and reasons) are trimmed of surrounding white space ' +
        'before their rules apply, and must be well-formed Unicode; a zero-width joiner or non-joiner may only stand between two letters. ' +
        'Where a schema gives a pattern beside its format, the pattern is what the API checks, and the format names the kind of value ' +
        '(the address\'s pattern takes a domain label that ends in a hyphen, which RFC 5321 does not). ' +
        'A JSON body refuses fields its schema does not list (a form post\'s other fields are ignored). Errors have one shape (Error); clients key on the status code and error.code.',
      license: { name: 'UNLICENSED' },
    },
    servers: [{ url: serverUrl }],
    tags,
    paths,
    components: {
      schemas: components(paths),
      responses: sharedResponses,
      securitySchemes: {
        organizerJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An access or ID token of the Cognito user pool whose cognito:groups claim holds the group of a role the operation admits (x-roles): ' +
            'organizers (everything), moderators (read, export, decide, resend links), viewers (read and export); the group names are settings',
        },
      },
    },
  };
}
