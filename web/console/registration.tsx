// One registration: every field, the e-mail status, the whole history (who, when, what, why), and what
// the user's roles allow: approve or reject with a reason, edit on the participant's behalf (recorded
// in the history), resend the confirmation or the manage link.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formEn } from '#shared/i18n/en.ts';
import { accepts, holdsSeat, isParticipating } from '#shared/model/lifecycle.ts';
import { officialLanguages, participatingStates, partnersForCooperation } from '#shared/model/osce.ts';
import { categories, titles, type Category } from '#shared/model/participants.ts';
import { knownRegionCodes } from '#shared/model/places.ts';
import { countryName } from '../countries.ts';
import type { ApiProblem, Decision, RegistrationDetail } from './api.ts';
import type { PageProps } from './app.tsx';
import { DecisionDialog, type DecisionRequest } from './decision.tsx';
import { messages as m, say } from './messages.ts';
import { nameOf } from './registrations.tsx';
import { hrefOf } from './routing.ts';
import { downloadBlob } from './download.ts';
import { formatInstant } from './time.ts';
import {
  asProblem,
  ChoiceGroup,
  ErrorSummary,
  isConflict,
  issuesByField,
  PageTitle,
  ProblemNotice,
  SelectField,
  StatusMessage,
  StatusTag,
  TableFrame,
  TextArea,
  TextField,
  useAction,
  useLoad,
  useTitle,
  type FieldIssue,
} from './ui.tsx';

export function RegistrationPage({ api, access, eventId, registrationId }: PageProps & { eventId: string; registrationId: string }) {
  const loaded = useLoad(async () => {
    const [event, registration] = await Promise.all([api.event(eventId), api.registration(eventId, registrationId)]);
    return { event, registration };
  }, [eventId, registrationId]);
  const [registration, setRegistration] = useState<RegistrationDetail>();
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [dialog, setDialog] = useState<DecisionRequest>();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const shown = registration ?? loaded.data?.registration;
  const event = loaded.data?.event;
  const zone = event?.timeZone ?? 'UTC';
  const name = shown ? nameOf(shown) : registrationId;
  useTitle(name);

  const refresh = async () => {
    setRegistration(undefined);
    await loaded.reload();
  };

  /** Someone else acted first: say so, and show the registration as it is now. */
  const refused = async (error: unknown) => {
    const problem = asProblem(error);
    setProblem(problem);
    if (isConflict(problem)) await refresh();
  };

  const decide = async (decision: Decision, reason: string | undefined) => {
    if (!shown) return;
    setNotice('');
    setProblem(undefined);
    try {
      setRegistration(await api.decide(eventId, shown, decision, reason));
      setNotice(say(decision === 'approve' ? m.list.approved : m.list.rejected, { name }));
    } catch (error) {
      await refused(error);
    }
    setDialog(undefined);
  };

  const [resend, resending] = useAction(async (link: 'confirmation' | 'manage') => {
    if (!shown) return;
    setNotice('');
    setProblem(undefined);
    try {
      await api.resend(eventId, shown.registrationId, link);
      setNotice(m.registration.resent);
    } catch (error) {
      await refused(error);
    }
  });

  const [letter, fetchingLetter] = useAction(async () => {
    if (!shown) return;
    setNotice('');
    setProblem(undefined);
    try {
      const { blob, fileName } = await api.visaLetter(eventId, shown.registrationId);
      downloadBlob(blob, fileName);
      setNotice(m.registration.visaLetterDownloaded);
    } catch (error) {
      await refused(error);
    }
  });

  if (!shown || !event) {
    return (
      <>
        <PageTitle>{name}</PageTitle>
        {loaded.problem ? <ProblemNotice problem={loaded.problem} onRetry={loaded.reload} /> : <p role="status">{m.app.loading}</p>}
        <p>
          <a href={hrefOf({ page: 'registrations', eventId, filter: {} })}>{m.registration.back}</a>
        </p>
      </>
    );
  }

  const canDecide = access.can.decide;
  return (
    <>
      <PageTitle caption={event.title}>{name}</PageTitle>
      <p>
        <a href={hrefOf({ page: 'registrations', eventId, filter: {} })}>{m.registration.back}</a>
      </p>
      <StatusMessage text={notice} />
      {problem ? <ProblemNotice problem={problem} /> : null}
      <dl class="summary-list">
        <Row label={m.registration.status}>
          <StatusTag status={shown.status} />
        </Row>
        <Row label={m.registration.reference}>{shown.reference ?? m.registration.none}</Row>
        <Row label={m.registration.emailStatus}>
          {shown.emailStatus === 'ok' ? m.emailStatuses.ok : <span class="tag tag-warning">{m.emailStatuses[shown.emailStatus]}</span>}
        </Row>
        <Row label={m.registration.registered}>{formatInstant(shown.createdAt, zone)}</Row>
        <Row label={m.registration.confirmed}>{shown.confirmedAt ? formatInstant(shown.confirmedAt, zone) : m.registration.none}</Row>
        <Row label={m.registration.updated}>{formatInstant(shown.updatedAt, zone)}</Row>
      </dl>

      {canDecide || access.can.editRegistrations ? (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">{m.registration.actions}</h2>
          <div class="button-row">
            {canDecide && accepts(shown.status, 'approve') ? (
              <button type="button" class="button" onClick={() => setDialog({ decision: 'approve', title: say(m.decision.approveTitle, { name }) })}>
                {m.registration.approve}
              </button>
            ) : null}
            {canDecide && accepts(shown.status, 'reject') ? (
              <button type="button" class="button button-warning" onClick={() => setDialog({ decision: 'reject', title: say(m.decision.rejectTitle, { name }) })}>
                {m.registration.reject}
              </button>
            ) : null}
            {access.can.editRegistrations && !editing ? (
              <button type="button" class="button button-secondary" ref={editButton} onClick={() => setEditing(true)}>
                {m.registration.edit}
              </button>
            ) : null}
            {canDecide && shown.status === 'pending_confirmation' ? (
              <button type="button" class="button button-secondary" disabled={resending} onClick={() => void resend('confirmation')}>
                {m.registration.resendConfirmation}
              </button>
            ) : null}
            {canDecide && isParticipating(shown.status) ? (
              <button type="button" class="button button-secondary" disabled={resending} onClick={() => void resend('manage')}>
                {m.registration.resendManage}
              </button>
            ) : null}
          </div>
        </section>
      ) : null}

      {holdsSeat(shown.status) ? (
        <section aria-labelledby="documents-title">
          <h2 id="documents-title">{m.registration.documents}</h2>
          <div class="button-row">
            <button type="button" class="button button-secondary" disabled={fetchingLetter} onClick={() => void letter()}>
              {m.registration.visaLetter}
            </button>
          </div>
        </section>
      ) : null}

      {editing ? (
        <EditForm
          registration={shown}
          invited={event.categories}
          onCancel={() => setEditing(false)}
          onSave={async (changes) => {
            setNotice('');
            setProblem(undefined);
            if (Object.keys(changes).length === 0) {
              setEditing(false);
              setNotice(m.registration.noChanges);
              return;
            }
            const edited = await api.edit(eventId, shown, changes);
            setRegistration(edited);
            setEditing(false);
            setNotice(m.registration.saved);
          }}
          onConflict={refused}
          afterClose={() => editButton.current?.focus()}
        />
      ) : (
        <Details registration={shown} />
      )}

      <History registration={shown} zone={zone} />
      <DecisionDialog request={dialog} onCancel={() => setDialog(undefined)} onConfirm={decide} />
    </>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="summary-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const yesNo = (value: boolean) => (value ? m.registration.yes : m.registration.no);

function Details({ registration: r }: { registration: RegistrationDetail }) {
  const f = m.fields;
  const text = (value: string | undefined) => value || m.registration.none;
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{m.registration.details}</h2>
      <dl class="summary-list">
        <Row label={f.title}>{r.title ? (m.titleOptions[r.title as keyof typeof m.titleOptions] ?? r.title) : m.registration.none}</Row>
        <Row label={f.firstName}>{r.firstName}</Row>
        <Row label={f.lastName}>{r.lastName}</Row>
        <Row label={f.email}>{r.email}</Row>
        <Row label={f.phone}>{text(r.phone)}</Row>
        <Row label={f.category}>{m.categories[r.category]}</Row>
        <Row label={f.country}>{r.country ? countryName(r.country, 'en', formEn) : m.registration.none}</Row>
        <Row label={f.organization}>{r.organization}</Row>
        <Row label={f.position}>{text(r.position)}</Row>
        <Row label={f.language}>{m.registration.languageNames[r.language as keyof typeof m.registration.languageNames] ?? r.language}</Row>
        <Row label={f.arrivalDate}>{text(r.arrivalDate)}</Row>
        <Row label={f.departureDate}>{text(r.departureDate)}</Row>
        <Row label={f.dietaryRequirements}>{text(r.dietaryRequirements)}</Row>
        <Row label={f.accessibilityNeeds}>{text(r.accessibilityNeeds)}</Row>
        <Row label={m.registration.consents.privacyNotice}>{yesNo(r.consents.privacyNotice)}</Row>
        <Row label={m.registration.consents.participantList}>{yesNo(r.consents.participantList)}</Row>
        <Row label={m.registration.consents.photography}>{yesNo(r.consents.photography)}</Row>
      </dl>
    </section>
  );
}

function actorName(actor: string): string {
  if (actor === 'participant') return m.actors.participant;
  if (actor === 'system') return m.actors.system;
  if (actor.startsWith('organizer:')) return say(m.actors.organizer, { name: actor.slice('organizer:'.length) });
  return actor;
}

function History({ registration, zone }: { registration: RegistrationDetail; zone: string }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{m.registration.history}</h2>
      <TableFrame label={m.registration.historyCaption}>
        <table class="table history">
          <caption class="visually-hidden">{m.registration.historyCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.registration.when}</th>
              <th scope="col">{m.registration.who}</th>
              <th scope="col">{m.registration.what}</th>
              <th scope="col">{m.registration.why}</th>
            </tr>
          </thead>
          <tbody>
            {registration.history.map((entry, index) => (
              <tr key={index}>
                <td>{formatInstant(entry.at, zone)}</td>
                <td>{actorName(entry.actor)}</td>
                <td>
                  {m.actions[entry.action] ?? entry.action}
                  {entry.from && entry.to && entry.from !== entry.to ? (
                    <span class="secondary"> ({say(m.registration.transition, { from: m.statuses[entry.from], to: m.statuses[entry.to] })})</span>
                  ) : null}
                </td>
                <td>{entry.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}

type EditValues = Record<(typeof textFields)[number] | 'title' | 'category' | 'country' | 'language', string> & { participantList: boolean; photography: boolean };

const textFields = ['firstName', 'lastName', 'phone', 'organization', 'position', 'arrivalDate', 'departureDate', 'dietaryRequirements', 'accessibilityNeeds'] as const;
const requiredFields = new Set(['firstName', 'lastName', 'category', 'organization']);

function editValuesOf(r: RegistrationDetail): EditValues {
  return {
    title: r.title ?? '',
    firstName: r.firstName,
    lastName: r.lastName,
    phone: r.phone ?? '',
    category: r.category,
    country: r.country ?? '',
    organization: r.organization,
    position: r.position ?? '',
    language: r.language,
    arrivalDate: r.arrivalDate ?? '',
    departureDate: r.departureDate ?? '',
    dietaryRequirements: r.dietaryRequirements ?? '',
    accessibilityNeeds: r.accessibilityNeeds ?? '',
    participantList: r.consents.participantList,
    photography: r.consents.photography,
  };
}

/** The fields that differ, as RegistrationChanges takes them: an emptied optional field is null. */
function changesOf(before: EditValues, after: EditValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of ['title', ...textFields, 'category', 'country', 'language'] as const) {
    const value = after[key].trim();
    if (value === before[key]) continue;
    changes[key] = value === '' && !requiredFields.has(key) ? null : value;
  }
  const consents: Record<string, boolean> = {};
  if (after.participantList !== before.participantList) consents.participantList = after.participantList;
  if (after.photography !== before.photography) consents.photography = after.photography;
  if (Object.keys(consents).length > 0) changes.consents = consents;
  return changes;
}

function countryOptions(category: string) {
  const list =
    category === 'participating_state' ? participatingStates.map((entry) => entry.code) : category === 'partner_for_cooperation' ? partnersForCooperation.map((entry) => entry.code) : knownRegionCodes();
  return [{ value: '', label: m.registration.none }, ...list.map((code) => ({ value: code, label: countryName(code, 'en', formEn) })).sort((a, b) => a.label.localeCompare(b.label, 'en'))];
}

function EditForm({
  registration,
  invited,
  onSave,
  onCancel,
  onConflict,
  afterClose,
}: {
  registration: RegistrationDetail;
  invited: Category[];
  onSave: (changes: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
  onConflict: (error: unknown) => Promise<void>;
  afterClose: () => void;
}) {
  const initial = editValuesOf(registration);
  const [values, setValues] = useState(initial);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    return afterClose;
  }, []);
  const set = (key: keyof EditValues) => (value: string) => setValues((previous) => ({ ...previous, [key]: value }));
  const labelOf = (id: string) => (m.fields as Record<string, string>)[id.replace(/^edit-/, '')] ?? m.registration.consents[id.replace(/^edit-/, '') as keyof typeof m.registration.consents] ?? id;
  const errorOf = (id: string) => issues.filter((issue) => issue.field === id).map((issue) => issue.message).join('. ') || undefined;
  const frame = (field: string, hint?: string) => ({ id: `edit-${field}`, label: labelOf(`edit-${field}`), error: errorOf(`edit-${field}`), optional: !requiredFields.has(field), ...(hint ? { hint } : {}) });

  const [save, busy] = useAction(async () => {
    setIssues([]);
    try {
      await onSave(changesOf(initial, values));
    } catch (error) {
      const problem = asProblem(error);
      if (problem.code === 'validation_failed') {
        setIssues(
          issuesByField(
            problem.issues,
            (path) => {
              const field = path.replace(/^changes\./, '').split('.')[0]!;
              return field === 'consents' ? 'edit-participantList' : `edit-${field}`;
            },
            labelOf,
          ),
        );
      } else await onConflict(error);
    }
  });

  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title" tabIndex={-1} ref={heading}>
        {m.registration.editTitle}
      </h2>
      <p>{m.registration.editNote}</p>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <ErrorSummary issues={issues} />
        <SelectField
          {...frame('title')}
          value={values.title}
          onChange={set('title')}
          options={[{ value: '', label: m.noTitle }, ...titles.map((title) => ({ value: title, label: m.titleOptions[title] }))]}
        />
        <TextField {...frame('firstName')} value={values.firstName} onInput={set('firstName')} />
        <TextField {...frame('lastName')} value={values.lastName} onInput={set('lastName')} />
        <TextField {...frame('phone')} type="tel" value={values.phone} onInput={set('phone')} />
        <SelectField
          {...frame('category')}
          value={values.category}
          onChange={set('category')}
          options={categories.filter((category) => invited.includes(category) || category === registration.category).map((category) => ({ value: category, label: m.categories[category] }))}
        />
        <SelectField {...frame('country')} value={values.country} onChange={set('country')} options={countryOptions(values.category)} />
        <TextField {...frame('organization')} value={values.organization} onInput={set('organization')} />
        <TextField {...frame('position')} value={values.position} onInput={set('position')} />
        <SelectField {...frame('language')} value={values.language} onChange={set('language')} options={officialLanguages.map(({ code }) => ({ value: code, label: m.registration.languageNames[code] }))} />
        <div class="field-row">
          <TextField {...frame('arrivalDate')} type="date" value={values.arrivalDate} onInput={set('arrivalDate')} />
          <TextField {...frame('departureDate')} type="date" value={values.departureDate} onInput={set('departureDate')} />
        </div>
        <TextArea {...frame('dietaryRequirements', formEn.fields.dietaryRequirements.hint)} value={values.dietaryRequirements} onInput={set('dietaryRequirements')} />
        <TextArea {...frame('accessibilityNeeds')} value={values.accessibilityNeeds} onInput={set('accessibilityNeeds')} />
        <ChoiceGroup
          id="edit-participantList"
          label={m.fields.consents}
          error={errorOf('edit-participantList')}
          type="checkbox"
          options={[
            { value: 'participantList', label: m.registration.consents.participantList },
            { value: 'photography', label: m.registration.consents.photography },
          ]}
          selected={[values.participantList ? 'participantList' : '', values.photography ? 'photography' : ''].filter(Boolean)}
          onChange={(selected) => setValues((previous) => ({ ...previous, participantList: selected.includes('participantList'), photography: selected.includes('photography') }))}
        />
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            {busy ? m.registration.saving : m.registration.save}
          </button>
          <button type="button" class="button button-secondary" onClick={onCancel} disabled={busy}>
            {m.registration.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
