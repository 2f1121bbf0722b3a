// The form's texts in the six languages: complete, filled, and translated rather than copied.
import { describe, expect, it } from 'vitest';
import { formCatalogue } from '#shared/i18n/form.ts';
import { languages } from '#shared/model/languages.ts';
import { categories, titles } from '#shared/model/participants.ts';

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

const english = new Map(leaves({ ...formCatalogue.en, countryNames: {} }));

describe('the form’s messages', () => {
  it.each(languages.filter((language) => language !== 'en'))('%s has every English key, each filled and translated', (language) => {
    // Act
    const entries = new Map(leaves({ ...formCatalogue[language], countryNames: {} }));

    // Assess
    expect([...entries.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, value] of entries) expect(value.trim(), key).not.toBe('');
    const copied = [...entries].filter(([key, value]) => value === english.get(key) && !/(\.options\.(Mx|Prof|Dr)|^page\.(optional|dates))$/.test(key));
    expect(copied.length, copied.map(([key]) => key).join(', ')).toBeLessThanOrEqual(3);
    for (const [key, value] of entries) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(placeholders(value), key).toEqual(placeholders(english.get(key)!));
    }
  });

  it('names every category and title the schema allows', () => {
    for (const language of languages) {
      expect(Object.keys(formCatalogue[language].fields.category.options).sort()).toEqual([...categories].sort());
      expect(Object.keys(formCatalogue[language].fields.title.options).sort()).toEqual([...titles].sort());
    }
  });
});
