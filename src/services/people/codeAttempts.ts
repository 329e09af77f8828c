import { DomainError } from '../../domain/shared/errors';
import type { Clock } from '../../domain/shared/clock';
import type { CodeAttemptRepository } from './ports';

export interface RateLimit {
  maxFailures: number;
  windowMinutes: number;
}

export const defaultCodeRateLimit: RateLimit = { maxFailures: 5, windowMinutes: 15 };

/** Wrong invite or leader codes, counted per user in a sliding window, so codes cannot be guessed. */
export class CodeAttemptGuard {
  constructor(
    private readonly attempts: CodeAttemptRepository,
    private readonly clock: Clock,
    private readonly limit: RateLimit = defaultCodeRateLimit,
  ) {}

  private recent(failures: string[]): string[] {
    const since = this.clock.now().getTime() - this.limit.windowMinutes * 60_000;
    return failures.filter((f) => Date.parse(f) > since);
  }

  /** Throws RATE_LIMITED (with minutes to wait) when the user has used up their tries. */
  async assertAllowed(userId: string): Promise<void> {
    const doc = await this.attempts.get(userId);
    const recent = this.recent(doc?.failures ?? []);
    if (recent.length >= this.limit.maxFailures) {
      const oldest = Math.min(...recent.map((f) => Date.parse(f)));
      const waitMs = oldest + this.limit.windowMinutes * 60_000 - this.clock.now().getTime();
      throw new DomainError('RATE_LIMITED', { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) });
    }
  }

  async recordFailure(userId: string): Promise<void> {
    const doc = await this.attempts.get(userId);
    const failures = [...this.recent(doc?.failures ?? []), this.clock.now().toISOString()];
    await this.attempts.save({ type: 'codeAttempts', id: 'codeAttempts', userId, failures });
  }
}
