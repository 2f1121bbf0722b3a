// The form editor's state (a draft) and the form definition it saves, both ways: the definition's
// sections and fields in order, with the limits as the organizer types them (text, until saved), a key
// per section and field that survives moves (Preact's keys), and whether the field is in the saved form
// (its id is then an answer's key, and stays). Every operation returns a new draft; no DOM, no Zod, so
// test/unit/form-draft.test.ts runs it without a browser. The rules stay the API's (form-definition-schema.ts).
import {
  customKinds,
  fieldId,
  fileTypes,
  mandatoryStandardFields,
  missingTranslations,
  optionalStandardFields,
  standardSectionIds,
  type Choice,
  type CustomField,
  type CustomKind,
  type FileType,
  type FormDefinition,
  type FormField,
  type OptionalStandardField,
  type Requirement,
  type ShowIf,
  type Texts,
  textIn,
} from '#shared/model/form-definition.ts';
import { formEn } from '#shared/i18n/en.ts';
import type { Language } from '#shared/model/languages.ts';
import { categories, titles } from '#shared/model/participants.ts';
import { messages as m, say } from './messages.ts';

const w = m.formEditor;
const languageName = (language: Language) => m.registration.languageNames[language];

export { customKinds };

/** The limits an organizer types, by the name the editor gives them (sizes in megabytes, not bytes). */
export const limitNames = ['minLength', 'maxLength', 'minCount', 'maxCount', 'minDate', 'maxDate', 'min', 'max', 'maxMegabytes', 'minWidth', 'minHeight'] as const;
export type LimitName = (typeof limitNames)[number];

const limitsByKind: Record<CustomKind, readonly LimitName[]> = {
  short_text: ['minLength', 'maxLength'],
  long_text: ['minLength', 'maxLength'],
  single_choice: [],
  multiple_choice: ['minCount', 'maxCount'],
  yes_no: [],
  date: ['minDate', 'maxDate'],
  country: [],
  email: [],
  phone: [],
  number: ['min', 'max'],
  file: ['maxMegabytes'],
  photo: ['maxMegabytes', 'minWidth', 'minHeight'],
};

/** The limits that fit a kind, in the order the editor shows them. */
export function limitsOf(kind: FormField['kind']): readonly LimitName[] {
  return kind === 'standard' ? [] : limitsByKind[kind];
}

const megabyte = 1024 * 1024;

export interface DraftField {
  key: string;
  field: FormField;
  limits: Partial<Record<LimitName, string>>;
  /** In the form as last saved: its id keys answers already given. */
  saved: boolean;
}

export interface DraftSection {
  key: string;
  id: string;
  title?: Texts | undefined;
  fields: DraftField[];
}

export interface Draft {
  sections: DraftSection[];
  /** The next key to hand out (keys are never reused, so a moved field keeps its focus and state). */
  next: number;
}

/** A limit the editor cannot turn into a number, at the place the API would name. */
export interface DraftIssue {
  path: string;
  message: string;
}

function limitsFrom(field: FormField): Partial<Record<LimitName, string>> {
  if (field.kind === 'standard') return {};
  const source = field as unknown as Record<string, unknown>;
  const limits: Partial<Record<LimitName, string>> = {};
  for (const name of limitsOf(field.kind)) {
    const value = name === 'maxMegabytes' ? (typeof source.maxBytes === 'number' ? source.maxBytes / megabyte : undefined) : source[name];
    if (value !== undefined) limits[name] = String(value);
  }
  return limits;
}

/** The draft of a saved form: every field marked saved. */
export function draftOf(form: FormDefinition): Draft {
  let next = 0;
  const sections = form.sections.map((section) => ({
    key: `s${next++}`,
    id: section.id,
    title: section.title,
    fields: section.fields.map((field) => ({ key: `f${next++}`, field, limits: limitsFrom(field), saved: true })),
  }));
  return { sections, next };
}

/** The definition the draft stands for, and the limits it could not read (nothing is saved then). */
export function definitionOf(draft: Draft): { form: FormDefinition; issues: DraftIssue[] } {
  const issues: DraftIssue[] = [];
  const sections = draft.sections.map((section, s) => ({
    id: section.id,
    ...(section.title || !isStandardSection(section.id) ? { title: section.title ?? {} } : {}),
    fields: section.fields.map((entry, f) => withLimits(entry, `form.sections.${s}.fields.${f}`, issues)),
  }));
  return { form: { sections }, issues };
}

function withLimits(entry: DraftField, at: string, issues: DraftIssue[]): FormField {
  const { field } = entry;
  if (field.kind === 'standard') return field;
  const base: Record<string, unknown> = { ...field };
  // An empty hint is no hint: it asks for no translation.
  if (field.hint && Object.values(field.hint).every((text) => !text?.trim())) delete base.hint;
  for (const name of [...limitNames, 'maxBytes']) delete base[name];
  for (const name of limitsOf(field.kind)) {
    const text = entry.limits[name]?.trim() ?? '';
    if (text === '') continue;
    if (name === 'minDate' || name === 'maxDate') {
      base[name] = text;
      continue;
    }
    const value = Number(text.replace(',', '.'));
    const whole = name !== 'min' && name !== 'max' && name !== 'maxMegabytes';
    if (!Number.isFinite(value) || (whole && !Number.isInteger(value))) {
      issues.push({ path: `${at}.${name}`, message: whole ? 'Enter a whole number' : 'Enter a number' });
      continue;
    }
    if (name === 'maxMegabytes') base.maxBytes = Math.round(value * megabyte);
    else base[name] = value;
  }
  return base as unknown as FormField;
}

export function isStandardSection(id: string): boolean {
  return (standardSectionIds as readonly string[]).includes(id);
}

export function isMandatory(field: FormField): boolean {
  return field.kind === 'standard' && (mandatoryStandardFields as readonly string[]).includes(field.name);
}

/** Every text the event's languages still lack, by the API's path ("form.sections.0.fields.2.label.fr"). */
export function missingTexts(draft: Draft, languages: readonly Language[]): Set<string> {
  return new Set(missingTranslations(definitionOf(draft).form, languages));
}

// ---- changes ---------------------------------------------------------------------------------------

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

export function moveSection(draft: Draft, index: number, delta: -1 | 1): Draft {
  const to = index + delta;
  if (to < 0 || to >= draft.sections.length) return draft;
  return { ...draft, sections: move(draft.sections, index, to) };
}

/** Up or down within its section; past the section's edge, into the neighbouring section's end or start. */
export function moveField(draft: Draft, s: number, f: number, delta: -1 | 1): Draft {
  const section = draft.sections[s]!;
  const to = f + delta;
  if (to >= 0 && to < section.fields.length) return replaceSection(draft, s, { ...section, fields: move(section.fields, f, to) });
  const neighbour = draft.sections[s + delta];
  if (!neighbour) return draft;
  const entry = section.fields[f]!;
  const sections = draft.sections.map((each, i) => {
    if (i === s) return { ...each, fields: each.fields.filter((_, j) => j !== f) };
    if (i === s + delta) return { ...each, fields: delta < 0 ? [...each.fields, entry] : [entry, ...each.fields] };
    return each;
  });
  return { ...draft, sections };
}

function replaceSection(draft: Draft, s: number, section: DraftSection): Draft {
  return { ...draft, sections: draft.sections.map((each, i) => (i === s ? section : each)) };
}

function usedIds(draft: Draft): Set<string> {
  return new Set(draft.sections.flatMap((section) => section.fields.map((entry) => fieldId(entry.field))));
}

function freshId(prefix: string, taken: ReadonlySet<string>): string {
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function addSection(draft: Draft): Draft {
  const id = freshId('section', new Set(draft.sections.map((section) => section.id)));
  return { sections: [...draft.sections, { key: `s${draft.next}`, id, title: {}, fields: [] }], next: draft.next + 1 };
}

/** Whether a section can go: not while it holds a field every form must place. */
export function canRemoveSection(section: DraftSection): boolean {
  return !section.fields.some((entry) => isMandatory(entry.field));
}

export function removeSection(draft: Draft, s: number): Draft {
  if (!canRemoveSection(draft.sections[s]!)) return draft;
  return { ...draft, sections: draft.sections.filter((_, i) => i !== s) };
}

/** A new question at the end of the section: a short text until the organizer chooses its kind. */
export function addQuestion(draft: Draft, s: number): Draft {
  const id = freshId('question', usedIds(draft));
  const field: CustomField = { kind: 'short_text', id, label: {} };
  return addEntry(draft, s, field);
}

/** The standard form's optional fields the form does not place yet. */
export function unplacedStandardFields(draft: Draft): OptionalStandardField[] {
  const used = usedIds(draft);
  return optionalStandardFields.filter((name) => !used.has(name));
}

export function addStandardField(draft: Draft, s: number, name: OptionalStandardField): Draft {
  return addEntry(draft, s, { kind: 'standard', name });
}

function addEntry(draft: Draft, s: number, field: FormField): Draft {
  const section = draft.sections[s]!;
  const entry: DraftField = { key: `f${draft.next}`, field, limits: {}, saved: false };
  return { ...replaceSection(draft, s, { ...section, fields: [...section.fields, entry] }), next: draft.next + 1 };
}

export function removeField(draft: Draft, s: number, f: number): Draft {
  const section = draft.sections[s]!;
  if (isMandatory(section.fields[f]!.field)) return draft;
  return replaceSection(draft, s, { ...section, fields: section.fields.filter((_, j) => j !== f) });
}

export function updateSection(draft: Draft, s: number, change: Partial<Pick<DraftSection, 'title'>>): Draft {
  return replaceSection(draft, s, { ...draft.sections[s]!, ...change });
}

export function updateField(draft: Draft, s: number, f: number, change: (entry: DraftField) => DraftField): Draft {
  const section = draft.sections[s]!;
  return replaceSection(draft, s, { ...section, fields: section.fields.map((entry, j) => (j === f ? change(entry) : entry)) });
}

/** One language's text changed, the others kept. */
export function withText(texts: Texts | undefined, language: Language, text: string): Texts {
  return { ...texts, [language]: text };
}

const isChoiceKind = (kind: string) => kind === 'single_choice' || kind === 'multiple_choice';

/**
 * The question as another kind: its id, texts, requirement, condition and accreditation kept; its
 * choices kept between the two choice kinds, one empty choice to start with otherwise; limits that do
 * not fit the new kind dropped.
 */
export function withKind(entry: DraftField, kind: CustomKind): DraftField {
  const field = entry.field;
  if (field.kind === 'standard' || field.kind === kind) return entry;
  const { id, label, hint, required, showIf, accreditation } = field;
  const common = { id, label, hint, required, showIf, accreditation };
  const choices: Choice[] = 'choices' in field ? field.choices : [{ id: 'choice1', label: {} }];
  const next = (isChoiceKind(kind) ? { ...common, kind, choices } : { ...common, kind }) as CustomField;
  const limits = Object.fromEntries(Object.entries(entry.limits).filter(([name]) => limitsOf(kind).includes(name as LimitName)));
  return { ...entry, field: next, limits };
}

export function addChoice(entry: DraftField): DraftField {
  const field = entry.field;
  if (!('choices' in field)) return entry;
  const id = freshId('choice', new Set(field.choices.map((choice) => choice.id)));
  return { ...entry, field: { ...field, choices: [...field.choices, { id, label: {} }] } };
}

export function removeChoice(entry: DraftField, c: number): DraftField {
  const field = entry.field;
  if (!('choices' in field) || field.choices.length <= 1) return entry;
  return { ...entry, field: { ...field, choices: field.choices.filter((_, i) => i !== c) } };
}

export function withFileTypes(entry: DraftField, types: FileType[]): DraftField {
  const field = entry.field;
  if (field.kind !== 'file') return entry;
  return { ...entry, field: { ...field, fileTypes: types.length === fileTypes.length ? undefined : fileTypes.filter((type) => types.includes(type)) } };
}

export function withRequirement(entry: DraftField, required: Requirement | undefined): DraftField {
  if (isMandatory(entry.field)) return entry;
  return { ...entry, field: { ...entry.field, required: required === false || (Array.isArray(required) && required.length === 0) ? undefined : required } as FormField };
}

// ---- conditions --------------------------------------------------------------------------------------

export interface ConditionTarget {
  id: string;
  field: FormField;
  /** The answers a condition can wait for, with the English words for the standard ones. */
  values: { value: string | boolean; label: Texts | string }[];
}

/** The fields before this one that a "show if" can look at: yes/no and choice questions, category and title. */
export function conditionTargets(draft: Draft, s: number, f: number): ConditionTarget[] {
  const earlier = draft.sections.flatMap((section, i) => (i < s ? section.fields : i === s ? section.fields.slice(0, f) : []));
  return earlier.flatMap(({ field }): ConditionTarget[] => {
    if (field.kind === 'yes_no') return [{ id: field.id, field, values: [{ value: true, label: 'yes' }, { value: false, label: 'no' }] }];
    if (field.kind === 'single_choice' || field.kind === 'multiple_choice') return [{ id: field.id, field, values: field.choices.map((choice) => ({ value: choice.id, label: choice.label })) }];
    if (field.kind === 'standard' && field.name === 'category') return [{ id: 'category', field, values: categories.map((value) => ({ value, label: value })) }];
    if (field.kind === 'standard' && field.name === 'title') return [{ id: 'title', field, values: titles.map((value) => ({ value, label: value })) }];
    return [];
  });
}

export function withCondition(entry: DraftField, showIf: ShowIf | undefined): DraftField {
  if (entry.field.kind === 'standard') return entry;
  return { ...entry, field: { ...entry.field, showIf } };
}

// ---- what a removal loses -------------------------------------------------------------------------------

/** The saved questions the draft no longer has: registrations may have answered them. */
export function removedQuestions(saved: FormDefinition, draft: Draft): CustomField[] {
  const kept = usedIds(draft);
  return saved.sections.flatMap((section) => section.fields).filter((field): field is CustomField => field.kind !== 'standard' && !kept.has(field.id));
}

/** Whether removing this entry drops answers registrations may have given. */
export function mayHoldAnswers(entry: DraftField): boolean {
  return entry.saved && entry.field.kind !== 'standard';
}

// ---- places in words ---------------------------------------------------------------------------------

/** "Section 2 › Question 1: Which workshop? › Question (French)", from an API path. */
export function placeName(path: string, draft: Draft): string {
  const match = /^form\.sections\.(\d+)(?:\.fields\.(\d+))?(?:\.(.*))?$/.exec(path);
  if (!match) return path;
  const s = Number(match[1]);
  const section = draft.sections[s];
  const names = [section ? sectionName(section, s) : say(w.section, { number: s + 1 })];
  const entry = match[2] === undefined ? undefined : section?.fields[Number(match[2])];
  if (entry) names.push(fieldName(entry, Number(match[2])));
  const rest = (match[3] ?? '').split('.').filter(Boolean);
  const language = rest.at(-1) as Language | undefined;
  const inLanguage = (place: string) => (language && languageName(language) ? say(w.in, { place, language: languageName(language) }) : place);
  if (rest[0] === 'label') names.push(inLanguage(w.label));
  else if (rest[0] === 'hint') names.push(inLanguage(w.hint));
  else if (rest[0] === 'title') names.push(inLanguage(w.sectionTitle));
  else if (rest[0] === 'choices') names.push(inLanguage(say(w.choice, { number: Number(rest[1]) + 1 })));
  else if (rest[0] === 'showIf') names.push(w.showIf);
  else if (rest[0] === 'required') names.push(w.required);
  else if (rest[0] === 'kind') names.push(w.kind);
  else if (rest[0] === 'id') names.push(w.id);
  else if (rest[0] === 'maxBytes') names.push(w.limits.maxMegabytes);
  else if (rest[0] && rest[0] in w.limits) names.push(w.limits[rest[0] as LimitName]);
  return names.join(' › ');
}

export function sectionName(section: DraftSection, s: number): string {
  const title = section.title ? textIn(section.title, 'en', []) : isStandardSection(section.id) ? formEn.sections[section.id as (typeof standardSectionIds)[number]] : '';
  return title ? say(w.sectionNamed, { number: s + 1, title }) : say(w.section, { number: s + 1 });
}

export function fieldName(entry: DraftField, f: number): string {
  const { field } = entry;
  if (field.kind === 'standard') return say(w.standardField, { name: m.fields[field.name] });
  const label = Object.values(field.label).find((text) => text?.trim()) ?? '';
  return label ? say(w.questionNamed, { number: f + 1, label }) : say(w.question, { number: f + 1 });
}

