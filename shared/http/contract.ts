// The API's requests and answers beyond the registration form and the event: what confirm, the
// self-service routes, decisions and the list take, and what they answer. The handlers validate with
// these; GET /openapi.json is generated from them.
import * as z from 'zod/mini';
import { errorCodes } from '../model/errors.ts';
import { eventIdSchema } from '../model/event-schema.ts';
import { isCounted, registrationStatuses } from '../model/lifecycle.ts';
import { categories } from '../model/participants.ts';
import { detailFields, pageEditableFields } from '../model/form-fields.ts';
import { fileTypes, maxUploadBytes, uploadIdPattern } from '../model/form-definition.ts';
import { answersSchema, answerValue, registrationFormShape } from '../model/registration-schema.ts';
import { sortOrders, type SortOrder } from '../model/listing.ts';
import { staffRoles } from '../model/organizer.ts';
import { about, freeText } from '../model/schema-parts.ts';

const token = () => z.string().check(z.minLength(1, 'Required'), z.maxLength(512, 'Not a valid token'));

export const confirmRequestSchema = z.strictObject({ token: token() }).check(about({ id: 'ConfirmRequest' }));

export const tokenRequestSchema = z.strictObject({ token: token() }).check(about({ id: 'TokenRequest' }));

/**
 * A field of the form as a correction takes it: its own rules, without the optional and default
 * wrappers, so that parsing a correction never fills in a default the participant did not send (a
 * missing language would otherwise come out as a change back to English).
 */
function asCorrection(schema: z.ZodMiniType): z.ZodMiniType {
  const def = schema._zod.def as unknown as Record<string, any>;
  if (def.type === 'optional' || def.type === 'default') return asCorrection(def.innerType);
  if (def.type === 'object') {
    const shape = Object.entries(def.shape as Record<string, z.ZodMiniType>).map(([key, value]) => [key, z.optional(asCorrection(value))]);
    return z.strictObject(Object.fromEntries(shape));
  }
  return schema;
}

/** Whether the form lets this field go empty (optional, or back to its default): null then clears it. */
const clearable = (name: (typeof detailFields)[number]) => registrationFormShape[name].safeParse(undefined).success;

const unchangeable = (what: string) => z.optional(z.never(`Cannot be changed: ${what}`));

export const formChangesSchema = z
  .strictObject({
    ...Object.fromEntries(
      detailFields
        .filter((name) => name !== 'email')
        .map((name) => [name, z.optional(clearable(name) ? z.nullable(asCorrection(registrationFormShape[name])) : asCorrection(registrationFormShape[name]))]),
    ),
    email: unchangeable('withdraw and register again with the new address'),
    website: unchangeable('not a field of the registration'),
    answers: z.optional(
      z
        .record(z.string().check(z.regex(/^[a-z][a-zA-Z0-9_]{0,39}$/)), z.nullable(answerValue))
        .check(about({ description: 'Answers to change, by field id; null clears an optional one. The others stay as they are.' })),
    ),
  })
  .check(
    about({
      id: 'RegistrationChanges',
      description:
        'Fields of the registration form to change, each by the rules of RegistrationInput; null clears an optional field (language: back to en). ' +
        'consents may name only the consents that change. The registration with the changes applied must pass RegistrationInput again, ' +
        'with the event\'s categories. The address cannot change.',
    }),
  );

export const updateRequestSchema = z
  .strictObject({ token: token(), changes: formChangesSchema })
  .check(about({ id: 'UpdateRequest' }));

const decisionReason = () => z.optional(freeText(1000, 'Why; the participant reads it in the e-mail'));

export const decisionRequestSchema = z.strictObject({ reason: decisionReason() }).check(about({ id: 'DecisionRequest' }));

const registrationId = () =>
  z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Must be a registrationId'), about({ description: 'A ULID: registrations sort by it in the order they came' }));
const revision = () =>
  z
    .string()
    .check(
      z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be a registration\'s revision'),
      about({ description: 'A fingerprint of the status and the details: a decision names it in If-Match, and is refused (412) once either has changed' }),
    );

export const editRequestSchema = z
  .strictObject({ changes: formChangesSchema })
  .check(about({ id: 'RegistrationEdit', description: 'Corrections by organizers on the participant\'s behalf, by the participant\'s rules (RegistrationChanges); a consent may be withdrawn, never given' }));

export const resendRequestSchema = z
  .strictObject({
    link: z
      .enum(['confirmation', 'manage'])
      .check(about({ description: 'confirmation: the link that confirms the address (unconfirmed registrations only); manage: the private manage link (confirmed addresses only)' })),
  })
  .check(about({ id: 'ResendRequest' }));

export const resendAcceptedSchema = z
  .object({ queued: z.literal(true).check(about({ description: 'The mail is queued; the mail worker sends it within moments' })) })
  .check(about({ id: 'ResendAccepted' }));

export const maxBulkItems = 100;

export const bulkDecisionRequestSchema = z
  .strictObject({
    action: z.enum(['approve', 'reject']),
    reason: decisionReason(),
    items: z
      .array(z.strictObject({ registrationId: registrationId(), revision: revision() }))
      .check(
        z.minLength(1, 'At least one registration'),
        z.maxLength(maxBulkItems, `At most ${maxBulkItems} registrations`),
        about({ description: `1 to ${maxBulkItems} registrations, each with the revision the organizer saw, each at most once` }),
      ),
  })
  .check(about({ id: 'BulkDecisionRequest' }));

export const bulkDecisionResultSchema = z
  .object({
    results: z
      .array(
        z.object({
          registrationId: registrationId(),
          outcome: z.enum(['done', 'skipped']),
          code: z.optional(
            z
              .enum(['precondition_failed', 'invalid_transition', 'not_found', 'service_unavailable'])
              .check(
                about({
                  description:
                    'Why it was skipped: changed since the revision sent (precondition_failed), a status the decision does not fit (invalid_transition), ' +
                    'no such registration (not_found), or not decided now, to be sent again (service_unavailable)',
                }),
              ),
          ),
          status: z.optional(z.enum(registrationStatuses).check(about({ description: 'The status now: after the decision, or the one that refused it' }))),
          revision: z.optional(revision()),
        }),
      )
      .check(about({ description: 'One entry per item, in the order sent' })),
  })
  .check(about({ id: 'BulkDecisionResult' }));

export const signedInSchema = z
  .object({
    username: z.string(),
    subject: z.string(),
    roles: z.array(z.enum(staffRoles)).check(about({ description: 'The roles the token\'s groups give; never empty (a token with none is refused 403)' })),
    can: z
      .object({ manageEvents: z.boolean(), decide: z.boolean(), editRegistrations: z.boolean(), export: z.boolean() })
      .check(about({ description: 'What the roles allow, as the API enforces it: manageEvents (PUT /events), decide (approve, reject, bulk, resend), editRegistrations (PATCH), export (the list and its exports)' })),
  })
  .check(about({ id: 'SignedIn' }));

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
    q: z.optional(z.string().check(z.maxLength(100, 'At most 100 characters'))),
    sort: z._default(z.enum(sortOrders as [SortOrder, ...SortOrder[]]), 'createdAt'),
  })
  .check(about({ id: 'ListQuery' }));

export type ListQuery = z.output<typeof listQuerySchema>;

// The form posts of the confirm and manage pages. The handlers read these fields one by one (a page's
// own form cannot send anything else) rather than validate the body, and ignore other fields; these
// schemas describe that reading for the document.
const pageLanguage = z
  .optional(z.string())
  .check(about({ description: 'The page\'s language (en, fr, de, it, ru, es) for the page that answers; another value falls back to Accept-Language' }));

export const confirmFormSchema = z
  .object({ token: z.string().check(about({ description: 'The token from the link; a missing one answers the invalid-link page' })), lang: pageLanguage })
  .check(about({ id: 'ConfirmForm' }));

export const manageFormSchema = z
  .object({ token: z.string().check(about({ description: 'The manage token; a missing one answers the invalid-link page' })), lang: pageLanguage })
  .check(about({ id: 'ManageForm' }));

export const updateFormSchema = z
  .object({
    token: z.string(),
    lang: pageLanguage,
    language: z
      .optional(z.string())
      .check(about({ description: 'en, fr, de, it, ru or es changes the language; another value is ignored' })),
    ...Object.fromEntries(
      pageEditableFields.map((name) => {
        const field = asCorrection(registrationFormShape[name]);
        return [name, z.optional(clearable(name) ? z.union([z.literal(''), field]) : field)];
      }),
    ),
  })
  .check(about({ id: 'UpdateForm', description: 'The manage page\'s corrections: a field left empty is cleared; the fields it does not send stay as they are.' }));

/**
 * What a stored registration holds of the form, field by field in the form's order: the form's own
 * shape as it comes out of validation (defaults filled, text as text), without the input rules.
 */
function storedDetailsShape(): Record<string, z.ZodMiniType> {
  return {
    ...Object.fromEntries(detailFields.map((name) => [name, asStored(registrationFormShape[name])])),
    answers: z.optional(answersSchema).check(
      about({ description: 'The answers to the event\'s own questions, except its accreditation questions (kept apart); answers to questions the form no longer asks are kept too' }),
    ),
  };
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

const timestamp = () => z.iso.datetime();

const registrationViewShape = {
  registrationId: registrationId(),
  eventId: eventIdSchema,
  reference: z.nullable(z.string()).check(about({ description: 'The reference read out at the desk, e.g. DRUGS17-7K4M-9QXA; null until confirmed' })),
  status: z.enum(registrationStatuses),
  createdAt: timestamp(),
  updatedAt: timestamp(),
  confirmedAt: z.nullable(timestamp()),
  emailStatus: z
    .enum(['ok', 'bounced', 'complained'])
    .check(about({ description: 'bounced or complained once SES reported it for this address' })),
  revision: revision(),
  ...storedDetailsShape(),
};

export const registrationViewSchema = z.object(registrationViewShape).check(about({ id: 'Registration' }));

export const historyEntrySchema = z
  .object({
    at: timestamp(),
    actor: z.string().check(about({ description: 'participant, system, or organizer:<username or subject> from the token' })),
    action: z.string(),
    from: z.optional(z.enum(registrationStatuses)),
    to: z.optional(z.enum(registrationStatuses)),
    reason: z.optional(z.string()),
    changes: z.optional(z.array(z.string()).check(about({ description: 'For a correction (updated, edited): the names of the fields it changed' }))),
  })
  .check(about({ id: 'HistoryEntry' }));

export const decidedRegistrationSchema = z
  .object({ ...registrationViewShape, history: z.array(historyEntrySchema).check(about({ description: 'The latest changes (the last 50), oldest first' })) })
  .check(about({ id: 'DecidedRegistration', description: 'A registration with its history: what a decision, an edit or GET of one registration answers' }));

export const ownRegistrationSchema = z
  .object({
    ...registrationViewShape,
    waitlistPosition: z.nullable(z.int().check(z.gte(1))).check(about({ description: 'The place in the waiting list; null unless waitlisted' })),
    canEdit: z.boolean().check(about({ description: 'Whether POST /registrations/update is open to it' })),
    canWithdraw: z.boolean(),
  })
  .check(about({ id: 'OwnRegistration' }));

export const withdrawnSchema = z.object({ status: z.literal('withdrawn') }).check(about({ id: 'Withdrawn' }));
export const erasedSchema = z.object({ status: z.literal('erased') }).check(about({ id: 'Erased' }));

const count = () => z.int();
const countedStatuses = registrationStatuses.filter(isCounted);

export const eventStatsSchema = z
  .object({
    eventId: eventIdSchema,
    capacity: z.nullable(z.int()).check(about({ description: 'null: no limit' })),
    seatsTaken: count(),
    seatsLeft: z.nullable(z.int().check(z.gte(0))).check(about({ description: 'null: no limit' })),
    waitlistLength: count(),
    byStatus: z
      .object(Object.fromEntries([...countedStatuses, 'erased'].map((status) => [status, count()])))
      .check(about({ description: 'Every counted status, and erased; unconfirmed registrations are not counted' })),
    byCategory: z.partialRecord(z.enum(categories), z.int().check(z.gte(1))).check(about({ description: 'Participants by category; categories without any are left out' })),
    byCountry: z
      .record(z.string().check(z.regex(/^[A-Z]{2}$/)), z.int().check(z.gte(1)))
      .check(about({ description: 'Participants by country; countries without any are left out' })),
    byDay: z
      .record(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), z.int().check(z.gte(1)))
      .check(
        about({
          description:
            'Addresses confirmed each day (YYYY-MM-DD in the event\'s time zone), in calendar order, whatever became of the registrations since (erased ones included); days without any are left out',
        }),
      ),
  })
  .check(about({ id: 'EventStats' }));

const countersSchema = z
  .object({
    seatsTaken: count(),
    waitlistIssued: count(),
    waitlistDeparted: count(),
    waiting: count(),
    counts: z.record(z.string(), count()).check(about({ description: 'status:<status>, category:<category>, country:<code>, day:<YYYY-MM-DD>; zeros left out' })),
  })
  .check(about({ id: 'Counters' }));

export const reconcileReportSchema = z
  .object({
    eventId: eventIdSchema,
    before: countersSchema,
    after: countersSchema,
    promoted: z.int().check(z.gte(0), about({ description: 'Waitlisted registrations given a seat by the repair' })),
    reindexed: z.int().check(z.gte(0), about({ description: 'Registrations written again because their index keys or search text were missing or old' })),
    delegationPlaces: z.object({
      released: z.int().check(z.gte(0), about({ description: "Delegations' places given back: held by an address with no standing nomination (a nomination that failed and was never tried again)" })),
      restored: z.int().check(z.gte(0), about({ description: 'Places given back to standing nominees that held none' })),
    }),
  })
  .check(about({ id: 'ReconcileReport' }));

export const listedRegistrationSchema = z
  .object({
    ...registrationViewShape,
    accreditation: z.optional(answersSchema).check(
      about({
        description:
          'The answers to the event\'s accreditation questions, kept apart from the registration; only for callers in the accreditation group (ACCREDITATION_GROUP, default accreditation), absent for everyone else',
      }),
    ),
  })
  .check(about({ id: 'ListedRegistration' }));

export const registrationPageSchema = z
  .object({
    items: z.array(listedRegistrationSchema),
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

/** What API Gateway answers by itself in the cloud, before any handler: a missing token, throttling, a body over 10 MB. */
export const gatewayErrorSchema = z
  .object({ message: z.string() })
  .check(about({ id: 'GatewayError', description: 'API Gateway\'s own refusal, e.g. {"message":"Too Many Requests"}; clients key on the status code' }));

// ---- files ---------------------------------------------------------------------------------------

const questionId = () => z.string().check(z.regex(/^[a-z][a-zA-Z0-9_]{0,39}$/), about({ description: 'The id of the event\'s file or photo question' }));
export const uploadIdSchema = z.string().check(z.regex(uploadIdPattern), about({ description: 'The upload\'s id, from POST /events/{eventId}/uploads' }));

export const uploadRequestSchema = z
  .strictObject({
    field: questionId(),
    contentType: z.enum(fileTypes).check(about({ description: 'The file\'s type; the question must take it, and the check holds the bytes to it' })),
    size: z.int().check(z.gte(1), z.lte(maxUploadBytes), about({ description: 'The file\'s size in bytes; at most the question\'s limit' })),
  })
  .check(about({ id: 'UploadRequest' }));

export const uploadFormSchema = z
  .object({
    uploadId: uploadIdSchema,
    url: z.string().check(about({ description: 'POST the file here as multipart/form-data: every member of fields, then the file as the field named file' })),
    fields: z.record(z.string(), z.string()).check(about({ description: 'The form fields of the presigned POST (key, Content-Type, policy, signature)' })),
    expiresAt: timestamp().check(about({ description: 'The POST is refused after this (five minutes)' })),
  })
  .check(about({ id: 'UploadForm', description: 'A presigned POST to the private bucket, for one key, one content type and at most the question\'s size' }));

export const checkUploadRequestSchema = z.strictObject({ field: questionId() }).check(about({ id: 'CheckUploadRequest' }));

export const checkedUploadSchema = z
  .object({
    uploadId: uploadIdSchema,
    field: z.string(),
    contentType: z.enum(fileTypes).check(about({ description: 'What the bytes are' })),
    size: z.int().check(about({ description: 'Bytes, as kept (without the image\'s metadata)' })),
    width: z.optional(z.int()),
    height: z.optional(z.int()),
  })
  .check(about({ id: 'CheckedUpload', description: 'The file passed its check and may answer its question: send uploadId as the answer' }));

export const fileLinkSchema = z
  .object({
    url: z.string().check(about({ description: 'A presigned GET of the file, as an attachment' })),
    expiresAt: timestamp().check(about({ description: 'The link stops working after this (five minutes)' })),
    contentType: z.enum(fileTypes),
  })
  .check(about({ id: 'FileLink' }));
