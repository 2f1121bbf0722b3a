// The event's registration form, edited: sections and questions in order (moved with buttons, so the
// keyboard does everything), each question's kind, texts in every language of the event side by side
// (a missing one marked before saving), choices, limits that fit the kind, who must answer, a "show if"
// on an earlier answer and the accreditation mark. The draft's logic is form-draft.ts; saving sends the
// stored event with the new form to PUT /events/{eventId}, whose issues are shown at the place they name.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fileTypes, formOf, textIn, type CustomField, type CustomKind, type FileType, type FormField, type Requirement, type Texts } from '#shared/model/form-definition.ts';
import { languages as allLanguages, type Language } from '#shared/model/languages.ts';
import { categories, type Category } from '#shared/model/participants.ts';
import type { ApiIssue, ApiProblem, EventSettings } from './api.ts';
import type { PageProps } from './app.tsx';
import {
  addChoice,
  addQuestion,
  addSection,
  addStandardField,
  canRemoveSection,
  conditionTargets,
  customKinds,
  definitionOf,
  draftOf,
  fieldName,
  isMandatory,
  isStandardSection,
  limitsOf,
  mayHoldAnswers,
  missingTexts,
  moveField,
  moveSection,
  removeChoice,
  removeField,
  removeSection,
  removedQuestions,
  unplacedStandardFields,
  updateField,
  updateSection,
  withCondition,
  withFileTypes,
  withKind,
  withRequirement,
  placeName,
  sectionName,
  withText,
  type Draft,
  type DraftField,
  type DraftSection,
} from './form-draft.ts';
import { FormPreview } from './form-preview.tsx';
import { messages as m, say } from './messages.ts';
import { hrefOf } from './routing.ts';
import { asProblem, ChoiceGroup, Dialog, ErrorSummary, PageTitle, ProblemNotice, SelectField, StatusMessage, TextField, useAction, useLoad, useTitle, type FieldIssue } from './ui.tsx';

const w = m.formEditor;
const languageName = (language: Language) => m.registration.languageNames[language];

export function FormEditorPage({ api, access, eventId }: PageProps & { eventId: string }) {
  const loaded = useLoad(async () => {
    const [settings, stats] = await Promise.all([api.eventSettings(eventId), api.stats(eventId)]);
    const answered = Object.entries(stats.byStatus).reduce((sum, [status, count]) => (status === 'erased' ? sum : sum + (count ?? 0)), 0);
    return { settings, answered };
  }, [eventId]);
  const title = say(w.title, { event: loaded.data?.settings.title ?? eventId });
  const [hasIssues, setHasIssues] = useState(false);
  useTitle(title, hasIssues);
  return (
    <>
      <PageTitle caption={w.caption}>{title}</PageTitle>
      {loaded.problem ? <ProblemNotice problem={loaded.problem} onRetry={loaded.reload} /> : null}
      {!loaded.data && !loaded.problem ? <p role="status">{m.app.loading}</p> : null}
      {loaded.data ? (
        <FormEditor
          key={eventId}
          api={api}
          eventId={eventId}
          initial={loaded.data.settings}
          answered={loaded.data.answered}
          readOnly={!access.can.manageEvents}
          onIssues={setHasIssues}
        />
      ) : null}
    </>
  );
}

type Removal = { s: number; f?: number; what: string };

function FormEditor(props: { api: PageProps['api']; eventId: string; initial: EventSettings; answered: number; readOnly: boolean; onIssues(has: boolean): void }) {
  const { api, eventId, answered, readOnly } = props;
  const [settings, setSettings] = useState(props.initial);
  const [draft, setDraft] = useState(() => draftOf(formOf(props.initial)));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const [done, setDone] = useState('');
  const [removal, setRemoval] = useState<Removal>();
  const focusNext = useRef<string>();
  // The languages are chosen here too: a language added while registration is open needs its texts in the same save.
  const [languages, setLanguages] = useState<Language[]>(() => [...props.initial.languages]);
  const missing = missingTexts(draft, languages);
  const previewed = useMemo(() => definitionOf(draft).form, [draft]);
  const removed = answered > 0 ? removedQuestions(formOf(settings), draft) : [];

  useLayoutEffect(() => {
    // After a move, an addition or a removal: the focus goes where the organizer's next step is.
    const target = focusNext.current;
    focusNext.current = undefined;
    if (target) document.getElementById(target)?.focus();
  }, [draft]);

  const change = (next: Draft, focus?: string) => {
    focusNext.current = focus;
    setDraft(next);
    setDone('');
  };

  const showIssues = (next: FieldIssue[]) => {
    setIssues(next);
    props.onIssues(next.length > 0);
  };

  const [save, busy] = useAction(async () => {
    setDone('');
    setProblem(undefined);
    const { form, issues: local } = definitionOf(draft);
    if (local.length > 0) {
      showIssues(local.map((issue) => placed(issue.path, issue.message, draft)));
      return;
    }
    const { referencePrefix, ...stored } = settings;
    try {
      const { event } = await api.saveEvent(eventId, { ...stored, ...(referencePrefix ? { referencePrefix } : {}), languages, form });
      showIssues([]);
      setSettings({ ...event, referencePrefix: event.referencePrefix });
      setDraft(draftOf(formOf(event)));
      setLanguages([...event.languages]);
      setDone(w.saved);
    } catch (error) {
      const refused = asProblem(error);
      if (refused.code === 'validation_failed' && refused.issues.length > 0) showIssues(refused.issues.map((issue) => placed(issue.path, inWords(issue), draft)));
      else {
        showIssues([]);
        setProblem(refused);
      }
    }
  });

  const errorOf = (id: string) => issues.filter((issue) => issue.field === id).map((issue) => issue.message).join('. ') || undefined;
  const context: FieldContext = { draft, languages, missing, errorOf, change, readOnly, answered, askRemoval: setRemoval, categories: settings.categories };

  const body = (
    <>
      {draft.sections.map((section, s) => (
        <SectionEditor key={section.key} section={section} s={s} context={context} />
      ))}
      {readOnly ? null : (
        <p>
          <button type="button" class="button button-secondary" id="add-section" onClick={() => change(addSection(draft), `form-sections-${draft.sections.length}-title-${languages[0]}`)}>
            {w.addSection}
          </button>
        </p>
      )}
    </>
  );

  return (
    <>
      <form
        class="form form-editor"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!readOnly) void save();
        }}
      >
        <ErrorSummary issues={issues} problem={issues.length > 0 ? undefined : problem} />
        {problem && issues.length === 0 ? <ProblemNotice problem={problem} /> : null}
        <StatusMessage text={done} />
        <p>{say(w.intro, { languages: languages.map(languageName).join(', ') })}</p>
        {readOnly ? <p class="notice">{w.readOnly}</p> : null}
        {!props.initial.form ? <p class="notice">{w.fromDefault}</p> : null}
        {answered > 0 ? <p class="notice">{say(w.hasRegistrations, { count: answered })}</p> : null}
        <p class={missing.size > 0 ? 'notice notice-missing' : 'notice notice-done'} id="missing-texts">
          {missing.size > 0 ? say(w.missingSummary, { count: missing.size }) : w.missingNone}
        </p>
        {removed.length > 0 ? (
        <p class="notice notice-missing" id="removed-questions">
          {say(w.removedSummary, { questions: removed.map((field) => `“${textIn(field.label, languages[0] ?? 'en', languages) || field.id}”`).join(', ') })}
        </p>
      ) : null}
      {readOnly ? (
        <fieldset disabled class="fieldset">
          {body}
        </fieldset>
      ) : (
        <>
          <ChoiceGroup
            id="languages"
            label={w.languages}
            hint={w.languagesHint}
            error={errorOf('languages')}
            type="checkbox"
            options={allLanguages.map((language) => ({ value: language, label: languageName(language) }))}
            selected={languages}
            onChange={(chosen) => {
              // None at all is the API's to refuse, at this field.
              setLanguages(chosen as Language[]);
              setDone('');
            }}
          />
          {body}
        </>
      )}
        <div class="button-row">
          {readOnly ? null : (
            <button type="submit" class="button" disabled={busy} aria-disabled={busy ? 'true' : undefined}>
              {busy ? w.saving : w.save}
            </button>
          )}
          <a class="button button-secondary" href={`/register/${encodeURIComponent(eventId)}`} target="_blank" rel="noopener">
            {w.preview}
          </a>
          <a class="button button-secondary" href={hrefOf({ page: 'dashboard', eventId })}>
            {w.cancel}
          </a>
        </div>
        <Dialog title={removal ? say(w.removeTitle, { what: removal.what }) : ''} open={removal !== undefined} onClose={() => setRemoval(undefined)}>
          <p>{w.removeAnswered}</p>
          <div class="button-row">
            <button
              type="button"
              class="button button-warning"
              onClick={() => {
                const chosen = removal!;
                setRemoval(undefined);
                change(chosen.f === undefined ? removeSection(draft, chosen.s) : removeField(draft, chosen.s, chosen.f), chosen.f === undefined ? 'add-section' : `add-question-${chosen.s}`);
              }}
            >
              {w.removeConfirm}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setRemoval(undefined)}>
              {w.cancel}
            </button>
          </div>
        </Dialog>
      </form>
      <FormPreview form={previewed} languages={languages} categories={settings.categories} retentionDays={settings.accreditationRetentionDays} />
    </>
  );
}

interface FieldContext {
  draft: Draft;
  languages: readonly Language[];
  missing: ReadonlySet<string>;
  errorOf(id: string): string | undefined;
  change(next: Draft, focus?: string): void;
  readOnly: boolean;
  answered: number;
  askRemoval(removal: Removal): void;
  categories: readonly Category[];
}

/** The API's refusals the editor words for organizers, by their code; others as the API words them. */
function inWords(issue: ApiIssue): string {
  const language = languageName(issue.path.split('.').at(-1) as Language);
  if (issue.code === 'missing_translation' && language) return say(w.missingError, { language });
  if (issue.code === 'answered') return w.answeredError;
  return issue.message;
}

/** An element id from an API path (form.sections.0.fields.1.label.fr → form-sections-0-fields-1-label-fr). */
const idOf = (path: string) => path.replace(/\./g, '-');

/**
 * An issue at the nearest place the page shows: the control the path names, else the question or the
 * section holding it (each focusable), else the summary alone. The label says where, in words.
 */
function placed(path: string, message: string, draft: Draft): FieldIssue {
  const parts = path.split('.');
  let field = '';
  for (let end = parts.length; end > 0 && !field; end--) {
    const id = idOf(parts.slice(0, end).join('.'));
    if (document.getElementById(id)) field = id;
  }
  return { field, label: placeName(path, draft), message };
}

function SectionEditor({ section, s, context }: { section: DraftSection; s: number; context: FieldContext }) {
  const { draft, change, readOnly, languages } = context;
  const name = sectionName(section, s);
  const base = `form-sections-${s}`;
  const last = draft.sections.length - 1;
  const [standardChoice, setStandardChoice] = useState('');
  const unplaced = unplacedStandardFields(draft);
  const moveTo = (delta: -1 | 1) => change(moveSection(draft, s, delta), `move-${delta < 0 ? 'up' : 'down'}-${section.key}`);
  return (
    <section class="editor-section" aria-labelledby={`${section.key}-heading`} id={base} tabIndex={-1}>
      <div class="editor-head">
        <h2 id={`${section.key}-heading`}>{name}</h2>
        {readOnly ? null : (
          <div class="toolbar-group">
            <MoveButtons keyId={section.key} what={name} first={s === 0} last={s === last} onMove={moveTo} />
            {canRemoveSection(section) ? (
              <button
                type="button"
                class="button button-secondary button-small"
                aria-label={say(w.removeLabel, { what: name })}
                onClick={() => {
                  if (context.answered > 0 && section.fields.some(mayHoldAnswers)) context.askRemoval({ s, what: name });
                  else change(removeSection(draft, s), 'add-section');
                }}
              >
                {w.remove}
              </button>
            ) : null}
          </div>
        )}
      </div>
      {isStandardSection(section.id) && !section.title ? (
        <p class="hint">{w.standardSection}</p>
      ) : (
        <TextsInputs
          base={`${base}-title`}
          path={`form.sections.${s}.title`}
          label={w.sectionTitle}
          texts={section.title}
          context={context}
          onInput={(language, text) => change(updateSection(draft, s, { title: withText(section.title, language, text) }))}
        />
      )}
      {section.fields.map((entry, f) => (
        <FieldEditor key={entry.key} entry={entry} s={s} f={f} context={context} />
      ))}
      {readOnly ? null : (
        <div class="button-row">
          <button
            type="button"
            class="button button-secondary"
            id={`add-question-${s}`}
            aria-label={say(w.addQuestionLabel, { what: name })}
            onClick={() => change(addQuestion(draft, s), `${base}-fields-${section.fields.length}-label-${languages[0]}`)}
          >
            {w.addQuestion}
          </button>
          {unplaced.length > 0 ? (
            <>
              <label class="visually-hidden" for={`add-standard-${s}`}>
                {w.chooseStandard}
              </label>
              <select class="select select-inline" id={`add-standard-${s}`} value={standardChoice} onChange={(event) => setStandardChoice((event.currentTarget as HTMLSelectElement).value)}>
                <option value="">{w.chooseStandard}</option>
                {unplaced.map((name) => (
                  <option key={name} value={name}>
                    {m.fields[name]}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="button button-secondary"
                aria-label={say(w.addStandardLabel, { what: name })}
                disabled={!standardChoice}
                onClick={() => {
                  const chosen = unplaced.find((each) => each === standardChoice);
                  if (!chosen) return;
                  setStandardChoice('');
                  change(addStandardField(draft, s, chosen), `move-up-f${draft.next}`);
                }}
              >
                {w.addStandard}
              </button>
            </>
          ) : null}
        </div>
      )}
    </section>
  );
}

function MoveButtons({ keyId, what, first, last, onMove }: { keyId: string; what: string; first: boolean; last: boolean; onMove(delta: -1 | 1): void }) {
  return (
    <>
      <button type="button" class="button button-secondary button-small" id={`move-up-${keyId}`} disabled={first} aria-label={say(w.moveUpLabel, { what })} onClick={() => onMove(-1)}>
        {w.moveUp}
      </button>
      <button type="button" class="button button-secondary button-small" id={`move-down-${keyId}`} disabled={last} aria-label={say(w.moveDownLabel, { what })} onClick={() => onMove(1)}>
        {w.moveDown}
      </button>
    </>
  );
}

/** One text in each of the event's languages, side by side, a missing one marked. */
function TextsInputs(props: { base: string; path: string; label: string; texts: Texts | undefined; context: FieldContext; optional?: boolean; onInput(language: Language, text: string): void }) {
  const { languages, missing, errorOf } = props.context;
  return (
    <div class="field-row texts">
      {languages.map((language) => {
        const id = `${props.base}-${language}`;
        const absent = missing.has(`${props.path}.${language}`);
        const error = errorOf(id);
        return (
          <div class={`form-group${error ? ' form-group-error' : ''}`} key={language}>
            <label class="label" for={id}>
              {say(w.in, { place: props.label, language: languageName(language) })}
              {absent ? (
                <>
                  {' '}
                  <span class="tag tag-warning">{w.missing}</span>
                </>
              ) : null}
            </label>
            {error ? (
              <p class="error-message" id={`${id}-error`}>
                <span class="visually-hidden">Error: </span>
                {error}
              </p>
            ) : null}
            <input
              class="input"
              id={id}
              lang={language}
              value={props.texts?.[language] ?? ''}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onInput={(event) => props.onInput(language, (event.currentTarget as HTMLInputElement).value)}
            />
          </div>
        );
      })}
    </div>
  );
}

function FieldEditor({ entry, s, f, context }: { entry: DraftField; s: number; f: number; context: FieldContext }) {
  const { draft, change, readOnly } = context;
  const { field } = entry;
  const section = draft.sections[s]!;
  const base = `form-sections-${s}-fields-${f}`;
  const path = `form.sections.${s}.fields.${f}`;
  const name = fieldName(entry, f);
  const first = s === 0 && f === 0;
  const last = s === draft.sections.length - 1 && f === section.fields.length - 1;
  const update = (next: (entry: DraftField) => DraftField, focus?: string) => change(updateField(draft, s, f, next), focus);
  const moveTo = (delta: -1 | 1) => change(moveField(draft, s, f, delta), `move-${delta < 0 ? 'up' : 'down'}-${entry.key}`);
  const error = context.errorOf(base);
  return (
    <fieldset class={`editor-field${error ? ' form-group-error' : ''}`} id={base} tabIndex={-1}>
      <legend class="legend">{name}</legend>
      {error ? (
        <p class="error-message">
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {readOnly ? null : (
        <div class="toolbar-group editor-tools">
          <MoveButtons keyId={entry.key} what={name} first={first} last={last} onMove={moveTo} />
          {isMandatory(field) ? null : (
            <button
              type="button"
              class="button button-secondary button-small"
              aria-label={say(w.removeLabel, { what: name })}
              onClick={() => {
                if (context.answered > 0 && mayHoldAnswers(entry)) context.askRemoval({ s, f, what: name });
                else change(removeField(draft, s, f), `add-question-${s}`);
              }}
            >
              {w.remove}
            </button>
          )}
        </div>
      )}
      {field.kind === 'standard' ? (
        isMandatory(field) ? (
          <p class="hint">{w.alwaysAsked}</p>
        ) : (
          <RequirementEditor base={base} required={field.required} context={context} onChange={(required) => update((each) => withRequirement(each, required))} />
        )
      ) : (
        <QuestionEditor entry={entry} field={field} base={base} path={path} s={s} f={f} context={context} update={update} />
      )}
    </fieldset>
  );
}

function QuestionEditor(props: { entry: DraftField; field: CustomField; base: string; path: string; s: number; f: number; context: FieldContext; update(next: (entry: DraftField) => DraftField, focus?: string): void }) {
  const { entry, field, base, path, context, update } = props;
  const kindKept = entry.saved && context.answered > 0;
  const setField = (change: Partial<CustomField>) => update((each) => ({ ...each, field: { ...each.field, ...change } as FormField }));
  return (
    <>
      <div class="field-row">
        <SelectField
          id={`${base}-kind`}
          label={w.kind}
          hint={kindKept ? w.kindKept : undefined}
          error={context.errorOf(`${base}-kind`)}
          value={field.kind}
          onChange={(kind) => update((each) => withKind(each, kind as CustomKind))}
          options={customKinds.map((kind) => ({ value: kind, label: w.kinds[kind] }))}
        />
        <TextField
          id={`${base}-id`}
          label={w.id}
          hint={entry.saved ? w.idKept : w.idHint}
          error={context.errorOf(`${base}-id`)}
          value={field.id}
          onInput={(id) => setField({ id })}
          inputProps={{ readOnly: entry.saved, autocomplete: 'off', spellcheck: false }}
        />
      </div>
      <TextsInputs base={`${base}-label`} path={`${path}.label`} label={w.label} texts={field.label} context={context} onInput={(language, text) => setField({ label: withText(field.label, language, text) })} />
      <TextsInputs base={`${base}-hint`} path={`${path}.hint`} label={w.hint} texts={field.hint} context={context} onInput={(language, text) => setField({ hint: withText(field.hint, language, text) })} />
      {'choices' in field ? <ChoicesEditor entry={entry} field={field} base={base} path={path} context={context} update={update} /> : null}
      <LimitsEditor entry={entry} field={field} base={base} context={context} update={update} setField={setField} />
      <RequirementEditor base={base} required={field.required} context={context} onChange={(required) => update((each) => withRequirement(each, required))} />
      <ConditionEditor {...props} />
      <div class="form-group">
        <div class="choice">
          <input type="checkbox" id={`${base}-accreditation`} checked={field.accreditation === true} onChange={(event) => setField({ accreditation: (event.currentTarget as HTMLInputElement).checked || undefined })} />
          <label for={`${base}-accreditation`}>{w.accreditation}</label>
        </div>
        {context.errorOf(`${base}-accreditation`) ? <p class="error-message">{context.errorOf(`${base}-accreditation`)}</p> : null}
      </div>
    </>
  );
}

function ChoicesEditor(props: { entry: DraftField; field: CustomField & { choices: { id: string; label: Texts }[] }; base: string; path: string; context: FieldContext; update(next: (entry: DraftField) => DraftField, focus?: string): void }) {
  const { entry, field, base, path, context, update } = props;
  const setChoice = (c: number, change: Partial<{ id: string; label: Texts }>) =>
    update((each) => ({ ...each, field: { ...field, choices: field.choices.map((choice, i) => (i === c ? { ...choice, ...change } : choice)) } as FormField }));
  const error = context.errorOf(`${base}-choices`);
  return (
    <fieldset class={`fieldset editor-choices${error ? ' form-group-error' : ''}`} id={`${base}-choices`} tabIndex={-1}>
      <legend class="legend">{w.choices}</legend>
      {error ? <p class="error-message">{error}</p> : null}
      {field.choices.map((choice, c) => (
        <div class="editor-choice" key={c}>
          <TextsInputs
            base={`${base}-choices-${c}-label`}
            path={`${path}.choices.${c}.label`}
            label={say(w.choice, { number: c + 1 })}
            texts={choice.label}
            context={context}
            onInput={(language, text) => setChoice(c, { label: withText(choice.label, language, text) })}
          />
          <div class="field-row">
            <TextField
              id={`${base}-choices-${c}-id`}
              label={`${say(w.choice, { number: c + 1 })}: ${w.id}`}
              error={context.errorOf(`${base}-choices-${c}-id`)}
              value={choice.id}
              onInput={(id) => setChoice(c, { id })}
              inputProps={{ readOnly: entry.saved && context.answered > 0, autocomplete: 'off', spellcheck: false }}
            />
            {context.readOnly || field.choices.length <= 1 ? null : (
              <p>
                <button type="button" class="button button-secondary button-small" onClick={() => update((each) => removeChoice(each, c), `${base}-choices`)}>
                  {say(w.removeChoice, { number: c + 1 })}
                </button>
              </p>
            )}
          </div>
        </div>
      ))}
      {context.readOnly ? null : (
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => update(addChoice, `${base}-choices-${field.choices.length}-label-${context.languages[0]}`)}
        >
          {w.addChoice}
        </button>
      )}
    </fieldset>
  );
}

function LimitsEditor(props: { entry: DraftField; field: CustomField; base: string; context: FieldContext; update(next: (entry: DraftField) => DraftField, focus?: string): void; setField(change: Partial<CustomField>): void }) {
  const { entry, field, base, context, update } = props;
  const names = limitsOf(field.kind);
  return (
    <>
      {names.length > 0 ? (
        <div class="field-row">
          {names.map((name) => {
            // The API names the size in bytes; the editor asks for megabytes at that place.
            const id = `${base}-${name === 'maxMegabytes' ? 'maxBytes' : name}`;
            const date = name === 'minDate' || name === 'maxDate';
            return (
              <TextField
                key={name}
                id={id}
                label={w.limits[name]}
                optional
                type={date ? 'date' : 'text'}
                error={context.errorOf(id)}
                value={entry.limits[name] ?? ''}
                onInput={(value) => update((each) => ({ ...each, limits: { ...each.limits, [name]: value } }))}
                inputProps={date ? {} : { inputMode: name === 'min' || name === 'max' || name === 'maxMegabytes' ? 'decimal' : 'numeric' }}
              />
            );
          })}
        </div>
      ) : null}
      {field.kind === 'number' ? (
        <div class="form-group choice">
          <input type="checkbox" id={`${base}-integer`} checked={field.integer === true} onChange={(event) => props.setField({ integer: (event.currentTarget as HTMLInputElement).checked || undefined } as Partial<CustomField>)} />
          <label for={`${base}-integer`}>{w.integer}</label>
        </div>
      ) : null}
      {field.kind === 'file' ? (
        <ChoiceGroup
          id={`${base}-fileTypes`}
          label={w.fileTypes}
          error={context.errorOf(`${base}-fileTypes`)}
          type="checkbox"
          options={fileTypes.map((type) => ({ value: type, label: type }))}
          selected={field.fileTypes ?? [...fileTypes]}
          onChange={(types) => update((each) => withFileTypes(each, types as FileType[]))}
        />
      ) : null}
    </>
  );
}

function requirementChoice(required: Requirement | undefined): 'optional' | 'everyone' | 'some' {
  if (required === true) return 'everyone';
  return Array.isArray(required) ? 'some' : 'optional';
}

function RequirementEditor({ base, required, context, onChange }: { base: string; required: Requirement | undefined; context: FieldContext; onChange(required: Requirement | undefined): void }) {
  const choice = requirementChoice(required);
  return (
    <>
      <ChoiceGroup
        id={`${base}-required`}
        label={w.required}
        error={context.errorOf(`${base}-required`)}
        type="radio"
        options={(['optional', 'everyone', 'some'] as const).map((value) => ({ value, label: w.requiredOptions[value] }))}
        selected={[choice]}
        onChange={([value]) => onChange(value === 'everyone' ? true : value === 'some' ? [...context.categories] : undefined)}
      />
      {choice === 'some' ? (
        <ChoiceGroup
          id={`${base}-required-categories`}
          label={w.requiredOf}
          type="checkbox"
          options={categories.filter((category) => context.categories.includes(category)).map((category) => ({ value: category, label: m.categories[category] }))}
          selected={Array.isArray(required) ? required : []}
          onChange={(chosen) => onChange(chosen.length > 0 ? categories.filter((category) => chosen.includes(category)) : undefined)}
        />
      ) : null}
    </>
  );
}

function ConditionEditor(props: { field: CustomField; base: string; s: number; f: number; context: FieldContext; update(next: (entry: DraftField) => DraftField, focus?: string): void }) {
  const { field, base, s, f, context, update } = props;
  const targets = conditionTargets(context.draft, s, f);
  const current = field.showIf;
  const target = targets.find((each) => each.id === current?.field);
  const nameOf = (each: (typeof targets)[number]) =>
    each.field.kind === 'standard' ? m.fields[each.field.name] : textIn(each.field.label, context.languages[0]!, context.languages) || each.id;
  const options = [
    { value: '', label: w.showAlways },
    ...targets.map((each) => ({ value: each.id, label: nameOf(each) })),
    // A condition on a field the editor cannot offer (e.g. a country) stays as it was.
    ...(current && !target ? [{ value: current.field, label: current.field }] : []),
  ];
  const valueLabel = (label: Texts | string, value: string | boolean) => {
    if (typeof label !== 'string') return textIn(label, context.languages[0]!, context.languages) || String(value);
    if (value === true) return m.registration.yes;
    if (value === false) return m.registration.no;
    return (m.categories as Record<string, string>)[label] ?? label;
  };
  return (
    <>
      <SelectField
        id={`${base}-showIf-field`}
        label={w.showIf}
        error={context.errorOf(`${base}-showIf-field`) ?? context.errorOf(`${base}-showIf`)}
        value={current?.field ?? ''}
        options={options}
        onChange={(chosen) => update((each) => withCondition(each, chosen ? { field: chosen, anyOf: [] } : undefined))}
      />
      {current && target ? (
        <ChoiceGroup
          id={`${base}-showIf-anyOf`}
          label={say(w.showIfAnswer, { field: nameOf(target) })}
          error={context.errorOf(`${base}-showIf-anyOf`)}
          type="checkbox"
          options={target.values.map(({ value, label }) => ({ value: String(value), label: valueLabel(label, value) }))}
          selected={current.anyOf.map(String)}
          onChange={(chosen) =>
            update((each) => withCondition(each, { field: current.field, anyOf: target.values.map(({ value }) => value).filter((value) => chosen.includes(String(value))) }))
          }
        />
      ) : null}
    </>
  );
}
