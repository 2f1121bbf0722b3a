// The official list of participants of an event, as PDF or XLSX, from the same groups.
import type { ConferenceEvent } from '../model/event.ts';
import { formatEventDates, formatVenue } from '../model/event.ts';
import { holdsSeat, registrationStatuses } from '../model/lifecycle.ts';
import { participantGroups, participantListColumns, participantListRows } from '../model/participant-list.ts';
import { participantListPdf } from '../model/participant-pdf.ts';
import type { Registration } from '../model/registration.ts';
import { toXlsx } from '../model/xlsx.ts';
import { fontBytes } from '../platform/fonts.ts';
import type { StoreDeps } from './deps.ts';

/** Every registration holding a seat: one partition of the byStatus index per such status, page after page. */
async function seated(deps: Pick<StoreDeps, 'registrations'>, eventId: string): Promise<Registration[]> {
  const found: Registration[] = [];
  for (const status of registrationStatuses.filter(holdsSeat)) {
    let next: Record<string, string> | undefined;
    do {
      const page = await deps.registrations.listByEvent(eventId, { status }, 1000, next);
      found.push(...page.items);
      next = page.lastEvaluatedKey;
    } while (next);
  }
  return found;
}

async function groupsOf(deps: Pick<StoreDeps, 'registrations' | 'delegations'>, event: ConferenceEvent) {
  const [registrations, delegations, nominations] = await Promise.all([seated(deps, event.id), deps.delegations.listDelegations(event.id), deps.delegations.listNominations(event.id)]);
  // A registration speaks for its delegation only while the nomination stands: a nominee withdrawn
  // after registering appears by their own form, so a delegation never shows more than its quota.
  const standing = new Set(nominations.filter((nomination) => nomination.status === 'nominated').map((nomination) => `${nomination.emailKey} ${nomination.entityId}`));
  const asNominated = registrations.map((registration) =>
    registration.delegation && !standing.has(`${registration.emailKey} ${registration.delegation.entityId}`) ? { ...registration, delegation: undefined } : registration,
  );
  return participantGroups(asNominated, delegations.map((delegation) => delegation.entity));
}

export async function participantListAsPdf(deps: Pick<StoreDeps, 'registrations' | 'delegations'>, event: ConferenceEvent): Promise<Uint8Array> {
  const [groups, regular, bold] = await Promise.all([groupsOf(deps, event), fontBytes('DejaVuSans.ttf'), fontBytes('DejaVuSans-Bold.ttf')]);
  return participantListPdf(event.title, `${formatVenue(event, 'en')}, ${formatEventDates(event, 'en')}`, groups, { regular, bold }, 'Head of Delegation');
}

export async function participantListAsXlsx(deps: Pick<StoreDeps, 'registrations' | 'delegations'>, event: ConferenceEvent): Promise<Buffer> {
  return toXlsx('Participants', participantListColumns, participantListRows(await groupsOf(deps, event)));
}
