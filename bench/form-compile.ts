// Compiling an event's form: a definition of 40 questions of every kind (the standard fields beside
// them) turned into the zod/mini schema submit and update validate with, warm (the module loaded, the
// compile not cached: each round a form of its own), and one registration checked by it. The quality
// bar: under 5 ms warm. The compiled schema is cached per event and form version, so a warm function
// compiles once per change of the form.
import { compileForm } from '#shared/model/form-compile.ts';
import type { FormDefinition } from '#shared/model/form-definition.ts';
import { everyKindForm } from '../test/support/forms.ts';
import { quantile, round } from './stats.ts';
import { log } from './support.ts';

/** Every kind of question, repeated under new ids until there are `count`. */
function formOf(count: number, round: number): FormDefinition {
  const base = everyKindForm();
  const questions = base.sections.flatMap((section) => section.fields).filter((field) => field.kind !== 'standard');
  const renamed = (id: string, index: number) => `${id}${round}x${index}`;
  const position = (id: string) => questions.findIndex((other) => other.id === id);
  const fields = Array.from({ length: count }, (_, index) => {
    const question = questions[index % questions.length]! as unknown as { id: string; showIf?: { field: string; anyOf: unknown[] } };
    // A show-if names the copy of its field in the same repetition (earlier in the list, as it must be).
    const showIf = question.showIf && { ...question.showIf, field: renamed(question.showIf.field, index - (position(question.id) - position(question.showIf.field))) };
    return { ...question, id: renamed(question.id, index), ...(showIf ? { showIf } : {}) };
  });
  return { sections: [...base.sections.filter((section) => section.fields.every((field) => field.kind === 'standard')), { id: 'many', title: { fr: 'Questions', ru: 'Вопросы' }, fields }] } as FormDefinition;
}

export function formCompileTime(rounds: number, fields = 40) {
  log(`compiling a form of ${fields} questions (${rounds} rounds)`);
  const event = (round: number) => ({ id: `bench-form-${round}`, form: formOf(fields, round), categories: ['participating_state', 'civil_society'] as never });
  for (let round = 0; round < 20; round++) compileForm(event(-1 - round)).check({});
  const compile: number[] = [];
  const check: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const owner = event(round);
    const started = performance.now();
    const compiled = compileForm(owner);
    const compiledAt = performance.now();
    compiled.check({ firstName: 'Ana', lastName: 'Petrova', email: 'ana@example.org', category: 'civil_society', organization: 'NGO', consents: { privacyNotice: true } });
    check.push(performance.now() - compiledAt);
    compile.push(compiledAt - started);
  }
  return {
    method: `compileForm (shared/model/form-compile.ts) of a definition with ${fields} questions of every kind (everyKindForm's, repeated under new ids, show-if kept), after 20 warm-up compiles; each round a new form, so nothing comes from the cache; then one registration checked by it; ${rounds} rounds`,
    fields,
    compileP50Ms: round(quantile(compile, 0.5), 2),
    compileP99Ms: round(quantile(compile, 0.99), 2),
    checkP50Ms: round(quantile(check, 0.5), 3),
  };
}
