import type { Messages } from './messages.ts';

export const es: Messages = {
  languageName: 'Español',
  greeting: 'Estimado/a {name}:',
  signature: '{organizer}',
  labels: {
    event: 'Evento',
    dates: 'Fechas',
    venue: 'Lugar',
    reference: 'Referencia',
  },
  confirmRequest: {
    subject: 'Confirme su inscripción: {event}',
    intro: 'Le agradecemos que se haya inscrito en el siguiente evento: {event}.',
    action:
      'Para completar su inscripción, abra el enlace que figura a continuación y pulse el botón que aparece en la página. El enlace es válido durante {hours} horas.',
    button: 'Confirmar mi inscripción',
    ignore: 'Si usted no se ha inscrito, puede hacer caso omiso de este correo electrónico: sin confirmación, la inscripción se suprimirá automáticamente cuando caduque el enlace.',
  },
  alreadyRegistered: {
    subject: 'Inscripción ya registrada: {event}',
    body: 'El formulario de inscripción en el evento «{event}» se ha enviado de nuevo con esta dirección de correo electrónico. Su inscripción ya constaba en nuestros registros y no se ha modificado.',
    changes: 'Si es necesario modificar sus datos, le rogamos que responda a este correo electrónico o se ponga en contacto con los organizadores.',
    ignore: 'Si usted no envió el formulario, puede hacer caso omiso de este correo electrónico.',
  },
  confirmed: {
    subject: 'Inscripción confirmada: {event}',
    body: 'Su inscripción ha quedado confirmada. Le rogamos que conserve este correo electrónico.',
    bringId: 'Le rogamos que presente su referencia y un pasaporte o documento nacional de identidad válido en el mostrador de inscripción de la sede del evento.',
  },
  pages: {
    confirmTitle: 'Confirmación de la inscripción',
    confirmIntro: 'Está a punto de confirmar su inscripción en el siguiente evento: {event}.',
    confirmButton: 'Confirmar mi inscripción',
    confirmNote: 'No se guardará ningún dato hasta que pulse el botón.',
    confirmedTitle: 'Inscripción confirmada',
    confirmedBody: 'Gracias. Su inscripción ha quedado confirmada. Su referencia es {reference}. Le hemos enviado un correo electrónico con los detalles.',
    invalidTitle: 'Este enlace no es válido',
    invalidBody:
      'Es posible que el enlace esté incompleto o que haya sido sustituido por el de un correo electrónico más reciente. Copie el enlace completo del último correo electrónico recibido o vuelva a inscribirse para recibir un nuevo enlace.',
    expiredTitle: 'Este enlace ha caducado',
    expiredBody: 'Los enlaces de confirmación son válidos durante {hours} horas. Vuelva a inscribirse para recibir un nuevo enlace.',
    unavailableTitle: 'El servicio está saturado en este momento',
    unavailableBody: 'No ha sido posible confirmar su inscripción en este momento. Vuelva a abrir el enlace dentro de unos minutos.',
    registerAgain: 'Volver a inscribirse',
  },
};
