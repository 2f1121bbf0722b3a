// API Gateway throttles with token buckets: a steady rate per second and a burst. The CDK stage and
// the local gateway take their defaults from here, so local mode refuses what the cloud refuses.
export interface ThrottleSettings {
  /** The whole stage: requests per second and burst. */
  rateLimit: number;
  burstLimit: number;
  /** Each public POST route (they write and send mail): stricter. */
  publicPostRateLimit: number;
  publicPostBurstLimit: number;
}

export const defaultThrottle: ThrottleSettings = {
  rateLimit: 50,
  burstLimit: 100,
  publicPostRateLimit: 5,
  publicPostBurstLimit: 10,
};

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
  take(): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
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
  };
}
