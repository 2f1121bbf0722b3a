// Settings come from the environment: CDK sets them on each function, the local runner sets them for
// its gateway. A function reads them once, at cold start, and a missing or malformed one stops it
// there with a message naming it, instead of running on with a guess (a wrong sender, links to
// localhost).
export interface Config {
  tableName: string;
  senderAddress: string;
  publicBaseUrl: string;
  configurationSetName: string | undefined;
  confirmTokenLifetimeHours: number;
  organizerGroup: string;
  /** The group whose organizers may read the accreditation data (passport numbers, photos). */
  accreditationGroup: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const missing = (['TABLE_NAME', 'SENDER_ADDRESS', 'PUBLIC_BASE_URL'] as const).filter((name) => !env[name]);
  if (missing.length > 0) throw new ConfigError(`Missing required settings: ${missing.join(', ')}`);
  const lifetime = Number(env.CONFIRM_TOKEN_LIFETIME_HOURS ?? 72);
  if (!Number.isFinite(lifetime) || lifetime <= 0) {
    throw new ConfigError(`CONFIRM_TOKEN_LIFETIME_HOURS must be a positive number of hours, not ${env.CONFIRM_TOKEN_LIFETIME_HOURS}`);
  }
  return {
    tableName: env.TABLE_NAME!,
    senderAddress: env.SENDER_ADDRESS!,
    publicBaseUrl: env.PUBLIC_BASE_URL!.replace(/\/+$/, ''),
    configurationSetName: env.SES_CONFIGURATION_SET || undefined,
    confirmTokenLifetimeHours: lifetime,
    organizerGroup: env.ORGANIZER_GROUP || 'organizers',
    accreditationGroup: env.ACCREDITATION_GROUP || 'accreditation',
  };
}
