import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participatingStates } from '#shared/model/osce.ts';
import { emailKey } from '#shared/model/tokens.ts';
import { runtime } from '#shared/runtime/runtime.ts';
import { uniqueEmail } from '../support/fixtures.ts';
import { inviteFocalPoints, nominate } from '../support/delegation-journeys.ts';
import { putEvent } from '../support/journeys.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

describe('Delegation quotas under concurrency', () => {
  it('keeps every quota exact: 1,000 nominations from 60 delegations, each delegation\'s racing each other', async () => {
    // Prepare: 60 delegations (57 participating States and 3 added organizations), 3 delegates and 1 head each
    await putEvent(api, 'deleg-thousand', { delegations: { quota: { delegates: 3, heads: 1 }, nominationsCloseAt: new Date(Date.now() + 86_400_000).toISOString() } });
    const organizations = ['unodc', 'interpol', 'europol'];
    const deps = runtime();
    for (const id of organizations) await deps.delegations.addEntity('deleg-thousand', { id, name: id.toUpperCase(), kind: 'international_organization' });
    const entities = [...participatingStates.map((state) => state.code), ...organizations];
    const tokens = await inviteFocalPoints(api, 'deleg-thousand', entities.map((entityId) => ({ entityId, email: uniqueEmail(`focal-${entityId.toLowerCase()}`) })));
    // 1,000 nominations, dealt round the delegations; each delegation's first two ask to be its head.
    type Nomination = { delegation: number; role: 'head' | 'member'; email: string };
    const nominations: Nomination[] = Array.from({ length: 1000 }, (_, index) => ({ delegation: index % entities.length, role: index < 2 * entities.length ? ('head' as const) : ('member' as const), email: uniqueEmail('nominee') }));

    // Act: sent by delegation, many in flight at a time, so every delegation's 16 or 17 nominations race
    // each other for its 3 places. A 503 is tried again after Retry-After, as a client does: it is the
    // API's answer to an overloaded database, not a quota's, and a retry must not take a second place.
    // (200 in flight against dynalite; against moto, which this project serves one request at a time,
    // 200 fill its listen queue and most calls then miss the SDK's 1 s connection timeout, so 40.)
    const inFlight = process.env.DYNAMODB_BACKEND === 'moto' ? 40 : 200;
    const byDelegation = [...nominations].sort((a, b) => a.delegation - b.delegation);
    const answers: (Nomination & { status: number; outcome: string | undefined })[] = [];
    let next = 0;
    const sender = async () => {
      for (let index = next++; index < byDelegation.length; index = next++) {
        const nomination = byDelegation[index]!;
        let response = await nominate(api, tokens[nomination.delegation]!, { email: nomination.email, role: nomination.role });
        for (let retry = 0; response.status === 503 && retry < 10; retry++) {
          await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)));
          response = await nominate(api, tokens[nomination.delegation]!, { email: nomination.email, role: nomination.role });
        }
        const body = (await response.json()) as { placed?: string; error?: { code: string } };
        answers.push({ ...nomination, status: response.status, outcome: body.placed ?? body.error?.code });
      }
    };
    await Promise.all(Array.from({ length: inFlight }, sender));

    // Assess: every answer is a placement or the heads' quota, and the stored nominations agree with the answers and the counters
    // (A retry after a 503 whose first try had landed meets its own nomination: already_nominated.)
    expect(answers.filter((answer) => !['nominated', 'waitlisted', 'quota_exceeded', 'already_nominated'].includes(answer.outcome ?? ''))).toEqual([]);
    const stored = await deps.delegations.listNominations('deleg-thousand');
    const counters = new Map((await deps.delegations.listDelegations('deleg-thousand')).map((delegation) => [delegation.entity.id, delegation]));
    const placeHolders = new Map(await Promise.all(entities.map(async (entityId) => [entityId, (await deps.delegations.placesOf('deleg-thousand', entityId)).holders] as const)));
    entities.forEach((entityId, index) => {
      const asked = answers.filter((answer) => answer.delegation === index);
      const mine = stored.filter((nomination) => nomination.entityId === entityId);
      const nominated = mine.filter((nomination) => nomination.status === 'nominated');
      const heads = nominated.filter((nomination) => nomination.role === 'head');
      const refused = asked.filter((answer) => answer.outcome === 'quota_exceeded');
      expect(nominated, entityId).toHaveLength(3);
      expect(heads.length, entityId).toBeLessThanOrEqual(1);
      expect(mine.length + refused.length, entityId).toBe(asked.length);
      const retriedAfterLanding = asked.filter((answer) => answer.outcome === 'already_nominated').map((answer) => answer.email);
      expect(nominated.map((nomination) => nomination.email).filter((email) => !retriedAfterLanding.includes(email)).sort(), entityId).toEqual(asked.filter((answer) => answer.outcome === 'nominated').map((answer) => answer.email).sort());
      expect(counters.get(entityId), entityId).toMatchObject({ delegatesTaken: 3, headsTaken: heads.length });
      expect(placeHolders.get(entityId)?.sort(), entityId).toEqual(nominated.map((nomination) => emailKey(nomination.email)).sort());
      // The waiting list's numbers are unique, so its order is total.
      const seqs = mine.filter((nomination) => nomination.status === 'waitlisted').map((nomination) => nomination.waitlistSeq);
      expect(new Set(seqs).size, entityId).toBe(seqs.length);
    });
  }, 600_000);
});
