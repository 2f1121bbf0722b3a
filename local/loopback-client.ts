// Clients of the local gateway that the gateway can tell apart, as it tells internet clients apart in
// the cloud: each binds its connections to a loopback address of its own (127.0.0.2, 127.0.0.3, ...),
// so the gateway sees a different socket address per client. Nothing a client sends (no header) can
// change that address. Linux routes all of 127.0.0.0/8 to the loopback interface; other systems need
// the addresses added first (macOS: `sudo ifconfig lo0 alias 127.0.0.2`).
import { request } from 'node:http';

export interface LoopbackAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The loopback address of client number `n` (1, 2, ...): 127.0.0.(n + 1), then on into 127.0.1.x. */
export function loopbackAddress(n: number): string {
  return `127.0.${Math.floor(n / 254)}.${(n % 254) + 1}`;
}

/** One HTTP request to `url` (a 127.0.0.1 or localhost URL) from `localAddress`. */
export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<LoopbackAnswer> {
  const target = new URL(url);
  // localhost may resolve to ::1, which an IPv4 source address cannot reach.
  if (target.hostname === 'localhost') target.hostname = '127.0.0.1';
  return new Promise((resolve, reject) => {
    const outgoing = request(target, { method: init.method ?? 'GET', headers: init.headers, localAddress, agent: false }, (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (body += chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
      incoming.on('error', reject);
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRNOTAVAIL' ? new Error(`Cannot send from ${localAddress}: add it to the loopback interface first (see local/loopback-client.ts).`) : error),
    );
    outgoing.end(init.body);
  });
}

/** A JSON POST from `localAddress`. */
export function postJsonFrom(localAddress: string, url: string, body: unknown): Promise<LoopbackAnswer> {
  return requestFrom(localAddress, url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
