// The single source of truth for what the API accepts and returns. Handlers validate with these
// schemas, the types below are inferred from them, and GET /openapi.json is generated from them.
import * as z from 'zod';
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

function singleLine(min: number, max: number, description: string) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? 'Required' : `At least ${min} characters`)
    .max(max, `At most ${max} characters`)
    .regex(noControlCharacters, 'Contains characters that are not allowed')
    .regex(noLineBreaks, 'Must be a single line')
    .meta({ description });
}

function freeText(max: number, description: string) {
  return z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .regex(noControlCharacters, 'Contains characters that are not allowed')
    .meta({ description });
}

/** An ISO 3166-1 alpha-2 code that the runtime's ICU data knows as a region (e.g. "AT"). */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Must be an ISO 3166-1 alpha-2 code such as AT')
  .refine(isKnownRegion, 'Not a known ISO 3166-1 country code')
  .meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'AT' });

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
function isKnownRegion(code: string): boolean {
  try {
    return regionNames.of(code) !== code;
  } catch {
    return false;
  }
}

export const isoDate = z.iso.date('Must be a date such as 2017-07-10').meta({ example: '2017-07-10' });
const isoDateTime = z.iso.datetime({ offset: true, message: 'Must be a date and time such as 2017-06-30T23:59:59Z' });

export const registrationInputSchema = z
  .strictObject({
    title: z.enum(titles).optional().meta({ description: 'Form of address' }),
    firstName: singleLine(1, 100, 'First name, as in the passport'),
    lastName: singleLine(1, 100, 'Last name, as in the passport'),
    email: z
      .string()
      .trim()
      .max(254, 'At most 254 characters')
      .pipe(z.email('Must be an e-mail address such as name@example.org'))
      .meta({ description: 'E-mail address; the identity key, compared case-insensitively' }),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()./-]{3,28}[0-9]$/, 'Must be a phone number such as +43 1 514 36 0')
      .optional()
      .meta({ description: 'Phone number, preferably in international format' }),
    category: z.enum(categories).meta({ description: 'Whom the participant represents' }),
    country: countryCode
      .optional()
      .meta({
        description:
          'Required for participating_state (one of the 57 participating States) and partner_for_cooperation (one of the 11 Partners)',
      }),
    organization: singleLine(1, 200, 'Ministry, agency or organization'),
    position: singleLine(1, 200, 'Position or function').optional(),
    language: z.enum(languages).default('en').meta({ description: 'Language of the e-mails and pages' }),
    arrivalDate: isoDate.optional(),
    departureDate: isoDate.optional(),
    dietaryRequirements: freeText(500, 'Dietary requirements').optional(),
    accessibilityNeeds: freeText(500, 'Accessibility needs').optional(),
    consents: z.strictObject({
      privacyNotice: z.literal(true, 'The privacy notice must be accepted').meta({
        description: 'Must be true: the participant accepts the privacy notice',
      }),
      participantList: z.boolean().default(false).meta({ description: 'May appear in the published participant list' }),
      photography: z.boolean().default(false).meta({ description: 'Agrees to be photographed' }),
    }),
    website: z
      .string()
      .max(2000)
      .optional()
      .meta({ description: 'Leave empty. A honeypot for bots: when filled, nothing is stored or sent.' }),
  })
  .superRefine((input, ctx) => {
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
  })
  .meta({ id: 'RegistrationInput', title: 'Registration form' });

export type RegistrationInput = z.input<typeof registrationInputSchema>;
export type RegistrationForm = z.output<typeof registrationInputSchema>;
/** What is kept of a submitted form: everything but the honeypot. */
export type RegistrationDetails = Omit<RegistrationForm, 'website'>;

export const eventIdSchema = z
  .string()
  .regex(eventIdPattern, 'Lowercase letters, digits and hyphens')
  .meta({ example: 'osce-drugs-2017' });

export const eventSchema = z
  .strictObject({
    id: eventIdSchema,
    title: singleLine(1, 300, 'Title of the event'),
    subtitle: singleLine(1, 300, 'Subtitle').optional(),
    organizer: singleLine(1, 300, 'Organizing body').optional(),
    venue: z.strictObject({
      name: singleLine(1, 200, 'Venue, e.g. Hofburg (Neuer Saal)'),
      city: singleLine(1, 100, 'City'),
      country: countryCode,
    }),
    startDate: isoDate,
    endDate: isoDate,
    timeZone: z.string().min(1).default('Europe/Vienna').meta({ description: 'IANA time zone of the venue' }),
    registration: z
      .strictObject({
        opensAt: isoDateTime.optional(),
        closesAt: isoDateTime.optional(),
      })
      .default({})
      .meta({ description: 'Registration window; an absent bound leaves that side open' }),
    categories: z.array(z.enum(categories)).min(1).meta({ description: 'Categories of participants invited' }),
    referencePrefix: z
      .string()
      .regex(/^[A-Z0-9]{2,10}$/)
      .default('REG')
      .meta({ description: 'Prefix of the registration references, e.g. DRUGS17' }),
    capacity: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .optional()
      .meta({ description: 'Seats; beyond them confirmed registrations join the waiting list. Absent: no limit' }),
    approval: z
      .enum(['none', 'required'])
      .default('none')
      .meta({ description: 'required: organizers approve each confirmed registration, and seats count approved ones' }),
  })
  .superRefine((event, ctx) => {
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
  })
  .meta({ id: 'Event' });

export type ConferenceEvent = z.output<typeof eventSchema>;

export const publicEventSchema = z
  .object({
    id: eventIdSchema,
    title: z.string(),
    subtitle: z.string().optional(),
    organizer: z.string().optional(),
    venue: z.object({ name: z.string(), city: z.string(), country: z.string() }),
    startDate: isoDate,
    endDate: isoDate,
    timeZone: z.string(),
    registration: z.object({
      opensAt: z.string().optional(),
      closesAt: z.string().optional(),
      open: z.boolean().meta({ description: 'Whether registration is open right now' }),
    }),
    categories: z.array(z.enum(categories)),
    capacity: z.number().optional(),
    approval: z.enum(['none', 'required']),
  })
  .meta({ id: 'PublicEvent' });

export const eventListSchema = z.object({ items: z.array(publicEventSchema) }).meta({ id: 'EventList' });

export const confirmRequestSchema = z
  .strictObject({ token: z.string().min(1, 'Required').max(512, 'Not a valid token') })
  .meta({ id: 'ConfirmRequest' });

export const tokenRequestSchema = z.strictObject({ token: z.string().min(1, 'Required').max(512) }).meta({ id: 'TokenRequest' });

export const updateRequestSchema = z
  .strictObject({
    token: z.string().min(1, 'Required').max(512),
    changes: z.record(z.string(), z.unknown()).meta({
      description: 'Fields of the registration form to change (all but email); null clears an optional field',
    }),
  })
  .meta({ id: 'UpdateRequest' });

export const decisionRequestSchema = z
  .strictObject({ reason: z.string().trim().max(1000, 'At most 1000 characters').optional() })
  .meta({ id: 'DecisionRequest' });

export const listQuerySchema = z
  .strictObject({
    status: z.enum(registrationStatuses).optional(),
    category: z.enum(categories).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'Must be an ISO 3166-1 alpha-2 code such as AT')
      .optional(),
    limit: z
      .string()
      .regex(/^[0-9]{1,3}$/, 'Must be a whole number from 1 to 100')
      .transform(Number)
      .pipe(z.number().int().min(1, 'Must be at least 1').max(100, 'Must be at most 100'))
      .default(50),
    cursor: z.string().max(2048).optional(),
  })
  .meta({ id: 'ListQuery' });

export type ListQuery = z.output<typeof listQuerySchema>;

export const registrationViewSchema = z
  .object({
    registrationId: z.string(),
    eventId: eventIdSchema,
    reference: z.string().nullable(),
    status: z.enum(registrationStatuses),
    createdAt: z.string(),
    updatedAt: z.string(),
    confirmedAt: z.string().nullable(),
    emailStatus: z
      .enum(['ok', 'bounced', 'complained'])
      .meta({ description: 'bounced or complained once SES reported it for this address' }),
    title: z.enum(titles).optional(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.string().optional(),
    category: z.enum(categories),
    country: z.string().optional(),
    organization: z.string(),
    position: z.string().optional(),
    language: z.enum(languages),
    arrivalDate: z.string().optional(),
    departureDate: z.string().optional(),
    dietaryRequirements: z.string().optional(),
    accessibilityNeeds: z.string().optional(),
    consents: z.object({ privacyNotice: z.literal(true), participantList: z.boolean(), photography: z.boolean() }),
  })
  .meta({ id: 'Registration' });

export const registrationPageSchema = z
  .object({
    items: z.array(registrationViewSchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass as cursor for the next page; null on the last' }),
  })
  .meta({ id: 'RegistrationPage' });

export const submitAcceptedSchema = z
  .object({ status: z.literal('pending_confirmation') })
  .meta({ id: 'SubmitAccepted' });

export const confirmResultSchema = z
  .object({ status: z.literal('confirmed'), reference: z.string(), eventId: eventIdSchema })
  .meta({ id: 'ConfirmResult' });

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
      issues: z
        .array(z.object({ path: z.string(), message: z.string(), code: z.string() }))
        .optional()
        .meta({ description: 'Only for validation_failed: one entry per problem, path dotted (consents.privacyNotice)' }),
    }),
  })
  .meta({ id: 'Error' });
