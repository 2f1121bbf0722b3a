// The organizer console's rules that need no browser: its addresses, the venue's wall-clock time, the
// roles from groups, the remembered columns and the list's query.
import { describe, expect, it } from 'vitest';
import { listQuery, type Delegation } from '../../web/console/api.ts';
import { matchesFilter, parseFocalPointCsv } from '../../web/console/delegation-view.ts';
import { chosenColumns, defaultColumns, rememberColumns } from '../../web/console/columns.ts';
import { accessFromGroups, hasAccess } from '../../web/console/roles.ts';
import { hrefOf, parseRoute, queueOf, type ConsoleRoute } from '../../web/console/routing.ts';
import { instantFromWallTime, wallTime } from '../../web/console/time.ts';

describe('the console’s addresses', () => {
  it.each<[string, ConsoleRoute]>([
    ['', { page: 'events' }],
    ['#/events', { page: 'events' }],
    ['#/new-event', { page: 'new-event' }],
    ['#/events/new', { page: 'dashboard', eventId: 'new' }],
    ['#/events/osce-drugs-2017', { page: 'dashboard', eventId: 'osce-drugs-2017' }],
    ['#/events/osce-drugs-2017/edit', { page: 'edit-event', eventId: 'osce-drugs-2017' }],
    ['#/events/osce-drugs-2017/form', { page: 'edit-form', eventId: 'osce-drugs-2017' }],
    ['#/events/x/registrations?status=awaiting_approval&sort=createdAt', { page: 'registrations', eventId: 'x', filter: { status: 'awaiting_approval', sort: 'createdAt' } }],
    ['#/events/x/registrations?q=M%C3%BCller&country=AT&category=civil_society&sort=-lastName', { page: 'registrations', eventId: 'x', filter: { q: 'Müller', country: 'AT', category: 'civil_society', sort: '-lastName' } }],
    ['#/events/x/registrations/01J0000000000000000000000A', { page: 'registration', eventId: 'x', registrationId: '01J0000000000000000000000A' }],
    ['#/events/x/registrations/a/b', { page: 'not-found' }],
    ['#/events/x/delegations', { page: 'delegations', eventId: 'x', show: 'all' }],
    ['#/events/x/delegations?show=unconfirmed', { page: 'delegations', eventId: 'x', show: 'unconfirmed' }],
    ['#/events/x/delegations/AT', { page: 'not-found' }],
    ['#/somewhere', { page: 'not-found' }],
  ])('reads %s', (hash, route) => {
    // Act and assess
    expect(parseRoute(hash)).toEqual(route);
  });

  it('drops filter values the API would refuse, rather than sending them', () => {
    // Act
    const route = parseRoute('#/events/x/registrations?status=nonsense&category=spies&country=austria&sort=email');

    // Assess
    expect(route).toEqual({ page: 'registrations', eventId: 'x', filter: {} });
  });

  it('writes back every address it reads', () => {
    // Prepare
    const routes: ConsoleRoute[] = [
      { page: 'events' },
      { page: 'new-event' },
      { page: 'edit-event', eventId: 'a-b' },
      { page: 'edit-form', eventId: 'a-b' },
      { page: 'dashboard', eventId: 'a-b' },
      { page: 'registrations', eventId: 'a-b', filter: { q: 'Ana María', status: 'approved' } },
      { page: 'registration', eventId: 'a-b', registrationId: '01J0000000000000000000000A' },
      queueOf('a-b'),
    ];

    // Act and assess
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
    expect(hrefOf(queueOf('a-b'))).toBe('#/events/a-b/registrations?status=awaiting_approval&sort=createdAt');
  });
});

describe('the venue’s wall-clock time', () => {
  it.each([
    ['2027-02-15T23:59:59', 'Europe/Vienna', '2027-02-15T23:59:59+01:00'],
    ['2027-07-01T09:00', 'Europe/Vienna', '2027-07-01T09:00:00+02:00'],
    ['2027-07-01T09:00', 'America/New_York', '2027-07-01T09:00:00-04:00'],
    ['2027-07-01T09:00', 'Asia/Kolkata', '2027-07-01T09:00:00+05:30'],
    ['2027-07-01T09:00', 'UTC', '2027-07-01T09:00:00+00:00'],
    // The night Vienna's clocks go forward (02:00 → 03:00) and back (03:00 → 02:00)
    ['2027-03-28T03:30', 'Europe/Vienna', '2027-03-28T03:30:00+02:00'],
    ['2027-10-31T01:30', 'Europe/Vienna', '2027-10-31T01:30:00+02:00'],
  ])('%s in %s is %s', (wall, zone, instant) => {
    // Act
    const converted = instantFromWallTime(wall, zone);

    // Assess: the instant, and back to the same wall time
    expect(converted).toBe(instant);
    expect(wallTime(converted, zone)).toBe(wall.length === 16 ? `${wall}:00` : wall);
  });

  it('shows a stored instant in the venue’s time whatever offset it was written with', () => {
    expect(wallTime('2027-02-15T22:59:59Z', 'Europe/Vienna')).toBe('2027-02-15T23:59:59');
  });
});

describe('the roles from the token’s groups (before GET /me)', () => {
  it.each([
    [['organizers'], ['organizer'], { manageEvents: true, decide: true, editRegistrations: true, export: true }],
    [['moderators'], ['moderator'], { manageEvents: false, decide: true, editRegistrations: false, export: true }],
    [['viewers'], ['viewer'], { manageEvents: false, decide: false, editRegistrations: false, export: true }],
    [['viewers', 'moderators', 'staff'], ['viewer', 'moderator'], { manageEvents: false, decide: true, editRegistrations: false, export: true }],
    [['staff'], [], { manageEvents: false, decide: false, editRegistrations: false, export: false }],
    [[], [], { manageEvents: false, decide: false, editRegistrations: false, export: false }],
  ])('%j give %j', (groups, roles, can) => {
    // Act
    const access = accessFromGroups(groups);

    // Assess
    expect(access).toEqual({ roles, can });
    expect(hasAccess(access)).toBe(roles.length > 0);
  });
});

describe('the remembered columns', () => {
  it('keeps the chosen ones in the table’s order, and falls back to the defaults on nothing or garbage', () => {
    // Prepare
    const stored = new Map<string, string>();
    const storage = { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) };

    // Act and assess
    expect(chosenColumns(storage)).toEqual(defaultColumns);
    rememberColumns(['status', 'email'], storage);
    expect(chosenColumns(storage)).toEqual(['email', 'status']);
    stored.set('console.columns', '{not json');
    expect(chosenColumns(storage)).toEqual(defaultColumns);
  });
});

describe('the list’s query', () => {
  it('sends only what is set, trimmed, and leaves out the default order', () => {
    expect(listQuery({})).toBe('');
    expect(listQuery({ sort: 'createdAt' })).toBe('');
    expect(listQuery({ status: 'awaiting_approval', q: '  Müller ', sort: '-lastName' }, { limit: '50' })).toBe('?status=awaiting_approval&q=M%C3%BCller&sort=-lastName&limit=50');
  });
});

describe('the Delegations page’s rules', () => {
  it('reads a CSV of focal points, separated as spreadsheets save it, and names the lines it cannot read', () => {
    // Act
    const { invitations, problems } = parseFocalPointCsv(
      ['entity,email,language', 'at,focal@bmeia.gv.at,DE', '', 'unodc; focal@unodc.org', 'FR\tpoint@diplomatie.gouv.fr\tfr', '"RU","mid@mid.ru"', 'IT', 'DE,x@y.de,xx'].join('\r\n'),
    );

    // Assess
    expect(invitations).toEqual([
      { entityId: 'AT', email: 'focal@bmeia.gv.at', language: 'de' },
      { entityId: 'unodc', email: 'focal@unodc.org' },
      { entityId: 'FR', email: 'point@diplomatie.gouv.fr', language: 'fr' },
      { entityId: 'RU', email: 'mid@mid.ru' },
    ]);
    expect(problems).toEqual([
      { line: 7, text: 'IT' },
      { line: 8, text: 'DE,x@y.de,xx' },
    ]);
  });

  it('filters the delegations by what needs doing', () => {
    // Prepare
    const base = { kind: 'participating_state' as const, quota: null, quotaLifted: true, delegatesTaken: 1, headsTaken: 0, focalPoints: [], nominees: [], unconfirmed: 0, letter: null };
    const nominee = { nominationId: 'n', entityId: 'AT', name: 'A', email: 'a@b.c', function: 'f', role: 'member', status: 'nominated', nominatedAt: '', nominatedBy: null, remindedAt: null } as const;
    const unconfirmed: Delegation = { ...base, entityId: 'AT', name: 'Austria', unconfirmed: 1, nominees: [{ ...nominee, registrationStatus: null }] };
    const awaiting: Delegation = {
      ...base,
      entityId: 'FR',
      name: 'France',
      focalPoints: [{ email: 'f@g.h', language: 'fr', invitedAt: '', mailPending: false, linkSent: true, nominations: 1 }],
      nominees: [{ ...nominee, registrationStatus: 'awaiting_approval' }],
    };

    // Act
    const shown = (filter: Parameters<typeof matchesFilter>[1]) => [unconfirmed, awaiting].filter((delegation) => matchesFilter(delegation, filter)).map((delegation) => delegation.entityId);

    // Assess
    expect(shown('all')).toEqual(['AT', 'FR']);
    expect(shown('unconfirmed')).toEqual(['AT']);
    expect(shown('awaiting-decision')).toEqual(['FR']);
    expect(shown('no-focal-point')).toEqual(['AT']);
  });
});
