// An event's dashboard: seats, the waiting list and the queues at a glance, counts by status (each a
// link to those registrations), and charts by category, by country and over time, from GET /stats.
import { registrationStatuses, isCounted, isParticipating, type RegistrationStatus } from '#shared/model/lifecycle.ts';
import { categories } from '#shared/model/participants.ts';
import type { EventStats } from './api.ts';
import type { PageProps } from './app.tsx';
import { BarChart, DailyChart, NumbersTable, type BarRow } from './charts.tsx';
import { countryName } from '../countries.ts';
import { formEn } from '#shared/i18n/en.ts';
import { messages as m, say } from './messages.ts';
import { hrefOf, queueOf } from './routing.ts';
import { formatDateRange } from './time.ts';
import { PageTitle, ProblemNotice, StatusMessage, useFlash, useLoad, useTitle } from './ui.tsx';

const shownCountries = 15;

export function DashboardPage({ api, access, eventId }: PageProps & { eventId: string }) {
  const flash = useFlash();
  const { data, problem, reload } = useLoad(async () => {
    const [event, stats] = await Promise.all([api.event(eventId), api.stats(eventId)]);
    return { event, stats };
  }, [eventId]);
  const title = data?.event.title ?? eventId;
  useTitle(`${m.dashboard.title}: ${title}`);
  return (
    <>
      <PageTitle caption={m.dashboard.title}>{title}</PageTitle>
      <StatusMessage text={flash} />
      {problem ? <ProblemNotice problem={problem} onRetry={reload} /> : null}
      {!data && !problem ? <p role="status">{m.app.loading}</p> : null}
      {data ? (
        <>
          <p class="lead">
            {formatDateRange(data.event.startDate, data.event.endDate)} · {data.event.venue.name}, {data.event.venue.city} ·{' '}
            {data.event.registration.open ? m.events.open : m.events.closed}
          </p>
          <p class="button-row">
            <a class="button" href={hrefOf({ page: 'registrations', eventId, filter: {} })}>
              {m.dashboard.registrations}
            </a>
            {access.can.manageEvents ? (
              <a class="button button-secondary" href={hrefOf({ page: 'edit-event', eventId })}>
                {m.dashboard.edit}
              </a>
            ) : null}
            <a class="button button-secondary" href={hrefOf({ page: 'edit-form', eventId })}>
              {access.can.manageEvents ? m.formEditor.link : m.formEditor.view}
            </a>
          </p>
          <Tiles eventId={eventId} stats={data.stats} />
          <div class="dashboard-grid">
            <StatusCounts eventId={eventId} stats={data.stats} />
            <CategoryChart stats={data.stats} />
            <CountryChart stats={data.stats} />
            <OverTime stats={data.stats} />
          </div>
        </>
      ) : null}
    </>
  );
}

const participating = registrationStatuses.filter(isParticipating);

function Tiles({ eventId, stats }: { eventId: string; stats: EventStats }) {
  const count = (status: RegistrationStatus) => stats.byStatus[status] ?? 0;
  const registered = participating.reduce((sum, status) => sum + count(status), 0);
  const tiles: { label: string; value: string; detail?: string; href?: string }[] = [
    { label: m.dashboard.tiles.registered, value: String(registered) },
    { label: m.dashboard.tiles.seatsTaken, value: String(stats.seatsTaken), ...(stats.capacity !== null ? { detail: say(m.dashboard.ofCapacity, { capacity: stats.capacity }) } : {}) },
    { label: m.dashboard.tiles.seatsLeft, value: stats.seatsLeft === null ? m.dashboard.tiles.unlimited : String(stats.seatsLeft) },
    { label: m.dashboard.tiles.waiting, value: String(stats.waitlistLength), href: hrefOf({ page: 'registrations', eventId, filter: { status: 'waitlisted', sort: 'createdAt' } }) },
    { label: m.dashboard.tiles.awaiting, value: String(count('awaiting_approval')), href: hrefOf(queueOf(eventId)) },
    { label: m.dashboard.tiles.reapproval, value: String(count('awaiting_reapproval')), href: hrefOf(queueOf(eventId, 'awaiting_reapproval')) },
  ];
  return (
    <ul class="tiles">
      {tiles.map((tile) => (
        <li class="tile" key={tile.label}>
          {tile.href ? (
            <a href={tile.href}>
              <span class="tile-value">{tile.value}</span> <span class="tile-label">{tile.label}</span>
            </a>
          ) : (
            <>
              <span class="tile-value">{tile.value}</span> <span class="tile-label">{tile.label}</span>
            </>
          )}
          {tile.detail ? <span class="tile-detail"> {tile.detail}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function StatusCounts({ eventId, stats }: { eventId: string; stats: EventStats }) {
  const counted = registrationStatuses.filter(isCounted);
  return (
    <section class="chart-card" aria-labelledby="by-status">
      <h2 id="by-status">{m.dashboard.byStatus}</h2>
      <NumbersTable
          caption={m.dashboard.byStatus}
          columns={[m.dashboard.status, m.dashboard.count]}
          rows={counted.map((status) => [<a href={hrefOf({ page: 'registrations', eventId, filter: { status } })}>{m.statuses[status]}</a>, stats.byStatus[status] ?? 0])}
        />
    </section>
  );
}

function CategoryChart({ stats }: { stats: EventStats }) {
  const rows: BarRow[] = categories.filter((category) => stats.byCategory[category]).map((category) => ({ label: m.categories[category], value: stats.byCategory[category]! }));
  if (rows.length === 0) return <Empty heading={m.dashboard.byCategory} text={m.dashboard.nothingYet} />;
  return <BarChart heading={m.dashboard.byCategory} label={m.dashboard.category} rows={rows} />;
}

function CountryChart({ stats }: { stats: EventStats }) {
  const all = Object.entries(stats.byCountry)
    .map(([code, value]) => ({ label: countryName(code, 'en', formEn), value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'en'));
  if (all.length === 0) return <Empty heading={m.dashboard.byCountry} text={m.dashboard.nothingYet} />;
  const rest = all.slice(shownCountries);
  const rows = rest.length > 0 ? [...all.slice(0, shownCountries), { label: say(m.dashboard.otherCountries, { count: rest.length }), value: rest.reduce((sum, row) => sum + row.value, 0) }] : all;
  return <BarChart heading={m.dashboard.byCountry} label={m.dashboard.country} rows={rows} />;
}

function OverTime({ stats }: { stats: EventStats }) {
  const days = Object.entries(stats.byDay ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (days.length === 0) return <Empty heading={m.dashboard.overTime} text={m.dashboard.overTimeEmpty} />;
  return <DailyChart heading={m.dashboard.overTime} days={days} />;
}

function Empty({ heading, text }: { heading: string; text: string }) {
  return (
    <section class="chart-card" aria-label={heading}>
      <h2>{heading}</h2>
      <p>{text}</p>
    </section>
  );
}
