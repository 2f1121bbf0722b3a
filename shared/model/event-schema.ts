// What an event is, as organizers save it (PUT /events/{eventId}) and as the public reads it.
import * as z from 'zod/mini';
import { eventIdPattern } from './tokens.ts';
import { categories } from './participants.ts';
import { languages } from './languages.ts';
import { formDefinitionSchema } from './form-definition-schema.ts';
import { customFields, formOf, type FormDefinition } from './form-definition.ts';
import { about, countryCode, ianaTimeZone, isoDate, isoDateTime, singleLine } from './schema-parts.ts';

export const eventIdSchema = z
  .string()
  .check(z.regex(eventIdPattern, 'Lowercase letters, digits and hyphens'), about({ example: 'osce-drugs-2017' }));

/** A delegation's quota: delegates in all, of whom at most `heads` head the delegation. */
export const delegationQuotaSchema = z
  .strictObject({
    delegates: z.int().check(z.gte(1), z.lte(1000), about({ description: 'Delegates per nominating entity, heads included' })),
    heads: z.int().check(z.gte(0), z.lte(10), about({ description: 'Heads of delegation per nominating entity' })),
  })
  .check(about({ id: 'DelegationQuota' }));

// The fields of an event, shared by the stored event and the body organizers send.
const eventShape = {
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
  timeZone: z._default(ianaTimeZone, 'Europe/Vienna').check(about({ description: 'IANA time zone of the venue', example: 'Europe/Vienna' })),
  registration: z
    ._default(
      z.strictObject({
        opensAt: z.optional(isoDateTime),
        closesAt: z.optional(isoDateTime),
      }),
      {},
    )
    .check(about({ description: 'Registration window; an absent bound leaves that side open' })),
  categories: z
    .array(z.enum(categories))
    .check(z.minLength(1), about({ description: 'Categories of participants invited, each at most once', uniqueItems: true })),
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
  languages: z
    ._default(z.array(z.enum(languages)).check(z.minLength(1)), [...languages])
    .check(about({ description: 'The languages the registration page offers, each at most once; every text of the form must be in each before registration opens', uniqueItems: true })),
  form: z.optional(formDefinitionSchema),
  accreditationRetentionDays: z
    ._default(z.int().check(z.gte(0), z.lte(365)), 30)
    .check(about({ description: 'Days after endDate until the accreditation answers and files are deleted' })),
  visaLetter: z.optional(
    z
      .strictObject({
        letterhead: singleLine(300, 'The first line of every visa support letter, e.g. Organization for Security and Co-operation in Europe, Secretariat'),
        signatoryName: singleLine(200, 'Who signs the letters'),
        signatoryTitle: singleLine(200, "The signatory's function"),
        requestedBy: z.optional(
          z.string().check(
            z.minLength(1),
            z.maxLength(64),
            about({ description: "The id of a yes/no question of the form (not an accreditation one): only participants who answer yes get a letter. Absent: every participant holding a seat may download one" }),
          ),
        ),
      })
      .check(about({ description: 'The letterhead and signatory of the visa support letters, and the question by which participants ask for one; absent: the organizer named above, unsigned' })),
  ),
  delegations: z.optional(
    z
      .strictObject({
        quota: z.optional(delegationQuotaSchema),
        nominationsCloseAt: z.optional(isoDateTime),
      })
      .check(about({ description: 'How focal points nominate delegates. Absent: 3 delegates per entity, 1 head of delegation, no deadline' })),
  ),
};

// The rules between fields. JSON Schema cannot compare two values, so the document states them in words.
interface RuledFields {
  startDate: string;
  endDate: string;
  registration: { opensAt?: string | undefined; closesAt?: string | undefined };
  categories: readonly string[];
  languages: readonly string[];
  form?: FormDefinition | undefined;
  visaLetter?: { requestedBy?: string | undefined } | undefined;
}
const eventRules = z.superRefine<RuledFields>((event, ctx) => {
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
  if (new Set(event.languages).size !== event.languages.length) {
    ctx.addIssue({ code: 'custom', path: ['languages'], message: 'Each language at most once' });
  }
  const requestedBy = event.visaLetter?.requestedBy;
  if (requestedBy !== undefined) {
    // The answer must sit on the registration, where the letter's handlers read it: not kept apart.
    const question = customFields(formOf(event)).find((field) => field.id === requestedBy);
    if (question?.kind !== 'yes_no' || question.accreditation) {
      ctx.addIssue({ code: 'custom', path: ['visaLetter', 'requestedBy'], message: 'Must name a yes/no question of the form that is not an accreditation question' });
    }
  }
});
const rulesInWords =
  'endDate is not before startDate; registration.closesAt is after registration.opensAt. ' +
  'While registration is open (now inside its window), every text of the form (section titles, labels, hints, choices) is given in each of languages; ' +
  'an event saved with a text missing stays closed until it is complete. A field that registrations have answered keeps its kind and accreditation. ' +
  'visaLetter.requestedBy names a yes/no question of the form that is not an accreditation question.';

export const eventSchema = z.strictObject(eventShape).check(eventRules, about({ id: 'Event', description: rulesInWords }));

/**
 * The body of PUT /events/{eventId}: the event, whose id the path gives. saveEvent refuses an id that
 * differs from the path's and validates the body with eventSchema once the path's id is in it.
 */
export const eventInputSchema = z
  .strictObject({
    ...eventShape,
    id: z.optional(eventIdSchema).check(about({ description: 'May be left out: the path names the event. When given, it must equal the eventId in the path.' })),
  })
  .check(eventRules, about({ id: 'EventInput', description: rulesInWords }));

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
    capacity: z.optional(z.int()),
    approval: z.enum(['none', 'required']),
    languages: z.array(z.enum(languages)),
    form: formDefinitionSchema,
    accreditationRetentionDays: z.int(),
  })
  .check(about({ id: 'PublicEvent' }));

export type PublicEvent = z.output<typeof publicEventSchema>;

export const eventListSchema = z.object({ items: z.array(publicEventSchema) }).check(about({ id: 'EventList' }));
