// The words of the delegation e-mails and the focal point's page, per language. Placeholders in
// braces are filled by `fill`, as in messages.ts.
import type { Language } from '../model/languages.ts';

export interface DelegationWords {
  focalSubject: string; // {entity} {event}
  focalBody: string; // {entity} {event}
  focalButton: string;
  nomineeSubject: string; // {event}
  nomineeBody: string; // {entity} {role} {event}
  nomineeButton: string;
  reminderSubject: string; // {event}
  reminderBody: string; // {entity} {role} {event}
  personal: string;
  roles: { head: string; member: string };
  pageTitle: string; // {entity}
  pageIntro: string; // {event}
  quota: string; // {taken} {delegates} {heads}
  deadline: string; // {deadline}
  closed: string;
  nominees: string;
  none: string;
  nominate: string;
  name: string;
  email: string;
  function: string;
  role: string;
  status: string;
  registration: string;
  notRegistered: string;
  nominateButton: string;
  withdrawButton: string;
  statuses: { nominated: string; waitlisted: string; withdrawn: string };
  nominatedDone: string;
  waitlistedDone: string;
  withdrawnDone: string;
  back: string;
  problemTitle: string;
  /** The nominee's language: their invitation's and their registration page's. */
  language: string;
  letterHeading: string;
  letterIntro: string;
  letterCurrent: string; // {date}
  letterFile: string;
  letterUploadButton: string;
  letterArrived: string;
  letterAttachButton: string;
  letterAttached: string;
  letterLink: string;
}

const en: DelegationWords = {
  focalSubject: '{entity}: nominate your delegation to the {event}',
  focalBody:
    'You have been named focal point of {entity} for the {event}. Through the private link below you nominate the members of the delegation, see whether each of them has registered, and withdraw a nomination until nominations close.',
  focalButton: 'Open the delegation page',
  nomineeSubject: 'Your nomination to the {event}',
  nomineeBody:
    '{entity} has nominated you as {role} of its delegation to the {event}. Please fill in the registration form yourself through the link below, then confirm it with the link we send you.',
  nomineeButton: 'Fill in the registration form',
  reminderSubject: 'Reminder: please register for the {event}',
  reminderBody:
    '{entity} has nominated you as {role} of its delegation to the {event}, and your registration is not complete yet. Please fill in the registration form through the link below, then confirm it with the link we send you.',
  personal: 'This link is personal: please do not forward it.',
  roles: { head: 'head of delegation', member: 'member' },
  pageTitle: 'Delegation of {entity}',
  pageIntro: 'Nominate the members of the delegation to the {event}. Each nominee receives an invitation, fills in the registration form and confirms it personally.',
  quota: 'Places taken: {taken} of {delegates}, including at most {heads} head(s) of delegation.',
  deadline: 'Nominations close on {deadline}.',
  closed: 'Nominations are closed.',
  nominees: 'Nominees',
  none: 'Nobody has been nominated yet.',
  nominate: 'Nominate a delegate',
  name: 'Full name',
  email: 'E-mail',
  function: 'Function',
  role: 'Role',
  status: 'Nomination',
  registration: 'Registration',
  notRegistered: 'not yet registered',
  nominateButton: 'Nominate',
  withdrawButton: 'Withdraw',
  statuses: { nominated: 'nominated', waitlisted: 'waiting list', withdrawn: 'withdrawn' },
  nominatedDone: 'The nomination has been recorded. The nominee receives an invitation by e-mail.',
  waitlistedDone: "The delegation's quota is full: the nominee is on the delegation's waiting list.",
  withdrawnDone: 'The nomination has been withdrawn.',
  back: 'Back to the delegation',
  problemTitle: 'This could not be done',
  language: 'Language of the invitation',
  letterHeading: 'The nomination letter',
  letterIntro: 'Upload the delegation’s nomination letter (a note verbale or letter of nomination) as one PDF file of at most 10 MB. A new upload replaces the earlier one.',
  letterCurrent: 'A letter is on file, uploaded on {date}.',
  letterFile: 'Nomination letter (PDF)',
  letterUploadButton: 'Upload',
  letterArrived: 'Your file has arrived. Attach it as the delegation’s nomination letter?',
  letterAttachButton: 'Attach the letter',
  letterAttached: 'The nomination letter is attached.',
  letterLink: 'Upload the nomination letter',
};

const fr: DelegationWords = {
  focalSubject: '{entity} : désignez votre délégation pour la {event}',
  focalBody:
    'Vous avez été désigné(e) point focal de {entity} pour la {event}. Le lien privé ci-dessous vous permet de désigner les membres de la délégation, de voir si chacun s’est inscrit et de retirer une désignation jusqu’à la clôture des désignations.',
  focalButton: 'Ouvrir la page de la délégation',
  nomineeSubject: 'Votre désignation pour la {event}',
  nomineeBody:
    '{entity} vous a désigné(e) comme {role} de sa délégation à la {event}. Veuillez remplir vous-même le formulaire d’inscription par le lien ci-dessous, puis le confirmer avec le lien que nous vous enverrons.',
  nomineeButton: 'Remplir le formulaire d’inscription',
  reminderSubject: 'Rappel : veuillez vous inscrire à la {event}',
  reminderBody:
    '{entity} vous a désigné(e) comme {role} de sa délégation à la {event}, et votre inscription n’est pas encore terminée. Veuillez remplir le formulaire d’inscription par le lien ci-dessous, puis le confirmer avec le lien que nous vous enverrons.',
  personal: 'Ce lien est personnel : merci de ne pas le transférer.',
  roles: { head: 'chef de délégation', member: 'membre' },
  pageTitle: 'Délégation de {entity}',
  pageIntro: 'Désignez les membres de la délégation à la {event}. Chaque personne désignée reçoit une invitation, remplit le formulaire et le confirme elle-même.',
  quota: 'Places occupées : {taken} sur {delegates}, dont au plus {heads} chef(s) de délégation.',
  deadline: 'Les désignations sont closes le {deadline}.',
  closed: 'Les désignations sont closes.',
  nominees: 'Personnes désignées',
  none: 'Personne n’a encore été désigné.',
  nominate: 'Désigner un délégué',
  name: 'Nom complet',
  email: 'Courriel',
  function: 'Fonction',
  role: 'Rôle',
  status: 'Désignation',
  registration: 'Inscription',
  notRegistered: 'pas encore inscrit(e)',
  nominateButton: 'Désigner',
  withdrawButton: 'Retirer',
  statuses: { nominated: 'désigné(e)', waitlisted: 'liste d’attente', withdrawn: 'retiré(e)' },
  nominatedDone: 'La désignation est enregistrée. La personne désignée reçoit une invitation par courriel.',
  waitlistedDone: 'Le quota de la délégation est atteint : la personne est inscrite sur la liste d’attente de la délégation.',
  withdrawnDone: 'La désignation a été retirée.',
  back: 'Retour à la délégation',
  problemTitle: 'Cela n’a pas pu être fait',
  language: 'Langue de l’invitation',
  letterHeading: 'La lettre de nomination',
  letterIntro: 'Téléversez la lettre de nomination de la délégation (note verbale ou lettre de nomination) en un seul fichier PDF de 10 Mo au plus. Un nouvel envoi remplace le précédent.',
  letterCurrent: 'Une lettre est enregistrée, téléversée le {date}.',
  letterFile: 'Lettre de nomination (PDF)',
  letterUploadButton: 'Téléverser',
  letterArrived: 'Votre fichier est arrivé. Le joindre comme lettre de nomination de la délégation ?',
  letterAttachButton: 'Joindre la lettre',
  letterAttached: 'La lettre de nomination est jointe.',
  letterLink: 'Téléverser la lettre de nomination',
};

const de: DelegationWords = {
  focalSubject: '{entity}: Benennen Sie Ihre Delegation für die {event}',
  focalBody:
    'Sie wurden als Kontaktstelle von {entity} für die {event} benannt. Über den privaten Link unten benennen Sie die Mitglieder der Delegation, sehen, ob sich jedes Mitglied angemeldet hat, und ziehen eine Benennung zurück, solange Benennungen offen sind.',
  focalButton: 'Delegationsseite öffnen',
  nomineeSubject: 'Ihre Benennung für die {event}',
  nomineeBody:
    '{entity} hat Sie als {role} seiner Delegation für die {event} benannt. Bitte füllen Sie das Anmeldeformular über den Link unten selbst aus und bestätigen Sie es mit dem Link, den wir Ihnen senden.',
  nomineeButton: 'Anmeldeformular ausfüllen',
  reminderSubject: 'Erinnerung: Bitte melden Sie sich für die {event} an',
  reminderBody:
    '{entity} hat Sie als {role} ihrer Delegation für die {event} benannt, und Ihre Anmeldung ist noch nicht abgeschlossen. Bitte füllen Sie das Anmeldeformular über den Link unten aus und bestätigen Sie es dann mit dem Link, den wir Ihnen senden.',
  personal: 'Dieser Link ist persönlich: Bitte leiten Sie ihn nicht weiter.',
  roles: { head: 'Delegationsleitung', member: 'Mitglied' },
  pageTitle: 'Delegation von {entity}',
  pageIntro: 'Benennen Sie die Mitglieder der Delegation für die {event}. Jede benannte Person erhält eine Einladung, füllt das Anmeldeformular aus und bestätigt es selbst.',
  quota: 'Belegte Plätze: {taken} von {delegates}, davon höchstens {heads} für die Delegationsleitung.',
  deadline: 'Benennungen schließen am {deadline}.',
  closed: 'Benennungen sind geschlossen.',
  nominees: 'Benannte Personen',
  none: 'Noch niemand benannt.',
  nominate: 'Delegierte benennen',
  name: 'Vollständiger Name',
  email: 'E-Mail',
  function: 'Funktion',
  role: 'Rolle',
  status: 'Benennung',
  registration: 'Anmeldung',
  notRegistered: 'noch nicht angemeldet',
  nominateButton: 'Benennen',
  withdrawButton: 'Zurückziehen',
  statuses: { nominated: 'benannt', waitlisted: 'Warteliste', withdrawn: 'zurückgezogen' },
  nominatedDone: 'Die Benennung ist gespeichert. Die benannte Person erhält eine Einladung per E-Mail.',
  waitlistedDone: 'Das Kontingent der Delegation ist ausgeschöpft: Die Person steht auf der Warteliste der Delegation.',
  withdrawnDone: 'Die Benennung wurde zurückgezogen.',
  back: 'Zurück zur Delegation',
  problemTitle: 'Das war nicht möglich',
  language: 'Sprache der Einladung',
  letterHeading: 'Das Nominierungsschreiben',
  letterIntro: 'Laden Sie das Nominierungsschreiben der Delegation (Verbalnote oder Nominierungsschreiben) als eine PDF-Datei von höchstens 10 MB hoch. Ein neues Hochladen ersetzt das frühere.',
  letterCurrent: 'Ein Schreiben liegt vor, hochgeladen am {date}.',
  letterFile: 'Nominierungsschreiben (PDF)',
  letterUploadButton: 'Hochladen',
  letterArrived: 'Ihre Datei ist angekommen. Als Nominierungsschreiben der Delegation beifügen?',
  letterAttachButton: 'Schreiben beifügen',
  letterAttached: 'Das Nominierungsschreiben ist beigefügt.',
  letterLink: 'Nominierungsschreiben hochladen',
};

const it: DelegationWords = {
  focalSubject: '{entity}: designate la vostra delegazione alla {event}',
  focalBody:
    'Lei è stato/a nominato/a punto focale di {entity} per la {event}. Con il link privato qui sotto designa i membri della delegazione, vede se ciascuno si è iscritto e ritira una designazione finché le designazioni sono aperte.',
  focalButton: 'Apri la pagina della delegazione',
  nomineeSubject: 'La sua designazione alla {event}',
  nomineeBody:
    '{entity} l’ha designato/a come {role} della sua delegazione alla {event}. Compili personalmente il modulo di iscrizione con il link qui sotto, poi lo confermi con il link che le invieremo.',
  nomineeButton: 'Compila il modulo di iscrizione',
  reminderSubject: 'Promemoria: si prega di iscriversi alla {event}',
  reminderBody:
    '{entity} l’ha designata come {role} della sua delegazione alla {event} e la sua iscrizione non è ancora completa. La preghiamo di compilare il modulo di iscrizione tramite il link qui sotto e di confermarlo con il link che le invieremo.',
  personal: 'Questo link è personale: non lo inoltri.',
  roles: { head: 'capo delegazione', member: 'membro' },
  pageTitle: 'Delegazione di {entity}',
  pageIntro: 'Designi i membri della delegazione alla {event}. Ogni persona designata riceve un invito, compila il modulo e lo conferma personalmente.',
  quota: 'Posti occupati: {taken} su {delegates}, di cui al massimo {heads} per il capo delegazione.',
  deadline: 'Le designazioni si chiudono il {deadline}.',
  closed: 'Le designazioni sono chiuse.',
  nominees: 'Persone designate',
  none: 'Nessuno è stato ancora designato.',
  nominate: 'Designa un delegato',
  name: 'Nome completo',
  email: 'E-mail',
  function: 'Funzione',
  role: 'Ruolo',
  status: 'Designazione',
  registration: 'Iscrizione',
  notRegistered: 'non ancora iscritto/a',
  nominateButton: 'Designa',
  withdrawButton: 'Ritira',
  statuses: { nominated: 'designato/a', waitlisted: 'lista d’attesa', withdrawn: 'ritirato/a' },
  nominatedDone: 'La designazione è registrata. La persona designata riceve un invito per e-mail.',
  waitlistedDone: 'La quota della delegazione è esaurita: la persona è nella lista d’attesa della delegazione.',
  withdrawnDone: 'La designazione è stata ritirata.',
  back: 'Torna alla delegazione',
  problemTitle: 'Non è stato possibile',
  language: 'Lingua dell’invito',
  letterHeading: 'La lettera di nomina',
  letterIntro: 'Caricate la lettera di nomina della delegazione (nota verbale o lettera di nomina) come un unico file PDF di al massimo 10 MB. Un nuovo caricamento sostituisce il precedente.',
  letterCurrent: 'Una lettera è registrata, caricata il {date}.',
  letterFile: 'Lettera di nomina (PDF)',
  letterUploadButton: 'Carica',
  letterArrived: 'Il file è arrivato. Allegarlo come lettera di nomina della delegazione?',
  letterAttachButton: 'Allega la lettera',
  letterAttached: 'La lettera di nomina è allegata.',
  letterLink: 'Carica la lettera di nomina',
};

const ru: DelegationWords = {
  focalSubject: '{entity}: назначьте делегацию на {event}',
  focalBody:
    'Вы назначены координатором {entity} по мероприятию «{event}». По личной ссылке ниже вы назначаете членов делегации, видите, зарегистрировался ли каждый из них, и можете отозвать назначение до закрытия приёма назначений.',
  focalButton: 'Открыть страницу делегации',
  nomineeSubject: 'Ваше назначение на {event}',
  nomineeBody:
    '{entity} назначает вас в качестве {role} своей делегации на мероприятие «{event}». Пожалуйста, заполните регистрационную форму сами по ссылке ниже и подтвердите её по ссылке, которую мы вам пришлём.',
  nomineeButton: 'Заполнить регистрационную форму',
  reminderSubject: 'Напоминание: пожалуйста, зарегистрируйтесь на {event}',
  reminderBody:
    '{entity} назначила вас в качестве {role} своей делегации на {event}, но ваша регистрация ещё не завершена. Пожалуйста, заполните регистрационную форму по ссылке ниже, а затем подтвердите её по ссылке, которую мы вам пришлём.',
  personal: 'Это личная ссылка: пожалуйста, не пересылайте её.',
  roles: { head: 'главы делегации', member: 'члена' },
  pageTitle: 'Делегация: {entity}',
  pageIntro: 'Назначьте членов делегации на мероприятие «{event}». Каждый назначенный получает приглашение, сам заполняет регистрационную форму и подтверждает её.',
  quota: 'Занято мест: {taken} из {delegates}, из них не более {heads} для главы делегации.',
  deadline: 'Назначения принимаются до {deadline}.',
  closed: 'Приём назначений закрыт.',
  nominees: 'Назначенные',
  none: 'Пока никто не назначен.',
  nominate: 'Назначить делегата',
  name: 'Полное имя',
  email: 'Эл. почта',
  function: 'Должность',
  role: 'Роль',
  status: 'Назначение',
  registration: 'Регистрация',
  notRegistered: 'ещё не зарегистрирован(а)',
  nominateButton: 'Назначить',
  withdrawButton: 'Отозвать',
  statuses: { nominated: 'назначен(а)', waitlisted: 'лист ожидания', withdrawn: 'отозван(а)' },
  nominatedDone: 'Назначение сохранено. Назначенный получит приглашение по электронной почте.',
  waitlistedDone: 'Квота делегации исчерпана: назначенный внесён в лист ожидания делегации.',
  withdrawnDone: 'Назначение отозвано.',
  back: 'Назад к делегации',
  problemTitle: 'Это сделать не удалось',
  language: 'Язык приглашения',
  letterHeading: 'Письмо о назначении',
  letterIntro: 'Загрузите письмо о назначении делегации (вербальную ноту или письмо о назначении) одним файлом PDF не больше 10 МБ. Новая загрузка заменяет прежнюю.',
  letterCurrent: 'Письмо получено, загружено {date}.',
  letterFile: 'Письмо о назначении (PDF)',
  letterUploadButton: 'Загрузить',
  letterArrived: 'Файл получен. Приложить его как письмо о назначении делегации?',
  letterAttachButton: 'Приложить письмо',
  letterAttached: 'Письмо о назначении приложено.',
  letterLink: 'Загрузить письмо о назначении',
};

const es: DelegationWords = {
  focalSubject: '{entity}: designe su delegación para la {event}',
  focalBody:
    'Ha sido nombrado/a punto focal de {entity} para la {event}. Con el enlace privado de abajo designa a los miembros de la delegación, ve si cada uno se ha inscrito y retira una designación mientras las designaciones estén abiertas.',
  focalButton: 'Abrir la página de la delegación',
  nomineeSubject: 'Su designación para la {event}',
  nomineeBody:
    '{entity} le ha designado como {role} de su delegación para la {event}. Rellene usted mismo/a el formulario de inscripción con el enlace de abajo y confírmelo con el enlace que le enviaremos.',
  nomineeButton: 'Rellenar el formulario de inscripción',
  reminderSubject: 'Recordatorio: inscríbase en la {event}',
  reminderBody:
    '{entity} le ha designado como {role} de su delegación en la {event} y su inscripción aún no está completa. Rellene el formulario de inscripción mediante el enlace de abajo y confírmelo después con el enlace que le enviaremos.',
  personal: 'Este enlace es personal: no lo reenvíe.',
  roles: { head: 'jefe/a de delegación', member: 'miembro' },
  pageTitle: 'Delegación de {entity}',
  pageIntro: 'Designe a los miembros de la delegación para la {event}. Cada persona designada recibe una invitación, rellena el formulario y lo confirma personalmente.',
  quota: 'Plazas ocupadas: {taken} de {delegates}, de ellas como máximo {heads} para la jefatura de delegación.',
  deadline: 'Las designaciones se cierran el {deadline}.',
  closed: 'Las designaciones están cerradas.',
  nominees: 'Personas designadas',
  none: 'Todavía no se ha designado a nadie.',
  nominate: 'Designar a un delegado',
  name: 'Nombre completo',
  email: 'Correo electrónico',
  function: 'Cargo',
  role: 'Función',
  status: 'Designación',
  registration: 'Inscripción',
  notRegistered: 'aún no inscrito/a',
  nominateButton: 'Designar',
  withdrawButton: 'Retirar',
  statuses: { nominated: 'designado/a', waitlisted: 'lista de espera', withdrawn: 'retirado/a' },
  nominatedDone: 'La designación se ha registrado. La persona designada recibe una invitación por correo electrónico.',
  waitlistedDone: 'La cuota de la delegación está completa: la persona figura en la lista de espera de la delegación.',
  withdrawnDone: 'La designación se ha retirado.',
  back: 'Volver a la delegación',
  problemTitle: 'No ha sido posible',
  language: 'Idioma de la invitación',
  letterHeading: 'La carta de nombramiento',
  letterIntro: 'Suba la carta de nombramiento de la delegación (nota verbal o carta de nombramiento) como un solo archivo PDF de 10 MB como máximo. Una nueva subida reemplaza la anterior.',
  letterCurrent: 'Hay una carta registrada, subida el {date}.',
  letterFile: 'Carta de nombramiento (PDF)',
  letterUploadButton: 'Subir',
  letterArrived: 'Su archivo ha llegado. ¿Adjuntarlo como carta de nombramiento de la delegación?',
  letterAttachButton: 'Adjuntar la carta',
  letterAttached: 'La carta de nombramiento está adjunta.',
  letterLink: 'Subir la carta de nombramiento',
};

const catalogue: Record<Language, DelegationWords> = { en, fr, de, it, ru, es };

export function delegationWordsFor(language: Language): DelegationWords {
  return catalogue[language];
}
