import type { FormMessages } from './form.ts';

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
