// The console's form editor in Chromium against the local stack: an organizer adds a question in
// English and French with a question shown only for one of its answers, is stopped by the API at the
// missing French text, fixes it and saves, and the public registration page asks the new questions;
// a live preview, moving with the keyboard, the warning before removing an answered question, the read-only view of a
// viewer, and the event's settings page keeping the form; axe on the editor.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ConferenceEvent } from '#shared/model/event-schema.ts';
import { standardForm } from '#shared/model/form-definition.ts';
import { putEvent, registerAndConfirm } from '../support/journeys.ts';
import { chromiumAvailable, browserSession, expectNoAxeViolations, screenshot, whenLoaded } from './support/browser.ts';
import { go, openConsole, whenShown } from './support/console.ts';

describe.skipIf(!chromiumAvailable)('the console’s form editor', () => {
  const session = browserSession();
  let events = 0;

  async function bilingualEvent(settings: Partial<ConferenceEvent> = {}): Promise<string> {
    const eventId = `form-editor-${++events}-${Date.now().toString(36)}`;
    expect((await putEvent(session.api, eventId, { title: `Expert meeting ${events}`, languages: ['en', 'fr'], ...settings })).status).toBe(201);
    return eventId;
  }

  async function storedForm(eventId: string) {
    const response = await session.api.request(`/events/${eventId}`);
    return ((await response.json()) as { form: { sections: { id: string; fields: { id?: string; name?: string }[] }[] } }).form;
  }

  const summaryLinks = (page: Page) => page.locator('.error-summary a').allTextContents();

  it('adds a choice question and a question shown for one of its answers, refused until the French text is given, then asked on the registration page', async () => {
    // Prepare
    const eventId = await bilingualEvent();
    const page = await openConsole(session, `#/events/${eventId}/form`);
    await page.locator('main h1', { hasText: 'Registration form of Expert meeting' }).waitFor();
    await expectNoAxeViolations(page);

    // Act: a single-choice question at the end of Travel, with two choices, the second without French
    await page.getByRole('button', { name: 'Add a question to Section 3: Travel' }).click();
    const visit = '#form-sections-2-fields-2';
    await page.waitForFunction(() => document.activeElement?.id === 'form-sections-2-fields-2-label-en', undefined, { timeout: 10_000 });
    await page.selectOption(`${visit}-kind`, 'single_choice');
    await page.fill(`${visit}-id`, 'siteVisit');
    await page.fill(`${visit}-label-en`, 'Will you join the site visit?');
    await page.fill(`${visit}-label-fr`, 'Participerez-vous à la visite ?');
    await page.fill(`${visit}-choices-0-label-en`, 'Yes, by bus');
    await page.fill(`${visit}-choices-0-label-fr`, 'Oui, en bus');
    await page.getByRole('button', { name: 'Add a choice' }).click();
    await page.fill(`${visit}-choices-1-label-en`, 'No');
    await page.check(`${visit}-required-everyone`);
    // and a question asked only of those who come by bus
    await page.getByRole('button', { name: 'Add a question to Section 3: Travel' }).click();
    const stop = '#form-sections-2-fields-3';
    await page.fill(`${stop}-id`, 'busStop');
    await page.fill(`${stop}-label-en`, 'Where should the bus pick you up?');
    await page.fill(`${stop}-label-fr`, 'Où le bus doit-il vous prendre ?');
    await page.selectOption(`${stop}-showIf-field`, 'siteVisit');
    await page.check(`${stop}-showIf-anyOf`);

    // Assess: the missing French text is marked before saving
    expect(await page.locator(`label[for="form-sections-2-fields-2-choices-1-label-fr"]`).textContent()).toBe('Choice 2 (French) Missing');
    expect(await page.locator(`label[for="form-sections-2-fields-2-choices-1-label-en"]`).textContent()).toBe('Choice 2 (English)');
    expect(await page.textContent('#missing-texts')).toContain('Texts missing: 1.');
    expect(await page.locator(`label[for="${stop.slice(1)}-showIf-anyOf"]`).textContent()).toBe('Yes, by bus');

    // Act: the preview, in French, before saving
    await page.click('summary:text("Preview the questions as participants see them")');
    await page.selectOption('#preview-language', 'fr');
    await page.locator('.preview-page [data-q-label="siteVisit"]', { hasText: 'Participerez-vous à la visite ?' }).waitFor();
    const hiddenAtFirst = await page.isHidden('#q-busStop-group');
    await page.check('#q-siteVisit-choice1');

    // Assess: the bus stop is asked once "by bus" is chosen
    expect(hiddenAtFirst).toBe(true);
    expect(await page.isVisible('#q-busStop-group')).toBe(true);
    expect(await page.textContent('.preview-page label[for="q-busStop"]')).toContain('Où le bus doit-il vous prendre ?');
    await expectNoAxeViolations(page);

    // Act: save with the French text missing
    await page.getByRole('button', { name: 'Save the form' }).click();
    await page.locator('.error-summary').waitFor();

    // Assess: refused, at the field and in the summary, which has the focus; nothing saved
    expect(await summaryLinks(page)).toEqual([expect.stringMatching(/^Section 3: Travel › Question 3: Will you join the site visit\? › Choice 2 \(French\): Enter the French text: registration is open/)]);
    expect(await page.getAttribute(`${visit}-choices-1-label-fr`, 'aria-invalid')).toBe('true');
    expect(await page.textContent(`${visit}-choices-1-label-fr-error`)).toContain('Enter the French text');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page);
    await screenshot(page, 'form-editor-01-missing-french');
    expect(JSON.stringify(await storedForm(eventId))).not.toContain('siteVisit');

    // Act: the summary's link leads to the field; fix it and save
    await page.click('.error-summary a');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('form-sections-2-fields-2-choices-1-label-fr');
    await page.keyboard.type('Non');
    await page.getByRole('button', { name: 'Save the form' }).click();
    await page.locator('[role="status"]', { hasText: 'The form has been saved.' }).waitFor();

    // Assess
    expect(await page.locator('.error-summary').count()).toBe(0);
    expect(await page.textContent('#missing-texts')).toBe('Every text is given in each of the event’s languages.');
    const travel = (await storedForm(eventId)).sections.find((section) => section.id === 'travel')!;
    expect(travel.fields.map((field) => field.id ?? field.name)).toEqual(['arrivalDate', 'departureDate', 'siteVisit', 'busStop']);

    // Act: the public registration page in French
    const register = await session.open(`/register/${eventId}?lang=fr`);
    await whenLoaded(register);

    // Assess: the question is asked; the bus stop only once "by bus" is chosen
    expect(await register.textContent('[data-q-label="siteVisit"]')).toBe('Participerez-vous à la visite ?');
    expect(await register.textContent('[data-q-choice="siteVisit.choice2"]')).toBe('Non');
    expect(await register.isHidden('#q-busStop-group')).toBe(true);
    await register.check('#q-siteVisit-choice1');
    expect(await register.isVisible('#q-busStop-group')).toBe(true);
    expect(await register.textContent('label[for="q-busStop"]')).toContain('Où le bus doit-il vous prendre ?');
    await register.check('#q-siteVisit-choice2');
    expect(await register.isHidden('#q-busStop-group')).toBe(true);
  });

  it('moves a question with the keyboard, the focus staying on it, and across into the next section', async () => {
    // Prepare
    const eventId = await bilingualEvent();
    const page = await openConsole(session, `#/events/${eventId}/form`);
    await page.locator('#form-sections-0').waitFor();
    const down = page.getByRole('button', { name: 'Move down: Standard field: Telephone number' });

    // Act: Telephone number is the last of "About you"; down moves it to the top of "Whom you represent"
    await down.focus();
    await page.keyboard.press('Enter');

    // Assess
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move down: Standard field: Telephone number', undefined, { timeout: 10_000 });
    expect(await page.locator('#form-sections-0 .editor-field > legend').allTextContents()).not.toContain('Standard field: Telephone number');
    expect(await page.textContent('#form-sections-1-fields-0 > legend')).toBe('Standard field: Telephone number');

    // Act: back up with the keyboard, then save
    await page.getByRole('button', { name: 'Move up: Standard field: Telephone number' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Save the form' }).click();
    await page.locator('[role="status"]', { hasText: 'The form has been saved.' }).waitFor();

    // Assess: one place up past where it was
    const about = (await storedForm(eventId)).sections[0]!;
    expect(about.fields.map((field) => field.name)).toEqual(['title', 'firstName', 'lastName', 'phone', 'email']);
  });

  it('warns before removing a question registrations have answered, and keeps their answers', async () => {
    // Prepare
    const badgeName = { kind: 'short_text' as const, id: 'badgeName', label: { en: 'Name on the badge', fr: 'Nom sur le badge' } };
    const form = { sections: standardForm.sections.map((section) => (section.id === 'needs' ? { ...section, fields: [badgeName, ...section.fields] } : section)) };
    const eventId = await bilingualEvent({ form });
    await registerAndConfirm(session.api, eventId, { answers: { badgeName: 'Ana' } });
    const page = await openConsole(session, `#/events/${eventId}/form`);
    await page.locator('#form-sections-3').waitFor();

    // Act
    await page.getByRole('button', { name: 'Remove Question 1: Name on the badge' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();

    // Assess
    expect(await dialog.locator('h2').textContent()).toBe('Remove “Question 1: Name on the badge”?');
    expect(await dialog.textContent()).toContain('Their answers stay on each registration and remain readable');
    await expectNoAxeViolations(page);

    // Act: cancel keeps it; confirm removes it
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('#form-sections-3-fields-0 > legend').textContent()).toBe('Question 1: Name on the badge');
    await page.getByRole('button', { name: 'Remove Question 1: Name on the badge' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Remove the question' }).click();
    expect(await page.textContent('#removed-questions')).toContain('“Name on the badge”');
    await page.getByRole('button', { name: 'Save the form' }).click();
    await page.locator('[role="status"]', { hasText: 'The form has been saved.' }).waitFor();

    // Assess: gone from the form, the answer still on the registration
    expect(JSON.stringify(await storedForm(eventId))).not.toContain('badgeName');
    const list = await session.api.request(`/events/${eventId}/registrations`, { headers: { authorization: `Bearer ${await session.api.organizerToken()}` } });
    expect(((await list.json()) as { items: { answers?: Record<string, unknown> }[] }).items[0]!.answers).toEqual({ badgeName: 'Ana' });
  });

  it('adds a language to an open event with its texts in the same save, which the event’s page sends to the form editor for', async () => {
    // Prepare
    const badgeName = { kind: 'short_text' as const, id: 'badgeName', label: { en: 'Name on the badge', fr: 'Nom sur le badge' } };
    const eventId = await bilingualEvent({ form: { sections: standardForm.sections.map((section) => (section.id === 'needs' ? { ...section, fields: [badgeName, ...section.fields] } : section)) } });
    const settingsPage = await openConsole(session, `#/events/${eventId}/edit`);
    await settingsPage.locator('#title').waitFor();

    // Act: German on the event's page
    await settingsPage.check('#languages-de');
    await settingsPage.getByRole('button', { name: 'Save the event' }).click();
    await settingsPage.locator('.error-summary').waitFor();
    await settingsPage.click('.error-summary a');

    // Assess: refused, one entry that leads to the form editor
    expect(await summaryLinks(settingsPage)).toEqual([expect.stringMatching(/^Registration form: Registration is open, so every text .* \(missing: 1\)\. Add the language in the form editor/)]);
    expect(await settingsPage.evaluate(() => document.activeElement?.id)).toBe('form-link');

    // Act: German in the form editor, where its text is marked missing, then given
    await go(settingsPage, `#/events/${eventId}/form`);
    const page = settingsPage;
    await page.check('#languages-de');
    const label = page.locator('label[for="form-sections-3-fields-0-label-de"]');
    const marked = await label.textContent();
    await page.fill('#form-sections-3-fields-0-label-de', 'Name auf dem Ausweis');
    await page.getByRole('button', { name: 'Save the form' }).click();
    await page.locator('[role="status"]', { hasText: 'The form has been saved.' }).waitFor();

    // Assess
    expect(marked).toBe('Question (German) Missing');
    const event = (await (await session.api.request(`/events/${eventId}`)).json()) as { languages: string[] };
    expect(event.languages).toEqual(['en', 'fr', 'de']);
    expect(JSON.stringify(await storedForm(eventId))).toContain('Name auf dem Ausweis');
  });

  it('shows a viewer the form without anything to change', async () => {
    // Prepare
    const eventId = await bilingualEvent();

    // Act
    const page = await openConsole(session, `#/events/${eventId}/form`, { groups: ['viewers'] });
    await page.locator('#form-sections-0').waitFor();

    // Assess
    expect(await page.textContent('main')).toContain('You can read this form; only organizers change it.');
    expect(await page.getByRole('button', { name: 'Save the form' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Add a question/ }).count()).toBe(0);
    expect(await page.isDisabled('#form-sections-0-fields-0-required')).toBe(true);
    await expectNoAxeViolations(page);
  });

  it('shows the event’s languages on the event page, and keeps them and the form when the settings are saved there', async () => {
    // Prepare
    const eventId = await bilingualEvent();
    const page = await openConsole(session, `#/events/${eventId}/form`);
    await page.getByRole('button', { name: 'Add a question to Section 4: Requirements' }).click();
    await page.fill('#form-sections-3-fields-3-id', 'badgeName');
    await page.fill('#form-sections-3-fields-3-label-en', 'Name on the badge');
    await page.fill('#form-sections-3-fields-3-label-fr', 'Nom sur le badge');
    await page.getByRole('button', { name: 'Save the form' }).click();
    await page.locator('[role="status"]', { hasText: 'The form has been saved.' }).waitFor();

    // Act: the event's page, a new title
    await go(page, `#/events/${eventId}/edit`);
    await whenShown(page, /^Edit /);
    const offered = await Promise.all(['#languages', '#languages-fr', '#languages-de'].map((box) => page.isChecked(box)));
    await page.fill('#title', 'Expert meeting, renamed');
    await page.getByRole('button', { name: 'Save the event' }).click();
    await page.locator('[role="status"]', { hasText: 'The event has been saved.' }).waitFor();

    // Assess
    const event = (await (await session.api.request(`/events/${eventId}`)).json()) as { title: string; languages: string[] };
    expect(event.title).toBe('Expert meeting, renamed');
    expect(offered).toEqual([true, true, false]);
    expect(event.languages).toEqual(['en', 'fr']);
    expect(JSON.stringify(await storedForm(eventId))).toContain('badgeName');
  });
});
