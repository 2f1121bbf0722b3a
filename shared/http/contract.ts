// The API's requests and answers beyond the registration form and the event: what confirm, the
// self-service routes, decisions and the list take, and what they answer. The handlers validate with
// these; GET /openapi.json is generated from them.
import * as z from 'zod/mini';
import { errorCodes } from '../model/errors.ts';
import { eventIdSchema } from '../model/event-schema.ts';
import { registrationStatuses } from '../model/lifecycle.ts';
import { categories } from '../model/participants.ts';
import { detailFields } from '../model/form-fields.ts';
import { registrationFormShape } from '../model/registration-schema.ts';
import { about, freeText } from '../model/schema-parts.ts';

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
  .strictObject({ reason: z.optional(freeText(1000, 'Why; the participant reads it in the e-mail')) })
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

/**
 * What a stored registration holds of the form, field by field in the form's order: the form's own
 * shape as it comes out of validation (defaults filled, text as text), without the input rules.
 */
function storedDetailsShape(): Record<string, z.ZodMiniType> {
  return Object.fromEntries(detailFields.map((name) => [name, asStored(registrationFormShape[name])]));
}

function asStored(schema: z.ZodMiniType): z.ZodMiniType {
  const def = schema._zod.def as unknown as Record<string, any>;
  switch (def.type) {
    case 'optional':
      return z.optional(asStored(def.innerType));
    case 'default':
      return asStored(def.innerType);
    case 'pipe':
      return asStored(def.in);
    case 'enum':
      return z.enum(Object.values(def.entries) as [string, ...string[]]);
    case 'literal':
      return z.literal(def.values[0]);
    case 'boolean':
      return z.boolean();
    case 'object':
      return z.object(Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodMiniType>).map(([key, value]) => [key, asStored(value)])));
    default:
      return z.string();
  }
}

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
    ...storedDetailsShape(),
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
