// Reads an OpenAPI 3.1 document as a client would, and holds requests and answers to it: which
// requests it calls valid, and whether an answer is one it documents (status, media type, body,
// headers). Everything comes from the document; only what the document says in words, which JSON
// Schema cannot, is given by the caller as prose rules.
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { Schema } from './schema-arbitrary.ts';

export interface Operation {
  method: string;
  /** The path template, e.g. /events/{eventId}. */
  path: string;
  spec: Schema;
  /** JSON pointer of the operation in the document. */
  pointer: string;
}

/** A request as sent: enough to judge it against the document and to send it. */
export interface Sent {
  method: string;
  pathValues: Record<string, string>;
  query: Record<string, string>;
  /** Header names in lower case, header parameters among them. */
  headers: Record<string, string>;
  /** The body as sent; '' and undefined are both no body (HTTP has no empty body to speak of). */
  body?: string | undefined;
  /** Who is calling: what the Authorization header holds. */
  caller: 'organizer' | 'other group' | 'forged' | 'nobody';
}

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * A rule the document states in words: returns why the request breaks it, or undefined. A reason
 * that starts with "body" is about the body's content (see Excuse).
 */
export type ProseRule = (request: Sent, operation: Operation, body: unknown) => string | undefined | Promise<string | undefined>;

const escape = (segment: string) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
/** Where the document says in words that a body is taken whatever its content holds. */
export type Excuse = (request: Sent, operation: Operation, body: unknown) => boolean;

export const pointerTo = (...segments: (string | number)[]) => `#/${segments.map((segment) => escape(String(segment))).join('/')}`;

export function operationsOf(document: Schema): Operation[] {
  return Object.entries(document.paths as Record<string, Record<string, Schema>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, spec]) => ({ method: method.toUpperCase(), path, spec, pointer: pointerTo('paths', path, method) })),
  );
}

export const mediaTypeOf = (contentType: string | null | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * Answers are held to every keyword, formats included. Requests are judged by the patterns where a
 * schema gives one beside its format, as the document says (info.description): the address's pattern,
 * not RFC 5321's grammar, is what the API checks.
 */
function newAjv(formatsAssert: boolean) {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: false, validateFormats: formatsAssert });
  // A CommonJS module: Node hands its exports over as the default, TypeScript types them as a namespace.
  (formats as unknown as typeof formats.default)(ajv);
  ajv.addKeyword({ keyword: 'example' });
  // The document itself is added as one schema, so its $refs resolve; its own members are not keywords.
  for (const keyword of ['openapi', 'info', 'servers', 'tags', 'paths', 'components', 'security', 'webhooks', 'externalDocs', 'jsonSchemaDialect']) ajv.addKeyword({ keyword });
  return ajv;
}

export class DocumentChecker {
  readonly document: Schema;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajvs: Record<'answer' | 'request', Ajv2020>;

  constructor(document: Schema) {
    this.document = document;
    this.ajvs = { answer: newAjv(true), request: newAjv(false) };
    for (const ajv of Object.values(this.ajvs)) ajv.addSchema(document, 'openapi');
    const unchecked = formatsWithoutPattern(document);
    if (unchecked.length > 0) throw new Error(`Formats without the pattern the API checks: ${unchecked.join(', ')}`);
  }

  /** The part of the document at a pointer (`#/paths/...`). */
  at(pointer: string): Schema {
    return pointer
      .slice(2)
      .split('/')
      .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<Schema>((node, key) => node?.[key], this.document);
  }

  /** A schema with its $ref followed (the siblings of the $ref kept). */
  resolve = (schema: Schema): Schema => {
    if (typeof schema?.$ref !== 'string') return schema;
    const { $ref, ...siblings } = schema;
    return { ...this.resolve(this.at($ref)), ...siblings };
  };

  /** Whether the value passes the schema at this pointer, as an answer or as a request is judged. */
  validates(pointer: string, value: unknown, as: 'answer' | 'request' = 'request'): { ok: boolean; why?: string } {
    const key = `${as} ${pointer}`;
    let validate = this.validators.get(key);
    if (!validate) this.validators.set(key, (validate = this.ajvs[as].compile({ $ref: `openapi${pointer}` })));
    return validate(value) ? { ok: true } : { ok: false, why: JSON.stringify(validate.errors?.slice(0, 2)) };
  }

  /** Why the document calls the request invalid; empty when it calls it valid. */
  async judge(operation: Operation, request: Sent, proseRules: readonly ProseRule[], excuses: readonly Excuse[] = []): Promise<string[]> {
    const why: string[] = [];
    const parameters = (operation.spec.parameters ?? []) as Schema[];
    parameters.forEach((parameter, index) => {
      const value =
        parameter.in === 'path'
          ? request.pathValues[parameter.name]
          : parameter.in === 'query'
            ? request.query[parameter.name]
            : parameter.in === 'header'
              ? request.headers[String(parameter.name).toLowerCase()]
              : undefined;
      if (value === undefined) {
        if (parameter.required) why.push(`${parameter.name} is required`);
        return;
      }
      const schemaPointer = `${operation.pointer}/parameters/${index}/schema`;
      const verdict = this.validates(schemaPointer, coerced(this.resolve(parameter.schema), value));
      if (!verdict.ok) why.push(`${parameter.in} ${parameter.name}: ${verdict.why}`);
    });
    if ((operation.spec.security ?? []).length > 0 && request.caller !== 'organizer') why.push(`security: ${request.caller}`);
    const parsed = this.judgeBody(operation, request, why);
    for (const rule of proseRules) {
      const broken = await rule(request, operation, parsed);
      if (broken) why.push(broken);
    }
    if (excuses.some((excuse) => excuse(request, operation, parsed))) return why.filter((reason) => !reason.startsWith('body'));
    return why;
  }

  private judgeBody(operation: Operation, request: Sent, why: string[]): unknown {
    const spec = operation.spec.requestBody as Schema | undefined;
    if (!request.body) {
      if (spec?.required) why.push('the body is required');
      return undefined;
    }
    if (!spec) return undefined; // a body the operation does not take: the document says nothing of it
    const contentType = request.headers['content-type'];
    const media = mediaTypeOf(contentType);
    if (!(media in spec.content)) {
      why.push(`media type ${contentType}`);
      return undefined;
    }
    const charset = /;\s*charset="?([^";]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') why.push(`charset ${charset}`);
    if (Buffer.byteLength(request.body) > (spec['x-max-bytes'] ?? Infinity)) why.push('over x-max-bytes');
    let value: unknown;
    if (media === 'application/x-www-form-urlencoded') value = Object.fromEntries(new URLSearchParams(request.body));
    else {
      try {
        value = JSON.parse(request.body);
      } catch {
        why.push('not JSON');
        return undefined;
      }
    }
    const verdict = this.validates(`${operation.pointer}/requestBody/content/${escape(media)}/schema`, value);
    if (!verdict.ok) why.push(`body: ${verdict.why}`);
    return value;
  }

  /** What is wrong with the answer by the document: undocumented status, media type, body or headers. */
  problems(operation: Operation, answer: Answer): string[] {
    const found: string[] = [];
    if (answer.status >= 500) found.push(`a ${answer.status}`);
    const responses = operation.spec.responses as Record<string, Schema>;
    const key = [String(answer.status), `${String(answer.status)[0]}XX`, 'default'].find((candidate) => candidate in responses);
    if (!key) return [...found, `status ${answer.status} is not documented`];
    const response = this.resolve(responses[key]!);
    // A shared answer ($ref into components.responses) is validated where it stands.
    const base = (responses[key]!.$ref as string | undefined) ?? `${operation.pointer}/responses/${key}`;
    const contentType = answer.headers.get('content-type');
    if (!response.content) {
      if (answer.body !== '') found.push(`a body where ${key} documents none`);
    } else {
      const media = mediaTypeOf(contentType);
      if (!(media in response.content)) found.push(`${key} answered ${contentType}, documented: ${Object.keys(response.content).join(', ')}`);
      else {
        let body: unknown = answer.body;
        if (media === 'application/json' || media.endsWith('+json')) {
          try {
            body = JSON.parse(answer.body);
          } catch {
            found.push(`${key} ${media} is not JSON`);
          }
        }
        const verdict = this.validates(`${base}/content/${escape(media)}/schema`, body, 'answer');
        if (!verdict.ok) found.push(`${key} ${media} body: ${verdict.why} in ${answer.body.slice(0, 300)}`);
      }
    }
    for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, Schema>)) {
      const value = answer.headers.get(name);
      if (value === null) {
        if (header.required) found.push(`${key} without its ${name} header`);
        continue;
      }
      const verdict = this.validates(`${base}/headers/${escape(name)}/schema`, coerced(this.resolve(header.schema), value), 'answer');
      if (!verdict.ok) found.push(`${key} header ${name}: ${value}`);
    }
    return found;
  }
}

/** Where a format stands without a pattern beside it (the judge of requests would then check nothing). */
function formatsWithoutPattern(node: unknown, at = '#'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => formatsWithoutPattern(item, `${at}/${index}`));
  if (!node || typeof node !== 'object') return [];
  const schema = node as Schema;
  const here = typeof schema.format === 'string' && schema.pattern === undefined ? [`${at} (${schema.format})`] : [];
  return [...here, ...Object.entries(schema).flatMap(([key, value]) => formatsWithoutPattern(value, `${at}/${key}`))];
}

/** A parameter or header value as its schema reads it: text, or a number where the schema wants one. */
function coerced(schema: Schema, value: string): unknown {
  if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}
