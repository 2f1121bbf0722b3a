// The draft's questions as a participant sees them, built by the registration page's own code
// (web/questions.ts: the same markup, kinds, texts by language and "show if"), live as the organizer
// edits. Closed until asked for; outside the editor's <form>, so Enter in it saves nothing. The page's
// own words around the questions (Yes, No, "optional") are the English ones: the other languages'
// catalogues would double the console's weight for a preview.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formEn } from '#shared/i18n/en.ts';
import { customFields, type FormDefinition } from '#shared/model/form-definition.ts';
import type { Language } from '#shared/model/languages.ts';
import type { Category } from '#shared/model/participants.ts';
import { applyOptionalMarks, applyQuestionTexts, applyVisibility, questionGroup } from '../questions.ts';
import { messages as m } from './messages.ts';
import { SelectField } from './ui.tsx';

const w = m.formEditor;

export function FormPreview(props: { form: FormDefinition; languages: readonly Language[]; categories: readonly Category[]; retentionDays: number }) {
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<Language>(props.languages[0] ?? 'en');
  const [category, setCategory] = useState<string>(props.categories[0] ?? '');
  const box = useRef<HTMLDivElement>(null);
  const { form, languages } = props;

  useLayoutEffect(() => {
    const target = box.current;
    if (!open || !target) return;
    const standardValue = (name: string) => (name === 'category' ? category || undefined : undefined);
    const refresh = () => applyVisibility(form, standardValue);
    try {
      target.replaceChildren(
        ...form.sections
          .filter((section) => section.fields.some((field) => field.kind !== 'standard'))
          .map((section) => {
            const group = document.createElement('div');
            group.className = 'preview-section';
            for (const field of customFields({ sections: [section] })) group.append(questionGroup(field));
            return group;
          }),
      );
      applyQuestionTexts(form, { language, languages, messages: formEn, retentionDays: props.retentionDays });
      applyOptionalMarks(form, formEn, (category || undefined) as Category | undefined);
      refresh();
    } catch {
      // A draft the API would refuse (two questions with one id) may not lay out; the editor says why on saving.
      target.replaceChildren();
    }
    target.addEventListener('change', refresh);
    return () => target.removeEventListener('change', refresh);
  }, [open, form, language, category]);

  const asked = customFields(form).length;
  return (
    <details
      class="preview"
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{w.previewTitle}</summary>
      <p class="hint">{w.previewHint}</p>
      <div class="field-row">
        <SelectField
          id="preview-language"
          label={w.previewLanguage}
          value={language}
          onChange={(chosen) => setLanguage(chosen as Language)}
          options={languages.map((each) => ({ value: each, label: m.registration.languageNames[each] }))}
        />
        <SelectField
          id="preview-category"
          label={w.previewCategory}
          value={category}
          onChange={setCategory}
          options={props.categories.map((each) => ({ value: each, label: m.categories[each] }))}
        />
      </div>
      {asked === 0 ? <p>{w.previewEmpty}</p> : null}
      <div class="preview-page" ref={box} lang={language} />
    </details>
  );
}
