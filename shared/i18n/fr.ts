import type { Messages } from './messages.ts';

export const fr: Messages = {
  languageName: 'Français',
  greeting: 'Bonjour {name},',
  signature: '{organizer}',
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
