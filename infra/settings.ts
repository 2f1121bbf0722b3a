// The stack's settings, read from CDK context (`cdk.json` "context", or `-c name=value` on the command
// line). Every setting has a default, so `npx cdk synth` with none at all gives a complete stack; the
// sender's defaults are marked examples, and a deploy with them is refused (see ExampleValueGuard).
import type { Node } from 'constructs';
import { defaultThrottle } from '#shared/http/throttling.ts';
import { defaultRoleGroups } from '#shared/platform/config.ts';

export interface StackSettings {
  /** From: address of every e-mail. Must be at `senderDomain` when that is set. */
  senderAddress: string;
  /** When set, the SES identity is this domain (DKIM records to publish); otherwise the address itself. */
  senderDomain: string | undefined;
  /**
   * Where the links in e-mails point; undefined means the site: https://<siteDomain>, or the CloudFront
   * distribution's own URL, which serves the page and the API (/confirm, /manage) on one origin.
   */
  publicBaseUrl: string | undefined;
  /** The site's own host name (e.g. registration.osce.org) on CloudFront; needs siteCertificateArn. */
  siteDomain: string | undefined;
  /** ACM certificate (in us-east-1, as CloudFront requires) covering siteDomain. */
  siteCertificateArn: string | undefined;
  /**
   * An existing AWS WAF web ACL (scope CLOUDFRONT) to put in front of the site instead of the one the
   * stack makes with the per-client rules below.
   */
  webAclArn: string | undefined;
  /** Browser origins allowed to call the API; none means no CORS headers at all. */
  allowedOrigins: string[];
  /** Steady-state requests per second and burst for the whole stage. */
  throttleRateLimit: number;
  throttleBurstLimit: number;
  /** Each public POST route's ceiling (registration, confirmation, self-service), shared by all clients. */
  publicPostRateLimit: number;
  publicPostBurstLimit: number;
  /** The per-client rules of the stack's web ACL: the window (seconds) and the requests allowed in it. */
  clientWindowSeconds: number;
  clientPublicPostLimit: number;
  clientRequestLimit: number;
  /** How long a confirmation link stays valid. */
  confirmTokenLifetimeHours: number;
  /** Days CloudWatch keeps function and access logs. */
  logRetentionDays: number;
  /** Cognito group of the organizers: everything, events included. */
  organizerGroup: string;
  /** Cognito group whose members (organizers too) may read the accreditation data. */
  accreditationGroup: string;
  /** The prefix of the Cognito domain organizers sign in on (<prefix>.auth.<region>.amazoncognito.com); none: one made from the stack's id. */
  signInDomainPrefix: string | undefined;
  /** Cognito group of the moderators: see, export and decide registrations, resend their links. */
  moderatorGroup: string;
  /** Cognito group of the viewers: read and export only. */
  viewerGroup: string;
  /** Names of settings still at their example value (the deploy guard refuses these). */
  exampleValues: ExampleSetting[];
}

export interface ExampleSetting {
  setting: string;
  value: string;
}

export const exampleSenderAddress = 'registration@example.org';

/** The context keys, documented in README "Deploy to AWS". */
export const settingNames = {
  senderAddress: 'senderAddress',
  senderDomain: 'senderDomain',
  publicBaseUrl: 'publicBaseUrl',
  siteDomain: 'siteDomain',
  siteCertificateArn: 'siteCertificateArn',
  webAclArn: 'webAclArn',
  allowedOrigins: 'allowedOrigins',
  throttleRateLimit: 'throttleRateLimit',
  throttleBurstLimit: 'throttleBurstLimit',
  publicPostRateLimit: 'publicPostRateLimit',
  publicPostBurstLimit: 'publicPostBurstLimit',
  clientWindowSeconds: 'clientWindowSeconds',
  clientPublicPostLimit: 'clientPublicPostLimit',
  clientRequestLimit: 'clientRequestLimit',
  confirmTokenLifetimeHours: 'confirmTokenLifetimeHours',
  logRetentionDays: 'logRetentionDays',
  organizerGroup: 'organizerGroup',
  accreditationGroup: 'accreditationGroup',
  signInDomainPrefix: 'signInDomainPrefix',
  moderatorGroup: 'moderatorGroup',
  viewerGroup: 'viewerGroup',
} as const;

const exampleDomains = ['example.org', 'example.com', 'example.net'];

function isExampleHost(host: string): boolean {
  const lower = host.toLowerCase();
  return exampleDomains.some((domain) => lower === domain || lower.endsWith(`.${domain}`)) || lower.endsWith('.example');
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

type Lookup = (name: string) => unknown;

/** Reads the settings from a construct's context. */
export function readSettings(node: Node): StackSettings {
  return parseSettings((name) => node.tryGetContext(name));
}

export function parseSettings(lookup: Lookup): StackSettings {
  const text = (name: string, fallback: string | undefined): string | undefined => {
    const value = lookup(name);
    if (value === undefined || value === null || value === '') return fallback;
    if (typeof value !== 'string') throw new SettingsError(`Setting ${name} must be a string, got ${JSON.stringify(value)}.`);
    return value.trim();
  };
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const raw = lookup(name);
    if (raw === undefined || raw === null || raw === '') return fallback;
    const value = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new SettingsError(`Setting ${name} must be a number from ${min} to ${max}, got ${JSON.stringify(raw)}.`);
    }
    return value;
  };
  const list = (name: string): string[] => {
    const raw = lookup(name);
    if (raw === undefined || raw === null || raw === '') return [];
    if (Array.isArray(raw)) return raw.map(String).map((entry) => entry.trim()).filter(Boolean);
    if (typeof raw === 'string') return raw.split(',').map((entry) => entry.trim()).filter(Boolean);
    throw new SettingsError(`Setting ${name} must be a list of origins or a comma-separated string.`);
  };

  const senderAddress = text(settingNames.senderAddress, exampleSenderAddress)!;
  if (!/^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(senderAddress)) {
    throw new SettingsError(`Setting senderAddress must be a bare e-mail address such as registration@your-domain.org, got "${senderAddress}".`);
  }
  const senderHost = senderAddress.split('@')[1]!.toLowerCase();
  const senderDomain = text(settingNames.senderDomain, undefined)?.toLowerCase();
  if (senderDomain !== undefined && senderHost !== senderDomain && !senderHost.endsWith(`.${senderDomain}`)) {
    throw new SettingsError(`Setting senderAddress (${senderAddress}) must be an address at senderDomain (${senderDomain}).`);
  }

  const publicBaseUrl = text(settingNames.publicBaseUrl, undefined)?.replace(/\/+$/, '');
  let baseUrl: URL | undefined;
  if (publicBaseUrl !== undefined) {
    try {
      baseUrl = new URL(publicBaseUrl);
    } catch {
      throw new SettingsError(`Setting publicBaseUrl must be an absolute https URL, got "${publicBaseUrl}".`);
    }
    if (baseUrl.protocol !== 'https:') throw new SettingsError(`Setting publicBaseUrl must use https, got "${publicBaseUrl}".`);
  }

  const siteDomain = text(settingNames.siteDomain, undefined)?.toLowerCase().replace(/\.$/, '');
  const siteCertificateArn = text(settingNames.siteCertificateArn, undefined);
  if (siteDomain !== undefined && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(siteDomain)) {
    throw new SettingsError(`Setting siteDomain must be a host name such as registration.your-domain.org, got "${siteDomain}".`);
  }
  if ((siteDomain === undefined) !== (siteCertificateArn === undefined)) {
    throw new SettingsError('Settings siteDomain and siteCertificateArn go together: CloudFront serves a domain of its own only with a certificate for it.');
  }
  if (siteCertificateArn !== undefined && !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(siteCertificateArn)) {
    throw new SettingsError(`Setting siteCertificateArn must be the ARN of an ACM certificate in us-east-1 (CloudFront uses no other region), got "${siteCertificateArn}".`);
  }
  const webAclArn = text(settingNames.webAclArn, undefined);
  if (webAclArn !== undefined && !/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/.test(webAclArn)) {
    throw new SettingsError(`Setting webAclArn must be the ARN of a WAFv2 web ACL with scope CLOUDFRONT (arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>), got "${webAclArn}".`);
  }

  const allowedOrigins = list(settingNames.allowedOrigins);
  for (const origin of allowedOrigins) {
    if (origin === '*') throw new SettingsError('Setting allowedOrigins must name origins; "*" would let any site call the API.');
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new SettingsError(`Setting allowedOrigins has "${origin}", which is not an origin such as https://registration.your-domain.org.`);
    }
    if (parsed.origin !== origin) throw new SettingsError(`Setting allowedOrigins has "${origin}": give scheme and host only, such as ${parsed.origin}.`);
  }

  const exampleValues: ExampleSetting[] = [];
  if (isExampleHost(senderHost)) exampleValues.push({ setting: settingNames.senderAddress, value: senderAddress });
  if (senderDomain !== undefined && isExampleHost(senderDomain)) exampleValues.push({ setting: settingNames.senderDomain, value: senderDomain });
  if (baseUrl && isExampleHost(baseUrl.hostname)) exampleValues.push({ setting: settingNames.publicBaseUrl, value: publicBaseUrl! });
  if (siteDomain !== undefined && isExampleHost(siteDomain)) exampleValues.push({ setting: settingNames.siteDomain, value: siteDomain });

  const group = (name: (typeof settingNames)['organizerGroup' | 'moderatorGroup' | 'viewerGroup' | 'accreditationGroup'], fallback: string): string => {
    const value = text(name, fallback)!;
    if (!/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u.test(value)) {
      throw new SettingsError(`Setting ${name} must be a Cognito group name (1-128 characters, no spaces), got "${value}".`);
    }
    return value;
  };
  const organizerGroup = group(settingNames.organizerGroup, defaultRoleGroups.organizer);
  const moderatorGroup = group(settingNames.moderatorGroup, defaultRoleGroups.moderator);
  const viewerGroup = group(settingNames.viewerGroup, defaultRoleGroups.viewer);
  if (new Set([organizerGroup, moderatorGroup, viewerGroup]).size !== 3) {
    throw new SettingsError(`Settings organizerGroup, moderatorGroup and viewerGroup must name three different groups, got ${organizerGroup}, ${moderatorGroup}, ${viewerGroup}.`);
  }
  const accreditationGroup = group(settingNames.accreditationGroup, 'accreditation');
  if ([organizerGroup, moderatorGroup, viewerGroup].includes(accreditationGroup)) {
    throw new SettingsError(`Setting accreditationGroup must differ from the role groups (${organizerGroup}, ${moderatorGroup}, ${viewerGroup}): everyone in that role would read passport numbers.`);
  }

  const signInDomainPrefix = text(settingNames.signInDomainPrefix, undefined);
  if (signInDomainPrefix !== undefined && (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(signInDomainPrefix) || /aws|amazon|cognito/.test(signInDomainPrefix))) {
    throw new SettingsError(
      `Setting signInDomainPrefix must be lowercase letters, digits and hyphens (at most 63, not at either end) without "aws", "amazon" or "cognito", got "${signInDomainPrefix}".`,
    );
  }

  return {
    senderAddress,
    senderDomain,
    publicBaseUrl,
    siteDomain,
    siteCertificateArn,
    webAclArn,
    allowedOrigins,
    // The same defaults the local gateway throttles with (shared/http/throttling.ts).
    throttleRateLimit: number(settingNames.throttleRateLimit, defaultThrottle.rateLimit, 1, 10_000),
    throttleBurstLimit: number(settingNames.throttleBurstLimit, defaultThrottle.burstLimit, 1, 5_000),
    publicPostRateLimit: number(settingNames.publicPostRateLimit, defaultThrottle.publicPostRateLimit, 1, 10_000),
    publicPostBurstLimit: number(settingNames.publicPostBurstLimit, defaultThrottle.publicPostBurstLimit, 1, 5_000),
    clientWindowSeconds: wafWindow(number(settingNames.clientWindowSeconds, defaultThrottle.clientWindowSeconds, 60, 600)),
    // WAF's rate-based rules count from 10 requests per window.
    clientPublicPostLimit: number(settingNames.clientPublicPostLimit, defaultThrottle.clientPublicPostLimit, 10, 2_000_000_000),
    clientRequestLimit: number(settingNames.clientRequestLimit, defaultThrottle.clientRequestLimit, 10, 2_000_000_000),
    confirmTokenLifetimeHours: number(settingNames.confirmTokenLifetimeHours, 72, 1, 24 * 30),
    logRetentionDays: retention(number(settingNames.logRetentionDays, 90, 1, 3653)),
    organizerGroup,
    accreditationGroup,
    signInDomainPrefix,
    moderatorGroup,
    viewerGroup,
    exampleValues,
  };
}

// The values CloudWatch Logs accepts for a retention period.
export const retentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

function retention(days: number): number {
  if (!retentionDays.includes(days)) {
    throw new SettingsError(`Setting logRetentionDays must be one of ${retentionDays.join(', ')} (what CloudWatch Logs accepts), got ${days}.`);
  }
  return days;
}

// The evaluation windows a WAF rate-based rule accepts.
export const wafWindows = [60, 120, 300, 600];

function wafWindow(seconds: number): number {
  if (!wafWindows.includes(seconds)) {
    throw new SettingsError(`Setting clientWindowSeconds must be one of ${wafWindows.join(', ')} (what WAF's rate-based rules accept), got ${seconds}.`);
  }
  return seconds;
}
