// What S3 checks on a browser's POST upload, which no emulator checks: the policy's V4 signature,
// its expiry, and each condition (eq, starts-with, content-length-range), with every form field
// covered by one. Fronts the S3 emulator (local/s3.ts), so the presigned POST the upload route signs
// is refused locally exactly where S3 would refuse it (an oversized file, another content type,
// another key, an expired or forged policy). Everything else passes straight through.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

type Refusal = [status: number, code: string, message: string];

const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

function refuse(request: IncomingMessage, response: ServerResponse, [status, code, message]: Refusal): void {
  response.writeHead(status, { 'content-type': 'application/xml', 'access-control-allow-origin': request.headers.origin ?? '*' });
  response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

/** The refusal S3 would answer for this POST (its form fields and the file's size), or undefined. */
export function checkPostPolicy(fields: Map<string, string>, fileSize: number, bucket: string, secrets: Record<string, string>, now = Date.now()): Refusal | undefined {
  const byName = new Map([...fields].map(([name, value]) => [name.toLowerCase(), value]));
  const policyText = byName.get('policy');
  const signature = byName.get('x-amz-signature');
  const credential = byName.get('x-amz-credential');
  if (!policyText || !signature || !credential) return [403, 'AccessDenied', 'Missing policy, signature or credential'];
  const [accessKey, date, region, service] = credential.split('/');
  const secret = accessKey ? secrets[accessKey] : undefined;
  if (!secret || !date || !region || !service) return [403, 'InvalidAccessKeyId', 'Unknown access key'];
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  const expected = hmac(signingKey, policyText);
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return [403, 'SignatureDoesNotMatch', 'Policy signature mismatch'];
  const policy = JSON.parse(Buffer.from(policyText, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
  if (Date.parse(policy.expiration) < now) return [403, 'AccessDenied', 'Invalid according to Policy: Policy expired.'];
  const covered = new Set(['policy', 'x-amz-signature', 'file']);
  for (const condition of policy.conditions) {
    const [operator, name, value] = Array.isArray(condition)
      ? (condition as [string, string | number, string | number])
      : (['eq', `$${Object.keys(condition as object)[0]}`, Object.values(condition as object)[0]] as [string, string, string]);
    if (operator === 'content-length-range') {
      if (fileSize < Number(name) || fileSize > Number(value)) return [400, fileSize < Number(name) ? 'EntityTooSmall' : 'EntityTooLarge', `Your proposed upload size ${fileSize} is outside ${name}..${value}`];
      continue;
    }
    const field = String(name).replace(/^\$/, '').toLowerCase();
    covered.add(field);
    const actual = field === 'bucket' ? bucket : (byName.get(field) ?? '');
    const holds = operator === 'eq' ? actual === value : operator === 'starts-with' ? actual.startsWith(String(value)) : false;
    if (!holds) return [403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["${operator}", "$${field}", "${value}"]`];
  }
  const extra = [...byName.keys()].find((name) => !covered.has(name) && !name.startsWith('x-ignore-'));
  if (extra) return [403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${extra}`];
  return undefined;
}

/** An HTTP server in front of the emulator's request listener that checks every browser POST upload. */
export function policyGuard(inner: RequestListener, secrets: Record<string, string>, maxBytes = 50 * 1024 * 1024): Server {
  return createServer(async (request, response) => {
    const bucket = /^\/([^/?]+)\/?(\?|$)/.exec(request.url ?? '')?.[1];
    if (request.method !== 'POST' || !bucket || !/multipart\/form-data/i.test(request.headers['content-type'] ?? '')) return inner(request, response);
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > maxBytes) return refuse(request, response, [400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size']);
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks);
    const form = await new Request('http://s3.local/', { method: 'POST', headers: { 'content-type': request.headers['content-type']! }, body }).formData();
    const fields = new Map<string, string>();
    let fileSize = 0;
    for (const [name, value] of form) {
      if (name === 'file') fileSize = typeof value === 'string' ? Buffer.byteLength(value) : value.size;
      else fields.set(name, String(value));
    }
    const refusal = checkPostPolicy(fields, fileSize, decodeURIComponent(bucket), secrets);
    if (refusal) return refuse(request, response, refusal);
    // The emulator reads the body it was sent: hand it the buffered one, with the request's own headers.
    const replay = Object.assign(Readable.from([body]), {
      headers: request.headers,
      rawHeaders: request.rawHeaders,
      method: request.method,
      url: request.url,
      httpVersion: request.httpVersion,
      socket: request.socket,
      connection: request.socket,
    });
    return inner(replay as unknown as IncomingMessage, response);
  });
}
