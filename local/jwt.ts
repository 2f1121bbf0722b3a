// The local stand-in for the HTTP API JWT authorizer: it accepts exactly what the cloud one does and
// hands the claims to Lambda the same way (every claim a string, arrays as "[a b]").
import { createLocalJWKSet, decodeProtectedHeader, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';

export interface AuthorizerSettings {
  issuer: string;
  audience: readonly string[];
  jwks: { keys: JWK[] };
}

export type VerifyResult = { ok: true; claims: Record<string, string> } | { ok: false; reason: string };

/**
 * Like API Gateway: the token with or without "Bearer ", RS256 only, a kid found in the issuer's
 * JWKS, `iss` equal to the issuer, `aud` among the audiences or, only when there is no `aud` (Cognito
 * access tokens), `client_id`; `exp` in the future, `nbf` and `iat` not.
 */
export async function verifyBearer(authorization: string | undefined, settings: AuthorizerSettings, now = new Date()): Promise<VerifyResult> {
  const match = /^(?:Bearer )?([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization?.trim() ?? '');
  if (!match) return { ok: false, reason: 'missing_bearer' };
  let payload: JWTPayload;
  try {
    if (!decodeProtectedHeader(match[1]!).kid) return { ok: false, reason: 'no_kid' };
    ({ payload } = await jwtVerify(match[1]!, createLocalJWKSet(settings.jwks), {
      algorithms: ['RS256'],
      issuer: settings.issuer,
      currentDate: now,
      clockTolerance: 0,
    }));
  } catch (error) {
    return { ok: false, reason: (error as { code?: string }).code ?? 'invalid_token' };
  }
  const audiences = [payload.aud ?? payload.client_id].flat().filter((value): value is string => typeof value === 'string');
  if (!audiences.some((audience) => settings.audience.includes(audience))) return { ok: false, reason: 'audience' };
  if (typeof payload.exp !== 'number') return { ok: false, reason: 'no_expiry' };
  if (typeof payload.iat === 'number' && payload.iat * 1000 > now.getTime()) return { ok: false, reason: 'issued_in_future' };
  return { ok: true, claims: claimsAsStrings(payload) };
}

export function claimsAsStrings(payload: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value),
    ]),
  );
}

export interface TokenRequest {
  signingKey: JWK & { kid: string };
  issuer: string;
  clientId: string;
  groups: string[];
  username?: string;
  lifetimeSeconds?: number;
}

/** A token shaped like a Cognito access token, signed with the local key. */
export async function signOrganizerToken(request: TokenRequest): Promise<string> {
  const key = await importJWK(request.signingKey, 'RS256');
  return new SignJWT({
    'cognito:groups': request.groups,
    client_id: request.clientId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    username: request.username ?? 'local-organizer',
  })
    .setProtectedHeader({ alg: 'RS256', kid: request.signingKey.kid, typ: 'JWT' })
    .setSubject(randomUUID())
    .setIssuer(request.issuer)
    .setIssuedAt()
    .setExpirationTime(`${request.lifetimeSeconds ?? 3600}s`)
    .setJti(randomUUID())
    .sign(key);
}
