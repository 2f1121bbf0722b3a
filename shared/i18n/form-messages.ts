// The shape of the registration page's words in one language (web/): labels, hints, validation
// messages keyed by field and Zod issue code, and the outcome texts. Placeholders in braces ({email})
// are filled with `fill` from ./messages.ts.
import type { FormFieldName } from '../model/form-fields.ts';
import type { Category } from '../model/participants.ts';

export type TitleOption = 'Mr' | 'Ms' | 'Mx' | 'Dr' | 'Prof' | 'H.E.';

/** Messages for one field, by kind of problem: `required` covers Zod's invalid_type and too_small. */
export interface FieldErrors {
  required?: string;
  invalid_format?: string;
  invalid_value?: string;
  custom?: string;
}

export interface FormMessages {
  /** The language's own name, for the language switch. */
  languageName: string;
  page: {
    skipLink: string;
    languageNav: string;
    heading: string; // h1
    intro: string;
    loading: string;
    noscript: string;
    event: string;
    dates: string;
    venue: string;
    organizer: string;
    optional: string; // "(optional)"
    submit: string;
    sending: string;
    day: string;
    month: string;
    year: string;
  };
  sections: {
    about: string;
    represent: string;
    travel: string;
    needs: string;
  };
  fields: {
    title: { label: string; none: string; options: Record<TitleOption, string> };
    firstName: { label: string; hint: string };
    lastName: { label: string; hint: string };
    email: { label: string; hint: string };
    phone: { label: string; hint: string };
    category: { legend: string; options: Record<Category, string> };
    country: { stateLabel: string; partnerLabel: string; stateChoose: string; partnerChoose: string };
    organization: { label: string; hint: string };
    position: { label: string; hint: string };
    arrivalDate: { legend: string; hint: string }; // {example}
    departureDate: { legend: string; hint: string }; // {example}
    dietaryRequirements: { label: string; hint: string };
    accessibilityNeeds: { label: string; hint: string };
    consents: {
      legend: string;
      privacyText: string;
      privacyNotice: string;
      participantList: string;
      photography: string;
    };
    website: { label: string };
  };
  errors: {
    summaryTitle: string;
    /** Read out before each field error, visually hidden ("Error:"). */
    prefix: string;
    /** Put before the document title while errors are shown ("Error: "). */
    titlePrefix: string;
    tooLong: string; // {field} {max}
    singleLine: string; // {field}
    invalid: string; // {field}
    unknownField: string;
    fields: {
      title: FieldErrors;
      firstName: FieldErrors;
      lastName: FieldErrors;
      email: FieldErrors;
      phone: FieldErrors;
      category: FieldErrors;
      /** custom: for participating States; customPartner: for Partners for Co-operation. */
      country: FieldErrors & { customPartner: string };
      organization: FieldErrors;
      position: FieldErrors;
      arrivalDate: FieldErrors;
      departureDate: FieldErrors;
      'consents.privacyNotice': FieldErrors;
    };
  };
  /** The words around the event's own questions (their labels, hints and choices are the event's). */
  questions: {
    yes: string;
    no: string;
    chooseCountry: string;
    /** Under a question whose answers are kept apart for the accreditation ({days} after the event). */
    accreditation: string;
    required: string; // {field}
    tooShort: string; // {field} {min}
    tooFew: string; // {field} {min}
    tooMany: string; // {field} {max}
    outOfRange: string; // {field}
    upload: {
      uploading: string; // {name}
      uploaded: string; // {name}
      failed: string;
      tooLarge: string; // {max}: "5 MB"
      wrongType: string; // {types}: "JPEG, PNG"
      photoTooSmall: string; // {width} {height}
      photoAspect: string; // {width} {height}
    };
  };
  outcome: {
    checkEmailTitle: string;
    checkEmailSent: string; // {email}
    checkEmailAction: string;
    checkEmailNotComplete: string;
    checkEmailMissing: string;
    registerAnother: string;
    closedTitle: string;
    closedBody: string;
    notFoundTitle: string;
    notFoundBody: string;
    tooManyTitle: string;
    tooManyBody: string; // {submit}
    unavailableTitle: string;
    unavailableBody: string;
    networkTitle: string;
    networkBody: string; // {submit}
    unexpectedTitle: string;
    unexpectedBody: string;
    eventLoadTitle: string;
    eventLoadBody: string;
  };
  /**
   * Country names where the OSCE's official name differs from the browser's (CLDR) short name, e.g.
   * "Holy See" rather than "Vatican City". Other names come from Intl.DisplayNames.
   */
  countryNames: Partial<Record<string, string>>;
}

// Every field of the form has its words, and no words name a field the form does not have. The
// language is the one field without: the page's language switch sets it.
type SameKeys<A, B> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? true : never;
const everyFieldHasWords: SameKeys<FormMessages['fields'], Exclude<FormFieldName, 'language'>> = true;
void everyFieldHasWords;
