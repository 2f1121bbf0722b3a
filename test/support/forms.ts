// Event forms for the tests: the Hofburg's security questions and a UN-style badge photo, in the
// languages the event offers.
import { standardForm, type CustomField, type FormDefinition } from '#shared/model/form-definition.ts';
import { validForm } from './fixtures.ts';

const standard = <Name extends string>(...names: Name[]) => names.map((name) => ({ kind: 'standard' as const, name }));

/** A form in French and Russian: side events, a visa question with a field shown only for yes, and accreditation data. */
export function hofburgForm(): FormDefinition {
  return {
    sections: [
      { id: 'about', fields: standard('title', 'firstName', 'lastName', 'email') },
      { id: 'represent', fields: standard('category', 'country', 'organization', 'position') },
      {
        id: 'programme',
        title: { fr: 'Programme', ru: 'Программа' },
        fields: [
          {
            id: 'sideEvents',
            kind: 'multiple_choice',
            label: { fr: 'Événements parallèles', ru: 'Параллельные мероприятия' },
            hint: { fr: 'Choisissez ceux auxquels vous assisterez', ru: 'Выберите те, в которых вы примете участие' },
            choices: [
              { id: 'precursors', label: { fr: 'Précurseurs chimiques', ru: 'Химические прекурсоры' } },
              { id: 'darknet', label: { fr: 'Marchés du darknet', ru: 'Рынки даркнета' } },
            ],
          },
          { id: 'needsVisa', kind: 'yes_no', label: { fr: 'Avez-vous besoin d\'un visa ?', ru: 'Нужна ли вам виза?' }, required: true },
          {
            id: 'visaEmbassy',
            kind: 'short_text',
            label: { fr: 'Ambassade où vous déposerez la demande', ru: 'Посольство, в которое вы подадите заявление' },
            maxLength: 120,
            required: true,
            showIf: { field: 'needsVisa', anyOf: [true] },
          },
        ],
      },
      {
        id: 'security',
        title: { fr: 'Sécurité du lieu', ru: 'Безопасность на площадке' },
        fields: [
          { id: 'nationality', kind: 'country', label: { fr: 'Nationalité', ru: 'Гражданство' }, required: true, accreditation: true },
          { id: 'passportNumber', kind: 'short_text', label: { fr: 'Numéro de passeport', ru: 'Номер паспорта' }, maxLength: 20, required: true, accreditation: true },
          { id: 'badgePhoto', kind: 'photo', label: { fr: 'Photo pour le badge', ru: 'Фотография для бейджа' }, minWidth: 300, minHeight: 400, aspect: { width: 3, height: 4 }, accreditation: true },
        ],
      },
      { id: 'needs', fields: standard('dietaryRequirements', 'consents') },
    ],
  };
}

/** Answers to hofburgForm that pass. */
export function hofburgAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { sideEvents: ['darknet'], needsVisa: true, visaEmbassy: 'Embassy of Austria, Moscow', nationality: 'FR', passportNumber: '18AB12345', ...overrides };
}

/** A form of `count` short text questions after the standard fields: the bench's and the size tests'. */
export function formOfQuestions(count: number): FormDefinition {
  const base = hofburgForm();
  return {
    sections: [
      ...base.sections.filter((section) => section.id === 'about' || section.id === 'represent'),
      {
        id: 'many',
        title: { fr: 'Questions', ru: 'Вопросы' },
        fields: Array.from({ length: count }, (_, index) => ({ id: `question${index}`, kind: 'short_text' as const, label: { fr: `Question ${index}`, ru: `Вопрос ${index}` } })),
      },
      { id: 'needs', fields: standard('consents') },
    ],
  };
}

/** A registration for an event with hofburgForm: the standard fields it asks, and its answers. */
export function hofburgRegistration(overrides: Record<string, unknown> = {}, answers: Record<string, unknown> = {}): Record<string, unknown> {
  return validForm({ phone: undefined, arrivalDate: undefined, departureDate: undefined, language: 'fr', answers: hofburgAnswers(answers), ...overrides });
}

/** The standard form and questions of the event's own after it. */
export function standardFormWith(...questions: CustomField[]): FormDefinition {
  return { sections: [...standardForm.sections, { id: 'extra', title: { en: 'More', fr: 'Plus', de: 'Mehr', it: 'Altro', ru: 'Ещё', es: 'Más' }, fields: questions }] };
}

const everywhere = (text: string) => ({ en: text, fr: text, de: text, it: text, ru: text, es: text });

/** An optional accreditation question (kept apart) in all six languages. */
export function passportQuestion(id = 'passportNumber'): CustomField {
  return { id, kind: 'short_text', label: everywhere('Passport number'), maxLength: 20, accreditation: true };
}

/** An optional badge photo (kept apart) in all six languages. */
export function photoQuestion(id = 'photo'): CustomField {
  return { id, kind: 'photo', label: everywhere('Badge photo'), accreditation: true };
}

/** An optional yes/no question in all six languages. */
export function yesNoQuestion(id = 'sideEvent'): CustomField {
  return { id, kind: 'yes_no', label: everywhere('Side event?') };
}

const frRu = (fr: string, ru: string) => ({ fr, ru });

/** One question of every kind, in French and Russian, with a showIf: the page's accessibility check. */
export function everyKindForm(): FormDefinition {
  return {
    sections: [
      { id: 'about', fields: standard('firstName', 'lastName', 'email') },
      { id: 'represent', fields: standard('category', 'country', 'organization') },
      {
        id: 'everything',
        title: frRu('Toutes les questions', 'Все вопросы'),
        fields: [
          { id: 'nickname', kind: 'short_text', label: frRu('Nom sur le badge', 'Имя на бейдже'), required: true, maxLength: 30 },
          { id: 'biography', kind: 'long_text', label: frRu('Biographie', 'Биография'), hint: frRu('Quelques lignes', 'Несколько строк'), maxLength: 600 },
          {
            id: 'workshop',
            kind: 'single_choice',
            label: frRu('Atelier', 'Семинар'),
            required: true,
            choices: [
              { id: 'morning', label: frRu('Matin', 'Утро') },
              { id: 'afternoon', label: frRu('Après-midi', 'День') },
            ],
          },
          {
            id: 'topics',
            kind: 'multiple_choice',
            label: frRu('Thèmes', 'Темы'),
            maxCount: 2,
            choices: [
              { id: 'drugs', label: frRu('Drogues', 'Наркотики') },
              { id: 'crime', label: frRu('Criminalité', 'Преступность') },
              { id: 'terror', label: frRu('Terrorisme', 'Терроризм') },
            ],
          },
          { id: 'speaker', kind: 'yes_no', label: frRu('Intervenez-vous ?', 'Вы выступаете?'), required: true },
          { id: 'talkTitle', kind: 'short_text', label: frRu('Titre de l\'intervention', 'Тема выступления'), required: true, showIf: { field: 'speaker', anyOf: [true] } },
          { id: 'birthDate', kind: 'date', label: frRu('Date de naissance', 'Дата рождения'), accreditation: true, maxDate: '2010-01-01' },
          { id: 'residence', kind: 'country', label: frRu('Pays de résidence', 'Страна проживания') },
          { id: 'assistant', kind: 'email', label: frRu('Adresse de l\'assistant', 'Адрес помощника') },
          { id: 'mobile', kind: 'phone', label: frRu('Téléphone mobile', 'Мобильный телефон') },
          { id: 'guests', kind: 'number', label: frRu('Invités', 'Гости'), integer: true, min: 0, max: 3 },
          { id: 'letter', kind: 'file', label: frRu('Note verbale', 'Вербальная нота'), fileTypes: ['application/pdf'], accreditation: true },
          { id: 'portrait', kind: 'photo', label: frRu('Photo', 'Фотография'), accreditation: true },
        ],
      },
      { id: 'needs', fields: standard('consents') },
    ],
  };
}
