// The registration form: the single source of truth for what a participant submits. The submit and
// update handlers validate with it, the page validates with it in the browser, its types are inferred
// from it, and GET /openapi.json describes it. Every list of the form's fields (the store's columns,
// the organizer's view, the page's order, the manage page's editable fields) is derived from it.
import * as z from 'zod/mini';
import { languages } from './languages.ts';
import { participatingStateCodes, partnerCodes } from './osce.ts';
import { categories, titles, type Category } from './participants.ts';
import { standardFormFields, type FormFieldName } from './form-fields.ts';
import { about, countryCode, freeText, isoDate, phoneNumber, singleLine } from './schema-parts.ts';

// Every field of the standard form, keyed as form-fields.ts lists them (the `satisfies` makes the two
// lists one: a field missing from either does not compile).
export const registrationFormShape = {
  title: z.optional(z.enum(titles).check(about({ description: 'Form of address' }))),
  firstName: singleLine(100, 'First name, as in the passport'),
  lastName: singleLine(100, 'Last name, as in the passport'),
  email: z.pipe(
    z.string().check(z.trim(), z.maxLength(254, 'At most 254 characters')),
    z.email('Must be an e-mail address such as name@example.org').check(
      about({ description: 'E-mail address; the identity key, compared case-insensitively' }),
    ),
  ),
  phone: z.optional(phoneNumber().check(about({ description: 'Phone number, preferably in international format' }))),
  category: z.enum(categories).check(about({ description: 'Whom the participant represents; one of the categories the event invites' })),
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
  departureDate: z.optional(isoDate).check(about({ description: 'Not before arrivalDate' })),
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
      .check(z.maxLength(2000), about({
          description:
            'Leave it out. A honeypot for bots: when it holds anything but empty text, the rest of the body is not checked, nothing is stored or sent, and the answer is the same 202.',
        })),
  ),
} satisfies Record<FormFieldName, z.ZodMiniType>;

// Not a field of the form: the nominee's link carries it to the page, which sends it along.
const nominationShape = {
  nomination: z.optional(
    z.string().check(
      z.maxLength(512),
      about({
        description:
          "The token of a nominee's invitation (the nomination parameter of its link): the registration records the delegation that nominated the address. Only for that address: 400 invalid_token otherwise.",
      }),
    ),
  ),
};

/**
 * The rules between the standard form's fields: the country a category needs, travel dates in order.
 * The page and every event's compiled form (form-compile.ts) check them too.
 */
export const standardRules = z.superRefine<{ category: Category; country?: string | undefined; arrivalDate?: string | undefined; departureDate?: string | undefined }>(
  (input, ctx) => {
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
  },
);

/** Any answer to one of an event's own questions, as the document can say it without knowing the event. */
export const answerValue = z
  .union([z.string().check(z.maxLength(2000)), z.number(), z.boolean(), z.array(z.string().check(z.maxLength(40))).check(z.maxLength(50))])
  .check(about({ id: 'Answer', description: 'Text, a date, a country code, an e-mail address, a phone number or a choice\'s id (string); several choices\' ids (array); yes/no (boolean); a number; a file or photo: the uploadId its check answered' }));

export const answersSchema = z
  .record(z.string().check(z.regex(/^[a-z][a-zA-Z0-9_]{0,39}$/)), answerValue)
  .check(
    about({
      id: 'Answers',
      description:
        'Answers to the event\'s own questions (its form: GET /events/{eventId}), keyed by field id; each by the rules of its field (kind and limits), ' +
        'required as the field says for the participant\'s category, and given only when its showIf holds. An unknown id is refused. Errors name answers.<id>.',
    }),
  );

export const registrationInputSchema = z
  .strictObject({ ...inFormOrder(registrationFormShape), answers: z.optional(answersSchema), ...nominationShape })
  .check(
    standardRules,
    about({ id: 'RegistrationInput', title: 'Registration form', allOf: [countryRule('participating_state', participatingStateCodes), countryRule('partner_for_cooperation', partnerCodes)] }),
  );

/** The country rule above as JSON Schema says it, for the document: this category needs one of these countries. */
function countryRule(category: Category, codes: ReadonlySet<string>) {
  return {
    if: { properties: { category: { const: category } }, required: ['category'] },
    then: { properties: { country: { enum: [...codes] } }, required: ['country'] },
  };
}

export type RegistrationInput = z.input<typeof registrationInputSchema>;
export type RegistrationForm = z.output<typeof registrationInputSchema>;
/** What is kept of a submitted form: everything but the honeypot and the nomination's token (the accreditation answers are kept apart). */
export type RegistrationDetails = Omit<RegistrationForm, 'website' | 'nomination'>;
export type AnswerValue = z.output<typeof answerValue>;
export type Answers = Record<string, AnswerValue>;

/** The shape with its keys in the form's order, whatever order the literal above has. */
function inFormOrder<Shape extends Record<FormFieldName, z.ZodMiniType>>(shape: Shape): Shape {
  return Object.fromEntries(standardFormFields.map(({ name }) => [name, shape[name]])) as Shape;
}
