// The mail of the nomination (a focal point's link, a nominee's invitation) goes out as a
// registration's does (outbox.ts): the item is written with the mail pending, the mail worker sends
// it, woken by the table's stream or its timer, and retries with backoff what SES did not take.
// Links are issued when the mail goes out, so only their hashes are stored: the worker writes the new
// hash and a lease first, then sends, then clears what was sent.
import { composeFocalToken, delegationUrl, linkExpiry, nominationsCloseAt, nomineeUrl, type FocalPoint, type Nomination } from '../model/delegations.ts';
import type { ConferenceEvent } from '../model/event.ts';
import type { PendingMail } from '../model/registration.ts';
import { composeToken, randomSecret, sha256 } from '../model/tokens.ts';
import { errorType } from '../platform/log.ts';
import type { Plain } from '../store/attributes.ts';
import type { MailDeps } from './deps.ts';
import { delegationEmail, type DelegationMail, type Email } from './emails.ts';
import { isPermanentRefusal, maxAttempts, nextAttemptAt, retryPolicy, type SweepReport } from './outbox.ts';

/** Items whose mail one invocation sends at the same time. */
const concurrentDeliveries = 2;

/** Hashes of links kept per focal point or nominee: older mails' links keep working until they expire. */
const keptLinks = 5;

export function queuedDelegationMail(pendingMails: readonly PendingMail[], kind: DelegationMail['kind'], now: Date): PendingMail[] {
  return [...pendingMails.filter((mail) => mail.kind !== kind), { kind, attempts: 0, nextAttemptAt: now.toISOString() }];
}

type Held = { type: 'focal_point'; item: FocalPoint } | { type: 'nomination'; item: Nomination };

function held(record: Record<string, Plain>): Held | undefined {
  const { pk: _pk, sk: _sk, type, gsi3pk: _p, gsi3sk: _s, ...rest } = record;
  if (type === 'focal_point') return { type, item: rest as unknown as FocalPoint };
  if (type === 'nomination') return { type, item: rest as unknown as Nomination };
  return undefined;
}

/** The mail with a fresh link, and the item carrying that link's hash; undefined if it says nothing true any more. */
function rebuild(deps: MailDeps, event: ConferenceEvent, entry: Held, kind: string): { linkHash: string; email: Email } | undefined {
  const secret = randomSecret();
  if (entry.type === 'focal_point') {
    const focal = entry.item;
    const token = composeFocalToken({ eventId: focal.eventId, entityId: focal.entityId, emailKey: focal.emailKey, secret });
    const closesAt = nominationsCloseAt(event);
    const deadline = closesAt ? new Intl.DateTimeFormat(focal.language, { dateStyle: 'long', timeStyle: 'short', timeZone: event.timeZone }).format(new Date(closesAt)) : undefined;
    return { linkHash: sha256(secret), email: delegationEmail(focal, event, { kind: 'focal_point_invite', entityName: focal.entityName, url: delegationUrl(deps.publicBaseUrl, token), deadline }) };
  }
  const nomination = entry.item;
  // An invitation is for a nominee holding a place: one withdrawn or waiting is not invited (a promotion queues it again).
  if (nomination.status !== 'nominated') return undefined;
  const token = composeToken({ eventId: nomination.eventId, emailKey: nomination.emailKey, secret });
  return {
    linkHash: sha256(secret),
    // A reminder carries a fresh invitation link too: the nominee may have lost the first.
    email: delegationEmail(nomination, event, { kind: kind === 'nominee_reminder' ? 'nominee_reminder' : 'nominee_invite', entityName: nomination.entityName, role: nomination.role, url: nomineeUrl(deps.publicBaseUrl, nomination.eventId, token, nomination.language) }),
  };
}

function withLink(entry: Held, hash: string, now: Date): Held {
  if (entry.type === 'focal_point') return { type: 'focal_point', item: { ...entry.item, linkHashes: [...entry.item.linkHashes, hash].slice(-keptLinks), linkExpiresAt: linkExpiry(now) } };
  return { type: 'nomination', item: { ...entry.item, inviteHashes: [...entry.item.inviteHashes, hash].slice(-keptLinks), inviteExpiresAt: linkExpiry(now) } };
}

function withMails(entry: Held, pendingMails: PendingMail[], version: number): Held {
  return entry.type === 'focal_point' ? { type: entry.type, item: { ...entry.item, pendingMails, version } } : { type: entry.type, item: { ...entry.item, pendingMails, version } };
}

async function save(deps: MailDeps, entry: Held, expectedVersion: number): Promise<boolean> {
  return entry.type === 'focal_point' ? deps.delegations.saveFocalPoint(entry.item, expectedVersion) : deps.delegations.saveNomination(entry.item, expectedVersion);
}

/** One sweep of the delegation items with mail due. */
export async function deliverDelegationMail(deps: MailDeps, now: Date = new Date(), batch = 25): Promise<SweepReport> {
  return deliverDelegationMailOf(deps, await deps.delegations.dueForMail(now, batch), now);
}

/** Sweeps until nothing is due, a send fails, or `more()` says the time is up. */
export async function deliverAllDelegationMail(deps: MailDeps, more: () => boolean = () => true, maxBatches = 40): Promise<SweepReport> {
  const total: SweepReport = { sent: 0, failed: 0, dropped: 0 };
  for (let batch = 0; batch < maxBatches && more(); batch++) {
    const report = await deliverDelegationMail(deps);
    total.sent += report.sent;
    total.failed += report.failed;
    total.dropped += report.dropped;
    if (report.sent + report.failed + report.dropped === 0 || report.failed > 0) break;
  }
  return total;
}

export async function deliverDelegationMailOf(deps: MailDeps, itemKeys: readonly (readonly [string, string])[], now: Date = new Date()): Promise<SweepReport> {
  const report: SweepReport = { sent: 0, failed: 0, dropped: 0 };
  const policy = retryPolicy();
  // A few items at a time, as the registrations' worker does (outbox.ts): leases and conditional writes keep them apart.
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < itemKeys.length; index = next++) await deliverOne(itemKeys[index]!);
  };
  const deliverOne = async ([pk, sk]: readonly [string, string]) => {
    const record = await deps.delegations.getItem(pk, sk);
    const entry = record ? held(record) : undefined;
    if (!entry) return;
    const due = entry.item.pendingMails.filter((mail) => mail.nextAttemptAt <= now.toISOString());
    if (due.length === 0) return;
    const event = await deps.events.get(entry.item.eventId);

    // 1. A fresh link and a lease, written before anything is sent.
    let leased = entry;
    const outgoing: { pending: PendingMail; email: Email }[] = [];
    for (const pending of due) {
      const rebuilt = event && pending.attempts < maxAttempts ? rebuild(deps, event, leased, pending.kind) : undefined;
      if (!rebuilt) continue;
      leased = withLink(leased, rebuilt.linkHash, now);
      outgoing.push({ pending, email: rebuilt.email });
    }
    const lease = (pending: PendingMail): PendingMail => ({ ...pending, attempts: pending.attempts + 1, nextAttemptAt: nextAttemptAt(pending.attempts + 1, now, policy) });
    const kept = entry.item.pendingMails.filter((pending) => !due.includes(pending) || outgoing.some((out) => out.pending === pending));
    leased = withMails(leased, kept.map((pending) => (due.includes(pending) ? lease(pending) : pending)), entry.item.version + 1);
    if (!(await save(deps, leased, entry.item.version))) return;
    report.dropped += due.length - outgoing.length;

    // 2. Send; 3. clear what SES took (a lost clear sends again after the lease: at least once).
    const sent = new Set<string>();
    for (const { pending, email } of outgoing) {
      try {
        await deps.mailer.send(email);
        sent.add(pending.kind);
        report.sent++;
      } catch (error) {
        if (isPermanentRefusal(error)) sent.add(pending.kind);
        report.failed++;
        deps.log.warn('mail_retry_failed', { mail: pending.kind, attempts: pending.attempts + 1, ...errorType(error) });
      }
    }
    if (sent.size > 0) {
      const cleared = withMails(leased, leased.item.pendingMails.filter((pending) => !sent.has(pending.kind)), leased.item.version + 1);
      await save(deps, cleared, leased.item.version);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrentDeliveries, itemKeys.length) }, worker));
  if (report.sent + report.failed + report.dropped > 0) deps.log.info('delegation_mail_sweep', { ...report });
  return report;
}
