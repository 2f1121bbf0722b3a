// The registration page's script: language switch, the event's facts, the conditional country field,
// validation with the very Zod schema the submit handler uses, and the outcome of submitting.
import './zod-setup.ts';
import { formCatalogue } from '#shared/i18n/form.ts';
import { fill } from '#shared/i18n/messages.ts';
import { isLanguage, languageFromAcceptLanguage, type Language } from '#shared/model/languages.ts';
import { participatingStates, partnersForCooperation } from '#shared/model/osce.ts';
import { registrationInputSchema } from '#shared/model/registration-schema.ts';
import { type FieldErrors, type FormMessages } from '#shared/i18n/form-messages.ts';
import { detailFields, type DetailField } from '#shared/model/form-fields.ts';
import type { Category } from '#shared/model/participants.ts';
import { lookup, travelExamples } from './text.ts';

interface PublicEvent {
  id: string;
  title: string;
  subtitle?: string;
  organizer?: string;
  venue: { name: string; city: string; country: string };
  startDate: string;
  endDate: string;
  registration: { open: boolean };
  categories: Category[];
}

/** A problem with one field, from the browser's own validation or from the API's 400 answer. */
interface FieldIssue {
  path: string;
  code: string;
  maximum?: number;
}

type ProblemKind = 'closed' | 'notFound' | 'tooMany' | 'unavailable' | 'network' | 'unexpected' | 'eventLoad';

interface FieldPlace {
  path: string;
  /** The id the error message element is named after. */
  error: string;
  /** The element the error summary links to and focuses. */
  target: () => string;
  /** The element whose aria-describedby names the error. */
  describes: string;
  label: string;
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

// Every field in the form's order (the language is the page's own switch, not a field).
const fieldOrder: readonly FieldPlace[] = detailFields
  .filter((name) => name !== 'language')
  .map((name) => ({ path: name, error: name, target: () => name, describes: name, label: `fields.${name}.label`, ...placeExceptions[name] }));

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
  $('event-venue').textContent = `${conference.venue.name}, ${conference.venue.city}, ${countryName(conference.venue.country)}`;
  $('event-organizer').textContent = conference.organizer ?? '';
  $('event-organizer').hidden = $('event-organizer-term').hidden = !conference.organizer;
  $('event-facts').hidden = false;
}

// ---- the conditional country field -----------------------------------------------------------------

function countryName(code: string): string {
  if (language === 'en') {
    const known = [...participatingStates, ...partnersForCooperation].find((entry) => entry.code === code);
    if (known) return known.name;
  }
  return messages().countryNames[code] ?? new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
}

function selectedCategory(): Category | undefined {
  return (form.querySelector<HTMLInputElement>('input[name="category"]:checked')?.value as Category | undefined) ?? undefined;
}

function needsCountry(category: Category | undefined): category is 'participating_state' | 'partner_for_cooperation' {
  return category === 'participating_state' || category === 'partner_for_cooperation';
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
    .map((entry) => ({ code: entry.code as string, name: countryName(entry.code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const placeholder = new Option(category === 'participating_state' ? m.stateChoose : m.partnerChoose, '');
  select.replaceChildren(placeholder, ...options.map((option) => new Option(option.name, option.code)));
  select.value = options.some((option) => option.code === previous) ? previous : '';
  $('country-label').textContent = category === 'participating_state' ? m.stateLabel : m.partnerLabel;
}

form.addEventListener('change', (event) => {
  if ((event.target as HTMLInputElement).name === 'category') renderCountries();
});

function firstCategoryId(): string {
  const first = [...document.querySelectorAll<HTMLElement>('.radio[data-category]')].find((radio) => !radio.hidden);
  return `category-${first?.dataset.category ?? 'participating_state'}`;
}

// ---- reading the form ---------------------------------------------------------------------------------

function value(id: string): string {
  return ($<HTMLInputElement>(id).value ?? '').trim();
}

function checked(id: string): boolean {
  return $<HTMLInputElement>(id).checked;
}

/** Day, month and year fields as an ISO date; all empty means not given; anything else the schema judges. */
function dateValue(id: string): string {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => value(`${id}-${part}`));
  if (!day && !month && !year) return '';
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return 'invalid';
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** The JSON the API takes. Empty optional fields are left out: the API rejects "" for them. */
function collect(): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const put = (key: string, text: string) => {
    if (text !== '') body[key] = text;
  };
  put('title', value('title'));
  put('firstName', value('firstName'));
  put('lastName', value('lastName'));
  put('email', value('email'));
  put('phone', value('phone'));
  const category = selectedCategory();
  if (category) body.category = category;
  if (needsCountry(category)) put('country', value('country'));
  put('organization', value('organization'));
  put('position', value('position'));
  put('arrivalDate', dateValue('arrivalDate'));
  put('departureDate', dateValue('departureDate'));
  put('dietaryRequirements', value('dietaryRequirements'));
  put('accessibilityNeeds', value('accessibilityNeeds'));
  body.language = language;
  body.consents = { privacyNotice: checked('privacyNotice'), participantList: checked('participantList'), photography: checked('photography') };
  // The honeypot: people never see it, so it is sent only when something (a bot) filled it.
  const website = $<HTMLInputElement>('website').value;
  if (website !== '') body.website = website;
  return body;
}

// ---- errors ---------------------------------------------------------------------------------------------

function messageFor(issue: FieldIssue): string {
  const m = messages();
  const byField = (m.errors.fields as Record<string, (FieldErrors & { customPartner?: string }) | undefined>)[issue.path];
  // A missing value reads as "required" whatever Zod calls it (an absent enum is an invalid_value).
  const absent = lastSent !== undefined && lookupValue(lastSent, issue.path) === undefined;
  const kind = issue.code === 'invalid_type' || issue.code === 'too_small' || (absent && issue.code === 'invalid_value') ? 'required' : issue.code;
  if (issue.path === 'country' && kind === 'custom' && selectedCategory() === 'partner_for_cooperation') return byField!.customPartner!;
  const field = fieldOrder.find((entry) => entry.path === issue.path);
  const fieldLabel = field ? text(field.label) : issue.path;
  const specific = byField?.[kind as keyof FieldErrors];
  if (specific) return fill(specific, { example: exampleFor(issue.path) });
  if (issue.code === 'unrecognized_key' || !field) return m.errors.unknownField;
  if (kind === 'too_big') return fill(m.errors.tooLong, { field: fieldLabel, max: String(issue.maximum ?? '') });
  if (kind === 'invalid_format') return fill(m.errors.singleLine, { field: fieldLabel });
  if (kind === 'required') return fill(m.errors.invalid, { field: fieldLabel });
  return fill(m.errors.invalid, { field: fieldLabel });
}

function lookupValue(body: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), body);
}

function exampleFor(path: string): string {
  return path === 'departureDate' ? examples().departure : examples().arrival;
}

/** One issue per field, in page order. */
function normalize(list: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  const ordered = [...list].sort((a, b) => rank(a.path) - rank(b.path));
  return ordered.filter((issue) => !seen.has(issue.path) && seen.add(issue.path));
}

function rank(path: string): number {
  const index = fieldOrder.findIndex((entry) => entry.path === path);
  return index === -1 ? fieldOrder.length : index;
}

function renderIssues(): void {
  const m = messages();
  for (const field of fieldOrder) {
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
      const field = fieldOrder.find((entry) => entry.path === issue.path);
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
  issues = normalize(list);
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

async function submit(): Promise<void> {
  const body = collect();
  lastSent = body;
  const checked = registrationInputSchema.safeParse(body);
  if (!checked.success) {
    showIssues(
      checked.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        code: issue.code,
        ...('maximum' in issue ? { maximum: Number(issue.maximum) } : {}),
      })),
    );
    return;
  }
  issues = [];
  problem = undefined;
  renderIssues();
  renderProblem();
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
