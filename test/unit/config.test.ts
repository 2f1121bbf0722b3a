// Settings are read at cold start: a function without one stops there, naming what is missing,
// instead of running on with a guess (a wrong sender, links to localhost).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#shared/platform/config.ts';

const complete = { TABLE_NAME: 'registrations', SENDER_ADDRESS: 'registration@osce.org', PUBLIC_BASE_URL: 'https://registration.osce.org/' };

describe('Function: loadConfig', () => {
  it('reads the settings, trimming the base URL of its trailing slash', () => {
    // Act
    const config = loadConfig(complete);

    // Assess
    expect(config).toMatchObject({ tableName: 'registrations', senderAddress: 'registration@osce.org', publicBaseUrl: 'https://registration.osce.org', confirmTokenLifetimeHours: 72 });
    expect(config.roleGroups).toEqual({ organizer: 'organizers', moderator: 'moderators', viewer: 'viewers' });
  });

  it('reads the group of each staff role from its own setting', () => {
    // Act
    const config = loadConfig({ ...complete, ORGANIZER_GROUP: 'secretariat', MODERATOR_GROUP: 'reviewers', VIEWER_GROUP: 'observers' });

    // Assess
    expect(config.roleGroups).toEqual({ organizer: 'secretariat', moderator: 'reviewers', viewer: 'observers' });
  });

  it.each([
    [{ ...complete, TABLE_NAME: '' }, 'Missing required settings: TABLE_NAME'],
    [{ PUBLIC_BASE_URL: 'https://x.example' }, 'Missing required settings: TABLE_NAME, SENDER_ADDRESS'],
    [{ ...complete, CONFIRM_TOKEN_LIFETIME_HOURS: 'soon' }, 'CONFIRM_TOKEN_LIFETIME_HOURS must be a positive number of hours, not soon'],
    [{ ...complete, MODERATOR_GROUP: 'organizers' }, 'ORGANIZER_GROUP, MODERATOR_GROUP and VIEWER_GROUP must name three different groups, not organizers, organizers, viewers'],
  ])('refuses %o', (env, message) => {
    // Act + Assess
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });

  it('stops a function at cold start, before any request, when a setting is missing', () => {
    // Prepare: the environment Lambda would give a function deployed without TABLE_NAME.
    const env = { PATH: process.env.PATH, SENDER_ADDRESS: complete.SENDER_ADDRESS, PUBLIC_BASE_URL: complete.PUBLIC_BASE_URL };

    // Act: loading the handler module is Lambda's init phase.
    const init = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('./functions/get-event.ts')"], { env, encoding: 'utf8' });

    // Assess
    expect(init.status).not.toBe(0);
    expect(init.stderr).toContain('Missing required settings: TABLE_NAME');
  });
});
