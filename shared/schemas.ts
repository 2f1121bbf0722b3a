// The single source of truth for what the API accepts and returns. Handlers validate with these
// schemas, the types below are inferred from them, and GET /openapi.json is generated from them.
import * as z from 'zod/mini';
import { languages } from './languages.ts';
import { participatingStateCodes, partnerCodes } from './osce.ts';
import { eventIdPattern } from './event-id.ts';

export const categories = [
  'participating_state',
  'partner_for_cooperation',
  'osce_executive_structure',
  'osce_field_operation',
  'international_organization',
  'civil_society',
] as const;
export type Category = (typeof categories)[number];

export const titles = ['Mr', 'Ms', 'Mx', 'Dr', 'Prof', 'H.E.'] as const;

export const registrationStatuses = [
  'pending_confirmation',
  'confirmed',
  'waitlisted',
  'awaiting_approval',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

// Control characters have no place in a name or an address and break CSV, e-mail headers and logs.
const noControlCharacters = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const noLineBreaks = /^[^\r\n\u2028\u2029]*$/;

// zod/mini: the same rules as classic Zod in functions instead of methods, so a bundle carries only
// the checks it uses (about 15 KB instead of 85 KB in every function and in the page).
const about = (meta: Record<string, unknown>) => z.meta(meta);
const required = (max: number, message = `At most ${max} characters`) => [z.minLength(1, 'Required'), z.maxLength(max, message)] as const;

function singleLine(max: number, description: string) {
  return z
    .string()
    .check(
      z.trim(),
      ...required(max),
      z.regex(noControlCharacters, 'Contains characters that are not allowed'),
      z.regex(noLineBreaks, 'Must be a single line'),
      about({ description }),
    );
}

function freeText(max: number, description: string) {
  return z
    .string()
    .check(
      z.trim(),
      z.maxLength(max, `At most ${max} characters`),
      z.regex(noControlCharacters, 'Contains characters that are not allowed'),
      about({ description }),
    );
}

/** An ISO 3166-1 alpha-2 code that the runtime's ICU data knows as a region (e.g. "AT"). */
export const countryCode = z
  .string()
  .check(
    z.regex(/^[A-Z]{2}$/, 'Must be an ISO 3166-1 alpha-2 code such as AT'),
    z.refine(isKnownRegion, 'Not a known ISO 3166-1 country code'),
    about({ description: 'ISO 3166-1 alpha-2 country code', example: 'AT' }),
  );

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
function isKnownRegion(code: string): boolean {
  try {
    return regionNames.of(code) !== code;
  } catch {
    return false;
  }
}

export const isoDate = z.iso.date('Must be a date such as 2017-07-10').check(about({ example: '2017-07-10' }));
const isoDateTime = z.iso.datetime({ offset: true, message: 'Must be a date and time such as 2017-06-30T23:59:59Z' });

export const registrationInputSchema = z
  .strictObject({
    title: z.optional(z.enum(titles).check(about({ description: 'Form of address' }))),
    firstName: singleLine(100, 'First name, as in the passport'),
    lastName: singleLine(100, 'Last name, as in the passport'),
    email: z.pipe(
      z.string().check(z.trim(), z.maxLength(254, 'At most 254 characters')),
      z.email('Must be an e-mail address such as name@example.org').check(
        about({ description: 'E-mail address; the identity key, compared case-insensitively' }),
      ),
    ),
    phone: z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.regex(/^\+?[0-9][0-9 ()./-]{3,28}[0-9]$/, 'Must be a phone number such as +43 1 514 36 0'),
          about({ description: 'Phone number, preferably in international format' }),
        ),
    ),
    category: z.enum(categories).check(about({ description: 'Whom the participant represents' })),
    country: z.optional(countryCode).check(
      about({
        description:
          'Required for participating_state (one of the 57 participating States) and partner_for_cooperation (one of the 11 Partners)',
      }),
    ),
    organization: singleLine(200, 'Ministry, agency or organization'),
    position: z.optional(singleLine(200, 'Position or function')),
    language: z._default(z.enum(languages), 'en').check(about({ description: 'Language of the e-mails and pages' })),
    arrivalDate: z.optional(isoDate),
    departureDate: z.optional(isoDate),
    dietaryRequirements: z.optional(freeText(500, 'Dietary requirements')),
    accessibilityNeeds: z.optional(freeText(500, 'Accessibility needs')),
    consents: z.strictObject({
      privacyNotice: z
        .literal(true, 'The privacy notice must be accepted')
        .check(about({ description: 'Must be true: the participant accepts the privacy notice' })),
      participantList: z._default(z.boolean(), false).check(about({ description: 'May appear in the published participant list' })),
      photography: z._default(z.boolean(), false).check(about({ description: 'Agrees to be photographed' })),
    }),
    website: z.optional(
      z
        .string()
        .check(z.maxLength(2000), about({ description: 'Leave empty. A honeypot for bots: when filled, nothing is stored or sent.' })),
    ),
  })
  .check(
    z.superRefine((input, ctx) => {
      if (input.category === 'participating_state' || input.category === 'partner_for_cooperation') {
        const allowed = input.category === 'participating_state' ? participatingStateCodes : partnerCodes;
        const which = input.category === 'participating_state' ? 'participating State' : 'Partner for Co-operation';
        if (input.country === undefined) {
          ctx.addIssue({ code: 'custom', path: ['country'], message: `Required: the ${which} represented` });
        } else if (!allowed.has(input.country)) {
          ctx.addIssue({ code: 'custom', path: ['country'], message: `Not an OSCE ${which}` });
        }
      }
      if (input.arrivalDate && input.departureDate && input.departureDate < input.arrivalDate) {
        ctx.addIssue({ code: 'custom', path: ['departureDate'], message: 'Departure cannot be before arrival' });
      }
    }),
    about({ id: 'RegistrationInput', title: 'Registration form' }),
  );

export type RegistrationInput = z.input<typeof registrationInputSchema>;
export type RegistrationForm = z.output<typeof registrationInputSchema>;
/** What is kept of a submitted form: everything but the honeypot. */
export type RegistrationDetails = Omit<RegistrationForm, 'website'>;

export const eventIdSchema = z
  .string()
  .check(z.regex(eventIdPattern, 'Lowercase letters, digits and hyphens'), about({ example: 'osce-drugs-2017' }));

export const eventSchema = z
  .strictObject({
    id: eventIdSchema,
    title: singleLine(300, 'Title of the event'),
    subtitle: z.optional(singleLine(300, 'Subtitle')),
    organizer: z.optional(singleLine(300, 'Organizing body')),
    venue: z.strictObject({
      name: singleLine(200, 'Venue, e.g. Hofburg (Neuer Saal)'),
      city: singleLine(100, 'City'),
      country: countryCode,
    }),
    startDate: isoDate,
    endDate: isoDate,
    timeZone: z._default(z.string().check(z.minLength(1)), 'Europe/Vienna').check(about({ description: 'IANA time zone of the venue' })),
    registration: z
      ._default(
        z.strictObject({
          opensAt: z.optional(isoDateTime),
          closesAt: z.optional(isoDateTime),
        }),
        {},
      )
      .check(about({ description: 'Registration window; an absent bound leaves that side open' })),
    categories: z.array(z.enum(categories)).check(z.minLength(1), about({ description: 'Categories of participants invited' })),
    referencePrefix: z
      ._default(z.string().check(z.regex(/^[A-Z0-9]{2,10}$/)), 'REG')
      .check(about({ description: 'Prefix of the registration references, e.g. DRUGS17' })),
    capacity: z.optional(
      z
        .int()
        .check(
          z.gte(1),
          z.lte(100_000),
          about({ description: 'Seats; beyond them confirmed registrations join the waiting list. Absent: no limit' }),
        ),
    ),
    approval: z
      ._default(z.enum(['none', 'required']), 'none')
      .check(about({ description: 'required: organizers approve each confirmed registration, and seats count approved ones' })),
  })
  .check(
    z.superRefine((event, ctx) => {
      if (event.endDate < event.startDate) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The event cannot end before it starts' });
      }
      const { opensAt, closesAt } = event.registration;
      if (opensAt && closesAt && Date.parse(closesAt) <= Date.parse(opensAt)) {
        ctx.addIssue({ code: 'custom', path: ['registration', 'closesAt'], message: 'Must be after opensAt' });
      }
      if (new Set(event.categories).size !== event.categories.length) {
        ctx.addIssue({ code: 'custom', path: ['categories'], message: 'Each category at most once' });
      }
    }),
    about({ id: 'Event' }),
  );

export type ConferenceEvent = z.output<typeof eventSchema>;

export const publicEventSchema = z
  .object({
    id: eventIdSchema,
    title: z.string(),
    subtitle: z.optional(z.string()),
    organizer: z.optional(z.string()),
    venue: z.object({ name: z.string(), city: z.string(), country: z.string() }),
    startDate: isoDate,
    endDate: isoDate,
    timeZone: z.string(),
    registration: z.object({
      opensAt: z.optional(z.string()),
      closesAt: z.optional(z.string()),
      open: z.boolean().check(about({ description: 'Whether registration is open right now' })),
    }),
    categories: z.array(z.enum(categories)),
    capacity: z.optional(z.number()),
    approval: z.enum(['none', 'required']),
  })
  .check(about({ id: 'PublicEvent' }));

export const eventListSchema = z.object({ items: z.array(publicEventSchema) }).check(about({ id: 'EventList' }));

const token = () => z.string().check(z.minLength(1, 'Required'), z.maxLength(512, 'Not a valid token'));

export const confirmRequestSchema = z.strictObject({ token: token() }).check(about({ id: 'ConfirmRequest' }));

export const tokenRequestSchema = z.strictObject({ token: token() }).check(about({ id: 'TokenRequest' }));

export const updateRequestSchema = z
  .strictObject({
    token: token(),
    changes: z.record(z.string(), z.unknown()).check(
      about({ description: 'Fields of the registration form to change (all but email); null clears an optional field' }),
    ),
  })
  .check(about({ id: 'UpdateRequest' }));

export const decisionRequestSchema = z
  .strictObject({ reason: z.optional(z.string().check(z.trim(), z.maxLength(1000, 'At most 1000 characters'))) })
  .check(about({ id: 'DecisionRequest' }));

export const listQuerySchema = z
  .strictObject({
    status: z.optional(z.enum(registrationStatuses)),
    category: z.optional(z.enum(categories)),
    country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'Must be an ISO 3166-1 alpha-2 code such as AT'))),
    limit: z._default(
      z.pipe(
        z.pipe(z.string().check(z.regex(/^[0-9]{1,3}$/, 'Must be a whole number from 1 to 100')), z.transform(Number)),
        z.int().check(z.gte(1, 'Must be at least 1'), z.lte(100, 'Must be at most 100')),
      ),
      50,
    ),
    cursor: z.optional(z.string().check(z.maxLength(2048))),
  })
  .check(about({ id: 'ListQuery' }));

export type ListQuery = z.output<typeof listQuerySchema>;

export const registrationViewSchema = z
  .object({
    registrationId: z.string(),
    eventId: eventIdSchema,
    reference: z.nullable(z.string()),
    status: z.enum(registrationStatuses),
    createdAt: z.string(),
    updatedAt: z.string(),
    confirmedAt: z.nullable(z.string()),
    emailStatus: z
      .enum(['ok', 'bounced', 'complained'])
      .check(about({ description: 'bounced or complained once SES reported it for this address' })),
    title: z.optional(z.enum(titles)),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.optional(z.string()),
    category: z.enum(categories),
    country: z.optional(z.string()),
    organization: z.string(),
    position: z.optional(z.string()),
    language: z.enum(languages),
    arrivalDate: z.optional(z.string()),
    departureDate: z.optional(z.string()),
    dietaryRequirements: z.optional(z.string()),
    accessibilityNeeds: z.optional(z.string()),
    consents: z.object({ privacyNotice: z.literal(true), participantList: z.boolean(), photography: z.boolean() }),
  })
  .check(about({ id: 'Registration' }));

export const registrationPageSchema = z
  .object({
    items: z.array(registrationViewSchema),
    nextCursor: z.nullable(z.string()).check(about({ description: 'Pass as cursor for the next page; null on the last' })),
  })
  .check(about({ id: 'RegistrationPage' }));

export const submitAcceptedSchema = z.object({ status: z.literal('pending_confirmation') }).check(about({ id: 'SubmitAccepted' }));

export const confirmResultSchema = z
  .object({
    status: z.enum(['confirmed', 'waitlisted', 'awaiting_approval', 'approved', 'rejected', 'withdrawn']),
    reference: z.string(),
    eventId: eventIdSchema,
    position: z.optional(z.int().check(about({ description: 'Only when waitlisted: the place in the queue' }))),
  })
  .check(about({ id: 'ConfirmResult' }));

export const errorCodes = [
  'invalid_json',
  'validation_failed',
  'event_not_found',
  'registration_closed',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_token',
  'token_expired',
  'invalid_cursor',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'invalid_transition',
  'too_many_requests',
  'service_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      issues: z.optional(
        z
          .array(z.object({ path: z.string(), message: z.string(), code: z.string() }))
          .check(about({ description: 'Only for validation_failed: one entry per problem, path dotted (consents.privacyNotice)' })),
      ),
    }),
  })
  .check(about({ id: 'Error' }));
