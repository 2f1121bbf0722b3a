// The OpenAPI 3.1 description, generated from the same Zod schemas the handlers validate with, so the
// documentation cannot promise a field the API rejects.
import * as z from 'zod/mini';
// Each schema registers itself under its id in Zod's global registry when its module loads; the
// components are listed in that order: the form, the event, then the rest of the contract.
import '../model/registration-schema.ts';
import '../model/event-schema.ts';
import { listQuerySchema } from './contract.ts';
import { maxBodyBytes } from './request.ts';
import { routes } from './routes.ts';

type JsonSchema = Record<string, unknown>;

function componentSchemas(io: 'input' | 'output'): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonSchema;
      return [id, rest];
    }),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const jsonContent = (id: string) => ({ 'application/json': { schema: ref(id) } });
const errorResponse = (description: string) => ({ description, content: jsonContent('Error') });

const errors = {
  400: errorResponse('invalid_json, validation_failed, invalid_token or invalid_cursor'),
  401: errorResponse('unauthorized: no valid organizer token'),
  403: errorResponse('forbidden: the token lacks the organizers group'),
  404: errorResponse('event_not_found or not_found'),
  409: errorResponse('registration_closed'),
  410: errorResponse('token_expired'),
  413: errorResponse(`payload_too_large: body over ${maxBodyBytes} bytes`),
  415: errorResponse('unsupported_media_type'),
  429: { description: 'too many requests: throttled at the gateway' },
  503: errorResponse('service_unavailable: retry after the Retry-After seconds'),
};

const eventIdParameter = {
  name: 'eventId',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$' },
  example: 'osce-drugs-2017',
};

function listParameters(): JsonSchema[] {
  const { properties = {} } = z.toJSONSchema(listQuerySchema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchema>;
  };
  return Object.entries(properties).map(([name, schema]) => ({ name, in: 'query', required: false, schema }));
}

const registrationIdParameter = { name: 'registrationId', in: 'path', required: true, schema: { type: 'string' } };
const organizerOnly = { security: [{ organizerJwt: [] }] };
const tokenQuery = { name: 'token', in: 'query', required: true, schema: { type: 'string' } };
const htmlPage = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const selfServiceBody = (id: string) => ({
  required: true,
  content: {
    'application/json': { schema: ref(id) },
    'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { token: { type: 'string' } }, required: ['token'] } },
  },
});

const operations: Record<string, JsonSchema> = {
  'GET /events': {
    operationId: 'listEvents',
    summary: 'Every event, with whether registration is open',
    responses: { 200: { description: 'The events', content: jsonContent('EventList') } },
  },
  'PUT /events/{eventId}': {
    operationId: 'putEvent',
    summary: 'Create or replace an event (organizers)',
    description: 'Raising the capacity promotes waitlisted registrations at once.',
    ...organizerOnly,
    parameters: [eventIdParameter],
    requestBody: { required: true, content: jsonContent('Event') },
    responses: {
      200: { description: 'Replaced', content: jsonContent('Event') },
      201: { description: 'Created', content: jsonContent('Event') },
      400: errors[400],
      401: errors[401],
      403: errors[403],
      415: errors[415],
    },
  },
  'POST /events/{eventId}/registrations/{registrationId}/approve': {
    operationId: 'approveRegistration',
    summary: 'Approve a registration awaiting approval (organizers); without a free seat it joins the waiting list',
    ...organizerOnly,
    parameters: [eventIdParameter, registrationIdParameter],
    requestBody: { required: false, content: jsonContent('DecisionRequest') },
    responses: { 200: { description: 'The registration, with its history' }, 401: errors[401], 403: errors[403], 404: errors[404], 409: errorResponse('invalid_transition') },
  },
  'POST /events/{eventId}/registrations/{registrationId}/reject': {
    operationId: 'rejectRegistration',
    summary: 'Reject a registration (organizers), with an optional reason; a freed seat goes to the waiting list',
    ...organizerOnly,
    parameters: [eventIdParameter, registrationIdParameter],
    requestBody: { required: false, content: jsonContent('DecisionRequest') },
    responses: { 200: { description: 'The registration, with its history' }, 401: errors[401], 403: errors[403], 404: errors[404], 409: errorResponse('invalid_transition') },
  },
  'GET /events/{eventId}/stats': {
    operationId: 'eventStats',
    summary: 'Counts by status, category and country, seats left and the waiting list (organizers)',
    ...organizerOnly,
    parameters: [eventIdParameter],
    responses: { 200: { description: 'The figures, from maintained counters' }, 401: errors[401], 403: errors[403], 404: errors[404] },
  },
  'POST /events/{eventId}/reconcile': {
    operationId: 'reconcileEvent',
    summary: 'Recount the counters from the registrations and repair them (organizers)',
    ...organizerOnly,
    parameters: [eventIdParameter],
    responses: { 200: { description: 'The counters before and after' }, 401: errors[401], 403: errors[403], 404: errors[404] },
  },
  'GET /manage': {
    operationId: 'managePage',
    summary: 'The participant\'s private page behind the manage link in every e-mail; it changes nothing',
    parameters: [tokenQuery],
    responses: { 200: htmlPage('The registration, with forms to correct, withdraw or erase it'), 400: htmlPage('Invalid link') },
  },
  'GET /registrations/self': {
    operationId: 'ownRegistration',
    summary: 'The participant\'s registration, by manage token',
    parameters: [tokenQuery],
    responses: { 200: { description: 'The registration, what may still be done, the waiting-list position' }, 400: errors[400] },
  },
  'POST /registrations/update': {
    operationId: 'updateRegistration',
    summary: 'Correct the registration while it is not yet approved',
    requestBody: selfServiceBody('UpdateRequest'),
    responses: { 200: { description: 'The registration as now stored' }, 400: errors[400], 409: errorResponse('invalid_transition') },
  },
  'POST /registrations/withdraw': {
    operationId: 'withdrawRegistration',
    summary: 'Withdraw; a seat it held goes to the waiting list',
    requestBody: selfServiceBody('TokenRequest'),
    responses: { 200: { description: '{"status":"withdrawn"}' }, 400: errors[400], 409: errorResponse('invalid_transition') },
  },
  'POST /registrations/erase': {
    operationId: 'eraseRegistration',
    summary: 'Erase the registration and its personal data (an anonymous count remains)',
    requestBody: selfServiceBody('TokenRequest'),
    responses: { 200: { description: '{"status":"erased"}' }, 400: errors[400] },
  },
  'GET /events/{eventId}': {
    operationId: 'getEvent',
    summary: 'Public facts of an event, and whether registration is open',
    parameters: [eventIdParameter],
    responses: { 200: { description: 'The event', content: jsonContent('PublicEvent') }, 404: errors[404] },
  },
  'POST /events/{eventId}/registrations': {
    operationId: 'submitRegistration',
    summary: 'Register for an event',
    description:
      'Always answers 202 with the same body, whether the address is new, pending or already confirmed (no enumeration). ' +
      'A new or pending address receives a confirmation link, a confirmed one a reminder that it is registered. ' +
      'At most 3 e-mails an hour go to one address.',
    parameters: [eventIdParameter],
    requestBody: { required: true, content: jsonContent('RegistrationInput') },
    responses: {
      202: { description: 'Accepted: check your e-mail', content: jsonContent('SubmitAccepted') },
      400: errors[400],
      404: errors[404],
      409: errors[409],
      413: errors[413],
      415: errors[415],
      429: errors[429],
      503: errors[503],
    },
  },
  'GET /confirm': {
    operationId: 'confirmPage',
    summary: 'The page behind the e-mail link; it changes nothing, its button confirms',
    parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
    responses: {
      200: { description: 'Confirm page (HTML)', content: { 'text/html': { schema: { type: 'string' } } } },
      400: { description: 'Invalid link page (HTML)', content: { 'text/html': { schema: { type: 'string' } } } },
      410: { description: 'Expired link page (HTML)', content: { 'text/html': { schema: { type: 'string' } } } },
    },
  },
  'POST /registrations/confirm': {
    operationId: 'confirmRegistration',
    summary: 'Confirm a registration with the token from the e-mail',
    description: 'Idempotent: a repeat answers the same and sends no second e-mail. A form post gets an HTML page.',
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: ref('ConfirmRequest') },
        'application/x-www-form-urlencoded': {
          schema: { type: 'object', properties: { token: { type: 'string' }, lang: { type: 'string' } }, required: ['token'] },
        },
      },
    },
    responses: {
      200: { description: 'Confirmed', content: { ...jsonContent('ConfirmResult'), 'text/html': { schema: { type: 'string' } } } },
      400: errors[400],
      410: errors[410],
      413: errors[413],
      415: errors[415],
      503: errors[503],
    },
  },
  'GET /events/{eventId}/registrations': {
    operationId: 'listRegistrations',
    summary: 'Registrations of an event, for organizers',
    description:
      'A page in registration order. Filters may leave a page short; follow nextCursor until it is null. ' +
      'With Accept: text/csv, every matching registration as RFC 4180 CSV (no paging).',
    security: [{ organizerJwt: [] }],
    parameters: [eventIdParameter, ...listParameters()],
    responses: {
      200: {
        description: 'A page of registrations, or the CSV export',
        content: { ...jsonContent('RegistrationPage'), 'text/csv': { schema: { type: 'string' } } },
      },
      400: errors[400],
      401: errors[401],
      403: errors[403],
      404: errors[404],
    },
  },
  'GET /openapi.json': {
    operationId: 'openapi',
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
  },
};

export function openApiDocument(serverUrl: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const operation = operations[`${route.method} ${route.path}`];
    if (!operation) throw new Error(`No OpenAPI description for ${route.method} ${route.path}`);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  const inputs = componentSchemas('input');
  const outputs = componentSchemas('output');
  return {
    openapi: '3.1.0',
    info: {
      title: 'conference-registration',
      version: '1.0.0',
      description: 'Registration for intergovernmental conferences: submit, confirm by e-mail, review as an organizer.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: {
        ...outputs,
        RegistrationInput: inputs.RegistrationInput,
        ConfirmRequest: inputs.ConfirmRequest,
        ListQuery: inputs.ListQuery,
        Event: inputs.Event,
        UpdateRequest: inputs.UpdateRequest,
        TokenRequest: inputs.TokenRequest,
        DecisionRequest: inputs.DecisionRequest,
      },
      securitySchemes: {
        organizerJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'An access or ID token of the Cognito user pool whose cognito:groups claim contains organizers',
        },
      },
    },
  };
}
