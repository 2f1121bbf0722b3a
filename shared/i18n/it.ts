import type { Messages } from './messages.ts';

export const it: Messages = {
  languageName: 'Italiano',
  greeting: 'Gentile {name},',
  signature: '{organizer}',
  labels: {
    event: 'Evento',
    dates: 'Date',
    venue: 'Sede',
    reference: 'Codice di riferimento',
  },
  confirmRequest: {
    subject: 'Confermi la Sua registrazione: {event}',
    intro: 'La ringraziamo per la Sua registrazione all’evento: {event}.',
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
  pages: {
    confirmTitle: 'Conferma della registrazione',
    confirmIntro: 'Sta per confermare la Sua registrazione all’evento: {event}.',
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
