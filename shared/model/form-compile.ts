// An event's form compiled to the zod/mini schema of what its participants send: the standard form's
// fields and rules, and under `answers` one schema per question of its own, with the rules between them
// (required per category, asked only when its showIf holds). Compiled once per version of the event's
// form and kept, so a warm function validates at once; the page compiles the same definition.
import * as z from 'zod/mini';
import { fieldIssue, toApiIssues, validationFailed } from './errors.ts';
import {
  acceptedTypes,
  asksStandard,
  customFields,
  fieldsInOrder,
  formOf,
  isRequiredFor,
  isShown,
  optionalStandardFields,
  uploadIdPattern,
  type CustomField,
  type FormDefinition,
} from './form-definition.ts';
import type { Category } from './participants.ts';
import { registrationFormShape, standardRules, type RegistrationForm } from './registration-schema.ts';
import { answerText, countryCode, emailAddress, isoDate, phoneNumber, storableNumber } from './schema-parts.ts';

/** A problem with a body, as Zod words it (the page reads code, path and the limits). */
export type FormIssue = z.core.$ZodIssue | Issue;

export interface CompiledForm {
  form: FormDefinition;
  /** Every field's own rules and the standard form's rules between fields. */
  schema: z.ZodMiniType<RegistrationForm, unknown>;
  /** The schema's verdict and the event's rules (what is asked, of whom), every problem at once. */
  check(input: unknown): { success: true; data: RegistrationForm } | { success: false; issues: FormIssue[] };
}

interface FormOwner {
  id: string;
  categories: readonly Category[];
  form?: FormDefinition | undefined;
}

/** The schema of one question's answer, by its kind and limits. */
export function answerSchema(field: CustomField): z.ZodMiniType {
  switch (field.kind) {
    case 'short_text':
      return answerText(field.minLength ?? 1, field.maxLength ?? 200, 'one');
    case 'long_text':
      return answerText(field.minLength ?? 1, field.maxLength ?? 2000, 'many');
    case 'single_choice':
      return z.enum(field.choices.map((choice) => choice.id) as [string, ...string[]], 'Not one of the choices');
    case 'multiple_choice': {
      const most = Math.min(field.maxCount ?? field.choices.length, field.choices.length);
      return z
        .array(z.enum(field.choices.map((choice) => choice.id) as [string, ...string[]], 'Not one of the choices'))
        .check(
          z.minLength(Math.max(1, field.minCount ?? 1), field.minCount && field.minCount > 1 ? `Choose at least ${field.minCount}` : 'Required'),
          z.maxLength(most, `Choose at most ${most}`),
          z.refine((chosen) => new Set(chosen).size === chosen.length, 'Each choice at most once'),
        );
    }
    case 'yes_no':
      return z.boolean('Must be true or false');
    case 'date': {
      const { minDate, maxDate } = field;
      return isoDate.check(
        z.refine((day: string) => (minDate === undefined || day >= minDate) && (maxDate === undefined || day <= maxDate), {
          message: `Must be ${minDate ? `from ${minDate}` : ''}${minDate && maxDate ? ' ' : ''}${maxDate ? `until ${maxDate}` : ''}`,
        }),
      );
    }
    case 'country':
      return countryCode;
    case 'email':
      return emailAddress();
    case 'phone':
      return phoneNumber();
    case 'number': {
      const checks = [
        ...(field.min !== undefined ? [z.gte(field.min, `At least ${field.min}`)] : []),
        ...(field.max !== undefined ? [z.lte(field.max, `At most ${field.max}`)] : []),
      ];
      return field.integer ? z.int('Must be a whole number').check(...checks) : storableNumber().check(...checks);
    }
    case 'file':
    case 'photo':
      return z.string().check(z.regex(uploadIdPattern, `Must be the uploadId of a checked upload (${acceptedTypes(field).join(', ')})`));
  }
}

type Issue = { code: 'custom'; path: (string | number)[]; message: string; params?: Record<string, string> } | { code: 'invalid_type'; expected: 'string'; input: undefined; path: (string | number)[]; message: string };

/** The event's rules over a body that passed every field's own rules: what is asked, and of whom. */
function eventIssues(form: FormDefinition, input: RegistrationForm): Issue[] {
  const issues: Issue[] = [];
  // Run whatever else is wrong (see compileForm), so the input may be anything of the right outer shape.
  const answers = (isObject(input.answers) ? input.answers : {}) as Record<string, unknown>;
  const standard = input as unknown as Record<string, unknown>;
  const answerOf = (id: string) => (id in answers ? answers[id] : standard[id]);
  for (const name of optionalStandardFields) {
    if (!asksStandard(form, name) && standard[name] !== undefined) {
      issues.push({ code: 'custom', path: [name], message: 'This event\'s form does not ask for it', params: { code: 'not_asked' } });
    }
  }
  for (const field of fieldsInOrder(form)) {
    if (field.kind === 'standard') {
      if (isRequiredFor(field.required, input.category) && standard[field.name] === undefined) {
        issues.push({ code: 'invalid_type', expected: 'string', input: undefined, path: [field.name], message: 'Required' });
      }
      continue;
    }
    const given = answers[field.id] !== undefined;
    if (!isShown(field, answerOf)) {
      if (given) issues.push({ code: 'custom', path: ['answers', field.id], message: `Not asked: only when ${field.showIf!.field} is ${field.showIf!.anyOf.join(' or ')}`, params: { code: 'not_asked' } });
    } else if (!given && isRequiredFor(field.required, input.category)) {
      issues.push({ code: 'invalid_type', expected: 'string', input: undefined, path: ['answers', field.id], message: 'Required' });
    }
  }
  return issues;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Compiles an event's form; the functions call compiledForm, which keeps the result. */
export function compileForm(event: FormOwner): CompiledForm {
  const form = formOf(event);
  const answers = z.strictObject(Object.fromEntries(customFields(form).map((field) => [field.id, z.optional(answerSchema(field))])));
  const schema = z.strictObject({ ...registrationFormShape, answers: z.optional(answers) }).check(standardRules) as unknown as CompiledForm['schema'];
  return {
    form,
    schema,
    check: (input) => {
      const parsed = schema.safeParse(input);
      // Also when other fields are wrong, so that the page and the API name every missing answer at once.
      const more = isObject(input) ? eventIssues(form, (parsed.success ? parsed.data : input) as RegistrationForm) : [];
      if (parsed.success && more.length === 0) return { success: true, data: parsed.data };
      const issues: FormIssue[] = [...(parsed.success ? [] : parsed.error.issues), ...more];
      // One issue per place: a missing answer Zod already named once is not named again.
      const seen = new Set<string>();
      return { success: false, issues: issues.filter((issue) => !seen.has(issue.path.join('.')) && seen.add(issue.path.join('.'))) };
    },
  };
}

// One entry per event, replaced when the event's form changes: what a warm function re-uses.
const compiled = new Map<string, { version: string; value: CompiledForm }>();

/** The form's version: what changes when anything the compiled schema depends on changes. */
function versionOf(event: FormOwner): string {
  return JSON.stringify([event.form ?? null, event.categories]);
}

export function compiledForm(event: FormOwner): CompiledForm {
  const version = versionOf(event);
  const kept = compiled.get(event.id);
  if (kept?.version === version) return kept.value;
  const value = compileForm(event);
  if (compiled.size >= 100) compiled.delete(compiled.keys().next().value!);
  compiled.set(event.id, { version, value });
  return value;
}

/**
 * A form as the event accepts it: the standard form's rules, the event's questions, and a category
 * the event invites. Issues carry `prefix` (the update route nests the form under `changes`).
 */
export function parseRegistrationForm(event: FormOwner, input: unknown, prefix: readonly string[] = []): RegistrationForm {
  const parsed = compiledForm(event).check(input);
  if (!parsed.success) throw validationFailed(toApiIssues({ issues: parsed.issues } as z.core.$ZodError, prefix));
  if (!event.categories.includes(parsed.data.category)) {
    throw validationFailed([fieldIssue([...prefix, 'category'].join('.'), 'This event does not invite this category')]);
  }
  return parsed.data;
}
