// A registration's life: one table of its statuses and what each allows, from which every status set
// in the code is derived. The moves themselves are in registration.ts.

export type Decision = 'approve' | 'reject';

interface StatusRules {
  /** Reached only once the address is confirmed: carries a reference and a confirmation time. */
  participating: boolean;
  /** Counted in the statistics (an unconfirmed registration may vanish through the TTL unannounced). */
  counted: boolean;
  holdsSeat: boolean;
  /** The participant may still correct the data online (see canEdit for approval). */
  editable: boolean;
  /** Organizers may correct the data on the participant's behalf; an ended registration stays the record it is. */
  correctable: boolean;
  withdrawable: boolean;
  /** The organizer decisions it accepts. A rejection can also undo an earlier yes, which frees the seat. */
  decisions: readonly Decision[];
}

// The order is the order of the lifecycle, and of the status lists in the API's documents.
export const lifecycle = {
  pending_confirmation: { participating: false, counted: false, holdsSeat: false, editable: true, correctable: true, withdrawable: true, decisions: [] },
  confirmed: { participating: true, counted: true, holdsSeat: true, editable: true, correctable: true, withdrawable: true, decisions: ['reject'] },
  waitlisted: { participating: true, counted: true, holdsSeat: false, editable: true, correctable: true, withdrawable: true, decisions: ['reject'] },
  awaiting_approval: { participating: true, counted: true, holdsSeat: false, editable: true, correctable: true, withdrawable: true, decisions: ['approve', 'reject'] },
  // An approved registration the participant changed: reviewed again, and keeping its seat meanwhile.
  awaiting_reapproval: { participating: true, counted: true, holdsSeat: true, editable: true, correctable: true, withdrawable: true, decisions: ['approve', 'reject'] },
  // The participant may still correct it: a change sends it back to the organizers (awaiting_reapproval).
  approved: { participating: true, counted: true, holdsSeat: true, editable: true, correctable: true, withdrawable: true, decisions: ['reject'] },
  rejected: { participating: false, counted: true, holdsSeat: false, editable: false, correctable: false, withdrawable: false, decisions: [] },
  withdrawn: { participating: false, counted: true, holdsSeat: false, editable: false, correctable: false, withdrawable: false, decisions: [] },
} as const satisfies Record<string, StatusRules>;

export type RegistrationStatus = keyof typeof lifecycle;
export const registrationStatuses = Object.keys(lifecycle) as [RegistrationStatus, ...RegistrationStatus[]];

const rules = (status: RegistrationStatus): StatusRules => lifecycle[status];

export function isParticipating(status: RegistrationStatus): boolean {
  return rules(status).participating;
}

export function isCounted(status: RegistrationStatus): boolean {
  return rules(status).counted;
}

export function holdsSeat(status: RegistrationStatus): boolean {
  return rules(status).holdsSeat;
}

export function accepts(status: RegistrationStatus, decision: Decision): boolean {
  return rules(status).decisions.includes(decision);
}

export function canEdit(registration: { status: RegistrationStatus }, event: { approval: 'none' | 'required' }): boolean {
  // With approval, a confirmed address is reviewed as submitted; without it, corrections stay open.
  return rules(registration.status).editable && !(registration.status === 'confirmed' && event.approval === 'required');
}

export function canBeCorrectedByOrganizers(status: RegistrationStatus): boolean {
  return rules(status).correctable;
}

export function canWithdraw(registration: { status: RegistrationStatus }): boolean {
  return rules(registration.status).withdrawable;
}
