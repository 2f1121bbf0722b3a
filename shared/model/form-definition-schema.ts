// The rules of a form definition (form-definition.ts): typed kinds, limits that make sense, and the
// rules between fields, each refusal naming its place ("form.sections.1.fields.0.showIf.field").
// Translations are the event's business (event-schema.ts and saveEvent): they depend on its languages.
import * as z from 'zod/mini';
import { languages } from './languages.ts';
import { categories, titles } from './participants.ts';
import {
  customKinds,
  fileTypes,
  mandatoryStandardFields,
  maxUploadBytes,
  optionalStandardFields,
  reservedFieldIds,
  type FormDefinition,
  type FormField,
} from './form-definition.ts';
import { about, isoDate, singleLine, storableNumber } from './schema-parts.ts';

const idPattern = /^[a-z][a-zA-Z0-9_]{0,39}$/;
const fieldIdSchema = z
  .string()
  .check(z.regex(idPattern, 'A letter a-z, then letters, digits or _, at most 40'), about({ description: 'The answer\'s key in answers; unique in the form', example: 'passportNumber' }));

const texts = (max: number, description: string) =>
  z.partialRecord(z.enum(languages), singleLine(max, description)).check(about({ description: `${description}, by language: every one of the event's languages before registration opens` }));
const label = texts(200, 'Label');
const hint = z.optional(texts(500, 'Hint under the label'));

const requirement = z
  .optional(z.union([z.boolean(), z.array(z.enum(categories)).check(z.minLength(1), z.maxLength(categories.length))]))
  .check(about({ description: 'true: required of everyone; a list of categories: required of those; absent or false: optional' }));

const showIf = z.optional(
  z
    .strictObject({
      field: z.string().check(z.maxLength(40), about({ description: 'An earlier field: a yes/no, choice or country question, or category, country or title' })),
      anyOf: z.array(z.union([z.string().check(z.maxLength(40)), z.boolean()])).check(z.minLength(1), z.maxLength(60)),
    })
    .check(about({ description: 'Shown (and asked) only when the earlier answer is one of anyOf (for several choices: includes one)' })),
);

const common = {
  id: fieldIdSchema,
  label,
  hint,
  required: requirement,
  showIf,
  accreditation: z.optional(z.boolean()).check(about({ description: 'Identity or security data: kept apart, read only with the accreditation role, deleted after the event' })),
};

const count = (max: number) => z.optional(z.int().check(z.gte(0), z.lte(max)));
const choices = z
  .array(z.strictObject({ id: fieldIdSchema, label }))
  .check(z.minLength(1, 'At least one choice'), z.maxLength(50));
const uploadBytes = z.optional(z.int().check(z.gte(1024), z.lte(maxUploadBytes, `At most ${maxUploadBytes} bytes`)));

const customField = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.enum(['short_text', 'long_text']), ...common, minLength: count(2000), maxLength: count(2000) }),
    z.strictObject({ kind: z.literal('single_choice'), ...common, choices }),
    z.strictObject({ kind: z.literal('multiple_choice'), ...common, choices, minCount: count(50), maxCount: count(50) }),
    z.strictObject({ kind: z.enum(['yes_no', 'country', 'email', 'phone']), ...common }),
    z.strictObject({ kind: z.literal('date'), ...common, minDate: z.optional(isoDate), maxDate: z.optional(isoDate) }),
    z.strictObject({
      kind: z.literal('number'),
      ...common,
      min: z.optional(storableNumber()),
      max: z.optional(storableNumber()),
      integer: z.optional(z.boolean()),
    }),
    z.strictObject({
      kind: z.literal('file'),
      ...common,
      fileTypes: z.optional(z.array(z.enum(fileTypes)).check(z.minLength(1), z.maxLength(fileTypes.length))),
      maxBytes: uploadBytes,
    }),
    z.strictObject({
      kind: z.literal('photo'),
      ...common,
      maxBytes: uploadBytes,
      minWidth: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
      minHeight: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
      aspect: z.optional(z.strictObject({ width: z.int().check(z.gte(1), z.lte(100)), height: z.int().check(z.gte(1), z.lte(100)) })),
    }),
    z.strictObject({
      kind: z.literal('standard'),
      name: z.enum([...mandatoryStandardFields, ...optionalStandardFields]),
      required: requirement,
    }),
  ],
  { error: () => `Unknown kind: one of ${[...customKinds, 'standard'].join(', ')}` },
);

const sectionSchema = z.strictObject({
  id: fieldIdSchema,
  title: z.optional(texts(200, 'Section heading')),
  fields: z.array(customField).check(z.minLength(1, 'A section has at least one field'), z.maxLength(60)),
});

type Issue = { path: (string | number)[]; message: string };

/** The rules between fields, which JSON Schema cannot say; the document says them in words. */
export function definitionIssues(form: FormDefinition): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, FormField>();
  const sectionIds = new Set<string>();
  const total = form.sections.reduce((sum, section) => sum + section.fields.length, 0);
  if (total > 80) issues.push({ path: ['sections'], message: 'At most 80 fields in a form' });
  form.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) issues.push({ path: ['sections', s, 'id'], message: 'Each section id at most once' });
    sectionIds.add(section.id);
    section.fields.forEach((field, f) => {
      const at = ['sections', s, 'fields', f];
      const id = field.kind === 'standard' ? field.name : field.id;
      if (seen.has(id)) issues.push({ path: [...at, field.kind === 'standard' ? 'name' : 'id'], message: `"${id}" is in the form twice` });
      else if (field.kind !== 'standard' && reservedFieldIds.has(id)) issues.push({ path: [...at, 'id'], message: `"${id}" is a field of the standard form: place it with kind standard` });
      if (field.kind === 'standard') {
        if (field.required !== undefined && (mandatoryStandardFields as readonly string[]).includes(field.name)) {
          issues.push({ path: [...at, 'required'], message: `${field.name} is always required` });
        }
        if (field.name === 'country' && !seen.has('category')) issues.push({ path: [...at, 'name'], message: 'country must come after category: whom one represents decides it' });
      } else {
        issues.push(...limitIssues(field, at));
        if (field.showIf) issues.push(...conditionIssues(field.showIf, seen, [...at, 'showIf']));
      }
      seen.set(id, field);
    });
  });
  for (const name of mandatoryStandardFields) {
    if (!seen.has(name)) issues.push({ path: ['sections'], message: `The form must place the standard field ${name}` });
  }
  return issues;
}

function limitIssues(field: Exclude<FormField, { kind: 'standard' }>, at: (string | number)[]): Issue[] {
  const issues: Issue[] = [];
  const order = (low: number | string | undefined, high: number | string | undefined, name: string) => {
    if (low !== undefined && high !== undefined && low > high) issues.push({ path: [...at, name], message: 'Must not be below the lower limit' });
  };
  switch (field.kind) {
    case 'short_text':
    case 'long_text':
      if (field.kind === 'short_text' && (field.maxLength ?? 0) > 500) issues.push({ path: [...at, 'maxLength'], message: 'A short text is at most 500 characters' });
      order(field.minLength, field.maxLength, 'maxLength');
      break;
    case 'single_choice':
    case 'multiple_choice': {
      const ids = new Set<string>();
      field.choices.forEach((choice, c) => {
        if (ids.has(choice.id)) issues.push({ path: [...at, 'choices', c, 'id'], message: 'Each choice id at most once' });
        ids.add(choice.id);
      });
      if (field.kind === 'multiple_choice') {
        order(field.minCount, field.maxCount, 'maxCount');
        if ((field.minCount ?? 0) > field.choices.length) issues.push({ path: [...at, 'minCount'], message: 'More than there are choices' });
      }
      break;
    }
    case 'date':
      order(field.minDate, field.maxDate, 'maxDate');
      break;
    case 'number':
      order(field.min, field.max, 'max');
      break;
    case 'photo':
      break;
    default:
      break;
  }
  return issues;
}

/** A condition looks at an earlier field with values to choose from, and names values it can have. */
function conditionIssues(condition: { field: string; anyOf: (string | boolean)[] }, earlier: Map<string, FormField>, at: (string | number)[]): Issue[] {
  const target = earlier.get(condition.field);
  if (!target) return [{ path: [...at, 'field'], message: `"${condition.field}" is not an earlier field of the form` }];
  const values = possibleValues(target);
  if (!values) return [{ path: [...at, 'field'], message: 'A condition looks at a yes/no, choice or country question, or at category, country or title' }];
  return condition.anyOf.flatMap((value, v) =>
    values.has(value) ? [] : [{ path: [...at, 'anyOf', v], message: `Not an answer ${condition.field} can have` }],
  );
}

function possibleValues(field: FormField): ReadonlySet<string | boolean> | undefined {
  if (field.kind === 'standard') {
    if (field.name === 'category') return new Set(categories);
    if (field.name === 'title') return new Set(titles);
    if (field.name === 'country') return anyCountry;
    return undefined;
  }
  if (field.kind === 'yes_no') return new Set([true, false]);
  if (field.kind === 'single_choice' || field.kind === 'multiple_choice') return new Set(field.choices.map((choice) => choice.id));
  if (field.kind === 'country') return anyCountry;
  return undefined;
}

/** Any two capital letters: the country list itself is the answer schema's to check. */
const anyCountry: ReadonlySet<string | boolean> = { has: (value: string | boolean) => typeof value === 'string' && /^[A-Z]{2}$/.test(value) } as ReadonlySet<string | boolean>;

export const formDefinitionSchema = z
  .strictObject({
    sections: z.array(sectionSchema).check(z.minLength(1), z.maxLength(20)),
  })
  .check(
    z.superRefine((form, ctx) => {
      for (const issue of definitionIssues(form as FormDefinition)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }),
    about({
      id: 'FormDefinition',
      description:
        'The event\'s form: sections in order, each with fields in order. kind standard places a field of the standard form by its name (firstName, lastName, email, category, country, organization and consents must be placed; country after category); ' +
        'other kinds are the event\'s own questions, answered under answers by their id. Ids are unique in the form and none is a standard field\'s name; section ids are unique. ' +
        'A showIf names an earlier field (a yes_no, single_choice, multiple_choice or country question, or category, country or title) and values it can have. ' +
        'Lower limits are not above upper ones; a short_text is at most 500 characters; minCount is not above the number of choices; at most 80 fields. ' +
        'Sections other than about, represent, travel and needs need a title. Absent: the standard form.',
    }),
  );
