import type { Language } from '../model/languages.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import type { Messages } from './messages.ts';
import { ru } from './ru.ts';

export { fill, type Messages } from './messages.ts';

const catalogue: Record<Language, Messages> = { en, fr, de, it, ru, es };

export function messagesFor(language: Language): Messages {
  return catalogue[language];
}
