// What the delegation routes take and answer: the organizers' entities, quotas and focal-point
// invitations, the focal point's nominations and withdrawals. The handlers validate with these;
// GET /openapi.json is generated from them.
import * as z from 'zod/mini';
import { addedEntityIdPattern, addedEntityKinds, entityIdPattern, nomineeRoles } from '../model/delegations.ts';
import { delegationQuotaSchema } from '../model/event-schema.ts';
import { languages } from '../model/languages.ts';
import { registrationStatuses } from '../model/lifecycle.ts';
import { uploadIdPattern } from '../model/form-definition.ts';
import { registrationFormShape } from '../model/registration-schema.ts';
import { about, isoDateTime, singleLine } from '../model/schema-parts.ts';

const token = () => z.string().check(z.minLength(1, 'Required'), z.maxLength(512, 'Not a valid token'));
const entityId = z.string().check(z.regex(entityIdPattern, 'An ISO code (AT) of a participating State or Partner, or the id of an entity organizers added'), about({ example: 'AT' }));
const email = registrationFormShape.email;
const language = z._default(z.enum(languages), 'en').check(about({ description: 'Language of the e-mails and pages' }));
export const maxInvitations = 200;

export const entityInputSchema = z
  .strictObject({
    id: z.string().check(z.regex(addedEntityIdPattern, 'Lowercase letters, digits and inner hyphens, at most 40'), about({ example: 'unodc' })),
    name: singleLine(200, 'The name as the list of participants prints it'),
    kind: z.enum(addedEntityKinds),
  })
  .check(about({ id: 'EntityInput', description: 'A nominating entity beside the participating States and Partners' }));

export const quotaChangeSchema = z
  .strictObject({
    quota: z.optional(z.nullable(delegationQuotaSchema)).check(about({ description: "This entity's own quota; null: the event's again" })),
    quotaLifted: z.optional(z.boolean()).check(about({ description: 'true: nominations of this entity are not limited' })),
  })
  .check(about({ id: 'DelegationQuotaChange' }));

export const focalPointInvitationsSchema = z
  .strictObject({
    invitations: z
      .array(z.strictObject({ entityId, email, language }))
      .check(z.minLength(1), z.maxLength(maxInvitations), about({ description: `One to ${maxInvitations} entity and address pairs (a CSV's rows)` })),
  })
  .check(about({ id: 'FocalPointInvitations' }));

const nomineeShape = {
  name: singleLine(200, 'Full name of the nominee'),
  email,
  function: singleLine(200, 'Function in the delegation, e.g. Ambassador'),
  role: z.enum(nomineeRoles).check(about({ description: 'head: head of delegation (counted against the heads quota too)' })),
  language,
};

export const nominationRequestSchema = z.strictObject({ token: token(), ...nomineeShape }).check(about({ id: 'NominationRequest' }));
export const nominationFormSchema = z
  .object({ token: z.string(), name: z.string(), email: z.string(), function: z.string(), role: z.string(), language: z.optional(z.string()), lang: z.optional(z.string()) })
  .check(about({ id: 'NominationForm', description: "The delegation page's form: the same fields as NominationRequest" }));

const nominationId = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'A nominationId from the delegation'));
export const nominationWithdrawalSchema = z.strictObject({ token: token(), nominationId }).check(about({ id: 'NominationWithdrawal' }));
export const nominationWithdrawalFormSchema = z
  .object({ token: z.string(), nominationId: z.string(), lang: z.optional(z.string()) })
  .check(about({ id: 'NominationWithdrawalForm' }));

const nominationShape = {
    nominationId: z.string(),
    entityId: z.string(),
    name: z.string(),
    email: z.string(),
    function: z.string(),
    role: z.enum(nomineeRoles),
    status: z.enum(['nominated', 'waitlisted', 'withdrawn']),
    nominatedAt: z.string(),
    registrationStatus: z.nullable(z.enum(registrationStatuses)).check(about({ description: "The nominee's own registration: null until they submit the form" })),
};
export const nominationSchema = z.object(nominationShape).check(about({ id: 'Nomination' }));

/** What organizers see of a nominee beyond what the focal point sees: who nominated them, when they were last reminded. */
export const delegationNomineeSchema = z
  .object({
    ...nominationShape,
    nominatedBy: z.nullable(z.string()).check(about({ description: "The address of the focal point who nominated them; null if that focal point's record is gone" })),
    remindedAt: z.nullable(isoDateTime).check(about({ description: 'When organizers last had them reminded; null: never' })),
  })
  .check(about({ id: 'DelegationNominee' }));

const summaryShape = {
  entityId: z.string(),
  kind: z.enum(['participating_state', 'partner_for_cooperation', ...addedEntityKinds]),
  name: z.string(),
  quota: z.nullable(delegationQuotaSchema).check(about({ description: 'null: lifted' })),
  quotaLifted: z.boolean(),
  delegatesTaken: z.int(),
  headsTaken: z.int(),
  letter: z
    .nullable(z.object({ size: z.int(), uploadedAt: isoDateTime }))
    .check(about({ description: "The delegation's nomination letter (a PDF a focal point uploaded): organizers download it from GET /events/{eventId}/delegations/{entityId}/letter. null: none yet" })),
};

export const delegationSummarySchema = z.object(summaryShape).check(about({ id: 'DelegationSummary' }));

export const delegationOverviewSchema = z
  .object({
    items: z.array(
      z.object({
        ...summaryShape,
        focalPoints: z.array(
          z.object({
            email: z.string(),
            language: z.enum(languages),
            invitedAt: z.string(),
            mailPending: z.boolean(),
            linkSent: z.boolean().check(about({ description: 'Whether a link has been mailed to this address' })),
            nominations: z.int().check(about({ description: 'How many nominees this focal point has nominated (its link in use)' })),
          }),
        ),
        nominees: z.array(delegationNomineeSchema),
        unconfirmed: z.int().check(about({ description: 'Nominees holding a place who have not registered or not confirmed yet' })),
      }),
    ),
  })
  .check(about({ id: 'DelegationOverview' }));

export const entitySchema = z.object({ id: z.string(), name: z.string(), kind: z.enum(addedEntityKinds) }).check(about({ id: 'Entity' }));
export const focalPointsInvitedSchema = z.object({ invited: z.int() }).check(about({ id: 'FocalPointsInvited' }));

export const ownDelegationSchema = z
  .object({
    ...summaryShape,
    eventId: z.string(),
    nominationsCloseAt: z.nullable(isoDateTime).check(about({ description: 'null: no deadline' })),
    open: z.boolean().check(about({ description: 'Whether nominations and withdrawals are still accepted' })),
    nominees: z.array(nominationSchema),
  })
  .check(about({ id: 'OwnDelegation' }));

export const nominationResultSchema = z
  .object({ placed: z.enum(['nominated', 'waitlisted']), nomination: nominationSchema })
  .check(about({ id: 'NominationResult', description: 'nominated: within the quota, the nominee is invited; waitlisted: on the delegation\'s waiting list' }));

export const participantListQuerySchema = z.strictObject({ format: z._default(z.enum(['pdf', 'xlsx']), 'pdf') }).check(about({ id: 'ParticipantListQuery' }));

const uploadId = z.string().check(z.regex(uploadIdPattern, 'An upload id from the bucket\'s redirect'), about({ description: "The upload's id: the bucket's redirect to the delegation page names it (?letter=)" }));
export const letterAttachmentSchema = z.strictObject({ token: token(), uploadId }).check(about({ id: 'LetterAttachment' }));
export const letterAttachmentFormSchema = z
  .object({ token: z.string(), uploadId: z.string(), lang: z.optional(z.string()) })
  .check(about({ id: 'LetterAttachmentForm', description: "The delegation page's form: the same fields as LetterAttachment" }));
export const attachedLetterSchema = z
  .object({ letter: z.object({ size: z.int(), uploadedAt: isoDateTime }) })
  .check(about({ id: 'AttachedLetter', description: "The delegation's nomination letter as now recorded" }));
export const letterLinkSchema = z
  .object({
    url: z.string().check(about({ description: 'A presigned GET of the letter, as an attachment' })),
    expiresAt: isoDateTime.check(about({ description: 'The link stops working after this (five minutes)' })),
    contentType: z.literal('application/pdf'),
    size: z.int(),
    uploadedAt: isoDateTime,
  })
  .check(about({ id: 'LetterLink' }));
export const reminderRequestSchema = z
  .strictObject({ entityId: z.optional(entityId).check(about({ description: 'One delegation; absent: every delegation' })) })
  .check(about({ id: 'ReminderRequest' }));

export const reminderReportSchema = z
  .object({
    sent: z.int().check(about({ description: 'Reminders queued for the mail worker, one per nominee who has not confirmed' })),
    skipped: z.int().check(about({ description: 'Nominees reminded less than 24 hours ago: not reminded again' })),
  })
  .check(about({ id: 'ReminderReport' }));

export const delegationApprovalSchema = z
  .object({
    approved: z.int().check(about({ description: 'Registrations approved now (a place in the queue when the event is full)' })),
    results: z.array(
      z.object({
        nominationId: z.string(),
        name: z.string(),
        registrationId: z.nullable(z.string()),
        outcome: z.enum(['done', 'skipped']),
        code: z.optional(
          z.enum(['not_registered', 'registered_alone', 'unconfirmed', 'not_awaiting_decision', 'precondition_failed', 'invalid_transition', 'not_found', 'service_unavailable']).check(
            about({
              description:
                'Why not: no registration yet, registered on their own rather than through the nomination (decide it on its own), its address not confirmed yet, nothing to decide (approved already, or the event needs no approval), ' +
                'or, from the bulk decision, changed meanwhile, no longer decidable, gone, or not decided now (try again)',
            }),
          ),
        ),
        status: z.nullable(z.enum(registrationStatuses)).check(about({ description: 'The registration\'s status now; null: none' })),
      }),
    ),
  })
  .check(about({ id: 'DelegationApproval' }));
