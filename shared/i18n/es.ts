// The words in one language: the e-mails and server pages, then the registration page.
import type { FormMessages } from './form-messages.ts';
import type { Messages } from './messages.ts';

export const es: Messages = {
  languageName: 'Español',
  greeting: 'Estimado/a {name}:',
  signature: '{organizer}',
  labelSeparator: ': ',
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
  manageLink: 'Consultar, corregir o cancelar su inscripción',
  waitlisted: {
    subject: 'Inscripción en lista de espera: {event}',
    body: 'Su dirección de correo electrónico ha quedado confirmada, pero todas las plazas están ocupadas. Ocupa usted el puesto {position} en la lista de espera. Si queda libre una plaza, se le inscribirá automáticamente y se lo comunicaremos por correo electrónico.',
  },
  awaitingApproval: {
    subject: 'Inscripción recibida: {event}',
    body: 'Su dirección de correo electrónico ha quedado confirmada. Los organizadores examinan cada inscripción y le comunicarán su decisión. La inscripción no garantiza la participación en el evento.',
  },
  approved: {
    subject: 'Inscripción aprobada: {event}',
    body: 'Los organizadores han aprobado su inscripción. Le rogamos que conserve este correo electrónico.',
  },
  rejected: {
    subject: 'Inscripción no aceptada: {event}',
    body: 'Lamentamos comunicarle que los organizadores no han podido aceptar su inscripción.',
    reason: 'Motivo indicado: {reason}',
  },
  promoted: {
    subject: 'Hay una plaza disponible para usted: {event}',
    body: 'Ha quedado libre una plaza y usted ocupaba el primer puesto de la lista de espera. Su inscripción ha quedado confirmada. Le rogamos que conserve este correo electrónico.',
  },
  withdrawn: {
    subject: 'Inscripción cancelada: {event}',
    body: 'Su inscripción se ha cancelado y su plaza ha quedado libre. Si se trata de un error, le rogamos que vuelva a inscribirse.',
  },
  statuses: {
    pending_confirmation: 'Pendiente de su confirmación por correo electrónico',
    confirmed: 'Confirmada',
    waitlisted: 'En lista de espera',
    awaiting_approval: 'Pendiente de aprobación por los organizadores',
    approved: 'Aprobada',
    rejected: 'No aceptada',
    withdrawn: 'Cancelada',
  },
  manage: {
    title: 'Su inscripción',
    status: 'Estado de la inscripción',
    position: 'Puesto en la lista de espera: {position}',
    details: 'Sus datos',
    change: 'Corrección de sus datos',
    save: 'Guardar los cambios',
    notEditable: 'Ya no es posible modificar sus datos en línea. Le rogamos que se ponga en contacto con los organizadores.',
    withdrawHeading: 'Cancelación de la inscripción',
    withdrawText: 'Si ya no puede asistir, le rogamos que cancele su inscripción para que su plaza pueda asignarse a otra persona.',
    withdrawButton: 'Cancelar mi inscripción',
    eraseHeading: 'Supresión de sus datos',
    eraseText: 'Esta operación suprime definitivamente su inscripción y todos sus datos personales. Solo se conservará un recuento anónimo.',
    eraseButton: 'Suprimir mis datos',
    saved: 'Sus cambios se han guardado.',
    withdrawnDone: 'Su inscripción se ha cancelado.',
    erasedTitle: 'Sus datos se han suprimido',
    erasedBody: 'Su inscripción y sus datos personales se han suprimido. Este enlace ya no es válido.',
    notPossible: 'Esta operación no es posible en el estado actual de su inscripción.',
    back: 'Volver a su inscripción',
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

export const formEs: FormMessages = {
  languageName: 'Español',
  page: {
    skipLink: 'Ir al contenido principal',
    languageNav: 'Idioma',
    heading: 'Inscripción en el evento',
    intro:
      'Le rogamos que rellene este formulario para cada participante. A continuación le enviaremos un correo electrónico para confirmar su inscripción.',
    loading: 'Cargando la información del evento…',
    noscript:
      'Este formulario requiere JavaScript. Le rogamos que active JavaScript en su navegador o que se ponga en contacto con los organizadores para inscribirse.',
    event: 'Evento',
    dates: 'Fechas',
    venue: 'Lugar',
    organizer: 'Organizador',
    optional: '(opcional)',
    submit: 'Enviar la inscripción',
    sending: 'Enviando su inscripción…',
    day: 'Día',
    month: 'Mes',
    year: 'Año',
  },
  sections: {
    about: 'Sus datos',
    represent: 'A quién representa',
    travel: 'Viaje',
    needs: 'Necesidades particulares',
  },
  fields: {
    title: {
      label: 'Tratamiento',
      none: 'Ninguno',
      options: { Mr: 'Sr.', Ms: 'Sra.', Mx: 'Mx', Dr: 'Dr./Dra.', Prof: 'Prof.', 'H.E.': 'Excmo./Excma.' },
    },
    firstName: { label: 'Nombre', hint: 'Tal como figura en su pasaporte o documento de identidad' },
    lastName: { label: 'Apellidos', hint: 'Tal como figuran en su pasaporte o documento de identidad' },
    email: { label: 'Correo electrónico', hint: 'Enviaremos el enlace de confirmación a esta dirección' },
    phone: { label: 'Número de teléfono', hint: 'Incluya el prefijo del país, por ejemplo +43 1 514 36 0' },
    category: {
      legend: '¿A quién representa?',
      options: {
        participating_state: 'A un Estado participante',
        partner_for_cooperation: 'A un Socio para la Cooperación',
        osce_executive_structure: 'A una estructura ejecutiva de la OSCE (Secretaría o institución)',
        osce_field_operation: 'A una operación sobre el terreno de la OSCE',
        international_organization: 'A una organización internacional',
        civil_society: 'A la sociedad civil o al mundo académico',
      },
    },
    country: {
      stateLabel: 'Estado participante',
      partnerLabel: 'Socio para la Cooperación',
      stateChoose: 'Seleccione un Estado participante',
      partnerChoose: 'Seleccione un Socio para la Cooperación',
    },
    organization: { label: 'Organización', hint: 'Por ejemplo, el ministerio u organismo en el que trabaja' },
    position: { label: 'Cargo', hint: 'Por ejemplo, jefe o jefa de unidad' },
    arrivalDate: { legend: 'Fecha de llegada', hint: 'Por ejemplo, {example}' },
    departureDate: { legend: 'Fecha de salida', hint: 'Por ejemplo, {example}' },
    dietaryRequirements: { label: 'Necesidades alimentarias', hint: 'Por ejemplo, dieta vegetariana o alergias alimentarias' },
    accessibilityNeeds: {
      label: 'Necesidades de accesibilidad',
      hint: 'Indíquenos todo lo que le facilitaría la participación, por ejemplo un acceso sin escalones o interpretación en lengua de signos',
    },
    consents: {
      legend: 'Su consentimiento',
      privacyText:
        'Los organizadores utilizan sus datos únicamente para preparar y celebrar este evento: para confirmar su inscripción, preparar su acreditación y ponerse en contacto con usted en relación con el evento.',
      privacyNotice: 'Acepto que mis datos se utilicen según lo descrito anteriormente',
      participantList: 'Mi nombre, organización y cargo pueden figurar en la lista de participantes publicada',
      photography: 'Acepto que se me fotografíe y filme durante el evento',
    },
    website: { label: 'Deje este campo vacío' },
  },
  errors: {
    summaryTitle: 'Hay un problema',
    prefix: 'Error:',
    titlePrefix: 'Error: ',
    tooLong: 'El campo «{field}» no puede superar los {max} caracteres',
    singleLine: 'El campo «{field}» debe ocupar una sola línea, sin caracteres especiales',
    invalid: 'Compruebe su respuesta en el campo «{field}»',
    unknownField: 'El formulario envió un campo que el servicio no conoce. Le rogamos que vuelva a cargar la página y lo intente de nuevo.',
    fields: {
      title: { invalid_value: 'Seleccione un tratamiento de la lista' },
      firstName: { required: 'Indique su nombre' },
      lastName: { required: 'Indique sus apellidos' },
      email: {
        required: 'Indique su dirección de correo electrónico',
        invalid_format: 'Indique una dirección de correo electrónico con el formato correcto, por ejemplo nombre@example.org',
      },
      phone: { invalid_format: 'Indique un número de teléfono, por ejemplo +43 1 514 36 0' },
      category: { required: 'Indique a quién representa', invalid_value: 'Seleccione una de las opciones propuestas' },
      country: {
        custom: 'Seleccione el Estado participante al que representa',
        customPartner: 'Seleccione el Socio para la Cooperación al que representa',
        invalid_format: 'Seleccione un país de la lista',
      },
      organization: { required: 'Indique el nombre de su organización' },
      position: { required: 'Indique su cargo' },
      arrivalDate: { invalid_format: 'La fecha de llegada debe ser una fecha válida, por ejemplo {example}' },
      departureDate: {
        invalid_format: 'La fecha de salida debe ser una fecha válida, por ejemplo {example}',
        custom: 'La fecha de salida debe ser igual o posterior a la fecha de llegada',
      },
      'consents.privacyNotice': {
        invalid_value: 'Marque la casilla para aceptar que sus datos se utilicen para organizar el evento',
      },
    },
  },
  outcome: {
    checkEmailTitle: 'Consulte su correo electrónico',
    checkEmailSent: 'Estamos enviando un correo electrónico a {email}.',
    checkEmailAction:
      'Para completar su inscripción, abra el enlace que figura en el correo y pulse el botón de la página que se abrirá.',
    checkEmailNotComplete: 'Su inscripción no estará completa hasta que la haya confirmado.',
    checkEmailMissing:
      'Si el correo no le llega en un plazo de 10 minutos, compruebe su carpeta de correo no deseado. Si tampoco está allí, vuelva a enviar el formulario más tarde o póngase en contacto con los organizadores.',
    registerAnother: 'Inscribir a otra persona',
    closedTitle: 'La inscripción está cerrada',
    closedBody:
      'La inscripción para este evento no está abierta en este momento, por lo que sus datos no se han enviado. Si cree que se trata de un error, le rogamos que se ponga en contacto con los organizadores.',
    notFoundTitle: 'No se ha encontrado este evento',
    notFoundBody:
      'Le rogamos que compruebe que la dirección de esta página esté completa, tal como figura en su invitación. Si es así, póngase en contacto con los organizadores.',
    tooManyTitle: 'Demasiados intentos',
    tooManyBody:
      'Sus datos no se han enviado. Espere un minuto y vuelva a pulsar «{submit}». Sus respuestas se han conservado en esta página.',
    unavailableTitle: 'El servicio no está disponible',
    unavailableBody:
      'Sus datos no se han enviado. Le rogamos que lo intente de nuevo dentro de unos minutos. Sus respuestas se han conservado en esta página.',
    networkTitle: 'No hay conexión con el servicio',
    networkBody:
      'No hemos podido conectar con el servicio de inscripción, por lo que sus datos no se han enviado. Compruebe su conexión a Internet y vuelva a pulsar «{submit}». Sus respuestas se han conservado en esta página.',
    unexpectedTitle: 'Se ha producido un error',
    unexpectedBody: 'Sus datos no se han enviado. Le rogamos que lo intente más tarde o que se ponga en contacto con los organizadores.',
    eventLoadTitle: 'No se ha podido cargar la información del evento',
    eventLoadBody: 'Le rogamos que compruebe su conexión a Internet y vuelva a cargar la página.',
  },
  countryNames: {
    VA: 'Santa Sede',
    RU: 'Federación de Rusia',
    KR: 'República de Corea',
    US: 'Estados Unidos de América',
    TR: 'Türkiye',
    BY: 'Belarús',
    MD: 'Moldova',
    KZ: 'Kazajstán',
    RO: 'Rumania',
  },
};
