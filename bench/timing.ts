// Whether the submit answer's timing tells what became of an address. The body is the same 202 for
// every outcome; if one outcome answered faster, a stopwatch would tell who registered, who was
// rejected and who is capped. Each kind of address is submitted in turn, interleaved, to the warm
// handler, and the medians are compared with the new address's.
import { randomUUID } from 'node:crypto';
import { confirmRegistration } from '#shared/actions/confirm-registration.ts';
import { emailKey, mailboxKey } from '#shared/model/tokens.ts';
import { mailingRuntime } from '#shared/runtime/mailing-runtime.ts';
import { mailsPerHourPerMailbox } from '#shared/store/mailbox-store.ts';
import { eventId, httpEvent, lambdaContext, requests } from './events.ts';
import { median, ratio, round } from './stats.ts';
import { address, log, timed, type Handler, type Mailbox } from './support.ts';

/** What the address is when it is submitted: the outcome an observer would like to learn. */
const kinds = ['new', 'pending', 'confirmed', 'rejected', 'capped', 'capped spelling'] as const;
type Kind = (typeof kinds)[number];

/** Addresses of one mailbox spelled apart: Gmail ignores dots, so each is a new registration of one mailbox. */
const spellings = (user: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${user.slice(0, index + 1)}.${user.slice(index + 1)}@gmail.com`);

export async function submitTiming(mail: Mailbox, rounds: number) {
  log(`submit timing (${rounds} rounds of ${kinds.length} kinds)`);
  const { handler: submit } = (await import('../functions/submit-registration.ts')) as { handler: Handler };
  const deps = mailingRuntime();
  const send = (email: string) => timed(() => submit(httpEvent(requests.submit(email)), lambdaContext('submit')), 202, 'submit');
  const warmup = 20;
  const total = rounds + warmup;

  // Prepare every address before the first timed call, each used once.
  const addresses: Record<Kind, string[]> = { new: [], pending: [], confirmed: [], rejected: [], capped: [], 'capped spelling': [] };
  for (let i = 0; i < total; i++) {
    addresses.new.push(address('timing-new'));
    const pending = address('timing-pending');
    await send(pending);
    addresses.pending.push(pending);
    const rejected = address('timing-rejected');
    // What a rejection leaves once the participant has erased the registration.
    await deps.registrations.saveRejection(eventId, emailKey(rejected), new Date().toISOString());
    addresses.rejected.push(rejected);
    const capped = address('timing-capped');
    for (let mailNumber = 0; mailNumber < mailsPerHourPerMailbox; mailNumber++) await send(capped);
    addresses.capped.push(capped);
    const [first, ...others] = spellings(`t${randomUUID().replaceAll('-', '').slice(0, 12)}`, mailsPerHourPerMailbox + 1);
    for (const spelling of others) await send(spelling);
    if (mailboxKey(first!) !== mailboxKey(others[0]!)) throw new Error('the spellings are not one mailbox');
    addresses['capped spelling'].push(first!);
  }
  const confirmed = Array.from({ length: total }, () => address('timing-confirmed'));
  for (const email of confirmed) await send(email);
  await mail.deliver();
  const tokens = await mail.tokens();
  for (const email of confirmed) {
    await confirmRegistration(deps, tokens.get(email) ?? '');
    addresses.confirmed.push(email);
  }
  // Mail of the preparation is sent now, so the worker is idle while the submissions are timed.
  await mail.deliver();

  // Act: one of each kind per round, in an order that changes every round.
  const samples: Record<Kind, number[]> = { new: [], pending: [], confirmed: [], rejected: [], capped: [], 'capped spelling': [] };
  for (let i = 0; i < total; i++) {
    const order = [...kinds].sort(() => Math.random() - 0.5);
    for (const kind of order) {
      const elapsed = await send(addresses[kind][i]!);
      if (i >= warmup) samples[kind].push(elapsed);
    }
  }
  const base = median(samples.new);
  const rows = kinds.map((kind) => ({ kind, p50Ms: round(median(samples[kind]), 2), ratioToNew: ratio(median(samples[kind]), base) }));
  const ratios = rows.map((row) => row.ratioToNew);
  return {
    method: `the source submit handler, warm, in-process against dynalite: ${rounds} rounds (after ${warmup} warm-up rounds), each submitting one address of every kind in a shuffled order; new = never seen, pending = submitted once, confirmed, rejected = a rejection kept after erasure, capped = ${mailsPerHourPerMailbox} mails already sent this hour, capped spelling = a new spelling of a capped mailbox; ratio of the medians, largest over smallest`,
    rows,
    spread: round(Math.max(...ratios) / Math.min(...ratios), 2),
  };
}
