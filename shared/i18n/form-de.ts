import type { FormMessages } from './form.ts';

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
