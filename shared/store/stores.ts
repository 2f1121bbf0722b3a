import type { AccreditationStore } from './accreditation-store.ts';
import type { CountersStore } from './counters-store.ts';
import type { DelegationStore } from './delegation-store.ts';
// from './counters-store.ts';
import type { EventStore } from './event-store.ts';
import type { MailboxStore } from './mailbox-store.ts';
import type { RegistrationStore } from './registration-store.ts';

/** The stores over the one table. */
export interface Stores {
  registrations: RegistrationStore;
  events: EventStore;
  counters: CountersStore;
  mailboxes: MailboxStore;
  accreditation: AccreditationStore;
  delegations: DelegationStore;
}
