// What Schemathesis does, in TypeScript: fed the document the local API serves at /openapi.json, it
// generates for every operation many requests, valid ones from the documented schemas and invalid ones
// near them (members left out, added or replaced, other media types, malformed path values and query
// parameters, oversized bodies, no or a forged token), sends them, and holds every answer to the
// document: a documented status, a documented media type for it, a body that passes the documented
// schema, the documented headers, never a 5xx; a request the document calls invalid is refused with a
// 4xx, and one it calls valid is never refused for its form. Nothing here lists statuses or fields:
// when the API learns a new answer, this test fails until the document says it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '#shared/http/openapi.ts';
import { defaultThrottle } from '#shared/http/throttling.ts';
import { fuzzSeed } from '../fuzz/support.ts';
import { photoQuestion, standardFormWith } from '../support/forms.ts';
import { pdf, png } from '../support/images.ts';
import { decide, putEvent, register, registerAndConfirm, registrationsOf } from '../support/journeys.ts';
import { uploaded } from '../support/uploads.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { inviteFocalPoints, nominate, postLetter } from '../support/delegation-journeys.ts';
import { uniqueEmail } from '../support/fixtures.ts';
import { DocumentChecker, mediaTypeOf, operationsOf, pointerTo, type Excuse, type Operation, type ProseRule, type Sent } from './conformance.ts';
import { anyJson, mutated, valid, type Hints, type Schema } from './schema-arbitrary.ts';

// Per operation; CONFORMANCE_RUNS=500 explores more (FUZZ_SEED another seed).
const runsPerOperation = Number(process.env.CONFORMANCE_RUNS ?? 70);

// The error codes by which the API refuses a request's form rather than what it asks for: a request
// the document calls valid must never get one of them.
const refusedForItsForm = new Set(['invalid_json', 'validation_failed', 'unsupported_media_type', 'payload_too_large']);

let api: TestApi;
let document: Schema;
let checker: DocumentChecker;
const tokens: Record<Sent['caller'], string | undefined> = { organizer: undefined, 'other group': undefined, forged: 'eyJhbGciOiJub25lIn0.e30.', nobody: undefined };

/** Everything one operation's requests may touch: its own event and registrations, so no operation spoils another's. */
interface World {
  eventId: string;
  hints: Hints;
  /** The form fields of the registration behind the manage token, as stored now. */
  current: Record<string, unknown>;
  manage: string;
  /** Each registration's revision as the list shows it now: what a decision names in If-Match. */
  revisions: Map<string, string>;
}

const worlds = new Map<string, World>();
const formFieldNames = new Set<string>();

beforeAll(async () => {
  api = await startTestApi();
  document = (await (await api.request('/openapi.json')).json()) as Schema;
  checker = new DocumentChecker(document);
  // In the accreditation group too, so the accreditation answers and the files are reached.
  tokens.organizer = await api.organizerToken(['organizers', 'accreditation']);
  tokens['other group'] = await api.organizerToken(['staff']);
  for (const name of Object.keys(checker.resolve({ $ref: '#/components/schemas/RegistrationInput' }).properties)) formFieldNames.add(name);
  let index = 0;
  for (const operation of operationsOf(document)) worlds.set(`${operation.method} ${operation.path}`, await newWorld(`conformance-${index++}`, { withFiles: /\/(uploads|files)\b/.test(operation.path), delegations: operation.path.includes('/delegation'), visaLetters: operation.path.includes('visa-letter'), letters: /delegations\/(\{entityId\}\/)?letter$/.test(operation.path) }));
}, 120_000);
afterAll(async () => {
  await api?.stop();
  const sent = [...tallies.values()].reduce((sum, tally) => sum + tally.sent, 0);
  if (sent > 0) console.info(`openapi-conformance: ${sent} requests over ${tallies.size} operations`);
  if (process.env.CONFORMANCE_REPORT) {
    for (const [name, tally] of tallies) {
      const statuses = [...tally.statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ');
      console.info(`${name}: ${tally.valid} valid, ${tally.invalid} invalid; ${statuses}`);
    }
  }
});

/**
 * `withFiles`: the event asks for a badge photo, one is checked, and a registration answers with it;
 * `delegations`: a focal point and a nominee of the world's own; `visaLetters`: a registration holding a seat;
 * `letters`: Austria's nomination letter, uploaded through the delegation page and attached.
 */
async function newWorld(eventId: string, { withFiles = false, delegations = false, visaLetters = false, letters = false } = {}): Promise<World> {
  // Approval required: a confirmed registration awaits a decision, so approve and reject find one.
  expect((await putEvent(api, eventId, { approval: 'required', ...(withFiles ? { form: standardFormWith(photoQuestion()) } : {}) })).status).toBe(201);
  const photo = withFiles ? await uploaded(api, eventId, 'photo', png(60, 80), 'image/png') : undefined;
  const confirmed = await registerAndConfirm(api, eventId, photo ? { answers: { photo } } : {});
  const pending = await register(api, eventId);
  // The delegation routes: a focal point's link, and a nominee it may withdraw.
  const [focal] = delegations ? await inviteFocalPoints(api, eventId, [{ entityId: 'AT', email: uniqueEmail('focal') }]) : [];
  const nominated = focal ? ((await (await nominate(api, focal, { email: uniqueEmail('nominee') })).json()) as { nomination: { nominationId: string } }).nomination.nominationId : undefined;
  const letter = focal && letters ? new URL((await postLetter(await (await api.request(`/delegation?token=${encodeURIComponent(focal)}`)).text(), pdf())).headers.get('location') ?? '').searchParams.get('letter') : null;
  if (letter) expect((await api.postJson('/delegations/letter', { token: focal, uploadId: letter })).status).toBe(200);
  const ids = (await registrationsOf(api, eventId, '&status=awaiting_approval')).map((item) => item.registrationId);
  // The visa letters are for a place held: approve the confirmed registration (its id stays among the hints).
  if (visaLetters) {
    const [approved] = await registrationsOf(api, eventId, '&status=awaiting_approval');
    expect((await decide(api, eventId, approved!.registrationId, 'approve', { headers: { 'if-match': `"${approved!.revision}"` } })).status).toBe(200);
  }
  const revisions = new Map<string, string>();
  const world: World = {
    eventId,
    manage: confirmed.manage,
    current: {},
    revisions,
    hints: {
      eventId: fc.constant(eventId),
      registrationId: fc.constantFrom(...ids),
      token: fc.constantFrom(confirmed.manage, confirmed.confirmToken, pending.confirmToken, ...(focal ? [focal, focal] : [])),
      entityId: fc.constantFrom('AT', 'FR', 'unknown-entity'),
      ...(nominated ? { nominationId: fc.constant(nominated) } : {}),
      // Read when the request is made, so that it names the revision of that moment.
      'If-Match': fc.constantFrom(...ids).map((id) => `"${revisions.get(id) ?? 'unlisted'}"`),
      ...(letter ? { uploadId: fc.constant(letter) } : {}),
      ...(photo ? { field: fc.constant('photo'), fieldId: fc.constant('photo'), uploadId: fc.constant(photo), contentType: fc.constantFrom('image/png', 'image/jpeg') } : {}),
    },
  };
  await refresh(world);
  return world;
}

/** Reads the registration behind the world's manage token again (after a change to it). */
async function refresh(world: World): Promise<void> {
  for (const item of await registrationsOf(api, world.eventId)) world.revisions.set(item.registrationId, item.revision);
  const own = await api.request(`/registrations/self?token=${encodeURIComponent(world.manage)}`);
  if (own.status !== 200) return;
  const view = (await own.json()) as Record<string, unknown>;
  world.current = Object.fromEntries(Object.entries(view).filter(([key]) => formFieldNames.has(key)));
}

// ---------------------------------------------------------------- what the document says in words

const component = (name: string) => pointerTo('components', 'schemas', name);
const bodyRef = (operation: Operation, media: string) => operation.spec.requestBody?.content?.[media]?.schema?.$ref as string | undefined;

const isText = (value: unknown): value is string => typeof value === 'string';
function strings(value: unknown): string[] {
  if (isText(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
const strayJoiner = /(?<![\p{L}\p{M}])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}])/u;
const before = (a: unknown, b: unknown) => isText(a) && isText(b) && b < a;

/** The merged registration an UpdateRequest asks for: stored fields, the changes over them, null clearing. */
function merged(current: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const consents = changes.consents && typeof changes.consents === 'object' ? { ...(current.consents as object), ...changes.consents } : changes.consents;
  // RegistrationChanges.answers: "null clears an optional one. The others stay as they are."
  const answers = changes.answers && typeof changes.answers === 'object' ? { ...(current.answers as object), ...changes.answers } : (current.answers as object | undefined);
  const result: Record<string, unknown> = { ...current, ...changes, ...(changes.consents === undefined ? {} : { consents }), answers };
  for (const [key, value] of Object.entries(answers ?? {})) if (value === null) delete (answers as Record<string, unknown>)[key];
  if (!answers || Object.keys(answers).length === 0) delete result.answers;
  for (const [key, value] of Object.entries(result)) if (value === null) delete result[key];
  return result;
}

function proseRules(world: World): ProseRule[] {
  return [
    // info.description: text is well-formed Unicode, and joiners stand between letters.
    (_request, _operation, body) =>
      strings(body).some((text) => !text.isWellFormed() || strayJoiner.test(text)) ? 'body: text that is not well-formed, or a stray joiner' : undefined,
    // RegistrationInput.departureDate: "Not before arrivalDate"; category: "one of the categories the event invites".
    async (request, operation, body) => {
      const form = bodyRef(operation, mediaTypeOf(request.headers['content-type'])) === component('RegistrationInput') ? (body as Schema) : undefined;
      if (!form || typeof form !== 'object') return undefined;
      if (before(form.arrivalDate, form.departureDate)) return 'body: departure before arrival';
      const event = await api.request(`/events/${encodeURIComponent(request.pathValues.eventId ?? '')}`);
      const invited = event.status === 200 ? ((await event.json()) as { categories: string[] }).categories : undefined;
      return invited && !invited.includes(form.category) ? 'body: a category the event does not invite' : undefined;
    },
    // Answers: "An unknown id is refused", on submit, the participant's correction and the organizers' edit.
    async (request, operation, body) => {
      const ref = bodyRef(operation, mediaTypeOf(request.headers['content-type']));
      const answers =
        ref === component('RegistrationInput') ? (body as Schema | undefined)?.answers
        : ref === component('UpdateRequest') || ref === component('RegistrationEdit') ? (body as Schema | undefined)?.changes?.answers
        : undefined;
      if (!answers || typeof answers !== 'object') return undefined;
      const eventId = ref === component('UpdateRequest') ? world.eventId : request.pathValues.eventId;
      const asked = await questionsOf(eventId ?? '');
      const unknown = Object.entries(answers).filter(([id, value]) => value !== null && !asked.has(id));
      return unknown.length > 0 ? 'body: answers to questions the event\'s form does not ask' : undefined;
    },
    // EventInput.form: the rules of a definition in FormDefinition's words, and the event's on its texts and answered fields.
    async (request, operation, body) => {
      if (bodyRef(operation, 'application/json') !== component('EventInput') || !body || typeof body !== 'object') return undefined;
      const event = body as Schema;
      // Only a form its schema takes: the schema judges the rest.
      if (!event.form || !checker.validates(component('FormDefinition'), event.form).ok) return undefined;
      const previous = await api.request(`/events/${encodeURIComponent(request.pathValues.eventId ?? '')}`);
      const before = previous.status === 200 ? ((await previous.json()) as Schema).form : undefined;
      return formRulesBroken(event, before);
    },
    // Event and EventInput: the dates in order, and the id the path's.
    (request, operation, body) => {
      if (bodyRef(operation, 'application/json') !== component('EventInput') || !body || typeof body !== 'object') return undefined;
      const event = body as Schema;
      if (before(event.startDate, event.endDate)) return 'body: event ends before it starts';
      const { opensAt, closesAt } = event.registration ?? {};
      if (isText(opensAt) && isText(closesAt) && Date.parse(closesAt) <= Date.parse(opensAt)) return 'body: registration closes before it opens';
      if (event.id !== undefined && event.id !== request.pathValues.eventId) return 'body: an id other than the path\'s';
      return undefined;
    },
    // EventInput.visaLetter.requestedBy: "names a yes/no question of the form that is not an accreditation question".
    (_request, operation, body) => {
      if (bodyRef(operation, 'application/json') !== component('EventInput') || !body || typeof body !== 'object') return undefined;
      const event = body as Schema;
      const requestedBy = event.visaLetter?.requestedBy;
      if (requestedBy === undefined) return undefined;
      const questions = ((event.form?.sections ?? []) as Schema[]).flatMap((section) => (Array.isArray(section.fields) ? section.fields : []) as Schema[]);
      const question = questions.find((field) => field.id === requestedBy && 'kind' in field);
      return question?.kind === 'yes_no' && !question.accreditation ? undefined : 'body: visaLetter.requestedBy names no yes/no question of the form';
    },
    // UploadRequest.contentType: "the question must take it"; size: "at most the question's limit".
    async (request, operation, body) => {
      if (bodyRef(operation, 'application/json') !== component('UploadRequest') || !body || typeof body !== 'object') return undefined;
      const upload = body as Schema;
      const field = (await fieldsOf(request.pathValues.eventId ?? '')).find((candidate) => candidate.id === upload.field);
      if (!field || (field.kind !== 'file' && field.kind !== 'photo')) return undefined;
      const types: string[] = field.kind === 'photo' ? ['image/jpeg', 'image/png'] : (field.fileTypes ?? ['image/jpeg', 'image/png', 'application/pdf']);
      if (!types.includes(upload.contentType)) return 'body: a content type the question does not take';
      return typeof upload.size === 'number' && upload.size > (field.maxBytes ?? 5 * 1024 * 1024) ? 'body: larger than the question takes' : undefined;
    },
    // RegistrationChanges: the registration with the changes applied passes RegistrationInput again.
    (request, operation, body) => {
      if (mediaTypeOf(request.headers['content-type']) !== 'application/json' || bodyRef(operation, 'application/json') !== component('UpdateRequest')) return undefined;
      const changes = (body as Schema | undefined)?.changes;
      if (!changes || typeof changes !== 'object' || (body as Schema).token !== world.manage) return undefined;
      return brokenOnceChanged(world.current, changes);
    },
    // RegistrationEdit: the same for organizers (the world's registration is the one the path names),
    // and a consent may be withdrawn, never given.
    (request, operation, body) => {
      if (mediaTypeOf(request.headers['content-type']) !== 'application/json' || bodyRef(operation, 'application/json') !== component('RegistrationEdit')) return undefined;
      const changes = (body as Schema | undefined)?.changes;
      if (!changes || typeof changes !== 'object') return undefined;
      const stored = (world.current.consents ?? {}) as Record<string, unknown>;
      const given = Object.entries((changes.consents ?? {}) as Record<string, unknown>).some(([consent, value]) => value === true && stored[consent] !== true);
      return given ? 'body: a consent given on the participant\'s behalf' : brokenOnceChanged(world.current, changes);
    },
    // BulkDecisionRequest.items: each registration at most once.
    (_request, operation, body) => {
      if (bodyRef(operation, 'application/json') !== component('BulkDecisionRequest') || !Array.isArray((body as Schema | undefined)?.items)) return undefined;
      const ids = ((body as Schema).items as Schema[]).map((item) => item?.registrationId);
      return new Set(ids).size !== ids.length ? 'body: a registration listed twice' : undefined;
    },
  ];
}

/** The event's own questions, as its public view shows its form. */
async function fieldsOf(eventId: string): Promise<Schema[]> {
  const response = await api.request(`/events/${encodeURIComponent(eventId)}`);
  if (response.status !== 200) return [];
  const { form } = (await response.json()) as { form: { sections: { fields: Schema[] }[] } };
  return form.sections.flatMap((section) => section.fields).filter((field) => field.kind !== 'standard');
}

async function questionsOf(eventId: string): Promise<Set<string>> {
  return new Set((await fieldsOf(eventId)).map((field) => field.id as string));
}

const mandatory = ['firstName', 'lastName', 'email', 'category', 'country', 'organization', 'consents'];
const reserved = new Set([...mandatory, 'title', 'phone', 'position', 'arrivalDate', 'departureDate', 'dietaryRequirements', 'accessibilityNeeds', 'language', 'website', 'answers']);
const discrete: Record<string, (field: Schema) => (value: unknown) => boolean> = {
  yes_no: () => (value) => typeof value === 'boolean',
  single_choice: (field) => (value) => field.choices.some((choice: Schema) => choice.id === value),
  multiple_choice: (field) => (value) => field.choices.some((choice: Schema) => choice.id === value),
  country: () => (value) => typeof value === 'string' && /^[A-Z]{2}$/.test(value),
};
const standardValues: Record<string, (value: unknown) => boolean> = {
  category: (value) => ['participating_state', 'partner_for_cooperation', 'osce_executive_structure', 'osce_field_operation', 'international_organization', 'civil_society'].includes(value as string),
  title: (value) => ['Mr', 'Ms', 'Mx', 'Dr', 'Prof', 'H.E.'].includes(value as string),
  country: (value) => typeof value === 'string' && /^[A-Z]{2}$/.test(value),
};

/** FormDefinition's rules in words, then EventInput's on texts in every language while open and on answered fields. */
function formRulesBroken(event: Schema, before: Schema | undefined): string | undefined {
  const sections = event.form.sections as Schema[];
  const fields = sections.flatMap((section) => section.fields as Schema[]);
  const idOf = (field: Schema) => (field.kind === 'standard' ? field.name : field.id) as string;
  if (fields.length > 80) return 'form: more than 80 fields';
  if (new Set(sections.map((section) => section.id)).size !== sections.length) return 'form: a section id twice';
  const ids = fields.map(idOf);
  if (new Set(ids).size !== ids.length) return 'form: a field id twice';
  if (fields.some((field) => field.kind !== 'standard' && reserved.has(field.id))) return 'form: a standard field\'s name as a question';
  if (!mandatory.every((name) => ids.includes(name))) return 'form: a mandatory standard field not placed';
  if (ids.indexOf('country') < ids.indexOf('category')) return 'form: country before category';
  if (fields.some((field) => field.kind === 'standard' && field.required !== undefined && mandatory.includes(field.name))) return 'form: required on a mandatory field';
  for (const [index, field] of fields.entries()) {
    if (field.kind === 'standard') continue;
    const low = (a: unknown, b: unknown) => a !== undefined && b !== undefined && (a as number) > (b as number);
    if (low(field.minLength, field.maxLength) || low(field.minCount, field.maxCount) || low(field.min, field.max) || low(field.minDate, field.maxDate)) return 'form: limits the wrong way round';
    if (field.kind === 'short_text' && (field.maxLength ?? 0) > 500) return 'form: a short text over 500';
    if (field.choices && new Set(field.choices.map((choice: Schema) => choice.id)).size !== field.choices.length) return 'form: a choice id twice';
    if (field.kind === 'multiple_choice' && (field.minCount ?? 0) > field.choices.length) return 'form: minCount above the choices';
    if (field.showIf) {
      const target = fields.slice(0, index).find((earlier) => idOf(earlier) === field.showIf.field);
      if (!target) return 'form: showIf on no earlier field';
      const accepts = target.kind === 'standard' ? standardValues[target.name] : discrete[target.kind]?.(target);
      if (!accepts || !field.showIf.anyOf.every(accepts)) return 'form: showIf on a field or value it cannot look at';
    }
  }
  if (sections.some((section) => !section.title && !['about', 'represent', 'travel', 'needs'].includes(section.id))) {
    if (windowOpen(event)) return 'form: a section without a title while registration is open';
  }
  const languages: string[] = event.languages ?? ['en', 'fr', 'de', 'it', 'ru', 'es'];
  const texts = [
    ...sections.map((section) => section.title).filter(Boolean),
    ...fields.filter((field) => field.kind !== 'standard').flatMap((field) => [field.label, field.hint, ...(field.choices ?? []).map((choice: Schema) => choice.label)].filter(Boolean)),
  ] as Record<string, string>[];
  if (windowOpen(event) && texts.some((text) => languages.some((language) => !text[language]?.trim()))) return 'form: a text missing in one of the languages while registration is open';
  const answered = new Map(((before?.sections ?? []) as Schema[]).flatMap((section) => section.fields as Schema[]).filter((field) => field.kind !== 'standard').map((field) => [field.id, field]));
  // The world's events have registrations: a question's kind and accreditation stay.
  if (fields.some((field) => field.kind !== 'standard' && answered.has(field.id) && (answered.get(field.id)!.kind !== field.kind || Boolean(answered.get(field.id)!.accreditation) !== Boolean(field.accreditation)))) {
    return 'form: an answered field changes kind or accreditation';
  }
  return undefined;
}

function windowOpen(event: Schema): boolean {
  const { opensAt, closesAt } = event.registration ?? {};
  return !(isText(opensAt) && Date.now() < Date.parse(opensAt)) && !(isText(closesAt) && Date.now() >= Date.parse(closesAt));
}

/** Why the stored registration with these changes breaks RegistrationInput, if it does. */
function brokenOnceChanged(current: Record<string, unknown>, changes: Record<string, unknown>): string | undefined {
  const form = merged(current, changes);
  if (!checker.validates(component('RegistrationInput'), form).ok) return 'body: the changed registration breaks RegistrationInput';
  return before(form.arrivalDate, form.departureDate) ? 'body: departure before arrival once changed' : undefined;
}

/** RegistrationInput.website: a filled honeypot is answered 202 without any other check of the body. */
const honeypot: Excuse = (request, operation, body) => {
  if (bodyRef(operation, mediaTypeOf(request.headers['content-type'])) !== component('RegistrationInput')) return false;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const { website } = body as Schema;
  return !(website === undefined || website === null || website === false || (typeof website === 'string' && website.trim() === ''));
};

/** Repairs a generated body to meet the rules above, so that most valid requests are valid in words too. */
function repaired(value: unknown, pathValues: Record<string, string>, schemaRef: string | undefined): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy = structuredClone(value) as Schema;
  const order = (target: Schema, first: string, second: string) => {
    if (before(target[first], target[second])) [target[first], target[second]] = [target[second], target[first]];
  };
  order(copy, 'arrivalDate', 'departureDate');
  if (copy.changes && typeof copy.changes === 'object') order(copy.changes, 'arrivalDate', 'departureDate');
  if (schemaRef === component('EventInput')) {
    order(copy, 'startDate', 'endDate');
    if (copy.registration) order(copy.registration, 'opensAt', 'closesAt');
    if (copy.registration?.opensAt && copy.registration.opensAt === copy.registration.closesAt) delete copy.registration.opensAt;
    if (copy.id !== undefined) copy.id = pathValues.eventId;
    if (copy.form) copy.form = repairedForm(copy.form, copy.languages ?? ['en', 'fr', 'de', 'it', 'ru', 'es']);
    if (copy.visaLetter && typeof copy.visaLetter === 'object') delete copy.visaLetter.requestedBy;
  }
  return copy;
}

/** A generated form made to follow FormDefinition's rules: the mandatory fields placed first, ids unique, limits in order, every text in every language. */
function repairedForm(form: Schema, languages: string[]): Schema {
  const seen = new Set<string>(reserved);
  const unique = (id: string) => {
    let candidate = id;
    for (let n = 2; seen.has(candidate); n++) candidate = `${id.slice(0, 36)}${n}`;
    seen.add(candidate);
    return candidate;
  };
  const everyLanguage = (texts: Record<string, string> | undefined) => {
    const some = Object.values(texts ?? {})[0] ?? 'Text';
    return Object.fromEntries(languages.map((language) => [language, texts?.[language] ?? some]));
  };
  const ordered = (field: Schema, low: string, high: string) => {
    if (field[low] !== undefined && field[high] !== undefined && field[low] > field[high]) [field[low], field[high]] = [field[high], field[low]];
  };
  const sectionIds = new Set<string>(['about']);
  const sections = (form.sections as Schema[]).map((section) => {
    let id = section.id as string;
    for (let n = 2; sectionIds.has(id); n++) id = `${(section.id as string).slice(0, 36)}${n}`;
    sectionIds.add(id);
    const fields = (section.fields as Schema[])
      .filter((field) => field.kind !== 'standard')
      .map((field) => {
        const fixed: Schema = { ...field, id: unique(field.id), label: everyLanguage(field.label) };
        delete fixed.showIf;
        // Storable numbers: "zero or at least 10^-9 from it".
        for (const bound of ['min', 'max']) if (typeof fixed[bound] === 'number' && Math.abs(fixed[bound]) < 1e-9) fixed[bound] = 0;
        if (fixed.hint) fixed.hint = everyLanguage(fixed.hint);
        for (const [low, high] of [['minLength', 'maxLength'], ['minCount', 'maxCount'], ['min', 'max'], ['minDate', 'maxDate']]) ordered(fixed, low!, high!);
        if (fixed.kind === 'short_text' && (fixed.maxLength ?? 0) > 500) fixed.maxLength = 500;
        if (fixed.choices) {
          const ids = new Set<string>();
          fixed.choices = (fixed.choices as Schema[]).filter((choice) => !ids.has(choice.id) && ids.add(choice.id)).map((choice) => ({ ...choice, label: everyLanguage(choice.label) }));
          if ((fixed.minCount ?? 0) > fixed.choices.length) fixed.minCount = fixed.choices.length;
          ordered(fixed, 'minCount', 'maxCount');
        }
        return fixed;
      });
    return { ...section, id, title: everyLanguage(section.title), fields };
  });
  const placed = { id: 'about', fields: mandatory.map((name) => ({ kind: 'standard', name })) };
  return { sections: [placed, ...sections.filter((section) => section.fields.length > 0)].slice(0, 20) };
}

// ---------------------------------------------------------------- requests

interface Request extends Sent {
  intent: 'valid' | 'invalid';
}

const encodeBody = (media: string, value: unknown) =>
  media === 'application/x-www-form-urlencoded'
    ? new URLSearchParams(Object.entries((value ?? {}) as Record<string, unknown>).map(([key, member]) => [key, typeof member === 'string' ? member : JSON.stringify(member)])).toString()
    : JSON.stringify(value);

function bodyOf(body: Schema | undefined, world: World): fc.Arbitrary<{ type: string; value: unknown } | undefined> {
  if (!body) return fc.constant(undefined);
  const chosen = fc
    .constantFrom(...Object.keys(body.content))
    .chain((type) => valid(body.content[type].schema, checker.resolve, world.hints).map((value) => ({ type, value })));
  return body.required ? chosen : fc.option(chosen, { nil: undefined });
}

/** Requests the document calls valid: parameters and body from their schemas, the world's real values mixed in. */
function validRequests(operation: Operation, world: World): fc.Arbitrary<Request> {
  const parameters = (operation.spec.parameters ?? []) as Schema[];
  const path = parameters.filter((parameter) => parameter.in === 'path');
  const query = parameters.filter((parameter) => parameter.in === 'query');
  const headerParameters = parameters.filter((parameter) => parameter.in === 'header');
  const body = operation.spec.requestBody as Schema | undefined;
  const answers = Object.values(operation.spec.responses as Record<string, Schema>).flatMap((response) => Object.keys(checker.resolve(response).content ?? {}));
  return fc
    .record({
      pathValues: fc.record(Object.fromEntries(path.map((parameter) => [parameter.name, valid(parameter.schema, checker.resolve, world.hints, parameter.name)]))),
      query: fc.record(
        Object.fromEntries(query.map((parameter) => [parameter.name, valid(parameter.schema, checker.resolve, world.hints, parameter.name)])) as Record<string, fc.Arbitrary<unknown>>,
        { requiredKeys: query.filter((parameter) => parameter.required).map((parameter) => parameter.name as string) },
      ),
      headerValues: fc.record(
        Object.fromEntries(headerParameters.map((parameter) => [String(parameter.name).toLowerCase(), valid(parameter.schema, checker.resolve, world.hints, parameter.name)])) as Record<string, fc.Arbitrary<unknown>>,
        { requiredKeys: headerParameters.filter((parameter) => parameter.required).map((parameter) => String(parameter.name).toLowerCase()) },
      ),
      accept: fc.option(fc.constantFrom(...new Set(answers)), { nil: undefined }),
      body: bodyOf(body, world),
    })
    .map(({ pathValues, query: values, headerValues, accept, body: chosen }) => {
      const headers: Record<string, string> = Object.fromEntries(Object.entries(headerValues).map(([key, value]) => [key, String(value)]));
      if (accept) headers.accept = accept;
      const strings = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
      let text: string | undefined;
      if (chosen) {
        headers['content-type'] = chosen.type;
        const value = repaired(chosen.value, pathValues as Record<string, string>, body!.content[chosen.type].schema.$ref);
        text = encodeBody(chosen.type, value);
      }
      return { method: operation.method, pathValues: pathValues as Record<string, string>, query: strings, headers, body: text, caller: 'organizer' as const, intent: 'valid' as const };
    });
}

/** A path value or query parameter that its schema refuses. */
const badValue = fc.oneof(
  anyJson.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))),
  fc.constantFrom('UPPER-CASE', 'with space', 'a'.repeat(70), '-leading', 'trailing-', 'ünïcode', '0', '101', '-1', '1.5', 'x'),
);

/** Requests near the valid ones that the document calls invalid (the judge has the last word). */
function invalidRequests(operation: Operation, world: World): fc.Arbitrary<Request> {
  const parameters = (operation.spec.parameters ?? []) as Schema[];
  return validRequests(operation, world).chain((request) => {
    const changes: fc.Arbitrary<Partial<Request>>[] = [];

    if (request.body) {
      const media = mediaTypeOf(request.headers['content-type']);
      const value = media === 'application/json' ? JSON.parse(request.body) : Object.fromEntries(new URLSearchParams(request.body));
      changes.push(
        mutated(value).map((next) => ({ body: encodeBody(media, next) })),
        fc.constantFrom('{', '{"token":', 'not json', '[]', 'null', '"text"', '42').map((text) => ({ body: text, headers: { ...request.headers, 'content-type': 'application/json' } })),
        fc.constantFrom('text/plain', 'application/xml', 'application/json; charset=latin1', 'multipart/form-data; boundary=x').map((type) => ({ headers: { ...request.headers, 'content-type': type } })),
      );
    } else if (operation.spec.requestBody) {
      changes.push(fc.constant({ body: JSON.stringify({ unknown: 1 }), headers: { ...request.headers, 'content-type': 'application/json' } }));
    }
    for (const parameter of parameters.filter((candidate) => candidate.in === 'header')) {
      const key = String(parameter.name).toLowerCase();
      changes.push(badValue.map((value) => ({ headers: { ...request.headers, [key]: value } })));
      if (parameter.required) changes.push(fc.constant({ headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== key)) }));
    }
    for (const parameter of parameters.filter((candidate) => candidate.in !== 'header')) {
      const at = parameter.in === 'path' ? 'pathValues' : 'query';
      changes.push(badValue.map((value) => ({ [at]: { ...request[at], [parameter.name]: value } })));
      if (parameter.in === 'query' && parameter.required) {
        changes.push(fc.constant({ query: Object.fromEntries(Object.entries(request.query).filter(([key]) => key !== parameter.name)) }));
      }
    }
    if ((operation.spec.security ?? []).length > 0) changes.push(fc.constantFrom<Sent['caller']>('nobody', 'forged', 'other group').map((caller) => ({ caller })));
    if (changes.length === 0) return fc.constant(request);
    return fc.oneof(...changes).map((change) => ({ ...request, ...change, intent: 'invalid' as const }));
  });
}

// Path values that would change the route itself (a URL's dot segments, an empty segment) are not
// values of this operation's parameters, and text with white space at either end is left out (the
// document says in words which fields are trimmed: JSON Schema would judge the raw text, the API the
// trimmed one).
const sendable = (request: Request) =>
  Object.values(request.pathValues).every((value) => value !== '' && value !== '.' && value !== '..' && value.isWellFormed()) &&
  Object.values(request.query).every((value) => value.isWellFormed()) &&
  // A header value is bytes of Latin-1 without line breaks: fetch cannot send anything else.
  Object.values(request.headers).every((value) => /^[\t\x20-\x7e\x80-\xff]*$/.test(value) && value.trim() === value) &&
  !strings(safeParse(request)).some((text) => text.trim() !== text);

function safeParse(request: Request): unknown {
  if (!request.body) return undefined;
  try {
    return mediaTypeOf(request.headers['content-type']) === 'application/x-www-form-urlencoded' ? Object.fromEntries(new URLSearchParams(request.body)) : JSON.parse(request.body);
  } catch {
    return undefined;
  }
}

/**
 * Schemathesis's coverage phase, in small: one valid request with a body, then that body with each
 * required member left out in turn (nested ones too) and with a member its schema does not list.
 * Deterministic, so a member the document requires and the API does not is found on every run.
 */
async function leftOut(operation: Operation, world: World, rules: ProseRule[]): Promise<Request[]> {
  const samples = fc.sample(validRequests(operation, world).filter(sendable), { seed: fuzzSeed, numRuns: 40 });
  let base: Request | undefined;
  for (const sample of samples) {
    if (sample.body && (await checker.judge(operation, sample, rules, [honeypot])).length === 0) {
      base = sample;
      break;
    }
  }
  if (!base?.body) return [];
  const media = mediaTypeOf(base.headers['content-type']);
  const value = safeParse(base);
  const variants = withoutRequired(value, checker.resolve(operation.spec.requestBody.content[media].schema));
  return variants.map((variant) => ({ ...base, body: encodeBody(media, variant), intent: 'invalid' as const }));
}

function withoutRequired(value: unknown, schema: Schema): unknown[] {
  if (!value || typeof value !== 'object' || Array.isArray(value) || schema.type !== 'object') return [];
  const object = value as Record<string, unknown>;
  const variants: unknown[] = ((schema.required ?? []) as string[])
    .filter((key) => key in object)
    .map((key) => Object.fromEntries(Object.entries(object).filter(([member]) => member !== key)));
  if (schema.additionalProperties === false) variants.push({ ...object, notInTheSchema: 1 });
  for (const [key, member] of Object.entries(object)) {
    const property = schema.properties?.[key];
    if (property) variants.push(...withoutRequired(member, checker.resolve(property)).map((inner) => ({ ...object, [key]: inner })));
  }
  return variants;
}

async function send(operation: Operation, request: Request, to: TestApi = api) {
  let path = operation.path;
  for (const [name, value] of Object.entries(request.pathValues)) path = path.replace(`{${name}}`, encodeURIComponent(value));
  const query = new URLSearchParams(request.query).toString();
  const token = (operation.spec.security ?? []).length > 0 ? tokens[request.caller] : undefined;
  const headers = { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await to.request(query ? `${path}?${query}` : path, { method: request.method, headers, ...(request.body ? { body: request.body } : {}) });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

// ---------------------------------------------------------------- the properties

interface Tally {
  sent: number;
  valid: number;
  invalid: number;
  statuses: Map<number, number>;
}
const tallies = new Map<string, Tally>();

describe(`the API against its own document (seed ${fuzzSeed}, ${runsPerOperation} requests per operation)`, () => {
  it('serves the document it generates', () => {
    // Assess
    expect(document).toEqual(JSON.parse(JSON.stringify(openApiDocument(api.baseUrl))));
  });

  // The operations are those of the served document; the route table is what the document is built from.
  for (const operation of operationsOf(openApiDocument('http://localhost'))) {
    const name = `${operation.method} ${operation.path}`;
    it(`${name}: every answer is documented, invalid requests are refused, valid ones are not refused for their form`, async () => {
      // Prepare
      const world = worlds.get(name)!;
      const rules = proseRules(world);
      const tally: Tally = { sent: 0, valid: 0, invalid: 0, statuses: new Map() };
      tallies.set(name, tally);
      const requests = fc.oneof(validRequests(operation, world), invalidRequests(operation, world)).filter(sendable);
      const served = operationsOf(document).find((candidate) => candidate.method === operation.method && candidate.path === operation.path)!;

      const exercise = async (request: Request) => {
        const why = await checker.judge(served, request, rules, [honeypot]);
        const answer = await send(served, request);
        const label = `${name} ${JSON.stringify({ ...request, body: request.body?.slice(0, 400) })} -> ${answer.status} ${answer.body.slice(0, 300)}`;
        tally.sent++;
        tally.statuses.set(answer.status, (tally.statuses.get(answer.status) ?? 0) + 1);
        expect(checker.problems(served, answer), label).toEqual([]);
        if (why.length > 0) {
          tally.invalid++;
          expect(answer.status, `invalid (${why.join('; ')}) but not refused: ${label}`).toBeGreaterThanOrEqual(400);
          expect(answer.status, label).toBeLessThan(500);
        } else {
          tally.valid++;
          const code = mediaTypeOf(answer.headers.get('content-type')) === 'application/json' && answer.status >= 400 ? (JSON.parse(answer.body) as Schema).error?.code : undefined;
          expect(refusedForItsForm.has(code), `valid by the document, refused for its form: ${label}`).toBe(false);
        }
        if (answer.status < 300 && request.method !== 'GET') await refresh(world);
      };

      // Act / Assess: every required member left out in turn, then the generated requests.
      for (const request of await leftOut(served, world, rules)) await exercise(request);
      await fc.assert(fc.asyncProperty(requests, exercise), { numRuns: runsPerOperation });

      // Assess: both kinds were sent, and the operation did its work at least once (real values reached it).
      expect(tally.valid, 'requests the document calls valid').toBeGreaterThan(runsPerOperation / 10);
      expect(tally.invalid, 'requests the document calls invalid').toBeGreaterThan(operation.spec.parameters || operation.spec.requestBody ? runsPerOperation / 10 : -1);
      expect([...tally.statuses.keys()].some((status) => status < 300), `a success among ${[...tally.statuses.keys()]}`).toBe(true);
    });
  }
});

describe('when the stage throttles', () => {
  it('every operation answers 429 as the document says, Retry-After included', async () => {
    // Prepare: a stage of one request per hundred seconds, whose one request is spent at once.
    const throttledApi = await startTestApi({ throttle: { ...defaultThrottle, rateLimit: 0.01, burstLimit: 1, publicPostRateLimit: 0.01, publicPostBurstLimit: 1 } });
    const nowhere: World = { eventId: 'nowhere', hints: {}, current: {}, manage: '', revisions: new Map() };
    try {
      await throttledApi.request('/openapi.json');

      // Act
      const answered = [];
      for (const operation of operationsOf(document)) {
        const [request] = fc.sample(validRequests(operation, nowhere).filter(sendable), { seed: fuzzSeed, numRuns: 1 });
        answered.push({ operation, answer: await send(operation, request!, throttledApi) });
      }

      // Assess
      for (const { operation, answer } of answered) {
        expect(answer.status, `${operation.method} ${operation.path}`).toBe(429);
        expect(answer.headers.get('retry-after'), `${operation.method} ${operation.path}`).toMatch(/^[1-9][0-9]*$/);
        expect(checker.problems(operation, answer), `${operation.method} ${operation.path}`).toEqual([]);
      }
    } finally {
      await throttledApi.stop();
    }
  });
});
