// The country field: shown for participating States and Partners for Co-operation only, with the
// names the OSCE uses where they differ from the browser's.
import type { FormMessages } from '#shared/i18n/form-messages.ts';
import type { Language } from '#shared/model/languages.ts';
import { participatingStates, partnersForCooperation } from '#shared/model/osce.ts';
import type { Category } from '#shared/model/participants.ts';

export function countryName(code: string, language: Language, messages: FormMessages): string {
  if (language === 'en') {
    const known = [...participatingStates, ...partnersForCooperation].find((entry) => entry.code === code);
    if (known) return known.name;
  }
  return messages.countryNames[code] ?? new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
}

export function needsCountry(category: Category | undefined): category is 'participating_state' | 'partner_for_cooperation' {
  return category === 'participating_state' || category === 'partner_for_cooperation';
}
