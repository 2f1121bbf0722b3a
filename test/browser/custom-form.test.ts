// The registration page of an event with a form of its own, in French and Russian: laid out from the
// definition, a question shown only for an answer, the same rules as the API, keyboard and axe clean.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../support/fixtures.ts';
import { everyKindForm, hofburgForm } from '../support/forms.ts';
import { png, script } from '../support/images.ts';
import { organizerCall, putEvent } from '../support/journeys.ts';
import { chromiumAvailable, expectNoAxeViolations, browserSession, screenshot, tabTo, whenLoaded } from './support/browser.ts';

describe.skipIf(!chromiumAvailable)('the registration page of an event with its own form', () => {
  const session = browserSession();

  async function open(path: string, locale?: string): Promise<Page> {
    const page = await session.open(path, locale);
    await whenLoaded(page);
    return page;
  }

  it('offers only the event\'s languages and lays the page out as its form says', async () => {
    // Prepare
    expect((await putEvent(session.api, 'hofburg-layout', { languages: ['fr', 'ru'], form: hofburgForm() })).status).toBe(201);

    // Act
    const page = await open('/register/hofburg-layout', 'de-AT');

    // Assess: German is not offered, so the page opens in the event's first language
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const offered = await page.$$eval('nav.languages li:not([hidden]) a', (links) => links.map((link) => link.getAttribute('data-language')));
    expect(offered).toEqual(['fr', 'ru']);
    const headings = await page.$$eval('#form-sections h2', (list) => list.map((heading) => heading.textContent));
    expect(headings).toEqual(['Vos coordonnées', 'Entité représentée', 'Programme', 'Sécurité du lieu', 'Besoins particuliers']);
    expect(await page.$('#phone')).toBeNull();
    expect(await page.textContent('[data-q-label="passportNumber"]')).toBe('Numéro de passeport');
    expect(await page.textContent('#q-passportNumber-kept')).toContain('30 jours');
  });

  it('takes a registration in Russian with the keyboard, asking the embassy only of those who need a visa', async () => {
    // Prepare
    await putEvent(session.api, 'hofburg-keyboard', { languages: ['fr', 'ru'], form: hofburgForm() });
    const email = uniqueEmail('hofburg');
    const page = await open('/register/hofburg-keyboard?lang=ru');
    await expectNoAxeViolations(page);
    expect(await page.isHidden('#q-visaEmbassy-group')).toBe(true);

    // Act
    await tabTo(page, '#firstName');
    await page.keyboard.type('Ivan');
    await tabTo(page, '#lastName');
    await page.keyboard.type('Petrov');
    await tabTo(page, '#email');
    await page.keyboard.type(email);
    // A radio group is one stop for Tab; the arrow keys choose within it.
    await tabTo(page, '#category-participating_state');
    for (let presses = 0; presses < 4; presses++) await page.keyboard.press('ArrowDown');
    await tabTo(page, '#organization');
    await page.keyboard.type('UNODC');
    await tabTo(page, '#q-sideEvents-darknet');
    await page.keyboard.press('Space');
    await tabTo(page, '#q-needsVisa-yes');
    await page.keyboard.press('Space');
    await tabTo(page, '#q-visaEmbassy');
    await page.keyboard.type('Посольство Австрии в Москве');
    await tabTo(page, '#q-nationality');
    // The driver types Cyrillic as inserted text, not as key presses a closed select's type-ahead reads.
    await page.selectOption('#q-nationality', 'RU');
    await tabTo(page, '#q-passportNumber');
    await page.keyboard.type('75 1234567');
    await tabTo(page, '#privacyNotice');
    await page.keyboard.press('Space');
    await expectNoAxeViolations(page);
    await screenshot(page, 'custom-01-russian');
    await tabTo(page, '#submit');
    const request = page.waitForRequest((candidate) => candidate.method() === 'POST');
    await page.keyboard.press('Enter');
    const sent = (await request).postDataJSON() as Record<string, unknown>;
    await page.waitForSelector('#done-title:focus');

    // Assess
    expect(await page.textContent('label[for="q-visaEmbassy"]')).toContain('Посольство');
    expect(sent.language).toBe('ru');
    expect(sent.answers).toEqual({ sideEvents: ['darknet'], needsVisa: true, visaEmbassy: 'Посольство Австрии в Москве', nationality: 'RU', passportNumber: '75 1234567' });
  });

  it('explains what is missing in French, every kind of question on the page, and stays axe clean', async () => {
    // Prepare
    await putEvent(session.api, 'every-kind', { languages: ['fr', 'ru'], form: everyKindForm() });
    const page = await open('/register/every-kind?lang=fr');
    await expectNoAxeViolations(page);

    // Act: answer yes to "speaker", which asks the talk's title, then send without the required answers
    await page.check('#q-speaker-yes');
    await page.check('#q-topics-drugs');
    await page.check('#q-topics-crime');
    await page.check('#q-topics-terror');
    await page.fill('#q-guests', '7');
    await page.click('#submit');
    await page.waitForSelector('#error-summary:not([hidden])');
    await screenshot(page, 'custom-02-errors');

    // Assess
    const summary = await page.$$eval('#error-list a', (links) => links.map((link) => link.textContent));
    expect(summary).toEqual(
      expect.arrayContaining([
        'Répondez à « Nom sur le badge »',
        'Répondez à « Atelier »',
        'Répondez à « Titre de l\'intervention »',
        'Choisissez-en au plus 2 pour « Thèmes »',
        'Donnez pour « Invités » une réponse dans les limites indiquées',
      ]),
    );
    expect(await page.getAttribute('#q-nickname', 'aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    // Act: the summary's link moves focus to the question
    await page.click('#error-list a[href="#q-workshop-morning"]');

    // Assess
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-workshop-morning');
  });

  it('uploads a badge photo straight to the bucket, refuses a script named as a photo, and the accreditation team sees the photo', async () => {
    // Prepare
    await putEvent(session.api, 'hofburg-photo', { languages: ['fr', 'ru'], form: hofburgForm() });
    const email = uniqueEmail('photo');
    const page = await open('/register/hofburg-photo?lang=fr');

    // Act: a shell script named photo.jpg, then a real 3:4 photo
    await page.setInputFiles('#q-badgePhoto', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: script() });
    await page.waitForFunction(() => /format/.test(document.getElementById('q-badgePhoto-status')?.textContent ?? ''));
    const refusal = await page.textContent('#q-badgePhoto-status');
    await page.setInputFiles('#q-badgePhoto', { name: 'badge.png', mimeType: 'image/png', buffer: png(300, 400) });
    await page.waitForFunction(() => /envoyé/.test(document.getElementById('q-badgePhoto-status')?.textContent ?? ''));
    await expectNoAxeViolations(page);
    await screenshot(page, 'custom-03-photo');
    await page.fill('#firstName', 'Ivan');
    await page.fill('#lastName', 'Petrov');
    await page.fill('#email', email);
    await page.check('#category-international_organization');
    await page.fill('#organization', 'UNODC');
    await page.check('#q-needsVisa-no');
    await page.selectOption('#q-nationality', 'RU');
    await page.fill('#q-passportNumber', '75 1234567');
    await page.check('#privacyNotice');
    const request = page.waitForRequest((candidate) => candidate.method() === 'POST' && candidate.url().endsWith('/registrations'));
    await page.click('#submit');
    const sent = (await request).postDataJSON() as { answers: Record<string, unknown> };
    await page.waitForSelector('#done-title:focus');

    // Assess: the refusal in French, the photo answered by its upload, and the team's link serves it
    expect(refusal).toBe('Le fichier doit être au format JPEG, PNG');
    expect(sent.answers.badgePhoto).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const list = await organizerCall(session.api, '/events/hofburg-photo/registrations', {}, ['organizers', 'accreditation']);
    const [item] = ((await list.json()) as { items: { registrationId: string; accreditation: Record<string, unknown> }[] }).items;
    expect(item!.accreditation).toMatchObject({ badgePhoto: sent.answers.badgePhoto, passportNumber: '75 1234567' });
    const link = await organizerCall(session.api, `/events/hofburg-photo/registrations/${item!.registrationId}/files/badgePhoto`, {}, ['organizers', 'accreditation']);
    const { url } = (await link.json()) as { url: string };
    const photo = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(photo.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
