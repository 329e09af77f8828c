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

  /**
   * Forgets buckets that have refilled completely, so a flood of addresses cannot grow the map without
   * end. If that is not enough, the fullest buckets go first: a client that has used up its tokens is
   * the last one forgotten, so a flood of new addresses never lets it in again.
   */
  private prune(now: number) {
    if (this.buckets.size < this.maxKeys) return;
    const level = (b: { tokens: number; updatedMs: number }) => Math.min(this.capacity, b.tokens + ((now - b.updatedMs) / 1000) * this.refillPerSecond);
    for (const [key, b] of this.buckets) if (level(b) >= this.capacity) this.buckets.delete(key);
    if (this.buckets.size < this.maxKeys) return;
    // A tenth at a time, so a flood costs one sort per thousand new addresses, not one per address.
    const fullestFirst = [...this.buckets].sort(([, a], [, b]) => level(b) - level(a));
    for (const [key] of fullestFirst.slice(0, Math.max(1, Math.ceil(this.maxKeys / 10)))) this.buckets.delete(key);
  }
}
