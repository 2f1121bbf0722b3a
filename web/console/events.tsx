// The events: the list, and the form that creates or edits one with every field of the event schema
// (shared/model/event-schema.ts). The API validates; its issues are shown next to each field by path
// and in the summary at the top.
import { useState } from 'preact/hooks';
import { knownRegionCodes, knownTimeZones } from '#shared/model/places.ts';
import { languages } from '#shared/model/languages.ts';
import { categories, type Category } from '#shared/model/participants.ts';
import { ApiProblem, type EventSettings, type PublicEvent } from './api.ts';
import type { PageProps } from './app.tsx';
import { messages as m, say } from './messages.ts';
import { hrefOf } from './routing.ts';
import { formatDateRange, instantFromWallTime, wallTime } from './time.ts';
import {
  asProblem,
  ChoiceGroup,
  ErrorSummary,
  issuesByField,
  PageTitle,
  ProblemNotice,
  SelectField,
  StatusMessage,
  TableFrame,
  TextField,
  useAction,
  useFlash,
  useLoad,
  useTitle,
  setFlash,
  type FieldIssue,
} from './ui.tsx';

export function EventsPage({ api, access }: PageProps) {
  useTitle(m.events.title);
  const flash = useFlash();
  const { data: events, problem, reload } = useLoad(() => api.events(), []);
  const sorted = [...(events ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate) || a.title.localeCompare(b.title));
  return (
    <>
      <PageTitle>{m.events.title}</PageTitle>
      <StatusMessage text={flash} />
      {access.can.manageEvents ? (
        <p>
          <a class="button" href={hrefOf({ page: 'new-event' })}>
            {m.events.create}
          </a>
        </p>
      ) : null}
      {problem ? <ProblemNotice problem={problem} onRetry={reload} /> : null}
      {!events && !problem ? <p role="status">{m.app.loading}</p> : null}
      {events && events.length === 0 ? <p>{m.events.empty}</p> : null}
      {events && events.length > 0 ? (
        <TableFrame label={m.events.caption}>
          <table class="table">
            <caption class="visually-hidden">{m.events.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.events.columns.title}</th>
                <th scope="col">{m.events.columns.dates}</th>
                <th scope="col">{m.events.columns.venue}</th>
                <th scope="col">{m.events.columns.registration}</th>
                <th scope="col">{m.events.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((event) => (
                <EventRow key={event.id} event={event} canEdit={access.can.manageEvents} />
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
    </>
  );
}

function EventRow({ event, canEdit }: { event: PublicEvent; canEdit: boolean }) {
  return (
    <tr>
      <th scope="row">
        <a href={hrefOf({ page: 'dashboard', eventId: event.id })}>{event.title}</a>
        <span class="secondary">{event.id}</span>
      </th>
      <td>{formatDateRange(event.startDate, event.endDate)}</td>
      <td>
        {event.venue.name}, {event.venue.city}
      </td>
      <td>{event.registration.open ? m.events.open : m.events.closed}</td>
      <td class="actions">
        <a href={hrefOf({ page: 'registrations', eventId: event.id, filter: {} })} aria-label={say(m.events.registrationsLabel, { event: event.title })}>
          {m.events.registrations}
        </a>
        {canEdit ? (
          <a href={hrefOf({ page: 'edit-event', eventId: event.id })} aria-label={say(m.events.editLabel, { event: event.title })}>
            {m.events.edit}
          </a>
        ) : null}
      </td>
    </tr>
  );
}

interface EventValues {
  id: string;
  title: string;
  subtitle: string;
  organizer: string;
  venueName: string;
  venueCity: string;
  venueCountry: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  opensAt: string;
  closesAt: string;
  categories: string[];
  /** In the event's order: the first is the registration page's default. */
  languages: string[];
  referencePrefix: string;
  capacity: string;
  approval: string;
}

const blankEvent: EventValues = {
  id: '',
  title: '',
  subtitle: '',
  organizer: '',
  venueName: '',
  venueCity: '',
  venueCountry: '',
  startDate: '',
  endDate: '',
  timeZone: 'Europe/Vienna',
  opensAt: '',
  closesAt: '',
  categories: [...categories],
  languages: [...languages],
  referencePrefix: 'REG',
  capacity: '',
  approval: 'none',
};

function valuesOf(event: EventSettings): EventValues {
  return {
    id: event.id,
    title: event.title,
    subtitle: event.subtitle ?? '',
    organizer: event.organizer ?? '',
    venueName: event.venue.name,
    venueCity: event.venue.city,
    venueCountry: event.venue.country,
    startDate: event.startDate,
    endDate: event.endDate,
    timeZone: event.timeZone,
    opensAt: event.registration.opensAt ? wallTime(event.registration.opensAt, event.timeZone) : '',
    closesAt: event.registration.closesAt ? wallTime(event.registration.closesAt, event.timeZone) : '',
    categories: [...event.categories],
    languages: [...event.languages],
    referencePrefix: event.referencePrefix ?? '',
    capacity: event.capacity === undefined ? '' : String(event.capacity),
    approval: event.approval,
  };
}

/** The form's field ids by the API's issue paths (venue.city → venue-city); list indexes dropped. */
function fieldIdOf(path: string): string | undefined {
  const id = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('-');
  return eventFieldIds.includes(id) ? id : undefined;
}

const eventFieldIds = ['id', 'title', 'subtitle', 'organizer', 'venue-name', 'venue-city', 'venue-country', 'startDate', 'endDate', 'timeZone', 'registration-opensAt', 'registration-closesAt', 'categories', 'languages', 'referencePrefix', 'capacity', 'approval'];

const fieldText = m.eventForm.fields;
const labelOf = (id: string): string => (fieldText as Record<string, { label: string }>)[id.replace('-', '.')]?.label ?? id;

function bodyOf(values: EventValues): Record<string, unknown> {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const zone = values.timeZone;
  return {
    title: values.title.trim(),
    subtitle: optional(values.subtitle),
    organizer: optional(values.organizer),
    venue: { name: values.venueName.trim(), city: values.venueCity.trim(), country: values.venueCountry },
    startDate: values.startDate,
    endDate: values.endDate,
    timeZone: zone,
    registration: {
      opensAt: values.opensAt ? instantFromWallTime(values.opensAt, zone) : undefined,
      closesAt: values.closesAt ? instantFromWallTime(values.closesAt, zone) : undefined,
    },
    categories: categories.filter((category) => values.categories.includes(category)),
    languages: values.languages,
    referencePrefix: optional(values.referencePrefix),
    capacity: values.capacity.trim() ? Number(values.capacity) : undefined,
    approval: values.approval,
  };
}

/**
 * The stored settings this form does not show (the registration form, retention, visa letters,
 * delegations): sent back as they are, since PUT replaces the whole event and would otherwise put
 * their defaults back (a form made in the form editor would be lost).
 */
function notOnThisForm(stored: EventSettings | undefined): Partial<EventSettings> {
  if (!stored) return {};
  const { form, accreditationRetentionDays, visaLetter, delegations } = stored;
  return { form, accreditationRetentionDays, visaLetter, delegations };
}

/** What the form can tell before sending: the required fields, and seats as a whole number. */
function checkBeforeSending(values: EventValues, creating: boolean, prefixUnknown: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const required: [keyof EventValues, keyof typeof m.eventForm.required][] = [
    ['id', 'id'],
    ['title', 'title'],
    ['venueName', 'venue.name'],
    ['venueCity', 'venue.city'],
    ['venueCountry', 'venue.country'],
    ['startDate', 'startDate'],
    ['endDate', 'endDate'],
  ];
  for (const [key, path] of required) {
    if (key === 'id' && !creating) continue;
    const id = path.replace('.', '-');
    if (!String(values[key]).trim()) issues.push({ field: id, label: labelOf(id), message: m.eventForm.required[path] });
  }
  if (values.categories.length === 0) issues.push({ field: 'categories', label: labelOf('categories'), message: fieldText.categories.hint });
  if (values.languages.length === 0) issues.push({ field: 'languages', label: labelOf('languages'), message: fieldText.languages.hint });
  if (values.capacity.trim() && !/^\d+$/.test(values.capacity.trim())) issues.push({ field: 'capacity', label: labelOf('capacity'), message: m.eventForm.notANumber });
  if (prefixUnknown && !values.referencePrefix.trim()) issues.push({ field: 'referencePrefix', label: labelOf('referencePrefix'), message: m.eventForm.prefixUnknown });
  return issues;
}

let countryOptions: { value: string; label: string }[] | undefined;
let zoneOptions: { value: string; label: string }[] | undefined;

function countries() {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  countryOptions ??= [
    { value: '', label: m.eventForm.chooseCountry },
    ...knownRegionCodes()
      .map((code) => ({ value: code, label: names.of(code) ?? code }))
      .sort((a, b) => a.label.localeCompare(b.label, 'en')),
  ];
  return countryOptions;
}

function zones() {
  zoneOptions ??= knownTimeZones().map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }));
  return zoneOptions;
}

export function EventFormPage({ api, navigate, eventId }: PageProps & { eventId?: string }) {
  const creating = eventId === undefined;
  const loaded = useLoad(async () => (eventId ? api.eventSettings(eventId) : undefined), [eventId]);
  const title = creating ? m.eventForm.createTitle : say(m.eventForm.editTitle, { event: loaded.data?.title ?? eventId ?? '' });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  useTitle(title, issues.length > 0);
  if (!creating && !loaded.data) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        {loaded.problem ? <ProblemNotice problem={loaded.problem} onRetry={loaded.reload} /> : <p role="status">{m.app.loading}</p>}
      </>
    );
  }
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <EventForm
        key={eventId ?? 'new'}
        initial={loaded.data ? valuesOf(loaded.data) : blankEvent}
        eventId={eventId}
        creating={creating}
        prefixUnknown={loaded.data !== undefined && loaded.data.referencePrefix === undefined}
        issues={issues}
        setIssues={setIssues}
        save={async (values) => {
          const id = creating ? values.id.trim() : eventId!;
          if (creating) {
            const exists = await api.event(id).then(
              () => true,
              (error: unknown) => (asProblem(error).status === 404 ? false : Promise.reject(error)),
            );
            if (exists) throw new ApiProblem(409, 'validation_failed', 'exists', [{ path: 'id', message: m.eventForm.exists, code: 'exists' }]);
          }
          const { created } = await api.saveEvent(id, { ...notOnThisForm(loaded.data), ...bodyOf(values) });
          if (created) {
            setFlash(m.eventForm.created);
            navigate({ page: 'dashboard', eventId: id });
            return undefined;
          }
          return m.eventForm.saved;
        }}
      />
    </>
  );
}

function EventForm(props: {
  initial: EventValues;
  /** The event edited; none while creating one. */
  eventId?: string | undefined;
  creating: boolean;
  prefixUnknown: boolean;
  issues: FieldIssue[];
  setIssues(issues: FieldIssue[]): void;
  save(values: EventValues): Promise<string | undefined>;
}) {
  const { creating, issues, setIssues } = props;
  const [values, setValues] = useState(props.initial);
  const [problem, setProblem] = useState<ApiProblem>();
  const [done, setDone] = useState('');
  const set = (key: keyof EventValues) => (value: string | string[]) => setValues((previous) => ({ ...previous, [key]: value }));
  const errorOf = (id: string) => issues.filter((issue) => issue.field === id).map((issue) => issue.message).join('. ') || undefined;

  const [submit, busy] = useAction(async () => {
    setDone('');
    setProblem(undefined);
    const local = checkBeforeSending(values, creating, props.prefixUnknown);
    setIssues(local);
    if (local.length > 0) return;
    try {
      const saved = await props.save(values);
      if (saved) setDone(saved);
    } catch (error) {
      const refused = asProblem(error);
      if (refused.code === 'validation_failed') {
        // In the form's order, as a person reads it, whatever order the API found them in.
        const rank = (issue: FieldIssue) => (issue.field ? eventFieldIds.indexOf(issue.field) : eventFieldIds.length);
        const [formIssues, eventIssues] = [refused.issues.filter((issue) => issue.path.startsWith('form.')), refused.issues.filter((issue) => !issue.path.startsWith('form.'))];
        // The form's texts (a language added while registration is open): one entry, leading to the form editor.
        const inForm = formIssues.length > 0 && props.eventId ? [{ field: 'form-link', label: m.formEditor.caption, message: say(m.eventForm.formIssues, { count: formIssues.length }) }] : [];
        setIssues([...issuesByField(eventIssues, fieldIdOf, labelOf).sort((a, b) => rank(a) - rank(b)), ...inForm]);
      }
      else setProblem(refused);
    }
  });

  const frame = (id: string, extra: { optional?: boolean; hint?: string } = {}) => ({
    id,
    label: labelOf(id),
    hint: extra.hint ?? (fieldText as Record<string, { hint?: string }>)[id.replace('-', '.')]?.hint,
    error: errorOf(id),
    optional: extra.optional,
  });

  return (
    <form
      class="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary issues={issues} />
      {problem ? <ProblemNotice problem={problem} /> : null}
      <StatusMessage text={done} />
      <fieldset class="section">
        <legend class="section-legend">{m.eventForm.sections.about}</legend>
        {creating ? <TextField {...frame('id')} value={values.id} onInput={set('id')} inputProps={{ autocomplete: 'off', spellcheck: false }} /> : null}
        <TextField {...frame('title')} value={values.title} onInput={set('title')} />
        <TextField {...frame('subtitle', { optional: true })} value={values.subtitle} onInput={set('subtitle')} />
        <TextField {...frame('organizer', { optional: true })} value={values.organizer} onInput={set('organizer')} />
      </fieldset>
      <fieldset class="section">
        <legend class="section-legend">{m.eventForm.sections.venue}</legend>
        <TextField {...frame('venue-name')} value={values.venueName} onInput={set('venueName')} />
        <TextField {...frame('venue-city')} value={values.venueCity} onInput={set('venueCity')} />
        <SelectField {...frame('venue-country')} value={values.venueCountry} onChange={set('venueCountry')} options={countries()} />
        <SelectField {...frame('timeZone')} value={values.timeZone} onChange={set('timeZone')} options={zones()} />
      </fieldset>
      <fieldset class="section">
        <legend class="section-legend">{m.eventForm.sections.dates}</legend>
        <div class="field-row">
          <TextField {...frame('startDate')} type="date" value={values.startDate} onInput={set('startDate')} />
          <TextField {...frame('endDate')} type="date" value={values.endDate} onInput={set('endDate')} />
        </div>
      </fieldset>
      <fieldset class="section">
        <legend class="section-legend">{m.eventForm.sections.registration}</legend>
        <div class="field-row">
          <TextField {...frame('registration-opensAt', { optional: true })} type="datetime-local" value={values.opensAt} onInput={set('opensAt')} inputProps={{ step: 1 }} />
          <TextField {...frame('registration-closesAt', { optional: true })} type="datetime-local" value={values.closesAt} onInput={set('closesAt')} inputProps={{ step: 1 }} />
        </div>
        <ChoiceGroup
          {...frame('categories')}
          type="checkbox"
          options={categories.map((category: Category) => ({ value: category, label: m.categories[category] }))}
          selected={values.categories}
          onChange={set('categories')}
        />
        <ChoiceGroup
          {...frame('languages')}
          type="checkbox"
          options={languages.map((language) => ({ value: language, label: m.registration.languageNames[language] }))}
          selected={values.languages}
          onChange={set('languages')}
        />
        <TextField {...frame('capacity', { optional: true })} value={values.capacity} onInput={set('capacity')} inputProps={{ inputMode: 'numeric' }} />
        <ChoiceGroup
          {...frame('approval')}
          hint={undefined}
          type="radio"
          options={[
            { value: 'none', label: fieldText.approval.none },
            { value: 'required', label: fieldText.approval.required },
          ]}
          selected={[values.approval]}
          onChange={(selected) => set('approval')(selected[0] ?? 'none')}
        />
        <TextField {...frame('referencePrefix')} value={values.referencePrefix} onInput={set('referencePrefix')} inputProps={{ autocomplete: 'off', spellcheck: false }} />
      </fieldset>
      <div class="button-row">
        <button type="submit" class="button" disabled={busy} aria-disabled={busy ? 'true' : undefined}>
          {busy ? m.eventForm.saving : creating ? m.eventForm.create : m.eventForm.save}
        </button>
        <a class="button button-secondary" href={hrefOf({ page: 'events' })}>
          {m.eventForm.cancel}
        </a>
        {props.eventId ? (
          <a class="button button-secondary" id="form-link" href={hrefOf({ page: 'edit-form', eventId: props.eventId })}>
            {m.formEditor.link}
          </a>
        ) : null}
      </div>
    </form>
  );
}
