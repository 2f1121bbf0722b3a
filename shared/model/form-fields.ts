// The fields of the standard registration form, in the order of the form, with the kind of each.
// Plain data, so code that must not bundle Zod (the store, the read-only functions) knows them too:
// the schema (registration-schema.ts) is assembled over this list, and every other list of fields
// (the store's columns, the organizer's view, the page's order, the manage page's editable fields,
// the CSV columns) is derived from it.
export type FieldKind =
  | 'choice'
  | 'text'
  | 'long_text'
  | 'email'
  | 'phone'
  | 'category'
  | 'country'
  | 'language'
  | 'date'
  | 'consents'
  /** Never shown to people: a bot that fills it in is ignored. */
  | 'honeypot';

export const standardFormFields = [
  { name: 'title', kind: 'choice' },
  { name: 'firstName', kind: 'text' },
  { name: 'lastName', kind: 'text' },
  { name: 'email', kind: 'email' },
  { name: 'phone', kind: 'phone' },
  { name: 'category', kind: 'category' },
  { name: 'country', kind: 'country' },
  { name: 'organization', kind: 'text' },
  { name: 'position', kind: 'text' },
  { name: 'language', kind: 'language' },
  { name: 'arrivalDate', kind: 'date' },
  { name: 'departureDate', kind: 'date' },
  { name: 'dietaryRequirements', kind: 'long_text' },
  { name: 'accessibilityNeeds', kind: 'long_text' },
  { name: 'consents', kind: 'consents' },
  { name: 'website', kind: 'honeypot' },
] as const satisfies readonly { name: string; kind: FieldKind }[];

export type FormFieldName = (typeof standardFormFields)[number]['name'];
type KeptField = Exclude<(typeof standardFormFields)[number], { kind: 'honeypot' }>;
export type DetailField = KeptField['name'];

/** The fields kept on a registration: everything but the honeypot, in the order of the form. */
export const detailFields = standardFormFields.filter((field): field is KeptField => field.kind !== 'honeypot').map((field) => field.name);

const pageEditableKinds: ReadonlySet<FieldKind> = new Set(['text', 'long_text', 'phone', 'date']);
type PageEditable = Extract<KeptField, { kind: 'text' | 'long_text' | 'phone' | 'date' }>['name'];

/**
 * The fields the manage page lets a participant correct as plain inputs; choices (category, country,
 * title) change through the JSON API, where the rules between them are checked together.
 */
export const pageEditableFields = standardFormFields
  .filter((field): field is Extract<KeptField, { name: PageEditable }> => pageEditableKinds.has(field.kind))
  .map((field) => field.name);

export function kindOf(name: FormFieldName): FieldKind {
  return standardFormFields.find((field) => field.name === name)!.kind;
}
