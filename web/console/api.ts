// The console's calls to the API (same origin), as the routes and their answers are documented in
// /openapi.json and docs/console-api (the console's contract). Every call carries the session's token;
// a 401 sends the organizer through sign-in again; every refusal becomes an ApiProblem with the API's
// machine-readable code, so the pages explain it in words.
import type { ConferenceEvent, PublicEvent } from '#shared/model/event-schema.ts';

export type { PublicEvent };
import type { RegistrationStatus } from '#shared/model/lifecycle.ts';
import type { Category } from '#shared/model/participants.ts';

export interface ApiIssue {
  path: string;
  message: string;
  code: string;
}

/** A refusal of the API (status and code as it sent them), or `network` when it could not be reached. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];
  constructor(status: number, code: string, message: string, issues: ApiIssue[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

export interface Consents {
  privacyNotice: boolean;
  participantList: boolean;
  photography: boolean;
}

export interface Registration {
  registrationId: string;
  eventId: string;
  reference: string | null;
  status: RegistrationStatus;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | null;
  emailStatus: 'ok' | 'bounced' | 'complained';
  revision: string;
  title?: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  category: Category;
  country?: string;
  organization: string;
  position?: string;
  language: string;
  arrivalDate?: string;
  departureDate?: string;
  dietaryRequirements?: string;
  accessibilityNeeds?: string;
  consents: Consents;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  from?: RegistrationStatus;
  to?: RegistrationStatus;
  reason?: string;
}

export interface RegistrationDetail extends Registration {
  history: HistoryEntry[];
}

export interface RegistrationPage {
  items: Registration[];
  nextCursor: string | null;
}

/** The stored event, for the edit form; referencePrefix is undefined when it could not be read. */
export type EventSettings = Omit<ConferenceEvent, 'referencePrefix'> & { referencePrefix: string | undefined };

export interface EventStats {
  eventId: string;
  capacity: number | null;
  seatsTaken: number;
  seatsLeft: number | null;
  waitlistLength: number;
  byStatus: Partial<Record<RegistrationStatus | 'erased', number>>;
  byCategory: Partial<Record<Category, number>>;
  byCountry: Record<string, number>;
  /** Registrations confirmed per day (YYYY-MM-DD, in the event's time zone). */
  byDay?: Record<string, number>;
}

export interface Abilities {
  manageEvents: boolean;
  decide: boolean;
  editRegistrations: boolean;
  export: boolean;
}

export interface Me {
  username: string;
  subject: string;
  roles: string[];
  can: Abilities;
}

export type Decision = 'approve' | 'reject';

export interface BulkOutcome {
  registrationId: string;
  outcome: 'done' | 'skipped';
  code?: string;
  status?: RegistrationStatus;
  revision?: string;
}

export type EntityKind = 'participating_state' | 'partner_for_cooperation' | 'international_organization' | 'field_operation' | 'ngo';
export type AddedEntityKind = Exclude<EntityKind, 'participating_state' | 'partner_for_cooperation'>;

export interface DelegationNominee {
  nominationId: string;
  entityId: string;
  name: string;
  email: string;
  function: string;
  role: 'head' | 'member';
  status: 'nominated' | 'waitlisted' | 'withdrawn';
  nominatedAt: string;
  registrationStatus: RegistrationStatus | null;
  nominatedBy: string | null;
  remindedAt: string | null;
}

export interface DelegationFocalPoint {
  email: string;
  language: string;
  invitedAt: string;
  mailPending: boolean;
  linkSent: boolean;
  nominations: number;
}

export interface Delegation {
  entityId: string;
  kind: EntityKind;
  name: string;
  quota: { delegates: number; heads: number } | null;
  quotaLifted: boolean;
  delegatesTaken: number;
  headsTaken: number;
  focalPoints: DelegationFocalPoint[];
  nominees: DelegationNominee[];
  unconfirmed: number;
  /** The nomination letter a focal point uploaded; null: none yet. */
  letter: { size: number; uploadedAt: string } | null;
}

export interface FocalPointInvitation {
  entityId: string;
  email: string;
  language?: string;
}

export interface ReminderReport {
  sent: number;
  skipped: number;
}

export interface DelegationApproval {
  approved: number;
  results: { nominationId: string; name: string; registrationId: string | null; outcome: 'done' | 'skipped'; code?: string; status: RegistrationStatus | null }[];
}

export const sortKeys = ['createdAt', 'lastName', 'organization', 'country', 'status'] as const;
export type SortKey = (typeof sortKeys)[number];
export type Sort = SortKey | `-${SortKey}`;

export interface ListFilter {
  status?: RegistrationStatus;
  category?: Category;
  country?: string;
  q?: string;
  sort?: Sort;
}

export type ExportFormat = 'csv' | 'xlsx';

const exportTypes: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface Credentials {
  accessToken(): Promise<string>;
  reauthenticate(): never;
}

interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  body?: unknown;
  ifMatch?: string;
  accept?: string;
}

/** The query of a list or an export: only what is set, and the default order left out. */
export function listQuery(filter: ListFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'category', 'country', 'q', 'sort'] as const) {
    const value = filter[key]?.trim();
    if (value && !(key === 'sort' && value === 'createdAt')) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

const segment = encodeURIComponent;

function isRouteMissing(error: unknown): boolean {
  // An unknown route answers 404 not_found; an unknown event answers 404 event_not_found.
  return error instanceof ApiProblem && error.status === 404 && error.code === 'not_found';
}

export class ConsoleApi {
  readonly #credentials: Credentials;
  readonly #fetch: typeof fetch;

  constructor(credentials: Credentials, fetcher: typeof fetch = fetch.bind(globalThis)) {
    this.#credentials = credentials;
    this.#fetch = fetcher;
  }

  async #call(path: string, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.#credentials.accessToken()}`,
      accept: options.accept ?? 'application/json',
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch) headers['if-match'] = `"${options.ifMatch}"`;
    let response: Response;
    try {
      response = await this.#fetch(path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiProblem(0, 'network', 'The service could not be reached');
    }
    if (response.status === 401) this.#credentials.reauthenticate();
    if (!response.ok) throw await problemOf(response);
    return response;
  }

  async #json<T>(path: string, options?: CallOptions): Promise<T> {
    return (await (await this.#call(path, options)).json()) as T;
  }

  /**
   * Who is signed in and what their roles allow. Null while the API has no GET /me (before the API
   * branch is merged); the console then reads the roles from the token's groups.
   */
  async me(): Promise<Me | null> {
    try {
      return await this.#json<Me>('/me');
    } catch (error) {
      if (isRouteMissing(error)) return null;
      throw error;
    }
  }

  async events(): Promise<PublicEvent[]> {
    return (await this.#json<{ items: PublicEvent[] }>('/events')).items;
  }

  /** The public view of an event; 404 event_not_found when there is none. */
  event(eventId: string): Promise<PublicEvent> {
    return this.#json<PublicEvent>(`/events/${segment(eventId)}`);
  }

  /**
   * The stored event, for the edit form. Until the API serves GET /events/{eventId}/settings, the public
   * view stands in, which lacks the reference prefix: the form then asks for it again rather than
   * letting a save put the default back.
   */
  async eventSettings(eventId: string): Promise<EventSettings> {
    try {
      return await this.#json<EventSettings>(`/events/${segment(eventId)}/settings`);
    } catch (error) {
      if (!isRouteMissing(error)) throw error;
      const { registration, ...event } = await this.event(eventId);
      const { open: _open, ...window } = registration;
      return { ...event, registration: window, referencePrefix: undefined };
    }
  }

  /** Creates (201) or replaces (200) the event. */
  async saveEvent(eventId: string, event: unknown): Promise<{ created: boolean; event: ConferenceEvent }> {
    const response = await this.#call(`/events/${segment(eventId)}`, { method: 'PUT', body: event });
    return { created: response.status === 201, event: (await response.json()) as ConferenceEvent };
  }

  stats(eventId: string): Promise<EventStats> {
    return this.#json<EventStats>(`/events/${segment(eventId)}/stats`);
  }

  registrations(eventId: string, filter: ListFilter, cursor?: string, limit = 50): Promise<RegistrationPage> {
    const extra: Record<string, string> = { limit: String(limit) };
    if (cursor) extra.cursor = cursor;
    return this.#json<RegistrationPage>(`/events/${segment(eventId)}/registrations${listQuery(filter, extra)}`);
  }

  registration(eventId: string, registrationId: string): Promise<RegistrationDetail> {
    return this.#json<RegistrationDetail>(`/events/${segment(eventId)}/registrations/${segment(registrationId)}`);
  }

  decide(eventId: string, registration: Pick<Registration, 'registrationId' | 'revision'>, decision: Decision, reason?: string): Promise<RegistrationDetail> {
    return this.#json<RegistrationDetail>(`/events/${segment(eventId)}/registrations/${segment(registration.registrationId)}/${decision}`, {
      method: 'POST',
      ifMatch: registration.revision,
      ...(reason ? { body: { reason } } : {}),
    });
  }

  async decideMany(eventId: string, decision: Decision, items: Pick<Registration, 'registrationId' | 'revision'>[], reason?: string): Promise<BulkOutcome[]> {
    const body = { action: decision, ...(reason ? { reason } : {}), items: items.map(({ registrationId, revision }) => ({ registrationId, revision })) };
    return (await this.#json<{ results: BulkOutcome[] }>(`/events/${segment(eventId)}/registrations/bulk`, { method: 'POST', body })).results;
  }

  edit(eventId: string, registration: Pick<Registration, 'registrationId' | 'revision'>, changes: Record<string, unknown>): Promise<RegistrationDetail> {
    return this.#json<RegistrationDetail>(`/events/${segment(eventId)}/registrations/${segment(registration.registrationId)}`, {
      method: 'PATCH',
      ifMatch: registration.revision,
      body: { changes },
    });
  }

  async resend(eventId: string, registrationId: string, link: 'confirmation' | 'manage'): Promise<void> {
    await this.#call(`/events/${segment(eventId)}/registrations/${segment(registrationId)}/resend`, { method: 'POST', body: { link } });
  }

  async delegations(eventId: string): Promise<Delegation[]> {
    return (await this.#json<{ items: Delegation[] }>(`/events/${segment(eventId)}/delegations`)).items;
  }

  async inviteFocalPoints(eventId: string, invitations: FocalPointInvitation[]): Promise<number> {
    return (await this.#json<{ invited: number }>(`/events/${segment(eventId)}/delegations/focal-points`, { method: 'POST', body: { invitations } })).invited;
  }

  async addEntity(eventId: string, entity: { id: string; name: string; kind: AddedEntityKind }): Promise<void> {
    await this.#call(`/events/${segment(eventId)}/delegations`, { method: 'POST', body: entity });
  }

  async setQuota(eventId: string, entityId: string, change: { quota?: { delegates: number; heads: number } | null; quotaLifted?: boolean }): Promise<void> {
    await this.#call(`/events/${segment(eventId)}/delegations/${segment(entityId)}`, { method: 'PATCH', body: change });
  }

  /** Reminds the unconfirmed nominees of one delegation, or of every one. */
  remindNominees(eventId: string, entityId?: string): Promise<ReminderReport> {
    return this.#json<ReminderReport>(`/events/${segment(eventId)}/delegations/reminders`, { method: 'POST', body: entityId ? { entityId } : {} });
  }

  approveDelegation(eventId: string, entityId: string): Promise<DelegationApproval> {
    return this.#json<DelegationApproval>(`/events/${segment(eventId)}/delegations/${segment(entityId)}/approve`, { method: 'POST' });
  }

  /** A five-minute download link of a delegation's nomination letter. */
  delegationLetter(eventId: string, entityId: string): Promise<{ url: string; expiresAt: string }> {
    return this.#json<{ url: string; expiresAt: string }>(`/events/${segment(eventId)}/delegations/${segment(entityId)}/letter`);
  }

  async exportDelegations(eventId: string): Promise<{ blob: Blob; fileName: string }> {
    return fileOf(await this.#call(`/events/${segment(eventId)}/delegations/export`, { accept: exportTypes.xlsx }), `${eventId}-delegations.xlsx`);
  }

  /** The official list of participants, by delegation in the OSCE's order. */
  async participantList(eventId: string, format: 'pdf' | 'xlsx'): Promise<{ blob: Blob; fileName: string }> {
    return fileOf(await this.#call(`/events/${segment(eventId)}/participant-list?format=${format}`), `${eventId}-participants.${format}`);
  }

  /** A participant's visa support letter (PDF). */
  async visaLetter(eventId: string, registrationId: string): Promise<{ blob: Blob; fileName: string }> {
    return fileOf(await this.#call(`/events/${segment(eventId)}/registrations/${segment(registrationId)}/visa-letter`), `${eventId}-visa-letter.pdf`);
  }

  /** Every registration of the filter, in its order, as a file. */
  async export(eventId: string, filter: ListFilter, format: ExportFormat): Promise<{ blob: Blob; fileName: string }> {
    return fileOf(await this.#call(`/events/${segment(eventId)}/registrations${listQuery(filter)}`, { accept: exportTypes[format] }), `${eventId}-registrations.${format}`);
  }
}

/** A file the API answered, named as its Content-Disposition says. */
async function fileOf(response: Response, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { blob: await response.blob(), fileName: named ?? fallbackName };
}

async function problemOf(response: Response): Promise<ApiProblem> {
  try {
    const { error } = (await response.json()) as { error?: { code?: string; message?: string; issues?: ApiIssue[] } };
    return new ApiProblem(response.status, error?.code ?? `http_${response.status}`, error?.message ?? response.statusText, error?.issues ?? []);
  } catch {
    return new ApiProblem(response.status, `http_${response.status}`, response.statusText);
  }
}
