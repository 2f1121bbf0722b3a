// An event's registrations: filters (status, category, country, search), sorting, pages, the columns a
// person chooses, the moderator's queue one click away, decisions on a row or on many at once, and
// the export of exactly what the filter matches.
import type { ComponentChildren, RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { formEn } from '#shared/i18n/en.ts';
import { accepts, registrationStatuses } from '#shared/model/lifecycle.ts';
import { participatingStates, partnersForCooperation } from '#shared/model/osce.ts';
import { categories } from '#shared/model/participants.ts';
import { countryName } from '../countries.ts';
import type { BulkOutcome, Decision, EventStats, ExportFormat, ListFilter, PublicEvent, Registration, Sort, SortKey } from './api.ts';
import type { PageProps } from './app.tsx';
import { DecisionDialog, type DecisionRequest } from './decision.tsx';
import { downloadBlob } from './download.ts';
import { messages as m, say } from './messages.ts';
import { hrefOf, queueOf } from './routing.ts';
import { formatInstant } from './time.ts';
import { asProblem, isConflict, PageTitle, ProblemNotice, SelectField, StatusMessage, StatusTag, TableFrame, TextField, useAction, useLoad, useTitle } from './ui.tsx';
import type { ApiProblem } from './api.ts';
import { chosenColumns, columnKeys, rememberColumns, type ColumnKey } from './columns.ts';

export function nameOf(registration: Pick<Registration, 'firstName' | 'lastName'>): string {
  return `${registration.firstName} ${registration.lastName}`;
}

interface Column {
  key: ColumnKey;
  sort?: SortKey;
  cell(registration: Registration, zone: string): ComponentChildren;
}

const columns: Column[] = [
  { key: 'reference', cell: (r) => r.reference ?? m.registration.none },
  { key: 'email', cell: (r) => r.email },
  { key: 'organization', sort: 'organization', cell: (r) => r.organization },
  { key: 'position', cell: (r) => r.position ?? '' },
  { key: 'category', cell: (r) => m.categories[r.category] },
  { key: 'country', sort: 'country', cell: (r) => (r.country ? countryName(r.country, 'en', formEn) : '') },
  { key: 'status', sort: 'status', cell: (r) => <StatusTag status={r.status} /> },
  { key: 'emailStatus', cell: (r) => (r.emailStatus === 'ok' ? '' : <span class="tag tag-warning">{m.emailStatuses[r.emailStatus]}</span>) },
  { key: 'language', cell: (r) => m.registration.languageNames[r.language as keyof typeof m.registration.languageNames] ?? r.language },
  { key: 'phone', cell: (r) => r.phone ?? '' },
  { key: 'createdAt', sort: 'createdAt', cell: (r, zone) => formatInstant(r.createdAt, zone) },
  { key: 'confirmedAt', cell: (r, zone) => (r.confirmedAt ? formatInstant(r.confirmedAt, zone) : '') },
];

interface Listing {
  items: Registration[];
  nextCursor: string | null;
}

export function RegistrationsPage({ api, access, navigate, eventId, filter }: PageProps & { eventId: string; filter: ListFilter }) {
  const filterKey = JSON.stringify(filter);
  const context = useLoad(async () => {
    const [event, stats] = await Promise.all([api.event(eventId), api.stats(eventId).catch(() => undefined)]);
    return { event, stats };
  }, [eventId]);
  const [listing, setListing] = useState<Listing>();
  const list = useLoad(async () => {
    const page = await api.registrations(eventId, filter);
    setListing(page);
    setSelected(new Set());
    return page;
  }, [eventId, filterKey]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [dialog, setDialog] = useState<(DecisionRequest & { items: Registration[] }) | undefined>();
  const [bulkResult, setBulkResult] = useState<{ decision: Decision; outcomes: (BulkOutcome & { name: string })[] }>();
  const [shown, setShown] = useState<ColumnKey[]>(chosenColumns);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // After a dialog: the bulk result, or the row that was decided (its buttons may be gone).
  const focusAfterDialog = useRef<() => HTMLElement | null>(() => null);

  const event = context.data?.event;
  const zone = event?.timeZone ?? 'UTC';
  const queue = filter.status === 'awaiting_approval' || filter.status === 'awaiting_reapproval';
  const title = queue ? m.statuses[filter.status!] : m.list.title;
  useTitle(`${title}: ${event?.title ?? eventId}`);

  const refresh = async () => {
    await list.reload();
    await context.reload();
  };

  const replaceRow = (next: Registration) =>
    setListing((current) => current && { ...current, items: current.items.map((item) => (item.registrationId === next.registrationId ? next : item)) });

  const [showMore, loadingMore] = useAction(async () => {
    if (!listing?.nextCursor) return;
    try {
      const page = await api.registrations(eventId, filter, listing.nextCursor);
      setListing({ items: [...listing.items, ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      setProblem(asProblem(error));
    }
  });

  /** One registration decided from its row; someone else's earlier decision is explained, and the list refreshed. */
  const [decideRow, deciding] = useAction(async (registration: Registration, decision: Decision, reason?: string) => {
    setNotice('');
    setProblem(undefined);
    try {
      const decided = await api.decide(eventId, registration, decision, reason);
      replaceRow(decided);
      setNotice(say(decision === 'approve' ? m.list.approved : m.list.rejected, { name: nameOf(registration) }));
      void context.reload();
    } catch (error) {
      const refused = asProblem(error);
      setProblem(refused);
      if (isConflict(refused)) await refresh();
    }
  });

  const decideSelected = async (decision: Decision, reason: string | undefined) => {
    const items = listing?.items.filter((item) => selected.has(item.registrationId)) ?? [];
    setNotice('');
    setProblem(undefined);
    try {
      const outcomes = await api.decideMany(eventId, decision, items, reason);
      const names = new Map(items.map((item) => [item.registrationId, nameOf(item)]));
      setBulkResult({ decision, outcomes: outcomes.map((outcome) => ({ ...outcome, name: names.get(outcome.registrationId) ?? outcome.registrationId })) });
      setDialog(undefined);
      await refresh();
    } catch (error) {
      setDialog(undefined);
      setProblem(asProblem(error));
    }
  };

  const [exportAs, exporting] = useAction(async (format: ExportFormat) => {
    setNotice('');
    setProblem(undefined);
    try {
      const { blob, fileName } = await api.export(eventId, filter, format);
      downloadBlob(blob, fileName);
      setNotice(say(m.list.exported, { file: fileName }));
    } catch (error) {
      setProblem(asProblem(error));
    }
  });

  const items = listing?.items ?? [];
  const visible = columns.filter((column) => shown.includes(column.key));
  const selectable = access.can.decide;
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.registrationId));
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const sortBy = (key: SortKey) => {
    const current = filter.sort ?? 'createdAt';
    const sort: Sort = current === key ? `-${key}` : key;
    navigate({ page: 'registrations', eventId, filter: { ...filter, sort } });
  };

  return (
    <>
      <PageTitle caption={event?.title ?? eventId}>{title}</PageTitle>
      <QueueLinks eventId={eventId} filter={filter} stats={context.data?.stats} />
      <Filters key={filterKey} eventId={eventId} filter={filter} event={event} stats={context.data?.stats} navigate={navigate} />
      <StatusMessage text={notice} />
      {problem ? <ProblemNotice problem={problem} /> : null}
      {list.problem ? <ProblemNotice problem={list.problem} onRetry={list.reload} /> : null}
      {bulkResult ? <BulkResult result={bulkResult} heading={resultHeading} /> : null}
      <div class="toolbar">
        {access.can.export ? (
          <div class="toolbar-group" role="group" aria-label={m.list.export}>
            <button type="button" class="button button-secondary" disabled={exporting} onClick={() => void exportAs('csv')}>
              {m.list.exportCsv}
            </button>
            <button type="button" class="button button-secondary" disabled={exporting} onClick={() => void exportAs('xlsx')}>
              {m.list.exportXlsx}
            </button>
            {exporting ? <span role="status">{m.list.exporting}</span> : null}
          </div>
        ) : null}
        <ColumnChooser
          shown={shown}
          onChange={(next) => {
            setShown(next);
            rememberColumns(next);
          }}
        />
      </div>
      {selectable && selected.size > 0 ? (
        <div class="bulk-bar" role="group" aria-label={say(m.list.selected, { count: selected.size })}>
          <span>{say(m.list.selected, { count: selected.size })}</span>
          <button
            type="button"
            class="button"
            onClick={() => setDialog({ decision: 'approve', title: say(m.decision.approveManyTitle, { count: selected.size }), items: [] })}
          >
            {m.list.approveSelected}
          </button>
          <button
            type="button"
            class="button button-warning"
            onClick={() => setDialog({ decision: 'reject', title: say(m.decision.rejectManyTitle, { count: selected.size }), items: [] })}
          >
            {m.list.rejectSelected}
          </button>
          <button type="button" class="button button-secondary" onClick={() => setSelected(new Set())}>
            {m.list.clearSelection}
          </button>
        </div>
      ) : null}
      {!listing && !list.problem ? <p role="status">{m.app.loading}</p> : null}
      {listing && items.length === 0 ? <p>{m.list.empty}</p> : null}
      {listing && items.length > 0 ? (
        <TableFrame label={m.list.title}>
          <table class="table registrations">
            <caption>{say(listing.nextCursor ? m.list.captionMore : m.list.caption, { shown: items.length })}</caption>
            <thead>
              <tr>
                {selectable ? (
                  <td class="pick">
                    <input
                      type="checkbox"
                      id="select-page"
                      aria-label={m.list.selectPage}
                      checked={allSelected}
                      onChange={(e) => setSelected((e.currentTarget as HTMLInputElement).checked ? new Set(items.map((item) => item.registrationId)) : new Set())}
                    />
                  </td>
                ) : null}
                <SortableHeader label={m.list.columnNames.name} sortKey="lastName" filter={filter} onSort={sortBy} />
                {visible.map((column) =>
                  column.sort ? (
                    <SortableHeader key={column.key} label={m.list.columnNames[column.key]} sortKey={column.sort} filter={filter} onSort={sortBy} />
                  ) : (
                    <th scope="col" key={column.key}>
                      {m.list.columnNames[column.key]}
                    </th>
                  ),
                )}
                {selectable ? <th scope="col">{m.events.columns.actions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((registration) => (
                <tr key={registration.registrationId} class={selected.has(registration.registrationId) ? 'selected' : undefined}>
                  {selectable ? (
                    <td class="pick">
                      <input
                        type="checkbox"
                        aria-label={say(m.list.select, { name: nameOf(registration) })}
                        checked={selected.has(registration.registrationId)}
                        onChange={(e) => toggle(registration.registrationId, (e.currentTarget as HTMLInputElement).checked)}
                      />
                    </td>
                  ) : null}
                  <th scope="row">
                    <a id={`name-${registration.registrationId}`} href={hrefOf({ page: 'registration', eventId, registrationId: registration.registrationId })}>
                      {nameOf(registration)}
                    </a>
                  </th>
                  {visible.map((column) => (
                    <td key={column.key}>{column.cell(registration, zone)}</td>
                  ))}
                  {selectable ? (
                    <td class="actions">
                      <RowActions registration={registration} busy={deciding} onApprove={() => void decideRow(registration, 'approve')} onReject={() => setDialog({ decision: 'reject', title: say(m.decision.rejectTitle, { name: nameOf(registration) }), items: [registration] })} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
      {listing?.nextCursor ? (
        <p>
          <button type="button" class="button button-secondary" disabled={loadingMore} onClick={() => void showMore()}>
            {loadingMore ? m.list.loadingMore : m.list.more}
          </button>
        </p>
      ) : null}
      <DecisionDialog
        request={dialog}
        onCancel={() => setDialog(undefined)}
        focusAfterClose={() => focusAfterDialog.current()}
        onConfirm={async (decision, reason) => {
          const one = dialog?.items[0];
          focusAfterDialog.current = one ? () => document.getElementById(`name-${one.registrationId}`) : () => resultHeading.current;
          if (one) {
            await decideRow(one, decision, reason);
            setDialog(undefined);
          } else await decideSelected(decision, reason);
        }}
      />
    </>
  );
}

function RowActions({ registration, busy, onApprove, onReject }: { registration: Registration; busy: boolean; onApprove: () => void; onReject: () => void }) {
  const name = nameOf(registration);
  // Disabled while any row's decision is in flight; the action guard (useAction) drops a second click
  // that comes before the disabled state is drawn.
  return (
    <>
      {accepts(registration.status, 'approve') ? (
        <button type="button" class="button button-small" aria-label={say(m.list.approveLabel, { name })} disabled={busy} onClick={onApprove}>
          {m.list.approve}
        </button>
      ) : null}
      {accepts(registration.status, 'reject') ? (
        <button type="button" class="button button-small button-warning" aria-label={say(m.list.rejectLabel, { name })} disabled={busy} onClick={onReject}>
          {m.list.reject}
        </button>
      ) : null}
    </>
  );
}

function SortableHeader({ label, sortKey, filter, onSort }: { label: string; sortKey: SortKey; filter: ListFilter; onSort: (key: SortKey) => void }) {
  const current = filter.sort ?? 'createdAt';
  const direction = current === sortKey ? 'ascending' : current === `-${sortKey}` ? 'descending' : undefined;
  return (
    <th scope="col" aria-sort={direction}>
      <button type="button" class="sort" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true" class="sort-mark">
          {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}
        </span>
      </button>
    </th>
  );
}

function QueueLinks({ eventId, filter, stats }: { eventId: string; filter: ListFilter; stats: EventStats | undefined }) {
  const count = (status: 'awaiting_approval' | 'awaiting_reapproval') => (stats ? ` (${stats.byStatus[status] ?? 0})` : '');
  const links = [
    { label: m.list.all, href: hrefOf({ page: 'registrations', eventId, filter: {} }), current: Object.keys(filter).length === 0 },
    { label: `${m.list.queue}${count('awaiting_approval')}`, href: hrefOf(queueOf(eventId)), current: filter.status === 'awaiting_approval' },
    { label: `${m.list.reapprovalQueue}${count('awaiting_reapproval')}`, href: hrefOf(queueOf(eventId, 'awaiting_reapproval')), current: filter.status === 'awaiting_reapproval' },
  ];
  return (
    <nav aria-label={m.list.filters} class="queue-links">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={link.current ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Filters({ eventId, filter, event, stats, navigate }: { eventId: string; filter: ListFilter; event: PublicEvent | undefined; stats: EventStats | undefined; navigate: PageProps['navigate'] }) {
  const [draft, setDraft] = useState<ListFilter>(filter);
  const set = (key: keyof ListFilter) => (value: string) => setDraft({ ...draft, [key]: value || undefined });
  const countryCodes = [...new Set<string>([...participatingStates, ...partnersForCooperation].map((entry): string => entry.code).concat(Object.keys(stats?.byCountry ?? {}), filter.country ?? []))]
    .map((code) => ({ code, name: countryName(code, 'en', formEn) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const invited = event?.categories ?? categories;
  return (
    <form
      class="filters"
      role="search"
      aria-label={m.list.filters}
      onSubmit={(e) => {
        e.preventDefault();
        navigate({ page: 'registrations', eventId, filter: { ...draft, q: draft.q?.trim() || undefined } });
      }}
    >
      <TextField id="filter-q" label={m.list.search} hint={m.list.searchHint} type="search" value={draft.q ?? ''} onInput={(q) => setDraft({ ...draft, q: q || undefined })} />
      <SelectField
        id="filter-status"
        label={m.list.status}
        value={draft.status ?? ''}
        onChange={set('status')}
        options={[{ value: '', label: m.list.anyStatus }, ...registrationStatuses.map((status) => ({ value: status, label: m.statuses[status] }))]}
      />
      <SelectField
        id="filter-category"
        label={m.list.category}
        value={draft.category ?? ''}
        onChange={set('category')}
        options={[{ value: '', label: m.list.anyCategory }, ...invited.map((category) => ({ value: category, label: m.categories[category] }))]}
      />
      <SelectField
        id="filter-country"
        label={m.list.country}
        value={draft.country ?? ''}
        onChange={set('country')}
        options={[{ value: '', label: m.list.anyCountry }, ...countryCodes.map(({ code, name }) => ({ value: code, label: name }))]}
      />
      <div class="button-row filters-buttons">
        <button type="submit" class="button">
          {m.list.apply}
        </button>
        {Object.keys(filter).length > 0 ? (
          <a class="button button-secondary" href={hrefOf({ page: 'registrations', eventId, filter: {} })}>
            {m.list.clear}
          </a>
        ) : null}
      </div>
    </form>
  );
}

function ColumnChooser({ shown, onChange }: { shown: ColumnKey[]; onChange: (shown: ColumnKey[]) => void }) {
  return (
    <details class="columns">
      <summary>{m.list.columns}</summary>
      <fieldset class="fieldset">
        <legend class="visually-hidden">{m.list.columns}</legend>
        <p class="hint">{m.list.columnsHint}</p>
        {columnKeys.map((key) => (
          <div class="choice" key={key}>
            <input
              type="checkbox"
              id={`column-${key}`}
              checked={shown.includes(key)}
              onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked ? columnKeys.filter((k) => k === key || shown.includes(k)) : shown.filter((k) => k !== key))}
            />
            <label for={`column-${key}`}>{m.list.columnNames[key]}</label>
          </div>
        ))}
      </fieldset>
    </details>
  );
}

function BulkResult({ result, heading }: { result: { decision: Decision; outcomes: (BulkOutcome & { name: string })[] }; heading: RefObject<HTMLHeadingElement> }) {
  const done = result.outcomes.filter((outcome) => outcome.outcome === 'done');
  const skipped = result.outcomes.filter((outcome) => outcome.outcome === 'skipped');
  const why = (code: string | undefined) => m.list.bulkWhy[code as keyof typeof m.list.bulkWhy] ?? say(m.list.bulkWhy.other, { code: code ?? '' });
  return (
    <section class="notice notice-done bulk-result" aria-labelledby="bulk-result-title">
      <h2 id="bulk-result-title" tabIndex={-1} ref={heading}>
        {m.list.bulkTitle}: {say(m.list.bulkSummary, { done: done.length, skipped: skipped.length })}
      </h2>
      {done.length > 0 ? (
        <>
          <h3>{m.list.bulkDone}</h3>
          <ul class="bulk-done">
            {done.map((outcome) => (
              <li key={outcome.registrationId}>
                {outcome.name}
                {outcome.status ? ` – ${m.statuses[outcome.status]}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {skipped.length > 0 ? (
        <>
          <h3>{m.list.bulkSkipped}</h3>
          <ul class="bulk-skipped">
            {skipped.map((outcome) => (
              <li key={outcome.registrationId}>
                {outcome.name}: {why(outcome.code)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
