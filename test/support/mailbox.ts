// Reads what the SES emulator received, over its HTTP API (GET /store), as a person would in the viewer.
export interface ReceivedMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

export async function mailTo(sesEndpoint: string, address: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${sesEndpoint}/store`);
  const { emails } = (await response.json()) as { emails: ReceivedMail[] };
  return emails.filter((mail) => mail.destination.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}

/** Waits until `count` messages reached the address (the mail worker sends within moments; the margin is for a busy machine). */
export async function waitForMail(sesEndpoint: string, address: string, count = 1, timeoutMs = 60_000): Promise<ReceivedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await mailTo(sesEndpoint, address);
    if (mails.length >= count || Date.now() > deadline) return mails;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The mail of one or more addresses once the mail worker has gone quiet for them: at least `atLeast`
 * mails, then none new for `quietMs` (the test mail worker polls every 50 ms). For asserting that
 * mail stays few, or does not come at all, without racing a worker that is merely slow.
 */
export async function settledMail(sesEndpoint: string, addresses: string | string[], atLeast = 1, quietMs = 1500): Promise<ReceivedMail[]> {
  const all = async () => (await Promise.all([addresses].flat().map((address) => mailTo(sesEndpoint, address)))).flat();
  const deadline = Date.now() + 60_000;
  let mails = await all();
  while (mails.length < atLeast && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    mails = await all();
  }
  for (let quietSince = Date.now(); Date.now() - quietSince < quietMs; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await all();
    if (now.length !== mails.length) [mails, quietSince] = [now, Date.now()];
  }
  return mails;
}

export function linkToken(mail: ReceivedMail): string {
  const match = /\/confirm\?token=([A-Za-z0-9._%-]+)/.exec(mail.body.text ?? '');
  if (!match) throw new Error('No confirmation link in the mail');
  return decodeURIComponent(match[1]!);
}

/**
 * The mail of many addresses at once, each with at least one message: one read of the emulator's store
 * per round, not one per address (sixty pollers reading a store of thousands slow a busy machine down).
 */
export async function waitForMailOfEach(sesEndpoint: string, addresses: string[], timeoutMs = 180_000): Promise<Map<string, ReceivedMail[]>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { emails } = (await (await fetch(`${sesEndpoint}/store`)).json()) as { emails: ReceivedMail[] };
    const byAddress = new Map(addresses.map((address) => [address, emails.filter((mail) => mail.destination.to.some((to) => to.toLowerCase() === address.toLowerCase()))]));
    const missing = [...byAddress].filter(([, mails]) => mails.length === 0).map(([address]) => address);
    if (missing.length === 0) return byAddress;
    if (Date.now() > deadline) throw new Error(`No mail within ${timeoutMs / 1000} s for ${missing.length} of ${addresses.length} addresses, e.g. ${missing[0]}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
