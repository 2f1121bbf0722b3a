// How much traffic the API takes, in two lines, with the numbers the CDK stack, the WAF rules and the
// local gateway all take their defaults from, so local mode refuses what the cloud refuses.
//
// The first line is per client (its IP address), as AWS WAF's rate-based rules count in front of
// CloudFront: a client sending more than its share is refused on its own, and nobody else notices.
// The second is API Gateway's token buckets, one for the stage and one per public POST route, shared
// by all clients: a ceiling on what the API can cost, set far above one client's share so that no
// single client can reach it.
import { isForStaff, routes, type Route } from './routes.ts';

export interface ThrottleSettings {
  /** The whole stage: requests per second and burst. */
  rateLimit: number;
  burstLimit: number;
  /** Each public POST route (they write and send mail): a cost ceiling shared by all clients. */
  publicPostRateLimit: number;
  publicPostBurstLimit: number;
  /** The window each client's requests are counted in (WAF allows 60, 120, 300 or 600 seconds). */
  clientWindowSeconds: number;
  /** Public POSTs one client may send in the window. */
  clientPublicPostLimit: number;
  /** Requests of any kind (pages, assets, API) one client may send in the window. */
  clientRequestLimit: number;
}

/**
 * Per client: a participant registers, confirms and perhaps corrects, withdraws or erases: a handful
 * of public POSTs. 30 a minute still lets a delegation behind one ministry's proxy register together
 * (15 people submitting and confirming in the same minute), and holds a script to one every two
 * seconds. 300 requests a minute of any kind is 75 page loads (page, script, style, event).
 *
 * Shared by all: 25 public POSTs a second (burst 50) per route is fifty clients at their full share
 * at once, far more than a conference's registrations ever arrive at, and bounds the mail a
 * distributed attack could make SES send to 25 a second per route. The stage's 50 a second (burst
 * 100) covers the organizers' reads on top.
 */
export const defaultThrottle: ThrottleSettings = {
  rateLimit: 50,
  burstLimit: 100,
  publicPostRateLimit: 25,
  publicPostBurstLimit: 50,
  clientWindowSeconds: 60,
  clientPublicPostLimit: 30,
  clientRequestLimit: 300,
};

/** The routes that write and send mail without an account: register, confirm, update, withdraw, erase. */
export function isPublicPost(route: Route): boolean {
  return route.method === 'POST' && !isForStaff(route);
}

/**
 * A regular expression matching exactly the paths of the public POST routes (a path parameter is one
 * segment), for the WAF rule that counts them; an optional trailing slash is included so a client
 * cannot step around the count with one.
 */
export function publicPostPathPattern(): string {
  // WAF takes patterns of at most 200 characters, so the paths share their common beginnings, as a
  // trie does: ^/(events/[^/]+/(registrations|uploads(/[^/]+/check)?)|registrations/(confirm|...))/?$
  const paths = routes
    .filter(isPublicPost)
    .map((route) => route.path.split('/').map((segment) => (/^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))));
  return `^${sharedBeginnings(paths)}/?$`;
}

/** One alternation of the paths (as segments), each common first segment written once. */
function sharedBeginnings(paths: string[][]): string {
  const byHead = new Map<string, string[][]>();
  for (const [head = '', ...rest] of paths) byHead.set(head, [...(byHead.get(head) ?? []), rest]);
  const branches = [...byHead].map(([head, rests]) => {
    const longer = rests.filter((rest) => rest.length > 0);
    if (longer.length === 0) return head;
    const tail = `/${sharedBeginnings(longer)}`;
    return longer.length < rests.length ? `${head}(${tail})?` : `${head}${tail}`;
  });
  return branches.length === 1 ? branches[0]! : `(${branches.join('|')})`;
}

/** What a refused client reads, from the WAF rules and the stage alike. */
export const tooManyRequestsBody = { error: { code: 'too_many_requests', message: 'Too many requests. Please wait a moment and try again.' } };

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private readonly rate: number;
  private readonly burst: number;
  private readonly clock: () => number;

  constructor(rate: number, burst: number, clock: () => number = () => performance.now()) {
    this.rate = rate;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.updatedAt = clock();
  }

  /** Takes a token if there is one; otherwise says how many seconds until there will be. */
  take(): Verdict {
    const now = this.clock();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rate);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.rate)) };
  }
}

/**
 * A rate-based rule as WAF applies it: a client whose requests in the last `windowSeconds` number more
 * than `limit` is refused, and every request counts, refused ones too, so a client that keeps flooding
 * stays refused until it slows down. Keeps the last limit + 1 times per client, which is all the
 * decision needs, and forgets clients quiet for a whole window.
 */
export class ClientWindow {
  private readonly seen = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly clock: () => number;
  private lastSweep: number;

  constructor(limit: number, windowSeconds: number, clock: () => number = () => performance.now()) {
    this.limit = limit;
    this.windowMs = windowSeconds * 1000;
    this.clock = clock;
    this.lastSweep = clock();
  }

  count(client: string): Verdict {
    const now = this.clock();
    this.sweep(now);
    const times = this.seen.get(client) ?? [];
    times.push(now);
    if (times.length > this.limit + 1) times.shift();
    this.seen.set(client, times);
    const oldest = times[0]!;
    if (times.length <= this.limit || now - oldest >= this.windowMs) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [client, times] of this.seen) if (now - times.at(-1)! >= this.windowMs) this.seen.delete(client);
  }
}

export function throttleFromEnv(env: NodeJS.ProcessEnv = process.env): ThrottleSettings {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    rateLimit: read('THROTTLE_RATE_LIMIT', defaultThrottle.rateLimit),
    burstLimit: read('THROTTLE_BURST_LIMIT', defaultThrottle.burstLimit),
    publicPostRateLimit: read('PUBLIC_POST_RATE_LIMIT', defaultThrottle.publicPostRateLimit),
    publicPostBurstLimit: read('PUBLIC_POST_BURST_LIMIT', defaultThrottle.publicPostBurstLimit),
    clientWindowSeconds: read('CLIENT_WINDOW_SECONDS', defaultThrottle.clientWindowSeconds),
    clientPublicPostLimit: read('CLIENT_PUBLIC_POST_LIMIT', defaultThrottle.clientPublicPostLimit),
    clientRequestLimit: read('CLIENT_REQUEST_LIMIT', defaultThrottle.clientRequestLimit),
  };
}
