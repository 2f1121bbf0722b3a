import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationInputSchema } from '#shared/model/registration-schema.ts';
import { standardForm } from '#shared/model/form-definition.ts';
import { routes } from '#shared/http/routes.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

describe('GET /events/{eventId}', () => {
  it('shows the seed event, open for registration today, with its categories', async () => {
    // Act
    const response = await api.request('/events/osce-drugs-2017');

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: 'osce-drugs-2017',
      title: '2017 OSCE-wide Conference on Combating the Threat of Illicit Drugs and the Diversion of Chemical Precursors',
      subtitle: 'Nexus between Illicit Drugs, Organized Crime and Terrorism',
      organizer: 'OSCE Transnational Threats Department / Strategic Police Matters Unit',
      venue: { name: 'Hofburg (Neuer Saal)', city: 'Vienna', country: 'AT' },
      startDate: '2017-07-10',
      endDate: '2017-07-11',
      timeZone: 'Europe/Vienna',
      registration: { open: true },
      categories: [
        'participating_state',
        'partner_for_cooperation',
        'osce_executive_structure',
        'osce_field_operation',
        'international_organization',
        'civil_society',
      ],
      approval: 'none',
      languages: ['en', 'fr', 'de', 'it', 'ru', 'es'],
      form: standardForm,
      accreditationRetentionDays: 30,
    });
  });

  it('says when registration is closed', async () => {
    // Prepare
    await runtime().events.put({ ...seedEvent, id: 'closed-2020', registration: { closesAt: '2020-06-30T22:00:00Z' } });

    // Act
    const body = (await (await api.request('/events/closed-2020')).json()) as { registration: { open: boolean; closesAt: string } };

    // Assess
    expect(body.registration).toEqual({ open: false, closesAt: '2020-06-30T22:00:00Z' });
  });

  it.each(['no-such-event', 'UPPER', '-bad-', 'a'.repeat(70), '%E2%82%AC'])('answers /events/%s with 404 event_not_found', async (id) => {
    // Act
    const response = await api.request(`/events/${id}`);

    // Assess
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('event_not_found');
  });
});

describe('routes', () => {
  it.each(['/events/osce-drugs-2017/registrations/extra/more', '/admin', '/registrations'])('answers GET %s with 404 not_found', async (path) => {
    // Act
    const response = await api.request(path);

    // Assess
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it.each([
    ['DELETE', '/events/osce-drugs-2017', 'GET, PUT'],
    ['PUT', '/events/osce-drugs-2017/registrations', 'POST, GET'],
    ['GET', '/registrations/confirm', 'POST'],
    ['POST', '/confirm', 'GET'],
  ])('answers %s %s with 405 method_not_allowed and an Allow header', async (method, path, allow) => {
    // Act
    const response = await api.request(path, { method });

    // Assess
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
  });

  it('sends security headers on answers and errors alike', async () => {
    // Act
    const answers = [await api.request('/events/osce-drugs-2017'), await api.request('/nowhere'), await api.request('/confirm?token=x')];

    // Assess
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });
});

describe('GET /openapi.json', () => {
  it('describes every route in OpenAPI 3.1 from the same schema the handler validates with', async () => {
    // Act
    const response = await api.request('/openapi.json');

    // Assess
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
    };
    expect(document.openapi).toBe('3.1.0');
    for (const route of routes) expect(document.paths[route.path]?.[route.method.toLowerCase()]).toBeDefined();
    expect(document.paths['/events/{eventId}/registrations']?.get?.security).toEqual([{ organizerJwt: [] }]);
    const input = document.components.schemas.RegistrationInput!;
    const requiredByZod = Object.entries(registrationInputSchema.shape)
      .filter(([, field]) => !field.safeParse(undefined).success)
      .map(([name]) => name);
    expect(input.required?.sort()).toEqual(requiredByZod.sort());
    expect(input.required).toEqual(expect.arrayContaining(['firstName', 'lastName', 'email', 'category', 'organization', 'consents']));
    expect(Object.keys(input.properties ?? {})).toContain('website');
    expect(document.components.schemas.Error).toBeDefined();
  });
});
