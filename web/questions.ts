// The event's own questions on the page: one form group per question, built from the form definition
// with the GOV.UK patterns the standard fields use (label, hint, error, control; fieldsets for choices
// and dates), their texts in the page's language, shown only while their showIf holds, and read back
// into the answers the API takes.
import type { FormMessages } from '#shared/i18n/form-messages.ts';
import { fill } from '#shared/i18n/messages.ts';
import { acceptedTypes, isRequiredFor, isShown, maxBytesOf, textIn, type CustomField, type FormDefinition, type FormField, customFields } from '#shared/model/form-definition.ts';
import type { Language } from '#shared/model/languages.ts';
import type { Category } from '#shared/model/participants.ts';
import { knownRegionCodes } from '#shared/model/places.ts';

export interface QuestionContext {
  language: Language;
  languages: readonly Language[];
  messages: FormMessages;
  retentionDays: number;
}

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
};

export const questionId = (field: CustomField) => `q-${field.id}`;

/** Where the error summary sends focus: the control, or the first of a fieldset's. */
export function questionTarget(field: CustomField): string {
  if (field.kind === 'single_choice' || field.kind === 'multiple_choice') return `${questionId(field)}-${field.choices[0]!.id}`;
  if (field.kind === 'yes_no') return `${questionId(field)}-yes`;
  if (field.kind === 'date') return `${questionId(field)}-day`;
  return questionId(field);
}

/** The element whose aria-describedby names the question's hint and error. */
export function questionDescribed(field: CustomField): string {
  return usesFieldset(field) ? `${questionId(field)}-fieldset` : questionId(field);
}

function usesFieldset(field: CustomField): boolean {
  return field.kind === 'single_choice' || field.kind === 'multiple_choice' || field.kind === 'yes_no' || field.kind === 'date';
}

/** One question's form group; its texts are filled in by applyQuestionTexts. */
export function questionGroup(field: CustomField): HTMLElement {
  const id = questionId(field);
  const describedBy = [field.hint ? `${id}-hint` : '', field.accreditation ? `${id}-kept` : ''].filter(Boolean).join(' ');
  const described: Record<string, string> = describedBy ? { 'aria-describedby': describedBy, 'data-describedby': describedBy } : {};
  const heading = element('span', { 'data-q-label': field.id });
  const optional = element('span', { class: 'optional', 'data-q-optional': field.id });
  const parts: HTMLElement[] = [
    ...(field.hint ? [element('div', { class: 'hint', id: `${id}-hint`, 'data-q-hint': field.id })] : []),
    ...(field.accreditation ? [element('div', { class: 'hint', id: `${id}-kept`, 'data-q-kept': field.id })] : []),
    element('p', { class: 'error-message', id: `${id}-error`, hidden: '' }),
  ];
  const group = element('div', { class: 'form-group', id: `${id}-group`, 'data-question': field.id });
  if (usesFieldset(field)) {
    const legend = element('legend', { class: 'legend-s' }, heading, ' ', optional);
    group.append(element('fieldset', { class: 'fieldset', id: `${id}-fieldset`, ...(field.kind === 'date' ? { role: 'group' } : {}), ...described }, legend, ...parts, control(field)));
  } else {
    group.append(element('label', { class: 'label', for: id }, heading, ' ', optional), ...parts, control(field, described));
  }
  return group;
}

function control(field: CustomField, described: Record<string, string> = {}): HTMLElement {
  const id = questionId(field);
  const input = (type: string, extra: Record<string, string> = {}) => element('input', { class: 'input', id, name: id, type, ...described, ...extra });
  switch (field.kind) {
    case 'short_text':
      return input('text', { maxlength: String(field.maxLength ?? 200) });
    case 'long_text':
      return element('textarea', { class: 'textarea', id, name: id, rows: '4', maxlength: String(field.maxLength ?? 2000), ...described });
    case 'email':
      return input('email', { autocomplete: 'off', spellcheck: 'false' });
    case 'phone':
      return input('tel');
    case 'number':
      return input('text', { inputmode: 'decimal' });
    case 'country':
      return element('select', { class: 'select', id, name: id, ...described });
    case 'file':
    case 'photo':
      return element(
        'div',
        {},
        input('file', { accept: field.kind === 'photo' ? 'image/jpeg,image/png' : (field.fileTypes ?? ['image/jpeg', 'image/png', 'application/pdf']).join(','), 'data-upload': field.id }),
        element('p', { class: 'hint', id: `${id}-status`, role: 'status', 'data-upload-status': field.id }),
      );
    case 'yes_no':
      return element('div', { class: 'radios' }, choiceControl(field, 'radio', 'yes', 'true'), choiceControl(field, 'radio', 'no', 'false'));
    case 'single_choice':
    case 'multiple_choice':
      return element(
        'div',
        { class: field.kind === 'single_choice' ? 'radios' : 'checkboxes' },
        ...field.choices.map((choice) => choiceControl(field, field.kind === 'single_choice' ? 'radio' : 'checkbox', choice.id, choice.id)),
      );
    case 'date': {
      const part = (name: 'day' | 'month' | 'year', width: string) =>
        element(
          'div',
          { class: 'date-item' },
          element('label', { class: 'label', for: `${id}-${name}`, 'data-t': `page.${name}` }),
          element('input', { class: `input ${width}`, id: `${id}-${name}`, name: `${id}-${name}`, type: 'text', inputmode: 'numeric', autocomplete: 'off' }),
        );
      return element('div', { class: 'date-input' }, part('day', 'width-2'), part('month', 'width-2'), part('year', 'width-4'));
    }
  }
}

function choiceControl(field: CustomField, type: 'radio' | 'checkbox', key: string, value: string): HTMLElement {
  const id = `${questionId(field)}-${key}`;
  return element(
    'div',
    { class: type },
    element('input', { type, id, name: questionId(field), value }),
    element('label', { for: id, 'data-q-choice': `${field.id}.${key}` }),
  );
}

/** Every text of the questions in the page's language: labels, hints, choices, the accreditation note, the countries. */
export function applyQuestionTexts(form: FormDefinition, context: QuestionContext): void {
  const { language, languages, messages } = context;
  for (const field of customFields(form)) {
    const set = (selector: string, text: string) => {
      for (const target of document.querySelectorAll<HTMLElement>(selector)) target.textContent = text;
    };
    set(`[data-q-label="${field.id}"]`, textIn(field.label, language, languages));
    if (field.hint) set(`[data-q-hint="${field.id}"]`, textIn(field.hint, language, languages));
    if (field.accreditation) set(`[data-q-kept="${field.id}"]`, fill(messages.questions.accreditation, { days: String(context.retentionDays) }));
    if (field.kind === 'yes_no') {
      set(`[data-q-choice="${field.id}.yes"]`, messages.questions.yes);
      set(`[data-q-choice="${field.id}.no"]`, messages.questions.no);
    }
    if (field.kind === 'single_choice' || field.kind === 'multiple_choice') {
      for (const choice of field.choices) set(`[data-q-choice="${field.id}.${choice.id}"]`, textIn(choice.label, language, languages));
    }
    if (field.kind === 'country') fillCountries(document.getElementById(questionId(field)) as HTMLSelectElement, context);
  }
}

/** "(optional)" where the question is optional for the category chosen. */
export function applyOptionalMarks(form: FormDefinition, messages: FormMessages, category: Category | undefined): void {
  for (const field of customFields(form)) {
    const mark = document.querySelector<HTMLElement>(`[data-q-optional="${field.id}"]`);
    if (mark) mark.textContent = isRequiredFor(field.required, category) ? '' : messages.page.optional;
  }
}

let regionCodes: string[] | undefined;

function fillCountries(select: HTMLSelectElement, { language, messages }: QuestionContext): void {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  const collator = new Intl.Collator(language);
  const options = (regionCodes ??= knownRegionCodes())
    .map((code) => ({ code, name: messages.countryNames[code] ?? names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const previous = select.value;
  select.replaceChildren(new Option(messages.questions.chooseCountry, ''), ...options.map((option) => new Option(option.name, option.code)));
  select.value = previous;
}

/** The answer the page holds for a question, as the API takes it; undefined when none is given. */
export function answerOf(field: CustomField): unknown {
  const id = questionId(field);
  const value = (target: string) => ((document.getElementById(target) as HTMLInputElement | null)?.value ?? '').trim();
  const checked = () => [...document.querySelectorAll<HTMLInputElement>(`input[name="${id}"]:checked`)].map((input) => input.value);
  switch (field.kind) {
    case 'yes_no': {
      const [chosen] = checked();
      return chosen === undefined ? undefined : chosen === 'true';
    }
    case 'single_choice':
      return checked()[0];
    case 'multiple_choice': {
      const chosen = checked();
      return chosen.length > 0 ? chosen : undefined;
    }
    case 'number': {
      const text = value(id).replace(',', '.');
      if (text === '') return undefined;
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
    case 'date': {
      const [day, month, year] = ['day', 'month', 'year'].map((part) => value(`${id}-${part}`));
      if (!day && !month && !year) return undefined;
      if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return 'invalid';
      return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
    }
    case 'file':
    case 'photo':
      return (document.getElementById(id) as HTMLInputElement).dataset.uploadId || undefined;
    default:
      return value(id) || undefined;
  }
}

/** The answers of the questions shown now, in the form's order. */
export function collectAnswers(form: FormDefinition, standardValue: (name: string) => unknown): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const lookup = (id: string) => (id in answers ? answers[id] : standardValue(id));
  for (const field of customFields(form)) {
    if (!isShown(field, lookup)) continue;
    const answer = answerOf(field);
    if (answer !== undefined) answers[field.id] = answer;
  }
  return answers;
}

/** Shows the questions whose showIf holds for the answers given so far, and hides the others. */
export function applyVisibility(form: FormDefinition, standardValue: (name: string) => unknown): void {
  const answers: Record<string, unknown> = {};
  const lookup = (id: string) => (id in answers ? answers[id] : standardValue(id));
  for (const field of form.sections.flatMap((section) => section.fields) as FormField[]) {
    if (field.kind === 'standard') continue;
    const shown = isShown(field, lookup);
    (document.getElementById(`${questionId(field)}-group`) as HTMLElement).hidden = !shown;
    if (shown) answers[field.id] = answerOf(field);
  }
}

// ---- files: straight to the bucket, then checked --------------------------------------------------

type UploadWords = FormMessages['questions']['upload'];

const typeNames: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/pdf': 'PDF' };

/** What the page says when the API refuses a file, by the reason it gives (file_refused's issue code). */
function refusalText(field: CustomField & { kind: 'file' | 'photo' }, reason: string | undefined, words: UploadWords): string {
  const types = acceptedTypes(field).map((type) => typeNames[type]).join(', ');
  if (reason === 'type_not_accepted' || reason === 'type_mismatch' || reason === 'unreadable') return fill(words.wrongType, { types });
  if (reason === 'too_large') return fill(words.tooLarge, { max: `${Math.round(maxBytesOf(field) / 1048576)} MB` });
  if (field.kind === 'photo' && reason === 'photo_too_small') return fill(words.photoTooSmall, { width: String(field.minWidth ?? 1), height: String(field.minHeight ?? 1) });
  if (field.kind === 'photo' && reason === 'photo_aspect') return fill(words.photoAspect, { width: String(field.aspect?.width ?? 1), height: String(field.aspect?.height ?? 1) });
  return words.failed;
}

/**
 * Uploads a chosen file at once: a form from the API, the file posted straight to the bucket with it,
 * then the API's check. Only a checked file answers the question (its uploadId); the status line
 * (role=status) says what happens, in the page's language.
 */
export function watchUploads(form: FormDefinition, eventId: () => string, words: () => UploadWords): void {
  for (const field of customFields(form)) {
    if (field.kind !== 'file' && field.kind !== 'photo') continue;
    const input = document.getElementById(questionId(field)) as HTMLInputElement;
    const status = document.getElementById(`${questionId(field)}-status`) as HTMLElement;
    input.addEventListener('change', () => {
      delete input.dataset.uploadId;
      const file = input.files?.[0];
      status.textContent = file ? fill(words().uploading, { name: file.name }) : '';
      if (!file) return;
      upload(field, file, eventId()).then(
        (uploadId) => {
          input.dataset.uploadId = uploadId;
          status.textContent = fill(words().uploaded, { name: file.name });
        },
        (reason: unknown) => {
          input.value = '';
          status.textContent = refusalText(field, typeof reason === 'string' ? reason : undefined, words());
        },
      );
    });
  }
}

async function upload(field: CustomField & { kind: 'file' | 'photo' }, file: File, eventId: string): Promise<string> {
  // Refused here, before anything is sent, when the browser already knows; the API checks the bytes anyway.
  if (!(acceptedTypes(field) as string[]).includes(file.type)) throw 'type_not_accepted';
  if (file.size > maxBytesOf(field)) throw 'too_large';
  const base = `/events/${encodeURIComponent(eventId)}/uploads`;
  const post = (path: string, body: unknown) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const started = await post(base, { field: field.id, contentType: file.type, size: file.size });
  if (!started.ok) throw 'failed';
  const { uploadId, url, fields } = (await started.json()) as { uploadId: string; url: string; fields: Record<string, string> };
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', file);
  const sent = await fetch(url, { method: 'POST', body });
  if (!sent.ok) throw sent.status === 400 ? 'too_large' : 'failed';
  const checked = await post(`${base}/${encodeURIComponent(uploadId)}/check`, { field: field.id });
  if (checked.ok) return uploadId;
  const answer = (await checked.json().catch(() => ({}))) as { error?: { issues?: { code?: string }[] } };
  throw answer.error?.issues?.[0]?.code ?? 'failed';
}
