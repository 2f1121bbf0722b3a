import { describe, expect, it } from 'vitest';
import { messagesFor } from '#shared/i18n/index.ts';
import { languages } from '#shared/model/languages.ts';
import { participantEmail, type ParticipantMail } from '#shared/mail/emails.ts';
import { registrationInputSchema } from '#shared/model/registration-schema.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { validForm } from '../support/fixtures.ts';
import { confirmPage, confirmedPage } from '#shared/pages/confirm-pages.ts';
import { problemPage } from '#shared/pages/problem-pages.ts';
import { detailsOf } from '#shared/model/registration.ts';

function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

const english = new Map(leaves(messagesFor('en')));

describe('Translations', () => {
  it.each(languages.filter((language) => language !== 'en'))('%s has every message, with the same placeholders', (language) => {
    const translated = new Map(leaves(messagesFor(language)));
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, text] of english) {
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(translated.get(path)!), `${language} ${path}`).toEqual(placeholders(text));
      expect(translated.get(path)!.trim().length, `${language} ${path}`).toBeGreaterThan(0);
      if (text.length > 12 && path !== 'signature') expect(translated.get(path), `${language} ${path}`).not.toBe(text);
    }
  });
});

describe('E-mails and pages', () => {
  const hostile = detailsOf(
    registrationInputSchema.parse(validForm({ firstName: '<img src=x onerror=alert(1)>', lastName: '"&\'', language: 'it' })),
  );

  const mails: ParticipantMail[] = [
    { kind: 'confirmation_request', confirmUrl: 'https://x.example/confirm?token=a&b', lifetimeHours: 72 },
    { kind: 'already_registered', reference: 'DRUGS17-AAAA-BBBB' },
    { kind: 'confirmed', reference: 'DRUGS17-AAAA-BBBB' },
    { kind: 'waitlisted', position: 4 },
    { kind: 'awaiting_approval' },
    { kind: 'approved', reference: 'DRUGS17-AAAA-BBBB' },
    { kind: 'rejected', reason: '<b>Quota</b> reached' },
    { kind: 'promoted', reference: 'DRUGS17-AAAA-BBBB' },
    { kind: 'withdrawn' },
  ];

  it.each(mails.map((mail) => [mail.kind, mail] as const))('the %s e-mail escapes every user value in its HTML and keeps it in its text', (_label, mail) => {
    const email = participantEmail({ details: hostile }, seedEvent, mail, 'https://x.example/manage?token=m&n');
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('&quot;&amp;&#39;');
    expect(email.text).toContain('<img src=x onerror=alert(1)>');
    expect(email.html).toContain('lang="it"');
    expect(email.html).toContain('href="https://x.example/manage?token=m&amp;n"');
    expect(email.text).toContain('https://x.example/manage?token=m&n');
    expect(email.html).not.toContain('<b>Quota');
    expect(email.tags).toEqual({ eventId: 'osce-drugs-2017', mail: mail.kind });
  });

  it('escapes the token, the event title and the details on the pages', () => {
    const page = confirmPage('en', '"><script>x</script>', '<b>Title</b>', { firstName: '<img src=x>', lastName: 'B', email: 'a@b.org', organization: '<u>Org</u>', country: 'AT' });
    expect(page).not.toContain('<script>x');
    expect(page).not.toContain('<b>Title');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<u>Org');
    expect(page).toContain('Austria');
    expect(confirmedPage('fr', '<i>ref</i>')).not.toContain('<i>ref');
    expect(problemPage('ru', 'expired', 72, 'javascript:"x"')).toContain('href="javascript:&quot;x&quot;"');
  });
});
