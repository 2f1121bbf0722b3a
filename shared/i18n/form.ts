// The registration page's words (web/) in every language. Bundled into the page script, which takes
// only these from the language files, so the e-mails' words stay out of it.
import type { Language } from '../model/languages.ts';
import { formDe } from './de.ts';
import { formEn } from './en.ts';
import { formEs } from './es.ts';
import { formFr } from './fr.ts';
import { formIt } from './it.ts';
import { formRu } from './ru.ts';
import type { FormMessages } from './form-messages.ts';

export const formCatalogue: Record<Language, FormMessages> = {
  en: formEn,
  fr: formFr,
  de: formDe,
  it: formIt,
  ru: formRu,
  es: formEs,
};

export function formMessagesFor(language: Language): FormMessages {
  return formCatalogue[language];
}
