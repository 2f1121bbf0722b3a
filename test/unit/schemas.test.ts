import { describe, expect, it } from 'vitest';
import { toApiIssues } from '#shared/model/errors.ts';
import { partnersForCooperation, participatingStates } from '#shared/model/osce.ts';
import { registrationInputSchema } from '#shared/model/registration-schema.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { validForm } from '../support/fixtures.ts';
import { eventInputSchema, eventSchema } from '#shared/model/event-schema.ts';
import { listQuerySchema, updateRequestSchema } from '#shared/http/contract.ts';
import { countryCode, knownRegionCodes, knownTimeZones, ianaTimeZone } from '#shared/model/schema-parts.ts';

describe('Schema: registrationInputSchema', () => {
  it('knows the 57 participating States and the 11 Partners for Co-operation', () => {
    expect(participatingStates).toHaveLength(57);
    expect(partnersForCooperation).toHaveLength(11);
  });

  it.each(participatingStates.map((state) => state.code))('accepts participating State %s', (country) => {
    expect(registrationInputSchema.safeParse(validForm({ country })).success).toBe(true);
  });

  it.each(partnersForCooperation.map((partner) => partner.code))('accepts Partner %s only as a Partner', (country) => {
    expect(registrationInputSchema.safeParse(validForm({ category: 'partner_for_cooperation', country })).success).toBe(true);
    expect(registrationInputSchema.safeParse(validForm({ category: 'participating_state', country })).success).toBe(false);
  });

  it('trims text, defaults the language and the optional consents', () => {
    // Act
    const parsed = registrationInputSchema.parse(
      validForm({ firstName: '  Anna ', language: undefined, consents: { privacyNotice: true } }),
    );

    // Assess
    expect(parsed.firstName).toBe('Anna');
    expect(parsed.language).toBe('en');
    expect(parsed.consents).toEqual({ privacyNotice: true, participantList: false, photography: false });
  });

  it('refuses control characters and line breaks in names', () => {
    for (const firstName of ['Anna\u0000', 'An\nna', 'An\u2028na']) {
      expect(registrationInputSchema.safeParse(validForm({ firstName })).success).toBe(false);
    }
  });

  it('turns Zod issues into dotted paths, one per unknown key', () => {
    // Act
    const result = registrationInputSchema.safeParse(validForm({ consents: { privacyNotice: false, extra: 1 }, a: 1, b: 2 }));

    // Assess
    expect(result.success).toBe(false);
    const paths = toApiIssues(result.error!).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['consents.privacyNotice', 'consents.extra', 'a', 'b']));
  });
});

describe('Schema: eventSchema', () => {
  it('accepts the seed event, whose window is open on both sides', () => {
    expect(eventSchema.parse(seedEvent).registration).toEqual({});
  });

  it('refuses an event that ends before it starts or closes before it opens', () => {
    const result = eventSchema.safeParse({
      ...seedEvent,
      endDate: '2017-07-09',
      registration: { opensAt: '2017-06-01T00:00:00Z', closesAt: '2017-05-01T00:00:00Z' },
    });
    expect(result.success).toBe(false);
    expect(toApiIssues(result.error!).map((issue) => issue.path)).toEqual(['endDate', 'registration.closesAt']);
  });
});

describe('Schema: listQuerySchema', () => {
  it('defaults the page size to 50 and reads it from the query string', () => {
    expect(listQuerySchema.parse({}).limit).toBe(50);
    expect(listQuerySchema.parse({ limit: '100' }).limit).toBe(100);
  });
});

describe('Schema: eventInputSchema (the body of PUT /events/{eventId})', () => {
  it.each([
    ['the seed event without its id', (({ id: _id, ...rest }) => rest)(seedEvent)],
    ['the seed event with its id', seedEvent],
    ['an event that ends before it starts', { ...seedEvent, endDate: '2017-07-09' }],
    ['an event inviting a category twice', { ...seedEvent, categories: ['civil_society', 'civil_society'] }],
    ['an event with an unknown field', { ...seedEvent, venueUrl: 'https://example.org' }],
  ])('judges %s as eventSchema does once the path\'s id is in it', (_label, body) => {
    // Act
    const asBody = eventInputSchema.safeParse(body).success;
    const asEvent = eventSchema.safeParse({ ...body, id: seedEvent.id }).success;

    // Assess
    expect(asBody).toBe(asEvent);
  });
});

describe('Schema: updateRequestSchema', () => {
  it('parses a correction to exactly what was sent: no default filled in, nothing reset', () => {
    // Act
    const parsed = updateRequestSchema.parse({ token: 't', changes: { position: ' Head of Unit ', consents: { photography: true }, title: null } });

    // Assess
    expect(parsed.changes).toEqual({ position: 'Head of Unit', consents: { photography: true }, title: null });
  });

  it('refuses the address, the honeypot, null for a required field and unknown fields, each by its path', () => {
    // Act
    const result = updateRequestSchema.safeParse({ token: 't', changes: { email: 'x@example.org', website: 'x', firstName: null, nickname: 'A' } });

    // Assess
    expect(toApiIssues(result.error!).map((issue) => issue.path).sort()).toEqual(['changes.email', 'changes.firstName', 'changes.nickname', 'changes.website']);
  });
});

describe('Schema parts: the lists the document gives', () => {
  it('lists exactly the country codes countryCode accepts', () => {
    // Prepare
    const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
    const pairs = letters.flatMap((first) => letters.map((second) => first + second));

    // Act
    const listed = new Set(knownRegionCodes());

    // Assess
    expect(listed.size).toBeGreaterThan(240);
    for (const code of pairs) expect(countryCode.safeParse(code).success, code).toBe(listed.has(code));
  });

  it('lists time zones ianaTimeZone accepts, UTC and Europe/Vienna among them', () => {
    // Act
    const zones = knownTimeZones();

    // Assess
    expect(zones).toEqual(expect.arrayContaining(['UTC', 'Europe/Vienna']));
    for (const zone of zones) expect(ianaTimeZone.safeParse(zone).success, zone).toBe(true);
  });
});
