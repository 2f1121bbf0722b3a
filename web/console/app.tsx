// The console's frame: who is signed in and what they may do, the header and navigation, the page the
// address names, and the focus, which moves to the new page's h1 after every navigation.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ConsoleApi } from './api.ts';
import type { Session } from './auth.ts';
import { DashboardPage } from './dashboard.tsx';
import { DelegationsPage } from './delegations.tsx';
import { EventFormPage, EventsPage } from './events.tsx';
import { FormEditorPage } from './form-editor.tsx';
import { messages as m, say } from './messages.ts';
import { RegistrationPage } from './registration.tsx';
import { RegistrationsPage } from './registrations.tsx';
import { accessFromGroups, accessFromMe, hasAccess, type Access } from './roles.ts';
import { hrefOf, parseRoute, queueOf, type ConsoleRoute } from './routing.ts';
import { asProblem, PageTitle, ProblemNotice, useTitle } from './ui.tsx';
import type { ApiProblem } from './api.ts';

export interface PageProps {
  api: ConsoleApi;
  access: Access;
  navigate(route: ConsoleRoute): void;
}

function navigate(route: ConsoleRoute): void {
  location.hash = hrefOf(route);
}

/** The page and the event it is about, without its filters: a new filter is not a new page. */
function pageKey(route: ConsoleRoute): string {
  return [route.page, 'eventId' in route ? route.eventId : '', 'registrationId' in route ? route.registrationId : ''].join('/');
}

export function App({ session, api }: { session: Session; api: ConsoleApi }) {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  const [access, setAccess] = useState<Access>();
  const [problem, setProblem] = useState<ApiProblem>();

  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  const loadAccess = async () => {
    setProblem(undefined);
    try {
      const me = await api.me();
      setAccess(me ? accessFromMe(me) : accessFromGroups(session.user.groups));
    } catch (error) {
      const refused = asProblem(error);
      if (refused.code === 'forbidden') setAccess({ roles: [], can: { manageEvents: false, decide: false, editRegistrations: false, export: false } });
      else setProblem(refused);
    }
  };
  useEffect(() => {
    void loadAccess();
  }, []);

  const key = pageKey(route);
  useEffect(() => {
    if (!access) return;
    // After the page has rendered its h1 (every page renders it at once, before its data arrives).
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [key, access]);

  const page = useMemo(() => {
    if (problem) return <StartProblem problem={problem} onRetry={loadAccess} />;
    if (!access) return <Loading />;
    if (!hasAccess(access)) return <NoAccess user={session.user.email ?? session.user.username} />;
    return <Page route={route} props={{ api, access, navigate }} />;
  }, [route, access, problem]);

  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        {m.app.skipLink}
      </a>
      <header class="masthead">
        <a class="masthead-name" href={hrefOf({ page: 'events' })}>
          {m.app.name}
        </a>
        <nav aria-label={m.app.nav} class="masthead-nav">
          <EventNav route={route} />
        </nav>
        <div class="masthead-user">
          <span>{say(m.app.signedInAs, { user: session.user.email ?? session.user.username })}</span>
          {access && hasAccess(access) ? <span class="roles">{say(m.app.roles, { roles: access.roles.map((role) => m.roles[role as keyof typeof m.roles] ?? role).join(', ') })}</span> : null}
          <button type="button" class="button button-secondary button-small" onClick={() => void session.signOut()}>
            {m.app.signOut}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </>
  );
}

function skipToMain(event: Event) {
  // The hash is the router's; move the focus instead.
  event.preventDefault();
  document.querySelector<HTMLElement>('main h1')?.focus();
}

function EventNav({ route }: { route: ConsoleRoute }) {
  const eventId = 'eventId' in route ? route.eventId : undefined;
  const current = (page: ConsoleRoute['page'], queue = false) => {
    const inQueue = route.page === 'registrations' && route.filter.status === 'awaiting_approval';
    return route.page === page && (page !== 'registrations' || inQueue === queue) ? 'page' : undefined;
  };
  return (
    <ul>
      <li>
        <a href={hrefOf({ page: 'events' })} aria-current={current('events')}>
          {m.app.events}
        </a>
      </li>
      {eventId && route.page !== 'edit-event' ? (
        <>
          <li>
            <a href={hrefOf({ page: 'dashboard', eventId })} aria-current={current('dashboard')}>
              {m.dashboard.title}
            </a>
          </li>
          <li>
            <a href={hrefOf({ page: 'registrations', eventId, filter: {} })} aria-current={current('registrations')}>
              {m.list.all}
            </a>
          </li>
          <li>
            <a href={hrefOf(queueOf(eventId))} aria-current={current('registrations', true)}>
              {m.list.queue}
            </a>
          </li>
          <li>
            <a href={hrefOf({ page: 'delegations', eventId, show: 'all' })} aria-current={current('delegations')}>
              {m.delegations.title}
            </a>
          </li>
          <li>
            <a href={hrefOf({ page: 'edit-form', eventId })} aria-current={current('edit-form')}>
              {m.formEditor.view}
            </a>
          </li>
        </>
      ) : null}
    </ul>
  );
}

function Page({ route, props }: { route: ConsoleRoute; props: PageProps }) {
  switch (route.page) {
    case 'events':
      return <EventsPage {...props} />;
    case 'new-event':
      return <EventFormPage {...props} />;
    case 'edit-event':
      return <EventFormPage {...props} eventId={route.eventId} key={route.eventId} />;
    case 'edit-form':
      return <FormEditorPage {...props} eventId={route.eventId} key={route.eventId} />;
    case 'dashboard':
      return <DashboardPage {...props} eventId={route.eventId} key={route.eventId} />;
    case 'registrations':
      return <RegistrationsPage {...props} eventId={route.eventId} filter={route.filter} key={route.eventId} />;
    case 'registration':
      return <RegistrationPage {...props} eventId={route.eventId} registrationId={route.registrationId} key={route.registrationId} />;
    case 'delegations':
      return <DelegationsPage {...props} eventId={route.eventId} show={route.show} key={route.eventId} />;
    case 'not-found':
      return <NotFound />;
  }
}

function Loading() {
  useTitle(m.app.loading);
  return (
    <>
      <PageTitle>{m.app.name}</PageTitle>
      <p role="status">{m.app.loading}</p>
    </>
  );
}

function StartProblem({ problem, onRetry }: { problem: ApiProblem; onRetry: () => void }) {
  useTitle(m.app.startFailedTitle, true);
  return (
    <>
      <PageTitle>{m.app.startFailedTitle}</PageTitle>
      <ProblemNotice problem={problem} onRetry={onRetry} />
    </>
  );
}

export function NoAccess({ user }: { user: string }) {
  useTitle(m.noAccess.title);
  return (
    <>
      <PageTitle>{m.noAccess.title}</PageTitle>
      <p>{say(m.noAccess.body, { user })}</p>
      <p>{m.noAccess.next}</p>
    </>
  );
}

function NotFound() {
  useTitle(m.app.notFoundTitle);
  return (
    <>
      <PageTitle>{m.app.notFoundTitle}</PageTitle>
      <p>{m.app.notFoundBody}</p>
      <p>
        <a href={hrefOf({ page: 'events' })}>{m.app.backToEvents}</a>
      </p>
    </>
  );
}
