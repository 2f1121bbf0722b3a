import type { Messages } from './messages.ts';

export const de: Messages = {
  languageName: 'Deutsch',
  greeting: 'Guten Tag {name},',
  signature: '{organizer}',
  labels: {
    event: 'Veranstaltung',
    dates: 'Termin',
    venue: 'Veranstaltungsort',
    reference: 'Referenznummer',
  },
  confirmRequest: {
    subject: 'Bitte bestätigen Sie Ihre Anmeldung: {event}',
    intro: 'Vielen Dank für Ihre Anmeldung zu folgender Veranstaltung: {event}.',
    action:
      'Um Ihre Anmeldung abzuschließen, öffnen Sie bitte den unten stehenden Link und klicken Sie auf der Seite auf die Schaltfläche. Der Link ist {hours} Stunden gültig.',
    button: 'Anmeldung bestätigen',
    ignore: 'Falls Sie sich nicht angemeldet haben, können Sie diese E-Mail ignorieren: Ohne Bestätigung wird die Anmeldung nach Ablauf des Links automatisch gelöscht.',
  },
  alreadyRegistered: {
    subject: 'Sie sind bereits angemeldet: {event}',
    body: 'Das Anmeldeformular für die Veranstaltung „{event}“ wurde mit dieser E-Mail-Adresse erneut abgeschickt. Sie sind bereits angemeldet; Ihre Anmeldung wurde nicht geändert.',
    changes: 'Falls Ihre Angaben geändert werden müssen, antworten Sie bitte auf diese E-Mail oder wenden Sie sich an die Veranstalter.',
    ignore: 'Falls Sie das Formular nicht abgeschickt haben, können Sie diese E-Mail ignorieren.',
  },
  confirmed: {
    subject: 'Anmeldung bestätigt: {event}',
    body: 'Ihre Anmeldung ist bestätigt. Bitte bewahren Sie diese E-Mail auf.',
    bringId: 'Bitte bringen Sie Ihre Referenznummer sowie einen gültigen Reisepass oder nationalen Personalausweis zum Anmeldeschalter am Veranstaltungsort mit.',
  },
  pages: {
    confirmTitle: 'Anmeldung bestätigen',
    confirmIntro: 'Sie sind im Begriff, Ihre Anmeldung zu folgender Veranstaltung zu bestätigen: {event}.',
    confirmButton: 'Anmeldung bestätigen',
    confirmNote: 'Es werden keine Daten gespeichert, bevor Sie auf die Schaltfläche klicken.',
    confirmedTitle: 'Anmeldung bestätigt',
    confirmedBody: 'Vielen Dank. Ihre Anmeldung ist bestätigt. Ihre Referenznummer lautet {reference}. Wir haben Ihnen eine E-Mail mit den Einzelheiten gesendet.',
    invalidTitle: 'Dieser Link ist ungültig',
    invalidBody:
      'Möglicherweise ist der Link unvollständig oder wurde durch eine neuere E-Mail ersetzt. Bitte kopieren Sie den vollständigen Link aus der neuesten E-Mail oder melden Sie sich erneut an, um einen neuen Link zu erhalten.',
    expiredTitle: 'Dieser Link ist abgelaufen',
    expiredBody: 'Bestätigungslinks sind {hours} Stunden gültig. Bitte melden Sie sich erneut an, um einen neuen Link zu erhalten.',
    unavailableTitle: 'Der Dienst ist derzeit ausgelastet',
    unavailableBody: 'Ihre Anmeldung konnte soeben nicht bestätigt werden. Bitte öffnen Sie den Link in einigen Minuten erneut.',
    registerAgain: 'Erneut anmelden',
  },
};
