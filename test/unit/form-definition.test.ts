import { describe, expect, it } from 'vitest';
import { ApiError, toApiIssues } from '#shared/model/errors.ts';
import { compiledForm, compileForm, parseRegistrationForm } from '#shared/model/form-compile.ts';
import { formDefinitionSchema } from '#shared/model/form-definition-schema.ts';
import { missingTranslations, standardForm, type FormDefinition } from '#shared/model/form-definition.ts';
import { registrationInputSchema } from '#shared/model/registration-schema.ts';
import { seedEvent } from '#shared/model/seed-event.ts';
import { validForm } from '../support/fixtures.ts';
import { hofburgAnswers, hofburgForm, hofburgRegistration } from '../support/forms.ts';

const issuesOf = (form: unknown) => {
  const result = formDefinitionSchema.safeParse(form);
  return result.success ? [] : toApiIssues(result.error, ['form']).map(({ path, message }) => ({ path, message }));
};

/** The Hofburg form with one field changed by `change`. */
function changed(change: (form: FormDefinition) => void): FormDefinition {
  const form = hofburgForm();
  change(form);
  return form;
}

const event = { ...seedEvent, id: 'hofburg', form: hofburgForm(), languages: ['fr', 'ru'] as ('fr' | 'ru')[] };

function refusal(input: unknown, on = event): { path: string; code: string }[] {
  try {
    parseRegistrationForm(on, input);
  } catch (error) {
    if (error instanceof ApiError) return (error.issues ?? []).map(({ path, code }) => ({ path, code }));
    throw error;
  }
  return [];
}

describe('Form definitions', () => {
  it('accept the standard form and the Hofburg form', () => {
    // Act / Assess
    expect(issuesOf(standardForm)).toEqual([]);
    expect(issuesOf(hofburgForm())).toEqual([]);
  });

  it.each([
    ['an unknown kind', (form: FormDefinition) => ((form.sections[2]!.fields[0] as { kind: string }).kind = 'signature'), 'form.sections.2.fields.0.kind', /Unknown kind/],
    ['a condition on a later field', (form: FormDefinition) => (form.sections[2]!.fields[1] = { ...(form.sections[2]!.fields[1] as object), showIf: { field: 'visaEmbassy', anyOf: [true] } } as never), 'form.sections.2.fields.1.showIf.field', /not an earlier field/],
    ['a condition on a missing field', (form: FormDefinition) => ((form.sections[2]!.fields[2] as { showIf: object }).showIf = { field: 'nowhere', anyOf: [true] }), 'form.sections.2.fields.2.showIf.field', /not an earlier field/],
    ['a condition on a value the field cannot have', (form: FormDefinition) => ((form.sections[2]!.fields[2] as { showIf: object }).showIf = { field: 'sideEvents', anyOf: ['golf'] }), 'form.sections.2.fields.2.showIf.anyOf.0', /Not an answer/],
    ['a condition on free text', (form: FormDefinition) => ((form.sections[3]!.fields[1] as { showIf: object }).showIf = { field: 'visaEmbassy', anyOf: ['x'] }), 'form.sections.3.fields.1.showIf.field', /yes\/no, choice or country/],
    ['a choice without texts', (form: FormDefinition) => ((form.sections[2]!.fields[0] as { choices: unknown[] }).choices = []), 'form.sections.2.fields.0.choices', /At least one choice/],
    ['a field id twice', (form: FormDefinition) => ((form.sections[3]!.fields[0] as { id: string }).id = 'needsVisa'), 'form.sections.3.fields.0.id', /twice/],
    ['a standard field\'s name as a question', (form: FormDefinition) => ((form.sections[3]!.fields[0] as { id: string }).id = 'phone'), 'form.sections.3.fields.0.id', /standard form/],
    ['a mandatory standard field left out', (form: FormDefinition) => (form.sections[0]!.fields = form.sections[0]!.fields.filter((field) => !('name' in field) || field.name !== 'email')), 'form.sections', /standard field email/],
    ['limits the wrong way round', (form: FormDefinition) => Object.assign(form.sections[2]!.fields[2]!, { minLength: 50, maxLength: 10 }), 'form.sections.2.fields.2.maxLength', /lower limit/],
  ])('refuse %s, naming the place', (_what, change, path, message) => {
    // Act
    const issues = issuesOf(changed(change));

    // Assess
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('find every text missing in one of the event\'s languages', () => {
    // Prepare
    const form = changed((definition) => delete (definition.sections[3]!.fields[1] as { label: Record<string, string> }).label.ru);

    // Act / Assess
    expect(missingTranslations(form, ['fr', 'ru'])).toEqual(['form.sections.3.fields.1.label.ru']);
    expect(missingTranslations(hofburgForm(), ['fr', 'ru', 'en'])).toHaveLength(11);
    expect(missingTranslations(standardForm, ['en', 'fr', 'de', 'it', 'ru', 'es'])).toEqual([]);
  });
});

describe('A compiled form', () => {
  it('takes the standard form exactly as the standard schema does', () => {
    // Prepare
    const form = validForm();

    // Act / Assess
    expect(compileForm(seedEvent).schema.parse(form)).toEqual(registrationInputSchema.parse(form));
  });

  it('takes answers that follow the event\'s rules', () => {
    // Act
    const parsed = parseRegistrationForm(event, hofburgRegistration());

    // Assess
    expect(parsed.answers).toEqual(hofburgAnswers());
  });

  it('refuses, by path, a missing required answer, a hidden one given, an unknown one and a wrong type', () => {
    // Act / Assess
    expect(refusal(hofburgRegistration({}, { passportNumber: undefined }))).toEqual([{ path: 'answers.passportNumber', code: 'invalid_type' }]);
    expect(refusal(hofburgRegistration({}, { needsVisa: false }))).toEqual([{ path: 'answers.visaEmbassy', code: 'not_asked' }]);
    expect(refusal(hofburgRegistration({}, { needsVisa: false, visaEmbassy: undefined, shoeSize: 42 }))).toEqual([{ path: 'answers.shoeSize', code: 'unrecognized_key' }]);
    expect(refusal(hofburgRegistration({}, { sideEvents: ['golf'] }))).toEqual([{ path: 'answers.sideEvents.0', code: 'invalid_value' }]);
    expect(refusal(hofburgRegistration({}, { nationality: 'XX' }))).toEqual([{ path: 'answers.nationality', code: 'custom' }]);
  });

  it('refuses a standard field the event does not ask for, and asks one it requires', () => {
    // Prepare
    const required = { ...event, form: changed((form) => form.sections[0]!.fields.push({ kind: 'standard', name: 'phone', required: ['participating_state'] })) };

    // Act / Assess
    expect(refusal(hofburgRegistration({ phone: '+43 1 514 36 0' }))).toEqual([{ path: 'phone', code: 'not_asked' }]);
    expect(refusal(hofburgRegistration(), required)).toEqual([{ path: 'phone', code: 'invalid_type' }]);
    expect(refusal(hofburgRegistration({ category: 'civil_society', country: undefined }), required)).toEqual([]);
  });

  it('is compiled once per version of the form', () => {
    // Act
    const first = compiledForm(event);
    const again = compiledForm({ ...event });
    const changedForm = compiledForm({ ...event, form: changed((form) => form.sections.pop()) });

    // Assess
    expect(again).toBe(first);
    expect(changedForm).not.toBe(first);
  });
});
