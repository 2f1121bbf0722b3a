import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail, validForm } from '../support/fixtures.ts';
import { startTestApi, type TestApi } from '../support/local-api.ts';
import { settledMail } from '../support/mailbox.ts';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.stop();
});

describe('simultaneous submissions', () => {
  it('leaves one registration when 20 submissions of one address arrive at once, and mails it at most 3 times', async () => {
    // Prepare
    const email = uniqueEmail('twenty');
    const forms = Array.from({ length: 20 }, (_, index) =>
      validForm({ email: index % 2 ? email : email.toUpperCase(), position: `Submission ${index}` }),
    );

    // Act
    const answers = await Promise.all(forms.map((form) => api.postJson('/events/osce-drugs-2017/registrations', form)));

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(202));
    const token = await api.organizerToken();
    const { items } = (await (
      await api.request('/events/osce-drugs-2017/registrations?limit=100', { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: { email: string; position: string }[] };
    const mine = items.filter((item) => item.email.toLowerCase() === email);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.position).toMatch(/^Submission \d+$/);
    const mails = await settledMail(api.sesEndpoint, email);
    expect(mails.length).toBeGreaterThanOrEqual(1);
    expect(mails.length).toBeLessThanOrEqual(3);
  });
});
