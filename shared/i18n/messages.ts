// The words of every e-mail and page, per language. Placeholders in braces ({event}) are filled by
// `fill`, which the callers feed already-escaped values when the output is HTML.
import type { RegistrationStatus } from '../model/lifecycle.ts';

export interface Messages {
  /** The language's own name, for the language switch. */
  languageName: string;
  greeting: string; // "Dear {name},"
  signature: string;
  /** Between a label and its value in plain text ("Reference: …"); French puts a no-break space before the colon. */
  labelSeparator: string; // "The organizers of {event}" style closing, {organizer}
  labels: {
    event: string;
    dates: string;
    venue: string;
    reference: string;
    name: string;
    email: string;
    organization: string;
    /** Before the country a delegate represents. */
    represents: string;
  };
  confirmRequest: {
    subject: string; // {event}
    intro: string; // {event}
    action: string; // {hours}
    button: string;
    ignore: string;
  };
  alreadyRegistered: {
    subject: string; // {event}
    body: string; // {event}
    changes: string;
    ignore: string;
  };
  confirmed: {
    subject: string; // {event}
    body: string;
    bringId: string;
  };
  /** The private link in every e-mail to view, correct, withdraw or erase the registration. */
  manageLink: string;
  waitlisted: {
    subject: string; // {event}
    body: string; // {position}
  };
  awaitingApproval: {
    subject: string; // {event}
    body: string;
  };
  approved: {
    subject: string; // {event}
    body: string;
  };
  rejected: {
    subject: string; // {event}
    body: string;
    reason: string; // {reason}
  };
  promoted: {
    subject: string; // {event}
    body: string;
  };
  withdrawn: {
    subject: string; // {event}
    body: string;
  };
  /** The manage link again, sent by organizers (the link block follows, as in every e-mail). */
  manageLinkResent: {
    subject: string; // {event}
    body: string;
  };
  /** Every status of the lifecycle, in the reader's words (a new status does not compile without them). */
  statuses: Record<RegistrationStatus, string>;
  manage: {
    title: string;
    status: string; // "Status"
    position: string; // {position}: "Position on the waiting list: {position}"
    details: string; // heading "Your details"
    change: string; // heading "Correct your details"
    save: string;
    notEditable: string;
    /** Above the form when a correction would send an approved registration back for review. */
    reapprovalNote: string;
    withdrawHeading: string;
    withdrawText: string;
    withdrawButton: string;
    eraseHeading: string;
    eraseText: string;
    eraseButton: string;
    saved: string;
    withdrawnDone: string;
    erasedTitle: string;
    erasedBody: string;
    notPossible: string;
    /** The link to the visa support letter, once the place is confirmed. */
    visaLetter: string;
    back: string;
  };
  pages: {
    confirmTitle: string;
    confirmIntro: string; // {event}
    confirmButton: string;
    confirmNote: string;
    /** Under the details a confirmation is about to confirm. */
    confirmCheck: string;
    confirmedTitle: string;
    confirmedBody: string; // {reference}
    invalidTitle: string;
    invalidBody: string;
    expiredTitle: string;
    expiredBody: string; // {hours}
    unavailableTitle: string;
    unavailableBody: string;
    registerAgain: string;
  };
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
