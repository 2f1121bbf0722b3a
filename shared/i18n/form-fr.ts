import type { FormMessages } from './form.ts';

export const formFr: FormMessages = {
  languageName: 'Français',
  page: {
    skipLink: 'Aller au contenu principal',
    languageNav: 'Langue',
    heading: 'Inscription à la manifestation',
    intro:
      'Veuillez remplir ce formulaire pour chaque personne à inscrire. Nous vous enverrons ensuite un courriel pour confirmer votre inscription.',
    loading: 'Chargement des informations sur la manifestation…',
    noscript:
      'Ce formulaire nécessite JavaScript. Veuillez activer JavaScript dans votre navigateur ou prendre contact avec les organisateurs pour vous inscrire.',
    event: 'Manifestation',
    dates: 'Dates',
    venue: 'Lieu',
    organizer: 'Organisateur',
    optional: '(facultatif)',
    submit: 'Envoyer l’inscription',
    sending: 'Envoi de votre inscription en cours…',
    day: 'Jour',
    month: 'Mois',
    year: 'Année',
  },
  sections: {
    about: 'Vos coordonnées',
    represent: 'Entité représentée',
    travel: 'Voyage',
    needs: 'Besoins particuliers',
  },
  fields: {
    title: {
      label: 'Civilité',
      none: 'Aucune',
      options: { Mr: 'M.', Ms: 'Mme', Mx: 'Mx', Dr: 'Dr', Prof: 'Pr', 'H.E.': 'S. E.' },
    },
    firstName: { label: 'Prénom', hint: 'Tel qu’il figure sur votre passeport ou votre carte d’identité' },
    lastName: { label: 'Nom', hint: 'Tel qu’il figure sur votre passeport ou votre carte d’identité' },
    email: { label: 'Adresse électronique', hint: 'Nous enverrons le lien de confirmation à cette adresse' },
    phone: { label: 'Numéro de téléphone', hint: 'Indiquez l’indicatif du pays, par exemple +43 1 514 36 0' },
    category: {
      legend: 'Qui représentez-vous ?',
      options: {
        participating_state: 'Un État participant',
        partner_for_cooperation: 'Un partenaire pour la coopération',
        osce_executive_structure: 'Une structure exécutive de l’OSCE (Secrétariat ou institution)',
        osce_field_operation: 'Une opération de terrain de l’OSCE',
        international_organization: 'Une organisation internationale',
        civil_society: 'La société civile ou le milieu universitaire',
      },
    },
    country: {
      stateLabel: 'État participant',
      partnerLabel: 'Partenaire pour la coopération',
      stateChoose: 'Sélectionnez un État participant',
      partnerChoose: 'Sélectionnez un partenaire pour la coopération',
    },
    organization: { label: 'Organisation', hint: 'Par exemple, le ministère ou l’organisme pour lequel vous travaillez' },
    position: { label: 'Fonction', hint: 'Par exemple, responsable d’unité' },
    arrivalDate: { legend: 'Date d’arrivée', hint: 'Par exemple, {example}' },
    departureDate: { legend: 'Date de départ', hint: 'Par exemple, {example}' },
    dietaryRequirements: { label: 'Régime alimentaire', hint: 'Par exemple, régime végétarien ou allergies alimentaires' },
    accessibilityNeeds: {
      label: 'Besoins en matière d’accessibilité',
      hint: 'Indiquez-nous tout ce qui faciliterait votre participation, par exemple un accès de plain-pied ou une interprétation en langue des signes',
    },
    consents: {
      legend: 'Votre consentement',
      privacyText:
        'Les organisateurs utilisent vos données uniquement pour préparer et tenir cette manifestation : pour confirmer votre inscription, préparer votre badge et vous contacter au sujet de la manifestation.',
      privacyNotice: 'J’accepte que mes données soient utilisées comme indiqué ci-dessus',
      participantList: 'Mes nom, organisation et fonction peuvent figurer sur la liste des participants publiée',
      photography: 'J’accepte d’apparaître sur des photographies et des vidéos prises pendant la manifestation',
    },
    website: { label: 'Laissez ce champ vide' },
  },
  errors: {
    summaryTitle: 'Un problème a été détecté',
    prefix: 'Erreur :',
    titlePrefix: 'Erreur : ',
    tooLong: 'Le champ « {field} » ne doit pas dépasser {max} caractères',
    singleLine: 'Le champ « {field} » doit tenir sur une seule ligne, sans caractères spéciaux',
    invalid: 'Vérifiez votre réponse au champ « {field} »',
    unknownField: 'Le formulaire a envoyé un champ inconnu du service. Veuillez recharger la page et réessayer.',
    fields: {
      title: { invalid_value: 'Sélectionnez une civilité dans la liste' },
      firstName: { required: 'Indiquez votre prénom' },
      lastName: { required: 'Indiquez votre nom' },
      email: {
        required: 'Indiquez votre adresse électronique',
        invalid_format: 'Indiquez une adresse électronique au bon format, par exemple nom@example.org',
      },
      phone: { invalid_format: 'Indiquez un numéro de téléphone, par exemple +43 1 514 36 0' },
      category: { required: 'Indiquez qui vous représentez', invalid_value: 'Sélectionnez l’une des options proposées' },
      country: {
        custom: 'Sélectionnez l’État participant que vous représentez',
        customPartner: 'Sélectionnez le partenaire pour la coopération que vous représentez',
        invalid_format: 'Sélectionnez un pays dans la liste',
      },
      organization: { required: 'Indiquez le nom de votre organisation' },
      position: { required: 'Indiquez votre fonction' },
      arrivalDate: { invalid_format: 'La date d’arrivée doit être une date valide, par exemple {example}' },
      departureDate: {
        invalid_format: 'La date de départ doit être une date valide, par exemple {example}',
        custom: 'La date de départ doit être identique ou postérieure à la date d’arrivée',
      },
      'consents.privacyNotice': {
        invalid_value: 'Cochez la case pour accepter que vos données soient utilisées pour l’organisation de la manifestation',
      },
    },
  },
  outcome: {
    checkEmailTitle: 'Consultez votre messagerie',
    checkEmailSent: 'Nous envoyons un courriel à l’adresse {email}.',
    checkEmailAction:
      'Pour finaliser votre inscription, ouvrez le lien figurant dans ce courriel et cliquez sur le bouton de la page qui s’affiche.',
    checkEmailNotComplete: 'Votre inscription n’est définitive qu’une fois confirmée.',
    checkEmailMissing:
      'Si le courriel ne vous est pas parvenu dans les 10 minutes, veuillez vérifier votre dossier de courrier indésirable. S’il ne s’y trouve pas non plus, renvoyez le formulaire ultérieurement ou prenez contact avec les organisateurs.',
    registerAnother: 'Inscrire une autre personne',
    closedTitle: 'Les inscriptions sont closes',
    closedBody:
      'Les inscriptions à cette manifestation ne sont pas ouvertes pour le moment ; vos données n’ont donc pas été envoyées. Si vous pensez qu’il s’agit d’une erreur, veuillez prendre contact avec les organisateurs.',
    notFoundTitle: 'Cette manifestation est introuvable',
    notFoundBody:
      'Veuillez vérifier que l’adresse de cette page est complète, telle qu’elle figure dans votre invitation. Si c’est le cas, veuillez prendre contact avec les organisateurs.',
    tooManyTitle: 'Trop de tentatives',
    tooManyBody:
      'Vos données n’ont pas été envoyées. Veuillez patienter une minute, puis cliquer de nouveau sur « {submit} ». Vos réponses ont été conservées sur cette page.',
    unavailableTitle: 'Le service n’est pas disponible',
    unavailableBody:
      'Vos données n’ont pas été envoyées. Veuillez réessayer dans quelques minutes. Vos réponses ont été conservées sur cette page.',
    networkTitle: 'Impossible de se connecter au service',
    networkBody:
      'Nous n’avons pas pu joindre le service d’inscription ; vos données n’ont donc pas été envoyées. Vérifiez votre connexion Internet, puis cliquez de nouveau sur « {submit} ». Vos réponses ont été conservées sur cette page.',
    unexpectedTitle: 'Une erreur s’est produite',
    unexpectedBody: 'Vos données n’ont pas été envoyées. Veuillez réessayer ultérieurement ou prendre contact avec les organisateurs.',
    eventLoadTitle: 'Les informations sur la manifestation n’ont pas pu être chargées',
    eventLoadBody: 'Veuillez vérifier votre connexion Internet et recharger la page.',
  },
  countryNames: {
    VA: 'Saint-Siège',
    RU: 'Fédération de Russie',
    KR: 'République de Corée',
    US: 'États-Unis d’Amérique',
    MD: 'Moldavie',
    TR: 'Türkiye',
  },
};
