// The words in one language: the e-mails and server pages, then the registration page.
import type { FormMessages } from './form-messages.ts';
import type { Messages } from './messages.ts';

export const it: Messages = {
  languageName: 'Italiano',
  greeting: 'Gentile {name},',
  signature: '{organizer}',
  labelSeparator: ': ',
  labels: {
    event: 'Evento',
    dates: 'Date',
    venue: 'Sede',
    reference: 'Codice di riferimento',
  },
  confirmRequest: {
    subject: 'Confermi la Sua registrazione: {event}',
    intro: 'La ringraziamo per la Sua registrazione al seguente evento: {event}.',
    action:
      'Per completare la registrazione, apra il link riportato di seguito e prema il pulsante presente nella pagina. Il link è valido per {hours} ore.',
    button: 'Confermare la registrazione',
    ignore: 'Se non ha effettuato alcuna registrazione, può ignorare questa e-mail: senza conferma, la registrazione verrà cancellata automaticamente alla scadenza del link.',
  },
  alreadyRegistered: {
    subject: 'Registrazione già effettuata: {event}',
    body: 'Il modulo di registrazione per l’evento «{event}» è stato inviato nuovamente con questo indirizzo e-mail. La Sua registrazione risulta già effettuata e non è stata modificata.',
    changes: 'Qualora fosse necessario modificare i Suoi dati, La preghiamo di rispondere a questa e-mail o di contattare gli organizzatori.',
    ignore: 'Se non ha inviato Lei il modulo, può ignorare questa e-mail.',
  },
  confirmed: {
    subject: 'Registrazione confermata: {event}',
    body: 'La Sua registrazione è confermata. La preghiamo di conservare questa e-mail.',
    bringId: 'La preghiamo di presentare il Suo codice di riferimento e un passaporto o una carta d’identità nazionale in corso di validità al banco di registrazione presso la sede dell’evento.',
  },
  manageLink: 'Visualizzare, correggere o annullare la Sua registrazione',
  waitlisted: {
    subject: 'Registrazione in lista d’attesa: {event}',
    body: 'Il Suo indirizzo e-mail è confermato, ma tutti i posti sono già occupati. Lei occupa la posizione n. {position} nella lista d’attesa. Qualora si liberi un posto, la Sua registrazione verrà confermata automaticamente e ne riceverà comunicazione via e-mail.',
  },
  awaitingApproval: {
    subject: 'Registrazione ricevuta: {event}',
    body: 'Il Suo indirizzo e-mail è confermato. Gli organizzatori esaminano ogni registrazione e Le comunicheranno la loro decisione. La registrazione non garantisce la partecipazione all’evento.',
  },
  approved: {
    subject: 'Registrazione approvata: {event}',
    body: 'Gli organizzatori hanno approvato la Sua registrazione. La preghiamo di conservare questa e-mail.',
  },
  rejected: {
    subject: 'Registrazione non accolta: {event}',
    body: 'Siamo spiacenti di informarLa che gli organizzatori non hanno potuto accogliere la Sua registrazione.',
    reason: 'Motivazione indicata: {reason}',
  },
  promoted: {
    subject: 'Si è liberato un posto per Lei: {event}',
    body: 'Si è liberato un posto e Lei si trovava in prima posizione nella lista d’attesa. La Sua registrazione è ora confermata. La preghiamo di conservare questa e-mail.',
  },
  withdrawn: {
    subject: 'Registrazione annullata: {event}',
    body: 'La Sua registrazione è stata annullata e il Suo posto è stato reso disponibile. Qualora si tratti di un errore, La preghiamo di registrarsi di nuovo.',
  },
  statuses: {
    pending_confirmation: 'In attesa della Sua conferma via e-mail',
    confirmed: 'Confermata',
    waitlisted: 'In lista d’attesa',
    awaiting_approval: 'In attesa di approvazione da parte degli organizzatori',
    approved: 'Approvata',
    rejected: 'Non accolta',
    withdrawn: 'Annullata',
  },
  manage: {
    title: 'La Sua registrazione',
    status: 'Stato della registrazione',
    position: 'Posizione nella lista d’attesa: {position}',
    details: 'I Suoi dati',
    change: 'Correzione dei Suoi dati',
    save: 'Salvare le modifiche',
    notEditable: 'Non è più possibile modificare i Suoi dati online. La preghiamo di contattare gli organizzatori.',
    withdrawHeading: 'Annullamento della registrazione',
    withdrawText: 'Se non potrà più partecipare, La preghiamo di annullare la Sua registrazione affinché il Suo posto possa essere assegnato a un’altra persona.',
    withdrawButton: 'Annullare la registrazione',
    eraseHeading: 'Cancellazione dei Suoi dati',
    eraseText: 'Questa operazione elimina definitivamente la Sua registrazione e tutti i Suoi dati personali. Verrà conservato soltanto un conteggio anonimo.',
    eraseButton: 'Cancellare i miei dati',
    saved: 'Le modifiche sono state salvate.',
    withdrawnDone: 'La Sua registrazione è stata annullata.',
    erasedTitle: 'I Suoi dati sono stati cancellati',
    erasedBody: 'La Sua registrazione e i Suoi dati personali sono stati cancellati. Questo link non è più valido.',
    notPossible: 'Questa operazione non è possibile nello stato attuale della Sua registrazione.',
    back: 'Tornare alla Sua registrazione',
  },
  pages: {
    confirmTitle: 'Conferma della registrazione',
    confirmIntro: 'Sta per confermare la Sua registrazione al seguente evento: {event}.',
    confirmButton: 'Confermare la registrazione',
    confirmNote: 'Nessun dato verrà memorizzato finché non avrà premuto il pulsante.',
    confirmedTitle: 'Registrazione confermata',
    confirmedBody: 'Grazie. La Sua registrazione è confermata. Il Suo codice di riferimento è {reference}. Le abbiamo inviato un’e-mail con i dettagli.',
    invalidTitle: 'Questo link non è valido',
    invalidBody:
      'Il link potrebbe essere incompleto o essere stato sostituito da un’e-mail più recente. Copi il link completo dall’ultima e-mail ricevuta oppure si registri di nuovo per ricevere un nuovo link.',
    expiredTitle: 'Questo link è scaduto',
    expiredBody: 'I link di conferma sono validi per {hours} ore. La preghiamo di registrarsi di nuovo per ricevere un nuovo link.',
    unavailableTitle: 'Il servizio è momentaneamente sovraccarico',
    unavailableBody: 'Al momento non è stato possibile confermare la Sua registrazione. La preghiamo di riaprire il link tra qualche minuto.',
    registerAgain: 'Registrarsi di nuovo',
  },
};

export const formIt: FormMessages = {
  languageName: 'Italiano',
  page: {
    skipLink: 'Vai al contenuto principale',
    languageNav: 'Lingua',
    heading: 'Registrazione all’evento',
    intro:
      'La preghiamo di compilare il presente modulo per ogni persona da registrare. Le invieremo poi un’e-mail per confermare la registrazione.',
    loading: 'Caricamento delle informazioni sull’evento…',
    noscript:
      'Questo modulo richiede JavaScript. La preghiamo di attivare JavaScript nel Suo browser o di contattare gli organizzatori per registrarsi.',
    event: 'Evento',
    dates: 'Date',
    venue: 'Sede',
    organizer: 'Organizzatore',
    optional: '(facoltativo)',
    submit: 'Inviare la registrazione',
    sending: 'Invio della registrazione in corso…',
    day: 'Giorno',
    month: 'Mese',
    year: 'Anno',
  },
  sections: {
    about: 'I Suoi dati',
    represent: 'Chi rappresenta',
    travel: 'Viaggio',
    needs: 'Esigenze particolari',
  },
  fields: {
    title: {
      label: 'Titolo',
      none: 'Nessuno',
      options: { Mr: 'Sig.', Ms: 'Sig.ra', Mx: 'Mx', Dr: 'Dott./Dott.ssa', Prof: 'Prof.', 'H.E.': 'S.E.' },
    },
    firstName: { label: 'Nome', hint: 'Come riportato nel passaporto o nella carta d’identità' },
    lastName: { label: 'Cognome', hint: 'Come riportato nel passaporto o nella carta d’identità' },
    email: { label: 'Indirizzo e-mail', hint: 'Invieremo il link di conferma a questo indirizzo' },
    phone: { label: 'Numero di telefono', hint: 'Indichi il prefisso internazionale, ad esempio +43 1 514 36 0' },
    category: {
      legend: 'Chi rappresenta?',
      options: {
        participating_state: 'Uno Stato partecipante',
        partner_for_cooperation: 'Un Partner per la cooperazione',
        osce_executive_structure: 'Una struttura esecutiva dell’OSCE (Segretariato o istituzione)',
        osce_field_operation: 'Un’operazione sul terreno dell’OSCE',
        international_organization: 'Un’organizzazione internazionale',
        civil_society: 'La società civile o il mondo accademico',
      },
    },
    country: {
      stateLabel: 'Stato partecipante',
      partnerLabel: 'Partner per la cooperazione',
      stateChoose: 'Selezioni uno Stato partecipante',
      partnerChoose: 'Selezioni un Partner per la cooperazione',
    },
    organization: { label: 'Organizzazione', hint: 'Ad esempio, il ministero o l’ente per cui lavora' },
    position: { label: 'Funzione', hint: 'Ad esempio, capo unità' },
    arrivalDate: { legend: 'Data di arrivo', hint: 'Ad esempio, {example}' },
    departureDate: { legend: 'Data di partenza', hint: 'Ad esempio, {example}' },
    dietaryRequirements: { label: 'Esigenze alimentari', hint: 'Ad esempio, dieta vegetariana o allergie alimentari' },
    accessibilityNeeds: {
      label: 'Esigenze di accessibilità',
      hint: 'Ci indichi tutto ciò che potrebbe agevolare la Sua partecipazione, ad esempio un accesso senza gradini o l’interpretazione nella lingua dei segni',
    },
    consents: {
      legend: 'Il Suo consenso',
      privacyText:
        'Gli organizzatori utilizzano i Suoi dati esclusivamente per preparare e svolgere questo evento: per confermare la registrazione, preparare il Suo badge e contattarLa in merito all’evento.',
      privacyNotice: 'Acconsento all’utilizzo dei miei dati come descritto sopra',
      participantList: 'Il mio nome, la mia organizzazione e la mia funzione possono figurare nell’elenco dei partecipanti pubblicato',
      photography: 'Acconsento a riprese fotografiche e video della mia persona durante l’evento',
    },
    website: { label: 'Lasci vuoto questo campo' },
  },
  errors: {
    summaryTitle: 'Si è verificato un problema',
    prefix: 'Errore:',
    titlePrefix: 'Errore: ',
    tooLong: 'Il campo «{field}» non può superare {max} caratteri',
    singleLine: 'Il campo «{field}» deve occupare una sola riga, senza caratteri speciali',
    invalid: 'Verifichi la risposta al campo «{field}»',
    unknownField: 'Il modulo ha inviato un campo sconosciuto al servizio. La preghiamo di ricaricare la pagina e riprovare.',
    fields: {
      title: { invalid_value: 'Selezioni un titolo dall’elenco' },
      firstName: { required: 'Inserisca il Suo nome' },
      lastName: { required: 'Inserisca il Suo cognome' },
      email: {
        required: 'Inserisca il Suo indirizzo e-mail',
        invalid_format: 'Inserisca un indirizzo e-mail nel formato corretto, ad esempio nome@example.org',
      },
      phone: { invalid_format: 'Inserisca un numero di telefono, ad esempio +43 1 514 36 0' },
      category: { required: 'Indichi chi rappresenta', invalid_value: 'Selezioni una delle opzioni proposte' },
      country: {
        custom: 'Selezioni lo Stato partecipante che rappresenta',
        customPartner: 'Selezioni il Partner per la cooperazione che rappresenta',
        invalid_format: 'Selezioni un paese dall’elenco',
      },
      organization: { required: 'Inserisca il nome della Sua organizzazione' },
      position: { required: 'Inserisca la Sua funzione' },
      arrivalDate: { invalid_format: 'La data di arrivo deve essere una data valida, ad esempio {example}' },
      departureDate: {
        invalid_format: 'La data di partenza deve essere una data valida, ad esempio {example}',
        custom: 'La data di partenza deve essere uguale o successiva alla data di arrivo',
      },
      'consents.privacyNotice': {
        invalid_value: 'Selezioni la casella per acconsentire all’utilizzo dei Suoi dati per l’organizzazione dell’evento',
      },
    },
  },
  outcome: {
    checkEmailTitle: 'Controlli la Sua posta elettronica',
    checkEmailSent: 'Stiamo inviando un’e-mail all’indirizzo {email}.',
    checkEmailAction:
      'Per completare la registrazione, apra il link contenuto nell’e-mail e prema il pulsante nella pagina che si aprirà.',
    checkEmailNotComplete: 'La registrazione non sarà completa finché non l’avrà confermata.',
    checkEmailMissing:
      'Se l’e-mail non arriva entro 10 minuti, controlli la cartella della posta indesiderata (spam). Se non la trova nemmeno lì, invii di nuovo il modulo più tardi o contatti gli organizzatori.',
    registerAnother: 'Registrare un’altra persona',
    closedTitle: 'Le registrazioni sono chiuse',
    closedBody:
      'Le registrazioni a questo evento non sono aperte al momento, pertanto i Suoi dati non sono stati inviati. Se ritiene che si tratti di un errore, La preghiamo di contattare gli organizzatori.',
    notFoundTitle: 'Evento non trovato',
    notFoundBody:
      'La preghiamo di verificare che l’indirizzo di questa pagina sia completo, come indicato nel Suo invito. In caso affermativo, La preghiamo di contattare gli organizzatori.',
    tooManyTitle: 'Troppi tentativi',
    tooManyBody:
      'I Suoi dati non sono stati inviati. Attenda un minuto, poi prema di nuovo «{submit}». Le Sue risposte sono state conservate in questa pagina.',
    unavailableTitle: 'Il servizio non è disponibile',
    unavailableBody:
      'I Suoi dati non sono stati inviati. La preghiamo di riprovare tra qualche minuto. Le Sue risposte sono state conservate in questa pagina.',
    networkTitle: 'Nessuna connessione al servizio',
    networkBody:
      'Non è stato possibile raggiungere il servizio di registrazione, pertanto i Suoi dati non sono stati inviati. Verifichi la connessione a Internet, poi prema di nuovo «{submit}». Le Sue risposte sono state conservate in questa pagina.',
    unexpectedTitle: 'Si è verificato un errore',
    unexpectedBody: 'I Suoi dati non sono stati inviati. La preghiamo di riprovare più tardi o di contattare gli organizzatori.',
    eventLoadTitle: 'Non è stato possibile caricare le informazioni sull’evento',
    eventLoadBody: 'La preghiamo di verificare la connessione a Internet e di ricaricare la pagina.',
  },
  countryNames: {
    VA: 'Santa Sede',
    RU: 'Federazione Russa',
    KR: 'Repubblica di Corea',
    US: 'Stati Uniti d’America',
    BY: 'Belarus',
    BA: 'Bosnia-Erzegovina',
    MD: 'Moldova',
    TR: 'Türkiye',
  },
};
