// The official list of participants: grouped by delegation in the OSCE's order (participating States
// alphabetically in English, then the Partners for Co-operation, then organizations), heads of
// delegation first, and only those who consented to appear in it. The PDF and the XLSX are made
// from these same groups.
import { builtInEntity, compareEntities, type NominatingEntity } from './delegations.ts';
import { holdsSeat } from './lifecycle.ts';
import type { Registration } from './registration.ts';

export interface ListedParticipant {
  name: string;
  position: string | undefined;
  organization: string;
  head: boolean;
}

export interface ParticipantGroup {
  entity: NominatingEntity;
  participants: ListedParticipant[];
}

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/** Who appears: a participant holding a seat who said yes to the published list. */
export function appearsInList(registration: Registration): boolean {
  return holdsSeat(registration.status) && registration.details.consents.participantList === true;
}

/**
 * The delegation a participant belongs to: the one that nominated them, else the State or Partner
 * their form names, else their organization (an organization groups the people who gave its name).
 */
function entityOf(registration: Registration, added: ReadonlyMap<string, NominatingEntity>): NominatingEntity {
  const nominatedBy = registration.delegation ? (added.get(registration.delegation.entityId) ?? builtInEntity(registration.delegation.entityId)) : undefined;
  if (nominatedBy) return nominatedBy;
  const { category, country, organization } = registration.details;
  const represented = (category === 'participating_state' || category === 'partner_for_cooperation') && country ? builtInEntity(country) : undefined;
  if (represented) return represented;
  const kind = category === 'civil_society' ? 'ngo' : category === 'osce_field_operation' ? 'field_operation' : 'international_organization';
  return { id: `organization:${organization.toLowerCase()}`, kind, name: organization };
}

export function participantGroups(registrations: readonly Registration[], addedEntities: readonly NominatingEntity[]): ParticipantGroup[] {
  const added = new Map(addedEntities.map((entity) => [entity.id, entity]));
  const groups = new Map<string, { entity: NominatingEntity; members: Registration[] }>();
  for (const registration of registrations.filter(appearsInList)) {
    const entity = entityOf(registration, added);
    (groups.get(entity.id) ?? groups.set(entity.id, { entity, members: [] }).get(entity.id)!).members.push(registration);
  }
  const isHead = (registration: Registration) => registration.delegation?.role === 'head';
  const surnameFirst = (registration: Registration) => `${registration.details.lastName} ${registration.details.firstName}`;
  return [...groups.values()]
    .sort((a, b) => compareEntities(a.entity, b.entity))
    .map(({ entity, members }) => ({
      entity,
      participants: members
        .sort((a, b) => Number(isHead(b)) - Number(isHead(a)) || byName.compare(surnameFirst(a), surnameFirst(b)))
        .map((registration) => {
          const { title, firstName, lastName, position, organization } = registration.details;
          return { name: [title, firstName, lastName].filter(Boolean).join(' '), position, organization, head: isHead(registration) };
        }),
    }));
}

export const participantListColumns = ['Delegation', 'Name', 'Function', 'Organization', 'Head of delegation'] as const;

export function participantListRows(groups: readonly ParticipantGroup[]): (string | boolean)[][] {
  return groups.flatMap((group) => group.participants.map((person) => [group.entity.name, person.name, person.position ?? '', person.organization, person.head]));
}
