import type { LinkSettings, MailDeps } from '../mail/deps.ts';
import type { Logger } from '../platform/log.ts';
import type { Stores } from '../store/stores.ts';

/** What reading and writing registrations needs. */
export interface StoreDeps extends Stores, LinkSettings {
  log: Logger;
}

/** ... and, for the changes that e-mail the participant, a mailer. */
export interface RegistrationDeps extends StoreDeps, MailDeps {}
