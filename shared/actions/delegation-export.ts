// The event by delegation as a workbook: one row per nominee (a delegation without any, one row of
// its own), in the overview's order, so what the console shows is what the export holds.
import { toXlsx, type SpreadsheetCell } from '../model/xlsx.ts';
import type { ConferenceEvent } from '../model/event.ts';
import { delegationsOverview } from './delegations.ts';
import type { StoreDeps } from './deps.ts';

export const delegationExportColumns = [
  'Delegation',
  'Entity',
  'Quota',
  'Delegates taken',
  'Heads taken',
  'Focal points',
  'Nomination letter',
  'Nominee',
  'E-mail',
  'Function',
  'Role',
  'Nominated by',
  'Nomination',
  'Registration',
] as const;

export async function delegationsAsXlsx(deps: Pick<StoreDeps, 'delegations' | 'registrations'>, event: ConferenceEvent): Promise<Buffer> {
  const rows: SpreadsheetCell[][] = [];
  for (const delegation of (await delegationsOverview(deps, event)).items) {
    const quota = delegation.quota ? `${delegation.quota.delegates} (heads ${delegation.quota.heads})` : 'lifted';
    const head: SpreadsheetCell[] = [delegation.name, delegation.entityId, quota, delegation.delegatesTaken, delegation.headsTaken, delegation.focalPoints.map((focal) => focal.email).join(', ') || null, delegation.letter?.uploadedAt ?? null];
    if (delegation.nominees.length === 0) rows.push([...head, null, null, null, null, null, null, null]);
    for (const nominee of delegation.nominees) {
      rows.push([...head, nominee.name, nominee.email, nominee.function, nominee.role, nominee.nominatedBy, nominee.status, nominee.registrationStatus ?? 'none']);
    }
  }
  return toXlsx('Delegations', delegationExportColumns, rows);
}
