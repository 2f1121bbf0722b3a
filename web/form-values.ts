// Reading the form into the JSON the API takes, field by field in the form's order and by each
// field's kind. Empty optional fields are left out: the API rejects "" for them.
import { standardFormFields } from '#shared/model/form-fields.ts';
import type { Language } from '#shared/model/languages.ts';
import type { Category } from '#shared/model/participants.ts';
import { needsCountry } from './countries.ts';

const input = (id: string) => document.getElementById(id) as HTMLInputElement;
const value = (id: string) => (input(id).value ?? '').trim();

/** Day, month and year fields as an ISO date; all empty means not given; anything else the schema judges. */
function dateValue(id: string): string {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => value(`${id}-${part}`));
  if (!day && !month && !year) return '';
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return 'invalid';
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

export function selectedCategory(form: HTMLFormElement): Category | undefined {
  return (form.querySelector<HTMLInputElement>('input[name="category"]:checked')?.value as Category | undefined) ?? undefined;
}

/** The standard fields the event's form asks (`asks`), read from the page; the questions are questions.ts's. */
export function collectForm(form: HTMLFormElement, language: Language, asks: (name: string) => boolean = () => true): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const category = selectedCategory(form);
  for (const { name, kind } of standardFormFields) {
    if (kind !== 'language' && kind !== 'honeypot' && !asks(name)) continue;
    const text =
      kind === 'date' ? dateValue(name)
      : kind === 'category' ? (category ?? '')
      : kind === 'country' ? (needsCountry(category) ? value(name) : '')
      : kind === 'language' ? language
      // The honeypot: people never see it, so it is sent only when something (a bot) filled it.
      : kind === 'honeypot' ? input(name).value
      : kind === 'consents' ? ''
      : value(name);
    if (kind === 'consents') {
      body.consents = { privacyNotice: input('privacyNotice').checked, participantList: input('participantList').checked, photography: input('photography').checked };
    } else if (text !== '') {
      body[name] = text;
    }
  }
  return body;
}
