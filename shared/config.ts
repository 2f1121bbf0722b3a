// Settings come from the environment: CDK sets them on each function, the local runner sets them for
// its gateway. Read once per cold start.
export interface Config {
  tableName: string;
  senderAddress: string;
  publicBaseUrl: string;
  configurationSetName: string | undefined;
  confirmTokenLifetimeHours: number;
  cursorSecret: string | undefined;
  organizerGroup: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const lifetime = Number(env.CONFIRM_TOKEN_LIFETIME_HOURS ?? 72);
  return {
    tableName: env.TABLE_NAME ?? 'conference-registration',
    senderAddress: env.SENDER_ADDRESS ?? 'registration@example.org',
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    configurationSetName: env.SES_CONFIGURATION_SET || undefined,
    confirmTokenLifetimeHours: Number.isFinite(lifetime) && lifetime > 0 ? lifetime : 72,
    cursorSecret: env.CURSOR_SECRET || undefined,
    organizerGroup: env.ORGANIZER_GROUP ?? 'organizers',
  };
}
