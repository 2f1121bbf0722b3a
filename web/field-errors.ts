// The page's errors: where each field's error shows, the order of the summary, and the words of
// each problem in the reader's language (by field and by Zod's issue code).
import type { FieldErrors, FormMessages } from '#shared/i18n/form-messages.ts';
import { fill } from '#shared/i18n/messages.ts';
import type { DetailField } from '#shared/model/form-fields.ts';
import { fieldsInOrder, standardForm, type CustomField, type FormDefinition } from '#shared/model/form-definition.ts';
import { questionDescribed, questionTarget } from './questions.ts';

/** A problem with one field, from the browser's own validation or from the API's 400 answer. */
export interface FieldIssue {
  path: string;
  code: string;
  maximum?: number;
  minimum?: number;
  /** The limit was on a count of choices, or on a number's size, not on text. */
  array?: boolean;
  numeric?: boolean;
}

export interface FieldPlace {
  path: string;
  /** The id the error message element is named after. */
  error: string;
  /** The element the error summary links to and focuses. */
  target: () => string;
  /** The element whose aria-describedby names the error. */
  describes: string;
  label: string;
  /** An event's own question: its label in the page's language (the standard fields' come from `label`). */
  labelText?: () => string;
}

function firstCategoryId(): string {
  const first = [...document.querySelectorAll<HTMLElement>('.radio[data-category]')].find((radio) => !radio.hidden);
  return `category-${first?.dataset.category ?? 'participating_state'}`;
}

// Where a field's error shows on the page, for the fields that are not one plain input of their name.
const placeExceptions: Partial<Record<DetailField, Partial<FieldPlace>>> = {
  category: { target: firstCategoryId, describes: 'category-fieldset', label: 'fields.category.legend' },
  country: { label: 'fields.country.stateLabel' },
  arrivalDate: { target: () => 'arrivalDate-day', describes: 'arrivalDate-fieldset', label: 'fields.arrivalDate.legend' },
  departureDate: { target: () => 'departureDate-day', describes: 'departureDate-fieldset', label: 'fields.departureDate.legend' },
  // Of the consents only the privacy notice can be wrong: it must be given.
  consents: { path: 'consents.privacyNotice', error: 'privacyNotice', target: () => 'privacyNotice', describes: 'privacyNotice', label: 'fields.consents.privacyNotice' },
};

/** The places of the standard field `name`: its error, focus target and label as the page has them. */
function standardPlace(name: DetailField): FieldPlace {
  return { path: name, error: name, target: () => name, describes: name, label: `fields.${name}.label`, ...placeExceptions[name] };
}

function questionPlace(field: CustomField, labelOf: (field: CustomField) => string): FieldPlace {
  const id = `q-${field.id}`;
  return { path: `answers.${field.id}`, error: id, target: () => questionTarget(field), describes: questionDescribed(field), label: '', labelText: () => labelOf(field) };
}

let places: readonly FieldPlace[] = formPlaces(standardForm, () => '');

/** Every field of the form in its order (the language is the page's own switch, not a field). */
function formPlaces(form: FormDefinition, labelOf: (field: CustomField) => string): FieldPlace[] {
  return fieldsInOrder(form).map((field) => (field.kind === 'standard' ? standardPlace(field.name) : questionPlace(field, labelOf)));
}

/** The event's form decides which fields the page has and their order. */
export function useForm(form: FormDefinition, labelOf: (field: CustomField) => string): void {
  places = formPlaces(form, labelOf);
}

export function fieldOrder(): readonly FieldPlace[] {
  return places;
}

export function placeOf(path: string): FieldPlace | undefined {
  return places.find((entry) => entry.path === path) ?? places.find((entry) => path.startsWith(`${entry.path}.`));
}

function rank(path: string): number {
  const place = placeOf(path);
  const index = place ? places.indexOf(place) : -1;
  return index === -1 ? places.length : index;
}

/** One issue per field, in page order (an issue inside a field, answers.sideEvents.0, counts as the field's). */
export function orderIssues(list: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  const ordered = [...list].map((issue) => ({ ...issue, path: placeOf(issue.path)?.path ?? issue.path })).sort((a, b) => rank(a.path) - rank(b.path));
  return ordered.filter((issue) => !seen.has(issue.path) && seen.add(issue.path));
}

export interface IssueWords {
  messages: FormMessages;
  /** A label's text, with its placeholders filled. */
  label: (key: string) => string;
  /** The body the issue is about, to tell a missing value from a wrong one. */
  sent: Record<string, unknown> | undefined;
  partner: boolean;
  examples: { arrival: string; departure: string };
}

function lookupValue(body: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), body);
}

export function issueMessage(issue: FieldIssue, words: IssueWords): string {
  const m = words.messages;
  const byField = (m.errors.fields as Record<string, (FieldErrors & { customPartner?: string }) | undefined>)[issue.path];
  // A missing value reads as "required" whatever Zod calls it (an absent enum is an invalid_value).
  const absent = words.sent !== undefined && lookupValue(words.sent, issue.path) === undefined;
  const kind = issue.code === 'invalid_type' || issue.code === 'too_small' || (absent && issue.code === 'invalid_value') ? 'required' : issue.code;
  if (issue.path === 'country' && kind === 'custom' && words.partner) return byField!.customPartner!;
  const field = placeOf(issue.path);
  const fieldLabel = field ? (field.labelText?.() ?? words.label(field.label)) : issue.path;
  if (field?.labelText) return questionMessage(issue, absent, fieldLabel, m);
  const specific = byField?.[kind as keyof FieldErrors];
  if (specific) return fill(specific, { example: issue.path === 'departureDate' ? words.examples.departure : words.examples.arrival });
  if (issue.code === 'unrecognized_key' || !field) return m.errors.unknownField;
  if (kind === 'too_big') return fill(m.errors.tooLong, { field: fieldLabel, max: String(issue.maximum ?? '') });
  if (kind === 'invalid_format') return fill(m.errors.singleLine, { field: fieldLabel });
  return fill(m.errors.invalid, { field: fieldLabel });
}

/** The words for a problem with one of the event's own questions, by Zod's issue code. */
function questionMessage(issue: FieldIssue, absent: boolean, field: string, m: FormMessages): string {
  const q = m.questions;
  const many = issue.array === true;
  if (absent || issue.code === 'invalid_type' || (issue.code === 'too_small' && (issue.minimum ?? 1) <= 1)) return fill(q.required, { field });
  if (issue.code === 'too_small') return fill(many ? q.tooFew : q.tooShort, { field, min: String(issue.minimum) });
  if (issue.code === 'too_big' && many) return fill(q.tooMany, { field, max: String(issue.maximum ?? '') });
  if (issue.code === 'too_big' && issue.numeric) return fill(q.outOfRange, { field });
  if (issue.code === 'too_big') return fill(m.errors.tooLong, { field, max: String(issue.maximum ?? '') });
  if (issue.code === 'invalid_format') return fill(m.errors.singleLine, { field });
  return fill(m.errors.invalid, { field });
}
