// Signing in to the organizer console through the local identity provider, as a browser does it, and
// calling the API with what it hands out: the authorization-code flow with PKCE, refresh, the same
// answer for a wrong password and an unknown address, and the groups the API holds the token to.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { authorizationUrl, challengeOf, CookieJar, exchangeCode, refresh, startSignIn, submitCredentials, type Tokens } from '../support/sign-in.ts';

let api: TestApi;
const organizer = { email: 'Elena.Petrova@osce.example', password: 'correct horse battery' };
const stranger = { email: 'no-groups@osce.example', password: 'another long password' };

beforeAll(async () => {
  api = await startTestApi({ signInLimits: { failures: 5, windowSeconds: 300 } });
  await api.addAccount(organizer.email, organizer.password, ['organizers']);
  await api.addAccount(stranger.email, stranger.password, []);
});
afterAll(async () => {
  await api?.stop();
});

const stats = (token: string) => api.request('/events/osce-drugs-2017/stats', { headers: { authorization: `Bearer ${token}` } });

describe('signing in to the organizer console', () => {
  it('goes from the authorization request through the form to a code, and the code with its verifier to tokens the API accepts', async () => {
    // Prepare
    const attempt = await startSignIn(api.baseUrl);
    const form = await attempt.formPage.text();

    // Act
    const { callback } = await submitCredentials(attempt, organizer.email.toLowerCase(), organizer.password);
    const answer = await exchangeCode(attempt.config, callback!.searchParams.get('code')!, attempt.codeVerifier);
    const tokens = (await answer.json()) as Tokens;
    const called = await stats(tokens.access_token);

    // Assess: a labelled form; back at the console's own address with our state; Cognito-shaped tokens.
    expect(attempt.formPage.status).toBe(200);
    expect(form).toMatch(/<label for="email">Email<\/label>\s*<input id="email" name="email" type="email"/);
    expect(form).toMatch(/<label for="password">Password<\/label>\s*<input id="password" name="password" type="password"/);
    expect(`${callback!.origin}${callback!.pathname}`).toBe(`${api.baseUrl}/organizer/`);
    expect(callback!.searchParams.get('state')).toBe(attempt.state);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(api.baseUrl);
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600, refresh_token: expect.any(String) });
    const access = decodeJwt(tokens.access_token);
    expect(decodeProtectedHeader(tokens.access_token)).toEqual({ alg: 'RS256', kid: api.stack.secrets.signingKey.kid });
    expect(access).toMatchObject({
      iss: api.stack.issuer,
      client_id: api.stack.clientId,
      token_use: 'access',
      'cognito:groups': ['organizers'],
      username: access.sub,
      scope: 'openid email profile',
    });
    expect(access.exp! - access.iat!).toBe(3600);
    const id = decodeJwt(tokens.id_token);
    expect(id).toMatchObject({ iss: api.stack.issuer, aud: api.stack.clientId, nonce: attempt.nonce, email: organizer.email.toLowerCase(), token_use: 'id', 'cognito:groups': ['organizers'] });
    expect(called.status).toBe(200);
  });

  it('renews the access token with the refresh token, and the new one works too', async () => {
    // Prepare
    const tokens = await api.signIn(organizer.email, organizer.password);

    // Act
    const renewed = await refresh(api.stack.consoleConfig, tokens.refresh_token!);
    const fresh = (await renewed.json()) as Tokens;
    const called = await stats(fresh.access_token);

    // Assess
    expect(renewed.status).toBe(200);
    expect(fresh.access_token).not.toBe(tokens.access_token);
    expect(decodeJwt(fresh.access_token)).toMatchObject({ sub: decodeJwt(tokens.access_token).sub, token_use: 'access', 'cognito:groups': ['organizers'] });
    expect(called.status).toBe(200);
  });

  it('answers a wrong password and an unknown address alike, and signs nobody in', async () => {
    // Prepare
    const attempt = await startSignIn(api.baseUrl);

    // Act
    const wrongPassword = await submitCredentials(attempt, organizer.email, 'not the password');
    const unknownAddress = await submitCredentials(attempt, 'nobody@osce.example', 'not the password');
    const [wrongPage, unknownPage] = [await wrongPassword.response.text(), await unknownAddress.response.text()];

    // Assess: the same status and page, but for the address typed, which is kept in the field.
    expect(wrongPassword.callback).toBeUndefined();
    expect(unknownAddress.callback).toBeUndefined();
    expect(wrongPassword.response.status).toBe(401);
    expect(unknownAddress.response.status).toBe(401);
    expect(wrongPage).toContain('Incorrect email or password.');
    expect(wrongPage).toContain('role="alert"');
    expect(wrongPage.replace(`value="${organizer.email}"`, 'value=""')).toBe(unknownPage.replace('value="nobody@osce.example"', 'value=""'));
  });

  it('refuses a code exchanged without its PKCE verifier, and an authorization request without a challenge', async () => {
    // Prepare
    const attempt = await startSignIn(api.baseUrl);
    const { callback } = await submitCredentials(attempt, organizer.email, organizer.password);
    const jar = new CookieJar();

    // Act
    const withoutVerifier = await exchangeCode(attempt.config, callback!.searchParams.get('code')!, undefined);
    const withOtherVerifier = await exchangeCode(attempt.config, callback!.searchParams.get('code')!, 'x'.repeat(43));
    const withoutChallenge = await fetch(authorizationUrl(attempt.config, { state: 'abc', nonce: 'def' }), { redirect: 'manual', headers: { cookie: jar.header() } });
    const plainChallenge = await fetch(authorizationUrl(attempt.config, { state: 'abc', nonce: 'def', code_challenge: challengeOf('v'.repeat(43)), code_challenge_method: 'plain' }), { redirect: 'manual' });

    // Assess
    expect(withoutVerifier.status).toBe(400);
    expect(await withoutVerifier.json()).toMatchObject({ error: expect.stringMatching(/invalid_(grant|request)/) });
    expect(withOtherVerifier.status).toBe(400);
    for (const refused of [withoutChallenge, plainChallenge]) {
      const back = new URL(refused.headers.get('location')!);
      expect(`${back.origin}${back.pathname}`).toBe(`${api.baseUrl}/organizer/`);
      expect(back.searchParams.get('error')).toBe('invalid_request');
      expect(back.searchParams.has('code')).toBe(false);
    }
  });

  it('gives an account in no group a token the organizer routes answer 403', async () => {
    // Prepare
    const tokens = await api.signIn(stranger.email, stranger.password);

    // Act
    const called = await stats(tokens.access_token);

    // Assess
    expect(decodeJwt(tokens.access_token)['cognito:groups']).toEqual([]);
    expect(called.status).toBe(403);
    expect(await called.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses further attempts from a client after five failures, whatever the password', async () => {
    // Prepare
    const limited = await startTestApi({ signInLimits: { failures: 5, windowSeconds: 300 } });
    await limited.addAccount(organizer.email, organizer.password);
    const attempt = await startSignIn(limited.baseUrl);
    for (let failure = 0; failure < 5; failure++) await (await submitCredentials(attempt, organizer.email, `wrong ${failure}`)).response.text();

    // Act
    const refused = await submitCredentials(attempt, organizer.email, organizer.password);
    const page = await refused.response.text();
    await limited.stop();

    // Assess
    expect(refused.callback).toBeUndefined();
    expect(refused.response.status).toBe(429);
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(page).toContain('Too many failed sign-ins');
  });

  it('serves the console its sign-in settings on the site’s origin', async () => {
    // Act
    const response = await api.request('/organizer/config.json');

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      issuer: api.stack.issuer,
      authorizationEndpoint: `${api.stack.issuer}/oauth2/authorize`,
      tokenEndpoint: `${api.stack.issuer}/oauth2/token`,
      endSessionEndpoint: `${api.stack.issuer}/logout`,
      clientId: api.stack.clientId,
      scopes: ['openid', 'email', 'profile'],
      redirectUri: `${api.baseUrl}/organizer/`,
      postLogoutRedirectUri: `${api.baseUrl}/organizer/`,
    });
  });
});
