// The registration page's script: language switch, the event's facts, the conditional country field,
// validation with the very Zod schema the submit handler uses, and the outcome of submitting.
import './zod-setup.ts';
import { formCatalogue } from '#shared/i18n/form.ts';
import { fill } from '#shared/i18n/messages.ts';
import { isLanguage, languageFromAcceptLanguage, type Language } from '#shared/model/languages.ts';
import { participatingStates, partnersForCooperation } from '#shared/model/osce.ts';
import { compiledForm } from '#shared/model/form-compile.ts';
import { asksStandard, customFields, fieldsInOrder, isRequiredFor, standardForm, standardSectionIds, textIn, type FormDefinition, type Texts } from '#shared/model/form-definition.ts';
import type { FormMessages } from '#shared/i18n/form-messages.ts';
import type { Category } from '#shared/model/participants.ts';
import type { PublicEvent } from '#shared/model/event-schema.ts';
import { countryName, needsCountry } from './countries.ts';
import { fieldOrder, issueMessage, orderIssues, placeOf, useForm, type FieldIssue } from './field-errors.ts';
import { collectForm, selectedCategory as categoryOf } from './form-values.ts';
import { applyOptionalMarks, applyQuestionTexts, applyVisibility, collectAnswers, questionGroup, watchUploads } from './questions.ts';
import { lookup, travelExamples } from './text.ts';

type ProblemKind = 'closed' | 'notFound' | 'tooMany' | 'unavailable' | 'network' | 'unexpected' | 'eventLoad';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('registration');

let language: Language = initialLanguage();
let conference: PublicEvent | undefined;
let issues: FieldIssue[] = [];
let problem: ProblemKind | undefined;
let submittedEmail: string | undefined;
let submitting = false;
/** The body last checked or sent, to tell a missing answer from a wrong one. */
let lastSent: Record<string, unknown> | undefined;

function messages(): FormMessages {
  return formCatalogue[language];
}

function initialLanguage(): Language {
  const requested = new URLSearchParams(location.search).get('lang');
  if (isLanguage(requested)) return requested;
  return languageFromAcceptLanguage(navigator.languages.join(','));
}

function eventId(): string {
  const match = /^\/register\/([^/]+)\/?$/.exec(location.pathname);
  if (match) {
    try {
      return decodeURIComponent(match[1]!);
    } catch {
      return match[1]!;
    }
  }
  return document.querySelector<HTMLMetaElement>('meta[name="default-event"]')?.content ?? '';
}

function examples(): { arrival: string; departure: string } {
  if (conference) return travelExamples(conference.startDate, conference.endDate);
  const [arrival = '', departure = ''] = (document.querySelector<HTMLMetaElement>('meta[name="example-dates"]')?.content ?? '').split('|');
  return { arrival, departure };
}

function text(key: string): string {
  const vars: Record<string, string> = { submit: messages().page.submit };
  if (key.startsWith('fields.arrivalDate')) vars.example = examples().arrival;
  if (key.startsWith('fields.departureDate')) vars.example = examples().departure;
  return fill(lookup(messages(), key), vars);
}

// ---- language -------------------------------------------------------------------------------------

function applyLanguage(): void {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll<HTMLElement>('[data-t]')) {
    element.textContent = text(element.dataset.t!);
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-t-aria-label]')) {
    element.setAttribute('aria-label', text(element.dataset.tAriaLabel!));
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language]')) {
    if (link.dataset.language === language) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
  renderEvent();
  renderCountries();
  renderQuestionTexts();
  renderQuestions();
  renderIssues();
  renderProblem();
  renderDone();
  renderTitle();
}

function renderTitle(): void {
  const m = messages();
  const heading = submittedEmail ? m.outcome.checkEmailTitle : m.page.heading;
  const prefix = issues.length > 0 ? m.errors.titlePrefix : '';
  document.title = `${prefix}${heading}${conference ? ` – ${conference.title}` : ''}`;
}

document.querySelector('nav.languages')!.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-language]');
  if (!link || !isLanguage(link.dataset.language)) return;
  event.preventDefault();
  language = link.dataset.language;
  const url = new URL(location.href);
  url.searchParams.set('lang', language);
  history.replaceState(null, '', url);
  applyLanguage();
});

// ---- the event ------------------------------------------------------------------------------------

async function loadEvent(): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/events/${encodeURIComponent(eventId())}`, { headers: { accept: 'application/json' } });
  } catch {
    return failLoading('eventLoad');
  }
  if (response.status === 404) return failLoading('notFound');
  if (!response.ok) return failLoading('eventLoad');
  conference = (await response.json()) as PublicEvent;
  buildForm(conference);
  const title = $('event-title');
  delete title.dataset.t;
  for (const radio of document.querySelectorAll<HTMLElement>('.radio[data-category]')) {
    radio.hidden = !conference.categories.includes(radio.dataset.category as Category);
  }
  if (!conference.registration.open) {
    form.hidden = true;
    problem = 'closed';
  }
  applyLanguage();
  document.body.dataset.state = 'ready';
}

function failLoading(kind: ProblemKind): void {
  form.hidden = true;
  $('event-title').hidden = true;
  problem = kind;
  applyLanguage();
  document.body.dataset.state = 'failed';
}

function renderEvent(): void {
  if (!conference) return;
  $('event-title').textContent = conference.subtitle ? `${conference.title}: ${conference.subtitle}` : conference.title;
  // "10–11 July 2017": the OSCE writes English dates the British way.
  const dates = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  $('event-dates').textContent = dates.formatRange(
    new Date(`${conference.startDate}T00:00:00Z`),
    new Date(`${conference.endDate}T00:00:00Z`),
  );
  $('event-venue').textContent = `${conference.venue.name}, ${conference.venue.city}, ${countryName(conference.venue.country, language, messages())}`;
  $('event-organizer').textContent = conference.organizer ?? '';
  $('event-organizer').hidden = $('event-organizer-term').hidden = !conference.organizer;
  $('event-facts').hidden = false;
}

// ---- the event's form -------------------------------------------------------------------------------

function definition(): FormDefinition {
  return conference?.form ?? standardForm;
}

function eventLanguages(): readonly Language[] {
  return conference?.languages ?? [];
}

/**
 * Lays the page out as the event's form says: its sections in order, the standard fields it places
 * moved into them, its own questions built, the rest taken away; only the event's languages offered.
 */
function buildForm(event: PublicEvent): void {
  const container = $('form-sections');
  // Taken before anything moves: a group out of the document is no longer found by its id.
  const groups = new Map([...container.querySelectorAll<HTMLElement>('.form-group')].map((group) => [group.id, group]));
  const unused = new Set(groups.values());
  const sections = event.form.sections.map((section) => {
    const standardSection = (standardSectionIds as readonly string[]).includes(section.id) ? document.getElementById(`section-${section.id}`) : null;
    const element = standardSection ?? document.createElement('section');
    element.className = 'form-section';
    element.id = `section-${section.id}`;
    let heading = element.querySelector('h2');
    if (!heading) element.append((heading = document.createElement('h2')));
    element.replaceChildren(heading);
    if (section.title) {
      delete heading.dataset.t;
      heading.dataset.sectionTitle = section.id;
    }
    for (const field of section.fields) {
      const group = field.kind === 'standard' ? groups.get(`${field.name}-group`)! : questionGroup(field);
      unused.delete(group);
      element.append(group);
    }
    return element;
  });
  for (const group of unused) group.remove();
  container.replaceChildren(...sections);
  useForm(event.form, (field) => textIn(field.label, language, eventLanguages()));
  watchUploads(event.form, () => event.id, () => messages().questions.upload);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language]')) {
    (link.closest('li') as HTMLElement).hidden = !isLanguage(link.dataset.language) || !event.languages.includes(link.dataset.language);
  }
  if (!event.languages.includes(language)) language = event.languages[0]!;
}

/** The texts of the event's own sections and questions in the page's language. */
function renderQuestionTexts(): void {
  if (!conference) return;
  const form = definition();
  for (const section of form.sections) {
    const heading = document.querySelector<HTMLElement>(`[data-section-title="${section.id}"]`);
    if (heading) heading.textContent = textIn(section.title as Texts, language, eventLanguages());
  }
  applyQuestionTexts(form, { language, languages: eventLanguages(), messages: messages(), retentionDays: conference.accreditationRetentionDays });
}

/** What the answers so far change: the optional marks by category, and which questions show. */
function renderQuestions(): void {
  if (!conference) return;
  const form = definition();
  const category = selectedCategory();
  for (const field of fieldsInOrder(form)) {
    if (field.kind !== 'standard') continue;
    const mark = document.querySelector<HTMLElement>(`[data-optional-for="${field.name}"]`);
    if (mark) mark.hidden = isRequiredFor(field.required, category);
  }
  applyOptionalMarks(form, messages(), category);
  applyVisibility(form, standardValue);
}

/** A standard field's value as the page holds it, for the conditions of the questions. */
function standardValue(name: string): unknown {
  if (name === 'category') return selectedCategory();
  return (document.getElementById(name) as HTMLInputElement | null)?.value || undefined;
}

// ---- the conditional country field -----------------------------------------------------------------

function selectedCategory(): Category | undefined {
  return categoryOf(form);
}

function renderCountries(): void {
  const category = selectedCategory();
  const group = $('country-group');
  group.hidden = !needsCountry(category);
  if (!needsCountry(category)) return;
  const select = $<HTMLSelectElement>('country');
  const m = messages().fields.country;
  const list = category === 'participating_state' ? participatingStates : partnersForCooperation;
  const previous = select.value;
  const collator = new Intl.Collator(language);
  const options = list
    .map((entry) => ({ code: entry.code as string, name: countryName(entry.code, language, messages()) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const placeholder = new Option(category === 'participating_state' ? m.stateChoose : m.partnerChoose, '');
  select.replaceChildren(placeholder, ...options.map((option) => new Option(option.name, option.code)));
  select.value = options.some((option) => option.code === previous) ? previous : '';
  $('country-label').textContent = category === 'participating_state' ? m.stateLabel : m.partnerLabel;
}

form.addEventListener('change', (event) => {
  if ((event.target as HTMLInputElement).name === 'category') renderCountries();
  renderQuestions();
});

// ---- errors ---------------------------------------------------------------------------------------------

function messageFor(issue: FieldIssue): string {
  return issueMessage(issue, { messages: messages(), label: text, sent: lastSent, partner: selectedCategory() === 'partner_for_cooperation', examples: examples() });
}

function renderIssues(): void {
  const m = messages();
  for (const field of fieldOrder()) {
    const issue = issues.find((entry) => entry.path === field.path);
    const group = $(`${field.error}-error`);
    const container = group.closest('.form-group') as HTMLElement;
    const describes = $(field.describes);
    const base = describes.dataset.describedby ?? '';
    if (issue) {
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = `${m.errors.prefix} `;
      group.replaceChildren(hidden, messageFor(issue));
      group.hidden = false;
      container.classList.add('form-group--error');
      describes.setAttribute('aria-describedby', `${base} ${field.error}-error`.trim());
      if (describes.matches('input, select, textarea')) describes.setAttribute('aria-invalid', 'true');
    } else {
      group.replaceChildren();
      group.hidden = true;
      container.classList.remove('form-group--error');
      if (base) describes.setAttribute('aria-describedby', base);
      else describes.removeAttribute('aria-describedby');
      describes.removeAttribute('aria-invalid');
    }
  }
  const summary = $('error-summary');
  summary.hidden = issues.length === 0;
  $('error-list').replaceChildren(
    ...issues.map((issue) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      const field = placeOf(issue.path);
      link.href = `#${field ? field.target() : 'registration'}`;
      link.textContent = messageFor(issue);
      item.append(link);
      return item;
    }),
  );
}

// GOV.UK's error summary: a link moves focus to the field and shows its label or legend too.
$('error-list').addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest('a');
  if (!link) return;
  const target = document.getElementById(link.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  target.focus({ preventScroll: true });
  (target.closest('.form-group') ?? target).scrollIntoView({ block: 'start' });
});

function showIssues(list: FieldIssue[]): void {
  issues = orderIssues(list);
  problem = undefined;
  renderProblem();
  renderIssues();
  renderTitle();
  $('error-summary').focus();
}

// ---- problems and the outcome --------------------------------------------------------------------------

function renderProblem(): void {
  const box = $('problem');
  box.hidden = problem === undefined;
  if (!problem) return;
  const o = messages().outcome;
  $('problem-title').textContent = o[`${problem}Title`];
  $('problem-body').textContent = fill(o[`${problem}Body`], { submit: messages().page.submit });
}

function showProblem(kind: ProblemKind): void {
  problem = kind;
  issues = [];
  renderIssues();
  renderProblem();
  renderTitle();
  $('problem').focus();
}

function renderDone(): void {
  if (!submittedEmail) return;
  const [before, after = ''] = messages().outcome.checkEmailSent.split('{email}');
  const strong = document.createElement('strong');
  strong.textContent = submittedEmail;
  $('done-sent').replaceChildren(before ?? '', strong, after);
}

function showDone(email: string): void {
  submittedEmail = email;
  $('view-form').hidden = true;
  $('view-done').hidden = false;
  renderDone();
  renderTitle();
  window.scrollTo(0, 0);
  $('done-title').focus();
}

$('register-another').addEventListener('click', (event) => {
  event.preventDefault();
  form.reset();
  submittedEmail = undefined;
  issues = [];
  problem = undefined;
  $('view-done').hidden = true;
  $('view-form').hidden = false;
  applyLanguage();
  $('firstName').focus();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (submitting || !conference) return;
  void submit();
});

/** A nominee's link carries the nomination: the registration then records the delegation that nominated them. */
function nomination(): string | undefined {
  return new URLSearchParams(location.search).get('nomination') ?? undefined;
}

async function submit(): Promise<void> {
  const asked = definition();
  const body = collectForm(form, language, (name) => asksStandard(asked, name as never));
  const answers = collectAnswers(asked, standardValue);
  if (customFields(asked).length > 0) body.answers = answers;
  lastSent = body;
  // The form's own fields are checked here; the nomination's token is no field (the service checks it).
  const checked = compiledForm(conference!).check(body);
  if (!checked.success) {
    showIssues(
      checked.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        code: issue.code,
        ...('maximum' in issue ? { maximum: Number(issue.maximum) } : {}),
        ...('minimum' in issue ? { minimum: Number(issue.minimum) } : {}),
        ...('origin' in issue ? { array: issue.origin === 'array', numeric: issue.origin === 'number' } : {}),
      })),
    );
    return;
  }
  issues = [];
  problem = undefined;
  renderIssues();
  renderProblem();
  const nominated = nomination();
  if (nominated) body.nomination = nominated;
  renderTitle();

  submitting = true;
  const status = $('status');
  status.textContent = messages().page.sending;
  let response: Response;
  try {
    response = await fetch(`/events/${encodeURIComponent(conference!.id)}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return showProblem('network');
  } finally {
    submitting = false;
    status.textContent = '';
  }
  if (response.status === 202) return showDone(String(body.email));
  const answer = (await response.json().catch(() => undefined)) as
    | { error?: { code?: string; issues?: { path: string; code: string; message: string }[] } }
    | undefined;
  const code = answer?.error?.code;
  if (response.status === 400 && code === 'validation_failed' && answer?.error?.issues?.length) {
    return showIssues(
      answer.error.issues.map((issue) => {
        const maximum = /\d+/.exec(issue.message);
        return { path: issue.path, code: issue.code, ...(maximum ? { maximum: Number(maximum[0]) } : {}) };
      }),
    );
  }
  if (response.status === 409 || code === 'registration_closed') return showProblem('closed');
  if (response.status === 404) return showProblem('notFound');
  if (response.status === 429) return showProblem('tooMany');
  if (response.status >= 500) return showProblem('unavailable');
  showProblem('unexpected');
}

applyLanguage();
void loadEvent();
