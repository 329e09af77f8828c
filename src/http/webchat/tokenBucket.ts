/**
 * A small in-memory token bucket per key (client IP). Per process: with several instances each keeps
 * its own buckets, so the effective limit is the per-instance limit times the instance count.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedMs: number }>();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes one token for the key; returns 0 when allowed, otherwise the seconds until a token is back. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedMs: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.updatedMs) / 1000) * this.refillPerSecond);
    bucket.updatedMs = now;
    if (!this.buckets.has(key)) this.prune(now);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.refillPerSecond);
  }

  /** Forgets buckets that have refilled completely, so a flood of addresses cannot grow the map without end. */
  private prune(now: number) {
    if (this.buckets.size < this.maxKeys) return;
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.updatedMs) / 1000) * this.refillPerSecond >= this.capacity) this.buckets.delete(key);
    }
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
