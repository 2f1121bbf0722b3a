// An event's form as data: ordered sections of fields, each either a field of the standard form (kept
// with its name, rules and words) or a question of the event's own, of a typed kind, with its texts in
// the event's languages. No Zod here (the schema is form-definition-schema.ts, the compiled answers'
// schema form-compile.ts), so the read-only functions, the list and the CSV read forms without it.
import type { Language } from './languages.ts';
import type { Category } from './participants.ts';
import type { FormFieldName } from './form-fields.ts';

export const customKinds = [
  'short_text',
  'long_text',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'date',
  'country',
  'email',
  'phone',
  'number',
  'file',
  'photo',
] as const;
export type CustomKind = (typeof customKinds)[number];

/** The file types an upload may be, by what its bytes are (checked on upload, never by its name). */
export const fileTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type FileType = (typeof fileTypes)[number];

/** A text in some of the event's languages; every one of them before registration opens. */
export type Texts = Partial<Record<Language, string>>;

/** true: required of everyone; a list: of these categories only; absent or false: optional. */
export type Requirement = boolean | Category[];

/** Shown only when the answer to an earlier field is one of these (for several choices: includes one). */
export interface ShowIf {
  field: string;
  anyOf: (string | boolean)[];
}

export interface Choice {
  id: string;
  label: Texts;
}

interface CustomBase {
  id: string;
  label: Texts;
  hint?: Texts | undefined;
  required?: Requirement | undefined;
  showIf?: ShowIf | undefined;
  /** Identity and security data: kept apart, read only by the accreditation role, deleted after the event. */
  accreditation?: boolean | undefined;
}

export type CustomField = CustomBase &
  (
    | { kind: 'short_text' | 'long_text'; minLength?: number | undefined; maxLength?: number | undefined }
    | { kind: 'single_choice'; choices: Choice[] }
    | { kind: 'multiple_choice'; choices: Choice[]; minCount?: number | undefined; maxCount?: number | undefined }
    | { kind: 'yes_no' | 'country' | 'email' | 'phone' }
    | { kind: 'date'; minDate?: string | undefined; maxDate?: string | undefined }
    | { kind: 'number'; min?: number | undefined; max?: number | undefined; integer?: boolean | undefined }
    | { kind: 'file'; fileTypes?: FileType[] | undefined; maxBytes?: number | undefined }
    | {
        kind: 'photo';
        maxBytes?: number | undefined;
        minWidth?: number | undefined;
        minHeight?: number | undefined;
        /** Width to height, e.g. 3:4 for a badge; a photo within 5 % of it passes. */
        aspect?: { width: number; height: number } | undefined;
      }
  );

/** The fields of the standard form every event asks for: the registration's identity and the rules between them. */
export const mandatoryStandardFields = ['firstName', 'lastName', 'email', 'category', 'country', 'organization', 'consents'] as const;
/** The standard fields an event may leave out, or ask of everyone or of some categories. */
export const optionalStandardFields = ['title', 'phone', 'position', 'arrivalDate', 'departureDate', 'dietaryRequirements', 'accessibilityNeeds'] as const;
export type OptionalStandardField = (typeof optionalStandardFields)[number];
export type StandardPlaced = (typeof mandatoryStandardFields)[number] | OptionalStandardField;

export interface StandardField {
  kind: 'standard';
  name: StandardPlaced;
  /** Only for the optional ones: the mandatory ones are always required. */
  required?: Requirement | undefined;
}

export type FormField = StandardField | CustomField;

export interface FormSection {
  id: string;
  /** The standard sections (about, represent, travel, needs) have their words; other sections need a title. */
  title?: Texts | undefined;
  fields: FormField[];
}

export interface FormDefinition {
  sections: FormSection[];
}

/** The sections whose titles the page's words give (shared/i18n form messages, `sections`). */
export const standardSectionIds = ['about', 'represent', 'travel', 'needs'] as const;

/** Field ids no question may take: the standard form's names (placed or not) and the body's own members. */
export const reservedFieldIds: ReadonlySet<string> = new Set<string>([...mandatoryStandardFields, ...optionalStandardFields, 'language', 'website', 'answers']);

/** An upload's id (tokens.ts newUploadId): random, so it names one upload and guesses none. */
export const uploadIdPattern = /^[A-Za-z0-9_-]{22}$/;

/** The most any upload may be, whatever a field allows. */
export const maxUploadBytes = 10 * 1024 * 1024;
export const defaultUploadBytes = { file: 5 * 1024 * 1024, photo: 5 * 1024 * 1024 } as const;

const standard = (name: StandardPlaced): StandardField => ({ kind: 'standard', name });

/** The OSCE's standard form, the default of every event that defines none: the form as it always was. */
export const standardForm: FormDefinition = {
  sections: [
    { id: 'about', fields: (['title', 'firstName', 'lastName', 'email', 'phone'] as const).map(standard) },
    { id: 'represent', fields: (['category', 'country', 'organization', 'position'] as const).map(standard) },
    { id: 'travel', fields: (['arrivalDate', 'departureDate'] as const).map(standard) },
    { id: 'needs', fields: (['dietaryRequirements', 'accessibilityNeeds', 'consents'] as const).map(standard) },
  ],
};

/** The event's form: its own definition, or the standard one. */
export function formOf(event: { form?: FormDefinition | undefined }): FormDefinition {
  return event.form ?? standardForm;
}

/** Every field, in the form's order. */
export function fieldsInOrder(form: FormDefinition): FormField[] {
  return form.sections.flatMap((section) => section.fields);
}

export function customFields(form: FormDefinition): CustomField[] {
  return fieldsInOrder(form).filter((field): field is CustomField => field.kind !== 'standard');
}

export function fieldId(field: FormField): string {
  return field.kind === 'standard' ? field.name : field.id;
}

/** Whether the form places this standard field (the mandatory ones always are). */
export function asksStandard(form: FormDefinition, name: FormFieldName): boolean {
  return fieldsInOrder(form).some((field) => field.kind === 'standard' && field.name === name);
}

export function isRequiredFor(requirement: Requirement | undefined, category: Category | undefined): boolean {
  if (requirement === true) return true;
  if (!requirement) return false;
  return category !== undefined && requirement.includes(category);
}

/** The answers a condition can look at: the standard fields' values and the event's own questions'. */
export type AnswerLookup = (fieldId: string) => unknown;

export function isShown(field: FormField, answerOf: AnswerLookup): boolean {
  if (field.kind === 'standard' || !field.showIf) return true;
  const answer = answerOf(field.showIf.field);
  const wanted = field.showIf.anyOf;
  if (Array.isArray(answer)) return answer.some((value) => wanted.includes(value as string));
  return wanted.includes(answer as string | boolean);
}

/** Where the answers to this question are kept: the accreditation data, or the registration. */
export function isAccreditation(field: FormField): field is CustomField & { accreditation: true } {
  return field.kind !== 'standard' && field.accreditation === true;
}

export function isFileKind(kind: FormField['kind']): kind is 'file' | 'photo' {
  return kind === 'file' || kind === 'photo';
}

/** The file types a file or photo question takes. */
export function acceptedTypes(field: CustomField & { kind: 'file' | 'photo' }): FileType[] {
  if (field.kind === 'photo') return ['image/jpeg', 'image/png'];
  return field.fileTypes ?? [...fileTypes];
}

export function maxBytesOf(field: CustomField & { kind: 'file' | 'photo' }): number {
  return field.maxBytes ?? defaultUploadBytes[field.kind];
}

/** Each text of the form with the place it sits, for the translation check and the page. */
export function textsOf(form: FormDefinition): { path: string; texts: Texts }[] {
  const found: { path: string; texts: Texts }[] = [];
  form.sections.forEach((section, s) => {
    const at = `form.sections.${s}`;
    if (section.title) found.push({ path: `${at}.title`, texts: section.title });
    else if (!(standardSectionIds as readonly string[]).includes(section.id)) found.push({ path: `${at}.title`, texts: {} });
    section.fields.forEach((field, f) => {
      if (field.kind === 'standard') return;
      const place = `${at}.fields.${f}`;
      found.push({ path: `${place}.label`, texts: field.label });
      if (field.hint) found.push({ path: `${place}.hint`, texts: field.hint });
      if (field.kind === 'single_choice' || field.kind === 'multiple_choice') {
        field.choices.forEach((choice, c) => found.push({ path: `${place}.choices.${c}.label`, texts: choice.label }));
      }
    });
  });
  return found;
}

/** Every text missing in one of the event's languages, by place ("form.sections.2.fields.0.label.ru"). */
export function missingTranslations(form: FormDefinition, languages: readonly Language[]): string[] {
  return textsOf(form).flatMap(({ path, texts }) =>
    languages.filter((language) => (texts[language] ?? '').trim() === '').map((language) => `${path}.${language}`),
  );
}

/** A text in the reader's language, else in the first of the event's languages that has it. */
export function textIn(texts: Texts | undefined, language: Language, fallbacks: readonly Language[]): string {
  if (!texts) return '';
  return texts[language] ?? fallbacks.map((other) => texts[other]).find((text) => text !== undefined) ?? Object.values(texts)[0] ?? '';
}

/**
 * Answers in the form's order, then the answers to questions the form no longer asks (by id): kept,
 * never dropped, so a changed form leaves every answer readable.
 */
export function inFormOrder<Value>(answers: Record<string, Value> | undefined, form: FormDefinition): Record<string, Value> {
  if (!answers) return {};
  const asked = customFields(form).map((field) => field.id).filter((id) => id in answers);
  const retired = Object.keys(answers).filter((id) => !asked.includes(id)).sort();
  return Object.fromEntries([...asked, ...retired].map((id) => [id, answers[id]!]));
}

/** An answer as one line of text (CSV cells, pages): several choices joined, yes/no as true/false. */
export function answerAsText(value: unknown): string {
  if (Array.isArray(value)) return value.join('; ');
  return value === undefined || value === null ? '' : String(value);
}
