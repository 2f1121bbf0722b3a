// PROVISIONAL sign-in for the console branch only: the sign-in branch replaces this file with the real
// one (OpenID Connect, authorization code with PKCE) at merge, with exactly this interface. Here the
// token is whatever the browser tests put in sessionStorage under `console.devToken` (a token from
// api.organizerToken(groups), which the local gateway verifies as it verifies any organizer token).
// Nothing else in the console knows how the token is obtained.

export interface ConsoleUser {
  username: string;
  email?: string;
  groups: string[];
}

export interface Session {
  user: ConsoleUser;
  accessToken(): Promise<string>;
  signOut(): Promise<void>;
  /** Sends the organizer through sign-in again and back to the same page; never returns. */
  reauthenticate(): never;
}

/** What /organizer/config.json holds; the real module defines its settings (issuer, client id, ...). */
export type AuthConfig = Record<string, unknown>;

export const devTokenKey = 'console.devToken';

export async function startSession(_config: AuthConfig): Promise<Session> {
  const token = sessionStorage.getItem(devTokenKey);
  if (!token) throw new Error('not signed in (no development token in this tab)');
  const claims = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  const groups = claims['cognito:groups'];
  return {
    user: {
      username: String(claims.username ?? claims['cognito:username'] ?? claims.sub ?? 'organizer'),
      groups: Array.isArray(groups) ? groups.map(String) : [],
    },
    accessToken: async () => token,
    signOut: async () => {
      sessionStorage.removeItem(devTokenKey);
      location.reload();
    },
    reauthenticate: () => {
      sessionStorage.removeItem(devTokenKey);
      location.reload();
      throw new Error('Signing in again');
    },
  };
}
