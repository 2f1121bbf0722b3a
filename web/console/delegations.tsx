// An event by delegation (GET /events/{id}/delegations): each delegation's quota, focal points and
// nominees with the state of their registrations, filters for what needs doing, and the organizers'
// actions: invite focal points (one, or a CSV), add an entity, set or lift a quota, send reminders,
// approve a delegation at once, download the view as XLSX.
import { useState } from 'preact/hooks';
import { languages } from '#shared/model/languages.ts';
import type { AddedEntityKind, ApiProblem, Delegation, DelegationApproval } from './api.ts';
import type { PageProps } from './app.tsx';
import { delegationFilters, invitableEntities, matchesFilter, parseFocalPointCsv, type DelegationFilter } from './delegation-view.ts';
import { downloadBlob } from './download.ts';
import { messages as m, say } from './messages.ts';
import { formatInstant } from './time.ts';
import { asProblem, PageTitle, ProblemNotice, SelectField, StatusMessage, StatusTag, TableFrame, TextArea, TextField, useAction, useLoad, useTitle } from './ui.tsx';

const w = m.delegations;

export function DelegationsPage({ api, access, navigate, eventId, show }: PageProps & { eventId: string; show: DelegationFilter }) {
  const { data, problem: loadProblem, reload } = useLoad(async () => {
    const [event, delegations] = await Promise.all([api.event(eventId), api.delegations(eventId)]);
    return { event, delegations };
  }, [eventId]);
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const title = data?.event.title ?? eventId;
  const zone = data?.event.timeZone ?? 'UTC';
  useTitle(`${w.title}: ${title}`);

  /** Runs an action, then shows the delegations as they are now and says what it did (so the words and the page agree). */
  const act = (action: () => Promise<string>) => async () => {
    setNotice('');
    setProblem(undefined);
    let said = '';
    try {
      said = await action();
    } catch (error) {
      setProblem(asProblem(error));
    }
    await reload();
    setNotice(said);
  };
  const [remind, reminding] = useAction((entityId?: string) =>
    act(async () => {
      const report = await api.remindNominees(eventId, entityId);
      return say(w.reminded, { sent: report.sent, skipped: report.skipped });
    })(),
  );
  const [approve, approving] = useAction((delegation: Delegation) => act(async () => approvalText(delegation, await api.approveDelegation(eventId, delegation.entityId)))());
  const [download, downloading] = useAction(
    act(async () => {
      const { blob, fileName } = await api.exportDelegations(eventId);
      downloadBlob(blob, fileName);
      return w.downloaded;
    }),
  );

  const [downloadList, listing] = useAction((format: 'pdf' | 'xlsx') =>
    act(async () => {
      const { blob, fileName } = await api.participantList(eventId, format);
      downloadBlob(blob, fileName);
      return w.participantListDownloaded;
    })(),
  );

  const delegations = data?.delegations ?? [];
  const shown = delegations.filter((delegation) => matchesFilter(delegation, show));
  return (
    <>
      <PageTitle caption={title}>{w.title}</PageTitle>
      <p class="lead">{w.intro}</p>
      <StatusMessage text={notice} />
      {problem ? <ProblemNotice problem={problem} /> : null}
      {loadProblem ? <ProblemNotice problem={loadProblem} onRetry={reload} /> : null}
      {!data && !loadProblem ? <p role="status">{m.app.loading}</p> : null}
      {data ? (
        <>
          <div class="toolbar">
            <SelectField
              id="delegation-filter"
              label={w.show}
              value={show}
              options={delegationFilters.map((filter) => ({ value: filter, label: w.filters[filter] }))}
              onChange={(value) => navigate({ page: 'delegations', eventId, show: value as DelegationFilter })}
            />
            <div class="toolbar-group">
              {access.can.decide ? (
                <button type="button" class="button button-secondary" disabled={reminding} onClick={() => void remind()}>
                  {w.remindAll}
                </button>
              ) : null}
              {access.can.export ? (
                <button type="button" class="button button-secondary" disabled={downloading} onClick={() => void download()}>
                  {w.download}
                </button>
              ) : null}
              {access.can.export
                ? (['pdf', 'xlsx'] as const).map((format) => (
                    <button key={format} type="button" class="button button-secondary" disabled={listing} onClick={() => void downloadList(format)}>
                      {say(w.participantList, { format: format.toUpperCase() })}
                    </button>
                  ))
                : null}
            </div>
          </div>
          {delegations.length === 0 ? <p>{w.none}</p> : shown.length === 0 ? <p>{w.noneShown}</p> : null}
          {shown.map((delegation) => (
            <DelegationSection
              key={delegation.entityId}
              delegation={delegation}
              zone={zone}
              canDecide={access.can.decide}
              canManage={access.can.manageEvents}
              busy={reminding || approving}
              onRemind={() => void remind(delegation.entityId)}
              onApprove={() => void approve(delegation)}
              onQuota={(change) => act(async () => (await api.setQuota(eventId, delegation.entityId, change), say(w.quotaForm.saved, { entity: delegation.name })))()}
              onLetter={() =>
                void act(async () => {
                  // A five-minute presigned link, served as an attachment: following it downloads the PDF.
                  window.location.assign((await api.delegationLetter(eventId, delegation.entityId)).url);
                  return say(w.letterOpened, { entity: delegation.name });
                })()
              }
            />
          ))}
          {access.can.manageEvents ? (
            <>
              <InviteFocalPoints
                delegations={delegations}
                onInvite={(invitations) =>
                  act(async () => {
                    try {
                      return say(w.invite.invited, { count: await api.inviteFocalPoints(eventId, invitations) });
                    } catch (error) {
                      const refused = asProblem(error);
                      if (refused.code !== 'unknown_entity') throw error;
                      const rows = refused.issues.map((issue) => invitations[Number(/^invitations\.(\d+)\./.exec(issue.path)?.[1])]?.entityId).filter(Boolean);
                      return say(w.invite.unknown, { entities: [...new Set(rows)].join(', ') });
                    }
                  })()
                }
              />
              <AddEntity
                onAdd={(entity) =>
                  act(async () => {
                    try {
                      await api.addEntity(eventId, entity);
                      return say(w.add.added, { name: entity.name });
                    } catch (error) {
                      if (asProblem(error).code === 'entity_exists') return w.add.exists;
                      throw error;
                    }
                  })()
                }
              />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function approvalText(delegation: Delegation, approval: DelegationApproval): string {
  const skipped = approval.results.filter((result) => result.outcome === 'skipped');
  const done = say(w.approved, { entity: delegation.name, approved: approval.approved });
  if (skipped.length === 0) return done;
  return `${done} ${say(w.notApproved, { list: skipped.map((result) => `${result.name} (${w.skipCodes[result.code ?? ''] ?? result.code})`).join(', ') })}`;
}

type QuotaChange = { quota?: { delegates: number; heads: number } | null; quotaLifted?: boolean };

function DelegationSection(props: {
  delegation: Delegation;
  zone: string;
  canDecide: boolean;
  canManage: boolean;
  busy: boolean;
  onRemind: () => void;
  onApprove: () => void;
  onQuota: (change: QuotaChange) => Promise<void>;
  onLetter: () => void;
}) {
  const { delegation, zone } = props;
  const headingId = `delegation-${delegation.entityId}`;
  const quota = delegation.quota
    ? say(w.quota, { delegates: delegation.delegatesTaken, allowed: delegation.quota.delegates, heads: delegation.headsTaken, headsAllowed: delegation.quota.heads })
    : say(w.quotaLifted, { delegates: delegation.delegatesTaken, heads: delegation.headsTaken });
  const letterAt = delegation.letter?.uploadedAt;
  return (
    <section class="delegation" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {delegation.name} <span class="caption">({delegation.entityId})</span>
      </h2>
      <p>
        {quota}
        {delegation.unconfirmed > 0 ? <> · {say(w.unconfirmedCount, { count: delegation.unconfirmed })}</> : null}
      </p>
      {letterAt ? (
        <p class="delegation-letter">
          {say(w.letter, { at: formatInstant(letterAt, zone) })}{' '}
          <button type="button" class="button button-secondary" onClick={props.onLetter}>
            {say(w.letterDownload, { entity: delegation.name })}
          </button>
        </p>
      ) : (
        <p class="delegation-letter">{w.noLetter}</p>
      )}
      <h3>{w.focalPoints}</h3>
      {delegation.focalPoints.length === 0 ? (
        <p>{w.noFocalPoint}</p>
      ) : (
        <ul>
          {delegation.focalPoints.map((focal) => (
            <li key={focal.email}>
              {focal.email} ({focal.language}): {focal.linkSent ? say(w.focalState.invited, { at: formatInstant(focal.invitedAt, zone) }) : w.focalState.pending}
              {focal.nominations > 0 ? <>, {say(w.focalState.used, { count: focal.nominations })}</> : null}
            </li>
          ))}
        </ul>
      )}
      {delegation.nominees.length === 0 ? (
        <p>{w.noNominees}</p>
      ) : (
        <TableFrame label={say(w.nominees, { entity: delegation.name })}>
          <table class="table">
            <caption class="visually-hidden">{say(w.nominees, { entity: delegation.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{w.columns.name}</th>
                <th scope="col">{w.columns.function}</th>
                <th scope="col">{w.columns.role}</th>
                <th scope="col">{w.columns.nominatedBy}</th>
                <th scope="col">{w.columns.nomination}</th>
                <th scope="col">{w.columns.registration}</th>
                <th scope="col">{w.columns.reminded}</th>
              </tr>
            </thead>
            <tbody>
              {delegation.nominees.map((nominee) => (
                <tr key={nominee.nominationId}>
                  <th scope="row">
                    {nominee.name}
                    <br />
                    <span class="caption">{nominee.email}</span>
                  </th>
                  <td>{nominee.function}</td>
                  <td>{w.roles[nominee.role]}</td>
                  <td>{nominee.nominatedBy ?? ''}</td>
                  <td>{w.nominationStatuses[nominee.status]}</td>
                  <td>{nominee.registrationStatus ? <StatusTag status={nominee.registrationStatus} /> : w.noRegistration}</td>
                  <td>{nominee.remindedAt ? formatInstant(nominee.remindedAt, zone) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      {props.canDecide ? (
        <p class="button-row">
          {delegation.unconfirmed > 0 ? (
            <button type="button" class="button button-secondary" disabled={props.busy} onClick={props.onRemind}>
              {w.remind}
            </button>
          ) : null}
          {delegation.nominees.length > 0 ? (
            <button type="button" class="button" disabled={props.busy} onClick={props.onApprove}>
              {w.approve}
            </button>
          ) : null}
        </p>
      ) : null}
      {props.canManage ? <QuotaForm delegation={delegation} onSave={props.onQuota} /> : null}
    </section>
  );
}

function QuotaForm({ delegation, onSave }: { delegation: Delegation; onSave: (change: QuotaChange) => Promise<void> }) {
  const [delegates, setDelegates] = useState(String(delegation.quota?.delegates ?? ''));
  const [heads, setHeads] = useState(String(delegation.quota?.heads ?? ''));
  const [lifted, setLifted] = useState(delegation.quotaLifted);
  const [save, saving] = useAction(onSave);
  const id = `quota-${delegation.entityId}`;
  return (
    <details class="delegation-quota">
      <summary>{say(w.quotaForm.legend, { entity: delegation.name })}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save(lifted ? { quotaLifted: true } : { quotaLifted: false, quota: { delegates: Number(delegates), heads: Number(heads) } });
        }}
      >
        <div class="choice">
          <input type="checkbox" id={`${id}-lifted`} checked={lifted} onChange={(event) => setLifted((event.currentTarget as HTMLInputElement).checked)} />
          <label for={`${id}-lifted`}>{w.quotaForm.lifted}</label>
        </div>
        {lifted ? null : (
          <>
            <TextField id={`${id}-delegates`} label={w.quotaForm.delegates} type="number" value={delegates} onInput={setDelegates} inputProps={{ min: 0, required: true }} />
            <TextField id={`${id}-heads`} label={w.quotaForm.heads} type="number" value={heads} onInput={setHeads} inputProps={{ min: 0, required: true }} />
          </>
        )}
        <p class="button-row">
          <button type="submit" class="button button-secondary" disabled={saving}>
            {w.quotaForm.save}
          </button>
          <button type="button" class="button button-secondary" disabled={saving} onClick={() => void save({ quota: null, quotaLifted: false })}>
            {w.quotaForm.eventQuota}
          </button>
        </p>
      </form>
    </details>
  );
}

const languageOptions = languages.map((language) => ({ value: language, label: language }));

function InviteFocalPoints({ delegations, onInvite }: { delegations: Delegation[]; onInvite: (invitations: { entityId: string; email: string; language?: string }[]) => Promise<void> }) {
  const entities = invitableEntities(delegations);
  const [entityId, setEntityId] = useState(entities[0]?.id ?? '');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState('en');
  const [csv, setCsv] = useState('');
  const [csvProblem, setCsvProblem] = useState('');
  const [invite, inviting] = useAction(onInvite);
  const sendCsv = () => {
    const { invitations, problems } = parseFocalPointCsv(csv);
    if (problems.length > 0) return setCsvProblem(say(w.invite.csvProblems, { lines: problems.map((entry) => `${entry.line}: ${entry.text}`).join('; ') }));
    if (invitations.length === 0) return setCsvProblem(w.invite.csvEmpty);
    setCsvProblem('');
    void invite(invitations);
  };
  return (
    <section class="delegation-invite" aria-labelledby="invite-title">
      <h2 id="invite-title">{w.invite.title}</h2>
      <p>{w.invite.intro}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void invite([{ entityId, email, language }]);
        }}
      >
        <SelectField id="invite-entity" label={w.invite.entity} value={entityId} onChange={setEntityId} options={entities.map((entity) => ({ value: entity.id, label: `${entity.name} (${entity.id})` }))} />
        <TextField id="invite-email" label={w.invite.email} type="email" value={email} onInput={setEmail} inputProps={{ required: true, autoComplete: 'off' }} />
        <SelectField id="invite-language" label={w.invite.language} value={language} onChange={setLanguage} options={languageOptions} />
        <button type="submit" class="button" disabled={inviting}>
          {w.invite.submit}
        </button>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          sendCsv();
        }}
      >
        <TextArea id="invite-csv" label={w.invite.csv} hint={w.invite.csvHint} value={csv} onInput={setCsv} {...(csvProblem ? { error: csvProblem } : {})} />
        <div class="form-group">
          <label class="label" for="invite-csv-file">
            {w.invite.csvFile}
          </label>
          <input
            class="input"
            type="file"
            id="invite-csv-file"
            accept=".csv,text/csv,text/plain"
            onChange={async (event) => {
              const file = (event.currentTarget as HTMLInputElement).files?.[0];
              if (file) setCsv(await file.text());
            }}
          />
        </div>
        <button type="submit" class="button button-secondary" disabled={inviting}>
          {w.invite.csvSubmit}
        </button>
      </form>
    </section>
  );
}

const addedKinds: AddedEntityKind[] = ['international_organization', 'field_operation', 'ngo'];

function AddEntity({ onAdd }: { onAdd: (entity: { id: string; name: string; kind: AddedEntityKind }) => Promise<void> }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AddedEntityKind>('international_organization');
  const [add, adding] = useAction(onAdd);
  return (
    <section class="delegation-add" aria-labelledby="add-entity-title">
      <h2 id="add-entity-title">{w.add.title}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void add({ id: id.trim(), name: name.trim(), kind });
        }}
      >
        <TextField id="entity-id" label={w.add.id} value={id} onInput={setId} inputProps={{ required: true }} />
        <TextField id="entity-name" label={w.add.name} value={name} onInput={setName} inputProps={{ required: true }} />
        <SelectField id="entity-kind" label={w.add.kind} value={kind} onChange={(value) => setKind(value as AddedEntityKind)} options={addedKinds.map((value) => ({ value, label: w.add.kinds[value] }))} />
        <button type="submit" class="button" disabled={adding}>
          {w.add.submit}
        </button>
      </form>
    </section>
  );
}
