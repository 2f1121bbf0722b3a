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
  /** The identity provider's group of each staff role (ORGANIZER_GROUP, MODERATOR_GROUP, VIEWER_GROUP). */
  roleGroups: RoleGroups;
  /** The group whose staff may read the accreditation data (passport numbers, photos), beside their role. */
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
    roleGroups: roleGroupsFrom(env),
    accreditationGroup: env.ACCREDITATION_GROUP || 'accreditation',
  };
}

/** The identity provider's group of each staff role (shared/model/organizer.ts says what each may do). */
export interface RoleGroups {
  organizer: string;
  moderator: string;
  viewer: string;
}

export const defaultRoleGroups: RoleGroups = { organizer: 'organizers', moderator: 'moderators', viewer: 'viewers' };

/** The environment variable naming each role's group. */
export const roleGroupSettings: Record<keyof RoleGroups, string> = { organizer: 'ORGANIZER_GROUP', moderator: 'MODERATOR_GROUP', viewer: 'VIEWER_GROUP' };

/**
 * The group of each role, from the environment (defaults organizers, moderators, viewers). Two roles
 * sharing one group would quietly give its members the larger role's rights, so that stops here.
 */
export function roleGroupsFrom(env: NodeJS.ProcessEnv = process.env): RoleGroups {
  const group = (role: keyof RoleGroups) => env[roleGroupSettings[role]] || defaultRoleGroups[role];
  const groups: RoleGroups = { organizer: group('organizer'), moderator: group('moderator'), viewer: group('viewer') };
  const names = Object.values(groups);
  if (new Set(names).size !== names.length) {
    throw new ConfigError(`ORGANIZER_GROUP, MODERATOR_GROUP and VIEWER_GROUP must name three different groups, not ${names.join(', ')}`);
  }
  return groups;
}
