import { createHmac } from 'node:crypto';
import { ApiError } from './errors.ts';
import { sameSecret } from './tokens.ts';

// A page cursor is the store's resume key, bound to the query it came from and signed, so a client can
// neither forge a position nor carry a cursor over to another event or filter.
interface CursorContent {
  query: string;
  key: Record<string, string>;
}

export class CursorCodec {
  private readonly secret: string;

  constructor(secret: string) {
    this.secret = secret;
  }

  encode(query: string, key: Record<string, string>): string {
    const payload = Buffer.from(JSON.stringify({ q: query, k: key })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  decode(query: string, cursor: string): Record<string, string> {
    const [payload, signature, ...rest] = cursor.split('.');
    if (!payload || !signature || rest.length > 0 || !sameSecret(signature, this.sign(payload))) throw invalidCursor();
    let content: unknown;
    try {
      content = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw invalidCursor();
    }
    const { q, k } = (content ?? {}) as { q?: unknown; k?: unknown };
    if (q !== query || !isStringRecord(k)) throw invalidCursor();
    return k;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

function isStringRecord(value: unknown): value is CursorContent['key'] {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

function invalidCursor(): ApiError {
  return new ApiError(400, 'invalid_cursor', 'The cursor is not valid for this list. Start again without a cursor.');
}
