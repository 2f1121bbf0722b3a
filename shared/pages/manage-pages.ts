// The participant's private page behind the manage link: their registration, a form to correct it,
// and the withdraw and erase buttons. Opening it changes nothing; only its forms' POSTs do.
import type { SelfView } from '../actions/manage-registration.ts';
import { formMessagesFor } from '../i18n/form.ts';
import { fill, messagesFor } from '../i18n/index.ts';
import { formatEventDates, type ConferenceEvent } from '../model/event.ts';
import { kindOf, pageEditableFields } from '../model/form-fields.ts';
import { answerAsText, customFields, formOf, inFormOrder, textIn, type CustomField } from '../model/form-definition.ts';
import { languagesOf } from '../model/event.ts';
import { languages, type Language } from '../model/languages.ts';
import { holdsSeat } from '../model/lifecycle.ts';
import { asksForVisaLetter } from '../model/visa-request.ts';
import { escapeHtml } from '../platform/html.ts';
import type { ApiError } from '../model/errors.ts';
import { layout } from './layout.ts';
import { problemPageFor, type ProblemContext } from './problem-pages.ts';

type PageField = (typeof pageEditableFields)[number];

function fieldLabel(language: Language, field: PageField): string {
  const fields = formMessagesFor(language).fields;
  const entry = fields[field] as { label?: string; legend?: string };
  return entry.label ?? entry.legend ?? field;
}

/** The OSCE's name for the country where it differs from the browser's (CLDR) one, as the form shows it. */
function countryName(language: Language, code: string): string {
  return formMessagesFor(language).countryNames[code] ?? new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
}

/** The answers to the event's own questions, in its form's order, in the reader's words. */
function answerRows(view: SelfView, event: ConferenceEvent, language: Language): [string, string][] {
  const form = formOf(event);
  const fields = new Map(customFields(form).map((field) => [field.id, field]));
  return Object.entries(inFormOrder(view.answers, form)).map(([id, value]) => {
    const field = fields.get(id);
    return [field ? textIn(field.label, language, languagesOf(event)) : id, field ? answerIn(field, value, language, event) : answerAsText(value)];
  });
}

function answerIn(field: CustomField, value: unknown, language: Language, event: ConferenceEvent): string {
  const words = formMessagesFor(language).questions;
  switch (field.kind) {
    case 'yes_no':
      return value ? words.yes : words.no;
    case 'single_choice':
    case 'multiple_choice':
      return [value]
        .flat()
        .map((id) => textIn(field.choices.find((choice) => choice.id === id)?.label, language, languagesOf(event)) || String(id))
        .join('; ');
    case 'country':
      return countryName(language, String(value));
    case 'file':
    case 'photo':
      return words.yes;
    default:
      return answerAsText(value);
  }
}

export function managePage(view: SelfView, event: ConferenceEvent, token: string, notice?: string): string {
  const language = view.language;
  const messages = messagesFor(language);
  const words = messages.manage;
  const form = formMessagesFor(language);
  const rows: [string, string][] = [
    [words.status, messages.statuses[view.status]],
    ...(view.reference ? [[messages.labels.reference, view.reference] as [string, string]] : []),
    [messages.labels.event, `${event.title} (${formatEventDates(event, language)})`],
    [form.fields.firstName.label, view.firstName],
    [form.fields.lastName.label, view.lastName],
    [form.fields.email.label, view.email],
    [form.fields.category.legend, form.fields.category.options[view.category]],
    // The form asks for a country only from participating States and Partners, and labels it for each.
    ...(view.country && (view.category === 'participating_state' || view.category === 'partner_for_cooperation')
      ? [
          [
            view.category === 'partner_for_cooperation' ? form.fields.country.partnerLabel : form.fields.country.stateLabel,
            countryName(language, view.country),
          ] as [string, string],
        ]
      : []),
    [form.fields.organization.label, view.organization],
    ...(view.position ? [[form.fields.position.label, view.position] as [string, string]] : []),
    ...answerRows(view, event, language),
  ];
  const details = `<dl class="summary">${rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
  const position = view.waitlistPosition ? `<p class="panel-info">${escapeHtml(fill(words.position, { position: String(view.waitlistPosition) }))}</p>` : '';
  const hiddenToken = `<input type="hidden" name="token" value="${escapeHtml(token)}">`;

  const edit = view.canEdit
    ? `<h2>${escapeHtml(words.change)}</h2>
${view.status === 'approved' ? `<p class="panel-info">${escapeHtml(words.reapprovalNote)}</p>` : ''}
<form method="post" action="/registrations/update" novalidate>
${hiddenToken}
${pageEditableFields
  .map((field) => {
    const value = (view[field] as string | undefined) ?? '';
    const kind = kindOf(field);
    const type = kind === 'date' ? 'date' : kind === 'phone' ? 'tel' : 'text';
    const input =
      kind === 'long_text'
        ? `<textarea id="f-${field}" name="${field}" rows="2" maxlength="500">${escapeHtml(value)}</textarea>`
        : `<input id="f-${field}" name="${field}" type="${type}" value="${escapeHtml(value)}">`;
    return `<div class="field"><label for="f-${field}">${escapeHtml(fieldLabel(language, field))}</label>${input}</div>`;
  })
  .join('\n')}
<div class="field"><label for="f-language">Language / Langue / Sprache / Lingua / Язык / Idioma</label><select id="f-language" name="language">${languages
      .map((code) => `<option value="${code}"${code === language ? ' selected' : ''}>${escapeHtml(messagesFor(code).languageName)}</option>`)
      .join('')}</select></div>
<button type="submit" class="button">${escapeHtml(words.save)}</button>
</form>`
    : `<p>${escapeHtml(words.notEditable)}</p>`;

  const letter = holdsSeat(view.status) && asksForVisaLetter(event, view.answers) ? `<p><a href="/registrations/visa-letter?token=${escapeHtml(encodeURIComponent(token))}">${escapeHtml(words.visaLetter)}</a></p>` : '';
  const withdraw = view.canWithdraw
    ? `<h2>${escapeHtml(words.withdrawHeading)}</h2><p>${escapeHtml(words.withdrawText)}</p>
<form method="post" action="/registrations/withdraw">${hiddenToken}<button type="submit" class="button button-secondary">${escapeHtml(words.withdrawButton)}</button></form>`
    : '';
  const erase = `<h2>${escapeHtml(words.eraseHeading)}</h2><p>${escapeHtml(words.eraseText)}</p>
<form method="post" action="/registrations/erase">${hiddenToken}<button type="submit" class="button button-warning">${escapeHtml(words.eraseButton)}</button></form>`;
  const banner = notice ? `<div class="notice" role="status">${escapeHtml(notice)}</div>` : '';

  return layout(language, words.title, `${banner}${position}${details}\n${letter}\n${edit}\n${withdraw}\n${erase}`);
}

export function manageResultPage(language: Language, title: string, body: string, backUrl?: string): string {
  const back = backUrl ? `<p><a href="${escapeHtml(backUrl)}">${escapeHtml(messagesFor(language).manage.back)}</a></p>` : '';
  return layout(language, title, `<p>${escapeHtml(body)}</p>${back}`);
}

/** A page listing what was wrong with a form post, with a way back. */
export function manageProblemsPage(language: Language, problems: { path: string; message: string }[], backUrl: string): string {
  const words = messagesFor(language).manage;
  const list = problems.map((problem) => `<li>${escapeHtml(problem.path.replace(/^changes\./, ''))}: ${escapeHtml(problem.message)}</li>`).join('');
  return layout(
    language,
    formMessagesFor(language).errors.summaryTitle,
    `<ul class="error-list">${list}</ul><p><a href="${escapeHtml(backUrl)}">${escapeHtml(words.back)}</a></p>`,
  );
}

/** A form post from the manage page that could not be applied: the page that says why and leads back. */
export function manageFormProblemPageFor(error: ApiError, context: ProblemContext & { backUrl: string | undefined }): string | undefined {
  const { language, backUrl } = context;
  if (backUrl && error.code === 'invalid_transition') {
    const words = messagesFor(language).manage;
    return manageResultPage(language, words.title, words.notPossible, backUrl);
  }
  if (backUrl && error.code === 'validation_failed') return manageProblemsPage(language, error.issues ?? [], backUrl);
  return problemPageFor(error, context);
}
