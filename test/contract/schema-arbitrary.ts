// fast-check arbitraries from the JSON Schemas of an OpenAPI 3.1 document: values a schema allows,
// and values near them that it refuses. Small on purpose: it knows the keywords the project's
// document uses, and throws on any other, so a schema it cannot read fails the test instead of being
// generated wrongly. Validity is the validator's word (conformance.ts), never this file's: the
// generators here aim, and the caller keeps or judges what they produce.
import fc from 'fast-check';

export type Schema = Record<string, any>;
export type Resolve = (schema: Schema) => Schema;

/** Values for a property or parameter by name (real tokens, ids): mixed in, to reach deeper code. */
export type Hints = Record<string, fc.Arbitrary<unknown> | undefined>;

const known = new Set([
  '$ref', 'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items',
  'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum',
  'anyOf', 'oneOf', 'allOf', 'if', 'then', 'not', 'default', 'description', 'title', 'example',
]);

// Text as people write it, in the scripts the conferences see, with inner spaces and punctuation.
// Never white space at either end, nor a lone surrogate or a stray joiner: the document says in
// words that text is trimmed and must be well-formed (see conformance.ts).
const letters = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éèüößçøñłšžąğışЖжЮюЯяДдΩωλ日本語中文한국🦄'];
const inner = [...letters, ' ', '.', ',', '-', "'", '(', ')', '&', '/'];
function text(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const span = (shortest: number, longest: number) =>
    fc
      .tuple(
        fc.constantFrom(...letters),
        fc.array(fc.constantFrom(...inner), { minLength: Math.max(0, shortest - 2), maxLength: Math.max(0, longest - 2) }),
        fc.constantFrom(...letters),
      )
      .map(([first, middle, last]) => (longest <= 1 ? first : `${first}${middle.join('')}${last}`));
  // Mostly short, sometimes right at the limit, where counting characters differently shows.
  return fc
    .oneof({ weight: 4, arbitrary: span(minLength, Math.min(maxLength, minLength + 40)) }, { weight: 1, arbitrary: span(Math.max(minLength, maxLength - 6), maxLength) })
    .filter((value) => [...value].length >= minLength && [...value].length <= maxLength);
}

const isoDay = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true });

function formatted(format: string): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'date':
      return isoDay.map((day) => day.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .tuple(isoDay, fc.constantFrom('Z', '+01:00', '-05:00', '+05:30'))
        .map(([moment, zone]) => `${moment.toISOString().slice(0, 19)}${zone}`);
    default:
      return undefined;
  }
}

/** Whether a pattern only forbids characters (`^[^...]*$`): text of the safe alphabet meets it. */
const onlyForbids = (pattern: string) => /^\^\[\^[^\]]*\]\*\$$/.test(pattern);

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 120;
  const byFormat = schema.format ? formatted(schema.format) : undefined;
  if (byFormat) return byFormat;
  const patterns: string[] = [schema.pattern, ...(schema.allOf ?? []).map((part: Schema) => part.pattern)].filter(Boolean);
  const shaping = patterns.find((pattern) => !onlyForbids(pattern));
  const base = shaping ? fc.stringMatching(new RegExp(shaping)) : text(Math.max(minLength, 1), maxLength);
  const lengthOk = (value: string) => [...value].length >= minLength && [...value].length <= maxLength;
  return base.filter(lengthOk);
}

function integerArbitrary(schema: Schema): fc.Arbitrary<number> {
  // Realistic sizes: the document's bounds are the safe-integer range where Zod sets none.
  const min = Math.max(schema.minimum ?? -1000, -1_000_000);
  const max = Math.min(schema.maximum ?? 100_000, 1_000_000);
  return fc.integer({ min, max: Math.max(min, max) });
}

function assertKnown(schema: Schema): void {
  const unknown = Object.keys(schema).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`The generator does not know ${unknown.join(', ')} in ${JSON.stringify(schema).slice(0, 200)}`);
}

/** A value the schema allows, most of the time (the caller checks); `hints` by property name first. */
export function valid(input: Schema, resolve: Resolve, hints: Hints = {}, name?: string): fc.Arbitrary<unknown> {
  const schema = resolve(input);
  assertKnown(schema);
  const hinted = name ? hints[name] : undefined;
  const generated = generate(schema, resolve, hints);
  return hinted ? fc.oneof({ weight: 3, arbitrary: hinted }, { weight: 1, arbitrary: generated }) : generated;
}

function generate(schema: Schema, resolve: Resolve, hints: Hints): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  if (schema.anyOf) return fc.oneof(...(schema.anyOf as Schema[]).map((branch) => valid(branch, resolve, hints)));
  // A discriminated union: its branches differ in a const, so a value of one is of no other.
  if (schema.oneOf) return fc.oneof(...(schema.oneOf as Schema[]).map((branch) => valid(branch, resolve, hints)));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type: string) => generate({ ...schema, type }, resolve, hints)));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integerArbitrary(schema);
    case 'number':
      return fc.oneof(integerArbitrary(schema), fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true }));
    case 'string':
      return stringArbitrary(schema);
    case 'array': {
      const items = valid(schema.items ?? {}, resolve, hints);
      const bounds = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, (schema.minItems ?? 0) + 4) };
      return schema.uniqueItems ? fc.uniqueArray(items, { ...bounds, selector: (item) => JSON.stringify(item) }) : fc.array(items, bounds);
    }
    case 'object':
      return objectArbitrary(schema, resolve, hints);
    default:
      if (schema.$ref === undefined && Object.keys(schema).every((key) => ['description', 'title', 'default'].includes(key))) return fc.jsonValue({ maxDepth: 2 });
      throw new Error(`No generator for ${JSON.stringify(schema).slice(0, 200)}`);
  }
}

function objectArbitrary(schema: Schema, resolve: Resolve, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries((schema.properties ?? {}) as Record<string, Schema>)
    // A property whose schema is `not: {}` can never be given.
    .filter(([, property]) => !(property.not && Object.keys(property.not).length === 0));
  const required = new Set<string>(schema.required ?? []);
  const record = fc.record(
    Object.fromEntries(properties.map(([key, property]) => [key, valid(property, resolve, hints, key)])),
    { requiredKeys: properties.map(([key]) => key).filter((key) => required.has(key)) },
  );
  const extra =
    typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null
      ? fc.dictionary(
          (schema.propertyNames ? valid(schema.propertyNames, resolve, hints) : text(1, 12)) as fc.Arbitrary<string>,
          valid(schema.additionalProperties, resolve, hints),
          { maxKeys: 3 },
        )
      : fc.constant({});
  const conditionals = ((schema.allOf ?? []) as Schema[]).filter((part) => part.if && part.then);
  return fc.tuple(record, extra).chain(([fields, more]) => {
    const value: Record<string, unknown> = { ...more, ...fields };
    // An if/then rule whose condition this value meets: its then-properties are generated from then.
    const applying = conditionals.filter((rule) => meets(value, rule.if));
    if (applying.length === 0) return fc.constant(value);
    const overrides = applying.flatMap((rule) =>
      Object.entries((rule.then.properties ?? {}) as Record<string, Schema>).map(([key, property]) =>
        valid({ ...resolve((schema.properties ?? {})[key] ?? {}), ...property }, resolve, hints, key).map((generated) => [key, generated] as const),
      ),
    );
    return fc.tuple(...overrides).map((pairs) => ({ ...value, ...Object.fromEntries(pairs) }));
  });
}

/** The if-schemas the document uses: required keys with const properties. */
function meets(value: Record<string, unknown>, condition: Schema): boolean {
  const required: string[] = condition.required ?? [];
  if (!required.every((key) => key in value)) return false;
  return Object.entries((condition.properties ?? {}) as Record<string, Schema>).every(([key, property]) => !('const' in property) || value[key] === property.const);
}

// ---------------------------------------------------------------- refused values

/** Values of every JSON type and some hostile strings, none with white space at either end. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e21, '', 'x', 'ZZ', '0', '1e2', 'null', '<script>', '日本', 'a\uD800b', 'a\u200D', 'a\u0000b', 'a\nb', 'a'.repeat(3000), [], {}, [1], { a: 1 }),
  fc.integer(),
  text(1, 20),
  fc.string({ unit: 'grapheme', maxLength: 20 }).filter((value) => value.trim() === value),
);

type Path = (string | number)[];

/** The places in a value where a mutation can land: the value itself and every nested member. */
function places(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, index) => places(item, [...at, index]))];
  if (value && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([key, member]) => places(member, [...at, key]))];
  return [at];
}

function replaced(value: unknown, path: Path, by: (old: unknown) => unknown): unknown {
  if (path.length === 0) return by(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaced(item, rest, by) : item));
  const copy = { ...(value as Record<string, unknown>) };
  const key = head as string;
  const next = replaced(copy[key], rest, by);
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return copy;
}

/**
 * A value near `value` that is likely refused: a member left out, one added that no schema lists, or
 * one replaced by another type, a far too long string, or any JSON. The caller judges the result.
 */
export function mutated(value: unknown): fc.Arbitrary<unknown> {
  const spots = places(value);
  const replacement = fc.oneof(
    anyJson,
    fc.constant('x'.repeat(40 * 1024)),
    fc.constantFrom('x'.repeat(101), 'x'.repeat(255), 'x'.repeat(501), 'x'.repeat(1001), 'x'.repeat(2049)),
  );
  const objects = spots.filter((path) => isObjectAt(value, path));
  return fc.oneof(
    fc.tuple(fc.constantFrom(...spots), replacement).map(([path, by]) => replaced(value, path, () => by)),
    fc.constantFrom(...spots).map((path) => (path.length === 0 ? value : replaced(value, path, () => undefined))),
    ...(objects.length === 0
      ? []
      : [
          fc
            .tuple(fc.constantFrom(...objects), fc.constantFrom('unknown', 'Email', 'id2'), anyJson)
            .map(([path, key, member]) => replaced(value, path, (old) => ({ ...(old as object), [key]: member }))),
        ]),
  );
}

function isObjectAt(value: unknown, path: Path): boolean {
  const found = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
  return found !== null && typeof found === 'object' && !Array.isArray(found);
}
