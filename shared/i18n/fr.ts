// The words in one language: the e-mails and server pages, then the registration page.
import type { FormMessages } from './form-messages.ts';
import type { Messages } from './messages.ts';

export const fr: Messages = {
  languageName: 'Français',
  greeting: 'Bonjour {name},',
  signature: '{organizer}',
  labelSeparator: '\u00a0: ',
  labels: {
    event: 'Manifestation',
    dates: 'Dates',
    venue: 'Lieu',
    reference: 'Référence',
  },
  confirmRequest: {
    subject: 'Veuillez confirmer votre inscription : {event}',
    intro: 'Nous vous remercions de votre inscription à la manifestation suivante : {event}.',
    action:
      'Pour finaliser votre inscription, veuillez ouvrir le lien ci-dessous, puis cliquer sur le bouton figurant sur la page. Ce lien est valable {hours} heures.',
    button: 'Confirmer mon inscription',
    ignore: 'Si vous n’êtes pas à l’origine de cette inscription, vous pouvez ne pas tenir compte de ce courriel : sans confirmation, l’inscription sera automatiquement supprimée à l’expiration du lien.',
  },
  alreadyRegistered: {
    subject: 'Inscription déjà enregistrée : {event}',
    body: 'Le formulaire d’inscription à la manifestation « {event} » a de nouveau été envoyé avec cette adresse électronique. Votre inscription était déjà enregistrée ; elle n’a pas été modifiée.',
    changes: 'Si des informations vous concernant doivent être modifiées, veuillez répondre à ce courriel ou prendre contact avec les organisateurs.',
    ignore: 'Si vous n’avez pas envoyé ce formulaire, vous pouvez ne pas tenir compte de ce courriel.',
  },
  confirmed: {
    subject: 'Inscription confirmée : {event}',
    body: 'Votre inscription est confirmée. Veuillez conserver ce courriel.',
    bringId: 'Veuillez vous munir de votre référence ainsi que d’un passeport ou d’une carte nationale d’identité en cours de validité, à présenter au comptoir d’inscription sur le lieu de la manifestation.',
  },
  manageLink: 'Consulter, corriger ou annuler votre inscription',
  waitlisted: {
    subject: 'Inscription sur liste d’attente : {event}',
    body: 'Votre adresse électronique est confirmée, mais toutes les places sont occupées. Vous occupez le rang {position} sur la liste d’attente. Si une place se libère, votre inscription sera automatiquement confirmée et nous vous en informerons par courriel.',
  },
  awaitingApproval: {
    subject: 'Inscription reçue : {event}',
    body: 'Votre adresse électronique est confirmée. Les organisateurs examinent chaque inscription et vous feront part de leur décision. L’inscription ne vaut pas garantie de participation.',
  },
  approved: {
    subject: 'Inscription approuvée : {event}',
    body: 'Les organisateurs ont approuvé votre inscription. Veuillez conserver ce courriel.',
  },
  rejected: {
    subject: 'Inscription non retenue : {event}',
    body: 'Nous avons le regret de vous informer que les organisateurs n’ont pas été en mesure de retenir votre inscription.',
    reason: 'Motif indiqué : {reason}',
  },
  promoted: {
    subject: 'Une place est désormais disponible pour vous : {event}',
    body: 'Une place s’est libérée et vous étiez en tête de la liste d’attente. Votre inscription est désormais confirmée. Veuillez conserver ce courriel.',
  },
  withdrawn: {
    subject: 'Inscription annulée : {event}',
    body: 'Votre inscription a été annulée et votre place a été libérée. S’il s’agit d’une erreur, veuillez vous inscrire de nouveau.',
  },
  statuses: {
    pending_confirmation: 'En attente de votre confirmation par courriel',
    confirmed: 'Confirmée',
    waitlisted: 'Sur liste d’attente',
    awaiting_approval: 'En attente de l’approbation des organisateurs',
    approved: 'Approuvée',
    rejected: 'Non retenue',
    withdrawn: 'Annulée',
  },
  manage: {
    title: 'Votre inscription',
    status: 'Statut',
    position: 'Rang sur la liste d’attente : {position}',
    details: 'Vos informations',
    change: 'Correction de vos informations',
    save: 'Enregistrer les modifications',
    notEditable: 'Vos informations ne peuvent plus être modifiées en ligne. Veuillez prendre contact avec les organisateurs.',
    withdrawHeading: 'Annulation de l’inscription',
    withdrawText: 'Si vous n’êtes plus en mesure de participer, veuillez annuler votre inscription afin que votre place puisse être attribuée à une autre personne.',
    withdrawButton: 'Annuler mon inscription',
    eraseHeading: 'Suppression de vos données',
    eraseText: 'Cette opération supprime définitivement votre inscription et l’ensemble de vos données personnelles. Seul un décompte anonyme est conservé.',
    eraseButton: 'Supprimer mes données',
    saved: 'Vos modifications ont été enregistrées.',
    withdrawnDone: 'Votre inscription a été annulée.',
    erasedTitle: 'Vos données ont été supprimées',
    erasedBody: 'Votre inscription et vos données personnelles ont été supprimées. Ce lien n’est plus valide.',
    notPossible: 'Cette opération n’est pas possible en l’état actuel de votre inscription.',
    back: 'Retour à votre inscription',
  },
  pages: {
    confirmTitle: 'Confirmation de votre inscription',
    confirmIntro: 'Vous êtes sur le point de confirmer votre inscription à la manifestation suivante : {event}.',
    confirmButton: 'Confirmer mon inscription',
    confirmNote: 'Aucune donnée n’est enregistrée tant que vous n’avez pas cliqué sur le bouton.',
    confirmedTitle: 'Inscription confirmée',
    confirmedBody: 'Nous vous remercions. Votre inscription est confirmée. Votre référence est {reference}. Un courriel récapitulatif vous a été envoyé.',
    invalidTitle: 'Ce lien n’est pas valide',
    invalidBody:
      'Il se peut que le lien soit incomplet ou qu’il ait été remplacé par un courriel plus récent. Veuillez copier l’intégralité du lien figurant dans le dernier courriel reçu, ou vous inscrire de nouveau pour recevoir un nouveau lien.',
    expiredTitle: 'Ce lien a expiré',
    expiredBody: 'Les liens de confirmation sont valables {hours} heures. Veuillez vous inscrire de nouveau pour recevoir un nouveau lien.',
    unavailableTitle: 'Le service est momentanément surchargé',
    unavailableBody: 'Votre inscription n’a pas pu être confirmée pour le moment. Veuillez rouvrir le lien dans quelques minutes.',
    registerAgain: 'S’inscrire de nouveau',
  },
};

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
