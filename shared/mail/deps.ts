import type { Logger } from '../platform/log.ts';
import type { Stores } from '../store/stores.ts';
import type { Mailer } from './mailer.ts';

/** What the links in e-mails are made of. */
export interface LinkSettings {
  publicBaseUrl: string;
  confirmTokenLifetimeHours: number;
}

/** What sending a participant's mail, or recording it for a retry, needs. */
export interface MailDeps extends Pick<Stores, 'registrations' | 'events' | 'delegations'>, LinkSettings {
  mailer: Mailer;
  log: Logger;
}
