// The rules of the Delegations page that need no browser: its filters, the entities organizers may
// name, and the CSV of focal points (entity, address and, optionally, language per line).
import { languages } from '#shared/model/languages.ts';
import { participatingStates, partnersForCooperation } from '#shared/model/osce.ts';
import type { Delegation, DelegationNominee, FocalPointInvitation } from './api.ts';

export const delegationFilters = ['all', 'unconfirmed', 'awaiting-decision', 'no-focal-point'] as const;
export type DelegationFilter = (typeof delegationFilters)[number];

export function isDelegationFilter(value: string | null | undefined): value is DelegationFilter {
  return (delegationFilters as readonly (string | null | undefined)[]).includes(value);
}

/** A nominee holding a place whose registration awaits the organizers' decision. */
export function awaitsDecision(nominee: DelegationNominee): boolean {
  return nominee.status === 'nominated' && (nominee.registrationStatus === 'awaiting_approval' || nominee.registrationStatus === 'awaiting_reapproval');
}

export function matchesFilter(delegation: Delegation, filter: DelegationFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unconfirmed':
      return delegation.unconfirmed > 0;
    case 'awaiting-decision':
      return delegation.nominees.some(awaitsDecision);
    case 'no-focal-point':
      return delegation.focalPoints.length === 0;
  }
}

/**
 * The entities an organizer may invite focal points for: every participating State and Partner,
 * then the entities added to this event (they appear in the overview), in the OSCE's order.
 */
export function invitableEntities(delegations: readonly Delegation[]): { id: string; name: string }[] {
  const builtIn = [...participatingStates, ...partnersForCooperation].map((entity) => ({ id: entity.code, name: entity.name }));
  const known = new Set<string>(builtIn.map((entity) => entity.id));
  return [...builtIn, ...delegations.filter((delegation) => !known.has(delegation.entityId)).map((delegation) => ({ id: delegation.entityId, name: delegation.name }))];
}

const builtInCodes = new Set<string>([...participatingStates, ...partnersForCooperation].map((entity) => entity.code));

export interface CsvProblem {
  line: number;
  text: string;
}

/**
 * Reads `entity,address[,language]` lines (a comma, a semicolon or a tab between, as spreadsheets save
 * them); blank lines and a header line are left out, a line without both cells or with an unknown language is a problem. An ISO code in lower case names the State or
 * Partner (at: Austria). The API checks the entities and addresses; this only splits the lines.
 */
export function parseFocalPointCsv(text: string): { invitations: FocalPointInvitation[]; problems: CsvProblem[] } {
  const invitations: FocalPointInvitation[] = [];
  const problems: CsvProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const cells = line.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim());
    if (index === 0 && /^entity/i.test(cells[0] ?? '')) return;
    const [entity = '', email = '', language = ''] = cells;
    const chosen = language.toLowerCase();
    if (!entity || !email || cells.length > 3 || (chosen && !(languages as readonly string[]).includes(chosen))) {
      problems.push({ line: index + 1, text: line });
      return;
    }
    const entityId = builtInCodes.has(entity.toUpperCase()) ? entity.toUpperCase() : entity;
    invitations.push({ entityId, email, ...(chosen ? { language: chosen } : {}) });
  });
  return { invitations, problems };
}
