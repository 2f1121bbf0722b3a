import type { Messages } from './messages.ts';

export const en: Messages = {
  languageName: 'English',
  greeting: 'Dear {name},',
  signature: '{organizer}',
  labels: {
    event: 'Event',
    dates: 'Dates',
    venue: 'Venue',
    reference: 'Reference',
  },
  confirmRequest: {
    subject: 'Please confirm your registration: {event}',
    intro: 'Thank you for registering for the {event}.',
    action:
      'To complete your registration, open the link below and press the button on the page. The link is valid for {hours} hours.',
    button: 'Confirm my registration',
    ignore: 'If you did not register, you can ignore this e-mail: without confirmation, the registration is deleted automatically when the link expires.',
  },
  alreadyRegistered: {
    subject: 'You are already registered: {event}',
    body: 'The registration form for the {event} was submitted again with this e-mail address. You are already registered, and your registration has not been changed.',
    changes: 'If your details need to change, please reply to this e-mail or contact the organizers.',
    ignore: 'If you did not submit the form, you can ignore this e-mail.',
  },
  confirmed: {
    subject: 'Registration confirmed: {event}',
    body: 'Your registration is confirmed. Please keep this e-mail.',
    bringId: 'Please bring your reference and a valid passport or national identity card to the registration desk at the venue.',
  },
  pages: {
    confirmTitle: 'Confirm your registration',
    confirmIntro: 'You are about to confirm your registration for the {event}.',
    confirmButton: 'Confirm my registration',
    confirmNote: 'Nothing is recorded until you press the button.',
    confirmedTitle: 'Registration confirmed',
    confirmedBody: 'Thank you. Your registration is confirmed. Your reference is {reference}. We have sent you an e-mail with the details.',
    invalidTitle: 'This link is not valid',
    invalidBody:
      'The link may be incomplete, or a newer e-mail may have replaced it. Copy the whole link from the most recent e-mail, or register again to receive a new link.',
    expiredTitle: 'This link has expired',
    expiredBody: 'Confirmation links are valid for {hours} hours. Please register again to receive a new link.',
    unavailableTitle: 'The service is busy',
    unavailableBody: 'Your registration could not be confirmed just now. Please open the link again in a few minutes.',
    registerAgain: 'Register again',
  },
};
