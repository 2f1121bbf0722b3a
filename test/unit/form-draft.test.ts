// The form editor's draft (web/console/form-draft.ts) without a browser: a definition to a draft and
// back unchanged, limits typed as text, moves within and across sections, kinds changed keeping what
// fits, conditions only on earlier fields, missing texts by the API's paths, places named in words.
import { describe, expect, it } from 'vitest';
import { formDefinitionSchema } from '#shared/model/form-definition-schema.ts';
import { fieldId, standardForm, type FormDefinition } from '#shared/model/form-definition.ts';
import {
  addChoice,
  addQuestion,
  addSection,
  addStandardField,
  canRemoveSection,
  conditionTargets,
  definitionOf,
  draftOf,
  missingTexts,
  moveField,
  moveSection,
  placeName,
  removeField,
  removeSection,
  removedQuestions,
  unplacedStandardFields,
  updateField,
  withCondition,
  withKind,
  withRequirement,
  type Draft,
} from '../../web/console/form-draft.ts';

const venueForm: FormDefinition = {
  sections: [
    ...standardForm.sections,
    {
      id: 'venue',
      title: { en: 'Venue security', fr: 'Sécurité du lieu' },
      fields: [
        { kind: 'yes_no', id: 'needsVisa', label: { en: 'Do you need a visa?', fr: 'Avez-vous besoin d’un visa ?' }, required: true },
        { kind: 'short_text', id: 'visaEmbassy', label: { en: 'Embassy', fr: 'Ambassade' }, showIf: { field: 'needsVisa', anyOf: [true] }, maxLength: 120 },
        { kind: 'photo', id: 'badgePhoto', label: { en: 'Photo', fr: 'Photo' }, accreditation: true, maxBytes: 2 * 1024 * 1024, minWidth: 300 },
        { kind: 'multiple_choice', id: 'topics', label: { en: 'Topics', fr: 'Thèmes' }, choices: [{ id: 'drugs', label: { en: 'Drugs', fr: 'Drogues' } }], maxCount: 1 },
      ],
    },
  ],
};

const ids = (draft: Draft) => draft.sections.map((section) => section.fields.map((entry) => fieldId(entry.field)));

describe('the form editor’s draft', () => {
  it('gives back the very definition it was made from, which the API accepts', () => {
    // Act
    const { form, issues } = definitionOf(draftOf(venueForm));

    // Assess
    expect(issues).toEqual([]);
    expect(form).toEqual(venueForm);
    expect(formDefinitionSchema.safeParse(form).success).toBe(true);
  });

  it('shows sizes in megabytes and reads typed limits back as numbers, naming a limit it cannot read by the API’s path', () => {
    // Prepare
    const draft = draftOf(venueForm);
    const photo = draft.sections[4]!.fields[2]!;

    // Act
    const typed = updateField(draft, 4, 2, (entry) => ({ ...entry, limits: { ...entry.limits, maxMegabytes: '1,5', minHeight: 'tall' } }));
    const { form, issues } = definitionOf(typed);

    // Assess
    expect(photo.limits).toEqual({ maxMegabytes: '2', minWidth: '300' });
    expect(form.sections[4]!.fields[2]).toMatchObject({ maxBytes: 1.5 * 1024 * 1024, minWidth: 300 });
    expect(issues).toEqual([{ path: 'form.sections.4.fields.2.minHeight', message: 'Enter a whole number' }]);
  });

  it('moves a field within its section, and past its edge into the neighbouring section', () => {
    // Prepare
    const draft = draftOf(standardForm);

    // Act
    const down = moveField(draft, 0, 0, 1);
    const across = moveField(draft, 0, 4, 1);
    const back = moveField(across, 1, 0, -1);
    const stuck = moveField(draft, 0, 0, -1);

    // Assess
    expect(ids(down)[0]).toEqual(['firstName', 'title', 'lastName', 'email', 'phone']);
    expect(ids(across)[0]).toEqual(['title', 'firstName', 'lastName', 'email']);
    expect(ids(across)[1]).toEqual(['phone', 'category', 'country', 'organization', 'position']);
    expect(ids(back)).toEqual(ids(draft));
    expect(stuck).toBe(draft);
    expect(across.sections[1]!.fields[0]!.key).toBe(draft.sections[0]!.fields[4]!.key);
  });

  it('moves sections, adds one that needs a title, and removes only sections without a field every form needs', () => {
    // Prepare
    const draft = addSection(draftOf(standardForm));

    // Act
    const moved = moveSection(draft, 4, -1);
    const removed = removeSection(moved, 3);
    const refused = removeSection(moved, 0);

    // Assess
    expect(moved.sections.map((section) => section.id)).toEqual(['about', 'represent', 'travel', 'section1', 'needs']);
    expect(removed.sections.map((section) => section.id)).toEqual(['about', 'represent', 'travel', 'needs']);
    expect(refused).toBe(moved);
    expect(canRemoveSection(moved.sections[2]!)).toBe(true);
    expect(missingTexts(draft, ['en', 'fr'])).toEqual(new Set(['form.sections.4.title.en', 'form.sections.4.title.fr']));
  });

  it('adds questions with ids of their own, and the standard fields the form leaves out', () => {
    // Prepare
    const draft = removeField(draftOf(standardForm), 0, 4);

    // Act
    const added = addStandardField(addQuestion(addQuestion(draft, 2), 2), 3, 'phone');

    // Assess
    expect(ids(added)[2]).toEqual(['arrivalDate', 'departureDate', 'question1', 'question2']);
    expect(ids(added)[3]).toEqual(['dietaryRequirements', 'accessibilityNeeds', 'consents', 'phone']);
    expect(unplacedStandardFields(draft)).toEqual(['phone']);
    expect(added.sections[2]!.fields[2]!.saved).toBe(false);
    expect(removeField(draft, 0, 1)).toBe(draft);
  });

  it('changes a question’s kind keeping its texts, its condition and the choices between the choice kinds, and dropping limits that no longer fit', () => {
    // Prepare
    const draft = draftOf(venueForm);
    const embassy = draft.sections[4]!.fields[1]!;
    const topics = draft.sections[4]!.fields[3]!;

    // Act
    const asNumber = withKind(embassy, 'number');
    const asOne = withKind(topics, 'single_choice');
    const asChoice = addChoice(withKind(embassy, 'single_choice'));

    // Assess
    expect(asNumber.field).toEqual({ kind: 'number', id: 'visaEmbassy', label: { en: 'Embassy', fr: 'Ambassade' }, showIf: { field: 'needsVisa', anyOf: [true] }, hint: undefined, required: undefined, accreditation: undefined });
    expect(asNumber.limits).toEqual({});
    expect(asOne.field).toMatchObject({ kind: 'single_choice', choices: [{ id: 'drugs' }] });
    expect(definitionOf({ ...draft, sections: [{ ...draft.sections[4]!, fields: [asOne] }] }).form.sections[0]!.fields[0]).not.toHaveProperty('maxCount');
    expect(asChoice.field).toMatchObject({ choices: [{ id: 'choice1', label: {} }, { id: 'choice2', label: {} }] });
  });

  it('offers a "show if" only on earlier yes/no and choice questions, category and title', () => {
    // Prepare
    const draft = draftOf(venueForm);

    // Act
    const forEmbassy = conditionTargets(draft, 4, 1).map((target) => target.id);
    const forVisa = conditionTargets(draft, 4, 0).map((target) => target.id);
    const shown = withCondition(draft.sections[4]!.fields[3]!, { field: 'needsVisa', anyOf: [false] });

    // Assess
    expect(forEmbassy).toEqual(['title', 'category', 'needsVisa']);
    expect(forVisa).toEqual(['title', 'category']);
    expect(shown.field).toMatchObject({ showIf: { field: 'needsVisa', anyOf: [false] } });
  });

  it('drops an emptied requirement and an empty hint, which then asks for no translation', () => {
    // Prepare
    const draft = draftOf(venueForm);

    // Act
    const changed = updateField(draft, 4, 0, (entry) => withRequirement({ ...entry, field: { ...entry.field, hint: { en: ' ', fr: '' } } as typeof entry.field }, []));
    const { form } = definitionOf(changed);

    // Assess
    expect(form.sections[4]!.fields[0]).toEqual({ kind: 'yes_no', id: 'needsVisa', label: { en: 'Do you need a visa?', fr: 'Avez-vous besoin d’un visa ?' } });
    expect(missingTexts(changed, ['en', 'fr'])).toEqual(new Set());
    expect(missingTexts(changed, ['en', 'fr', 'ru']).size).toBe(6);
  });

  it('knows which saved questions a draft removes', () => {
    // Prepare
    const draft = draftOf(venueForm);

    // Act
    const removed = removedQuestions(venueForm, removeField(removeField(draft, 4, 3), 4, 1));

    // Assess
    expect(removed.map((field) => field.id)).toEqual(['visaEmbassy', 'topics']);
  });

  it('names an API path in words', () => {
    // Prepare
    const draft = draftOf(venueForm);

    // Act and assess
    expect(placeName('form.sections.4.fields.3.choices.0.label.fr', draft)).toBe('Section 5: Venue security › Question 4: Topics › Choice 1 (French)');
    expect(placeName('form.sections.0.fields.4.required', draft)).toBe('Section 1: About you › Standard field: Telephone number › Required');
    expect(placeName('form.sections.4.fields.2.maxBytes', draft)).toBe('Section 5: Venue security › Question 3: Photo › Largest file (MB)');
    expect(placeName('form.sections', draft)).toBe('form.sections');
  });
});
