// The words in one language: the e-mails and server pages, then the registration page.
import type { FormMessages } from './form-messages.ts';
import type { Messages } from './messages.ts';

export const de: Messages = {
  languageName: 'Deutsch',
  greeting: 'Guten Tag {name}!',
  signature: '{organizer}',
  labelSeparator: ': ',
  labels: {
    event: 'Veranstaltung',
    dates: 'Datum',
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
  manageLink: 'Ihre Anmeldung einsehen, korrigieren oder zurückziehen',
  waitlisted: {
    subject: 'Sie stehen auf der Warteliste: {event}',
    body: 'Ihre E-Mail-Adresse ist bestätigt, jedoch sind alle Plätze belegt. Sie stehen an Position {position} der Warteliste. Wird ein Platz frei, werden Sie automatisch angemeldet und von uns per E-Mail benachrichtigt.',
  },
  awaitingApproval: {
    subject: 'Anmeldung eingegangen: {event}',
    body: 'Ihre E-Mail-Adresse ist bestätigt. Die Veranstalter prüfen jede Anmeldung und teilen Ihnen ihre Entscheidung mit. Eine Anmeldung begründet keinen Anspruch auf Teilnahme.',
  },
  approved: {
    subject: 'Anmeldung genehmigt: {event}',
    body: 'Die Veranstalter haben Ihre Anmeldung genehmigt. Bitte bewahren Sie diese E-Mail auf.',
  },
  rejected: {
    subject: 'Anmeldung nicht angenommen: {event}',
    body: 'Wir bedauern, Ihnen mitteilen zu müssen, dass die Veranstalter Ihre Anmeldung nicht annehmen konnten.',
    reason: 'Angegebener Grund: {reason}',
  },
  promoted: {
    subject: 'Ein Platz ist für Sie frei geworden: {event}',
    body: 'Ein Platz ist frei geworden, und Sie standen an erster Stelle der Warteliste. Ihre Anmeldung ist nun bestätigt. Bitte bewahren Sie diese E-Mail auf.',
  },
  withdrawn: {
    subject: 'Anmeldung zurückgezogen: {event}',
    body: 'Ihre Anmeldung wurde zurückgezogen und Ihr Platz freigegeben. Falls dies irrtümlich geschehen ist, melden Sie sich bitte erneut an.',
  },
  statuses: {
    pending_confirmation: 'Bestätigung per E-Mail ausstehend',
    confirmed: 'Bestätigt',
    waitlisted: 'Auf der Warteliste',
    awaiting_approval: 'Genehmigung durch die Veranstalter ausstehend',
    approved: 'Genehmigt',
    rejected: 'Nicht angenommen',
    withdrawn: 'Zurückgezogen',
  },
  manage: {
    title: 'Ihre Anmeldung',
    status: 'Status',
    position: 'Position auf der Warteliste: {position}',
    details: 'Ihre Angaben',
    change: 'Angaben korrigieren',
    save: 'Änderungen speichern',
    notEditable: 'Ihre Angaben können online nicht mehr geändert werden. Bitte wenden Sie sich an die Veranstalter.',
    withdrawHeading: 'Anmeldung zurückziehen',
    withdrawText: 'Falls Sie nicht mehr teilnehmen können, ziehen Sie bitte Ihre Anmeldung zurück, damit Ihr Platz an eine andere Person vergeben werden kann.',
    withdrawButton: 'Anmeldung zurückziehen',
    eraseHeading: 'Ihre Daten löschen',
    eraseText: 'Dadurch werden Ihre Anmeldung und alle Ihre personenbezogenen Daten endgültig gelöscht. Erhalten bleibt lediglich eine anonyme Angabe zur Zahl der Anmeldungen.',
    eraseButton: 'Meine Daten löschen',
    saved: 'Ihre Änderungen wurden gespeichert.',
    withdrawnDone: 'Ihre Anmeldung wurde zurückgezogen.',
    erasedTitle: 'Ihre Daten wurden gelöscht',
    erasedBody: 'Ihre Anmeldung und Ihre personenbezogenen Daten wurden gelöscht. Dieser Link ist nicht mehr gültig.',
    notPossible: 'Dies ist beim derzeitigen Stand Ihrer Anmeldung nicht möglich.',
    back: 'Zurück zu Ihrer Anmeldung',
  },
  pages: {
    confirmTitle: 'Anmeldung bestätigen',
    confirmIntro: 'Sie sind im Begriff, Ihre Anmeldung zu folgender Veranstaltung zu bestätigen: {event}.',
    confirmButton: 'Anmeldung bestätigen',
    confirmNote: 'Es werden keine Daten gespeichert, solange Sie nicht auf die Schaltfläche klicken.',
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

export const formDe: FormMessages = {
  languageName: 'Deutsch',
  page: {
    skipLink: 'Zum Hauptinhalt springen',
    languageNav: 'Sprache',
    heading: 'Anmeldung zur Veranstaltung',
    intro:
      'Bitte füllen Sie dieses Formular für jede teilnehmende Person aus. Anschließend senden wir Ihnen eine E-Mail, mit der Sie Ihre Anmeldung bestätigen.',
    loading: 'Angaben zur Veranstaltung werden geladen…',
    noscript:
      'Dieses Formular benötigt JavaScript. Bitte aktivieren Sie JavaScript in Ihrem Browser oder wenden Sie sich zur Anmeldung an die Veranstalter.',
    event: 'Veranstaltung',
    dates: 'Datum',
    venue: 'Veranstaltungsort',
    organizer: 'Veranstalter',
    optional: '(optional)',
    submit: 'Anmeldung absenden',
    sending: 'Ihre Anmeldung wird gesendet…',
    day: 'Tag',
    month: 'Monat',
    year: 'Jahr',
  },
  sections: {
    about: 'Angaben zu Ihrer Person',
    represent: 'Wen Sie vertreten',
    travel: 'Reise',
    needs: 'Besondere Bedürfnisse',
  },
  fields: {
    title: {
      label: 'Anrede',
      none: 'Keine',
      options: { Mr: 'Herr', Ms: 'Frau', Mx: 'Mx', Dr: 'Dr.', Prof: 'Prof.', 'H.E.': 'I. E. / S. E.' },
    },
    firstName: { label: 'Vorname', hint: 'Wie in Ihrem Reisepass oder Personalausweis' },
    lastName: { label: 'Nachname', hint: 'Wie in Ihrem Reisepass oder Personalausweis' },
    email: { label: 'E-Mail-Adresse', hint: 'An diese Adresse senden wir den Bestätigungslink' },
    phone: { label: 'Telefonnummer', hint: 'Mit Ländervorwahl, zum Beispiel +43 1 514 36 0' },
    category: {
      legend: 'Wen vertreten Sie?',
      options: {
        participating_state: 'Einen Teilnehmerstaat',
        partner_for_cooperation: 'Einen Kooperationspartner',
        osce_executive_structure: 'Ein Durchführungsorgan der OSZE (Sekretariat oder Institution)',
        osce_field_operation: 'Eine Feldoperation der OSZE',
        international_organization: 'Eine internationale Organisation',
        civil_society: 'Die Zivilgesellschaft oder die Wissenschaft',
      },
    },
    country: {
      stateLabel: 'Teilnehmerstaat',
      partnerLabel: 'Kooperationspartner',
      stateChoose: 'Teilnehmerstaat auswählen',
      partnerChoose: 'Kooperationspartner auswählen',
    },
    organization: { label: 'Organisation', hint: 'Zum Beispiel das Ministerium oder die Behörde, für die Sie tätig sind' },
    position: { label: 'Funktion', hint: 'Zum Beispiel Referatsleiterin oder Referatsleiter' },
    arrivalDate: { legend: 'Anreisedatum', hint: 'Zum Beispiel {example}' },
    departureDate: { legend: 'Abreisedatum', hint: 'Zum Beispiel {example}' },
    dietaryRequirements: { label: 'Ernährungsbedürfnisse', hint: 'Zum Beispiel vegetarische Ernährung oder Lebensmittelallergien' },
    accessibilityNeeds: {
      label: 'Bedürfnisse in Bezug auf Barrierefreiheit',
      hint: 'Teilen Sie uns mit, was Ihnen die Teilnahme erleichtern würde, zum Beispiel einen stufenlosen Zugang oder Gebärdensprachdolmetschen',
    },
    consents: {
      legend: 'Ihre Einwilligung',
      privacyText:
        'Die Veranstalter verwenden Ihre Angaben ausschließlich zur Vorbereitung und Durchführung dieser Veranstaltung: um Ihre Anmeldung zu bestätigen, Ihr Namensschild vorzubereiten und Sie bezüglich der Veranstaltung zu kontaktieren.',
      privacyNotice: 'Ich bin damit einverstanden, dass meine Angaben wie oben beschrieben verwendet werden',
      participantList: 'Mein Name, meine Organisation und meine Funktion dürfen in der veröffentlichten Teilnehmerliste erscheinen',
      photography: 'Ich bin damit einverstanden, während der Veranstaltung fotografiert und gefilmt zu werden',
    },
    website: { label: 'Dieses Feld bitte leer lassen' },
  },
  errors: {
    summaryTitle: 'Es ist ein Problem aufgetreten',
    prefix: 'Fehler:',
    titlePrefix: 'Fehler: ',
    tooLong: '„{field}“ darf höchstens {max} Zeichen lang sein',
    singleLine: '„{field}“ muss aus einer Zeile ohne Sonderzeichen bestehen',
    invalid: 'Bitte überprüfen Sie Ihre Angabe bei „{field}“',
    unknownField: 'Das Formular hat ein Feld gesendet, das der Dienst nicht kennt. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
    fields: {
      title: { invalid_value: 'Wählen Sie eine Anrede aus der Liste aus' },
      firstName: { required: 'Geben Sie Ihren Vornamen ein' },
      lastName: { required: 'Geben Sie Ihren Nachnamen ein' },
      email: {
        required: 'Geben Sie Ihre E-Mail-Adresse ein',
        invalid_format: 'Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@example.org',
      },
      phone: { invalid_format: 'Geben Sie eine Telefonnummer ein, zum Beispiel +43 1 514 36 0' },
      category: { required: 'Wählen Sie aus, wen Sie vertreten', invalid_value: 'Wählen Sie eine der angegebenen Möglichkeiten aus' },
      country: {
        custom: 'Wählen Sie den Teilnehmerstaat aus, den Sie vertreten',
        customPartner: 'Wählen Sie den Kooperationspartner aus, den Sie vertreten',
        invalid_format: 'Wählen Sie ein Land aus der Liste aus',
      },
      organization: { required: 'Geben Sie den Namen Ihrer Organisation ein' },
      position: { required: 'Geben Sie Ihre Funktion ein' },
      arrivalDate: { invalid_format: 'Das Anreisedatum muss ein gültiges Datum sein, zum Beispiel {example}' },
      departureDate: {
        invalid_format: 'Das Abreisedatum muss ein gültiges Datum sein, zum Beispiel {example}',
        custom: 'Das Abreisedatum darf nicht vor dem Anreisedatum liegen',
      },
      'consents.privacyNotice': {
        invalid_value: 'Kreuzen Sie das Kästchen an, um der Verwendung Ihrer Angaben für die Organisation der Veranstaltung zuzustimmen',
      },
    },
  },
  outcome: {
    checkEmailTitle: 'Bitte prüfen Sie Ihre E-Mails',
    checkEmailSent: 'Wir senden eine E-Mail an {email}.',
    checkEmailAction:
      'Um Ihre Anmeldung abzuschließen, öffnen Sie den Link in der E-Mail und klicken Sie auf der sich öffnenden Seite auf die Schaltfläche.',
    checkEmailNotComplete: 'Ihre Anmeldung ist erst abgeschlossen, wenn Sie sie bestätigt haben.',
    checkEmailMissing:
      'Sollte die E-Mail nicht innerhalb von 10 Minuten eintreffen, sehen Sie bitte in Ihrem Spam- oder Junk-E-Mail-Ordner nach. Ist sie auch dort nicht, senden Sie das Formular später erneut ab oder wenden Sie sich an die Veranstalter.',
    registerAnother: 'Eine weitere Person anmelden',
    closedTitle: 'Die Anmeldung ist geschlossen',
    closedBody:
      'Die Anmeldung zu dieser Veranstaltung ist derzeit nicht möglich; Ihre Angaben wurden daher nicht gesendet. Sollten Sie dies für einen Irrtum halten, wenden Sie sich bitte an die Veranstalter.',
    notFoundTitle: 'Diese Veranstaltung wurde nicht gefunden',
    notFoundBody:
      'Bitte prüfen Sie, ob die Adresse dieser Seite vollständig ist, so wie sie in Ihrer Einladung steht. Ist dies der Fall, wenden Sie sich bitte an die Veranstalter.',
    tooManyTitle: 'Zu viele Versuche',
    tooManyBody:
      'Ihre Angaben wurden nicht gesendet. Bitte warten Sie eine Minute und klicken Sie dann erneut auf „{submit}“. Ihre Antworten sind auf dieser Seite erhalten geblieben.',
    unavailableTitle: 'Der Dienst ist nicht verfügbar',
    unavailableBody:
      'Ihre Angaben wurden nicht gesendet. Bitte versuchen Sie es in einigen Minuten erneut. Ihre Antworten sind auf dieser Seite erhalten geblieben.',
    networkTitle: 'Keine Verbindung zum Dienst',
    networkBody:
      'Der Anmeldedienst war nicht erreichbar; Ihre Angaben wurden daher nicht gesendet. Prüfen Sie Ihre Internetverbindung und klicken Sie dann erneut auf „{submit}“. Ihre Antworten sind auf dieser Seite erhalten geblieben.',
    unexpectedTitle: 'Es ist ein Fehler aufgetreten',
    unexpectedBody: 'Ihre Angaben wurden nicht gesendet. Bitte versuchen Sie es später erneut oder wenden Sie sich an die Veranstalter.',
    eventLoadTitle: 'Die Angaben zur Veranstaltung konnten nicht geladen werden',
    eventLoadBody: 'Bitte prüfen Sie Ihre Internetverbindung und laden Sie die Seite neu.',
  },
  countryNames: {
    VA: 'Heiliger Stuhl',
    RU: 'Russische Föderation',
    KR: 'Republik Korea',
    US: 'Vereinigte Staaten von Amerika',
    MD: 'Moldau',
    TR: 'Türkiye',
  },
};
