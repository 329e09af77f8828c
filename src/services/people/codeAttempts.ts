import { DomainError } from '../../domain/shared/errors';
import type { Clock } from '../../domain/shared/clock';
import type { CodeAttemptRepository } from './ports';
import { retryOnConflict } from '../shared/retryOnConflict';
import { asNextOf } from '../../domain/shared/version';

export interface RateLimit {
  maxFailures: number;
  windowMinutes: number;
}

export const defaultCodeRateLimit: RateLimit = { maxFailures: 5, windowMinutes: 15 };

/** Writes lost to a concurrent try of the same person before this one gives up (CONFLICT, not evaluated). */
const maxConflictRetries = 50;

/** One try taken from the person's allowance; a right code gives it back. */
export interface CodeTry {
  release(): Promise<void>;
}

/**
 * Invite and leader sign-up codes, guessed at most `maxFailures` times per user in a sliding window.
 * A try is counted BEFORE the code is looked at, with a conditional write (IfMatch on the counter, or a
 * create that fails when someone created it first), so a burst of concurrent tries can never evaluate
 * more codes than the limit: each write that loses the race reads the counter again.
 */
export class CodeAttemptGuard {
  constructor(
    private readonly attempts: CodeAttemptRepository,
    private readonly clock: Clock,
    private readonly limit: RateLimit = defaultCodeRateLimit,
  ) {}

  private recent(tries: string[]): string[] {
    const since = this.clock.now().getTime() - this.limit.windowMinutes * 60_000;
    return tries.filter((f) => Date.parse(f) > since);
  }

  /** Takes a try, or throws RATE_LIMITED (with the minutes to wait) when none is left. */
  async take(userId: string): Promise<CodeTry> {
    const stamp = this.clock.now().toISOString();
    return retryOnConflict(async () => {
      const doc = await this.attempts.get(userId);
      const recent = this.recent(doc?.failures ?? []);
      if (recent.length >= this.limit.maxFailures) throw this.limited(recent);
      await this.attempts.save(asNextOf(doc, { id: 'codeAttempts', userId, failures: [...recent, stamp] }));
      return { release: () => this.giveBack(userId, stamp) };
    }, maxConflictRetries);
  }

  private limited(recent: string[]): DomainError {
    const oldest = Math.min(...recent.map((f) => Date.parse(f)));
    const waitMs = oldest + this.limit.windowMinutes * 60_000 - this.clock.now().getTime();
    return new DomainError('RATE_LIMITED', { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) });
  }

  /** Best effort: a right code should not use up a try, but failing to give it back only costs a try. */
  private async giveBack(userId: string, stamp: string): Promise<void> {
    await retryOnConflict(async () => {
      const doc = await this.attempts.get(userId);
      const at = doc?.failures.indexOf(stamp) ?? -1;
      if (!doc || at < 0) return;
      await this.attempts.save({ ...doc, failures: doc.failures.filter((_, i) => i !== at) });
    }).catch(() => undefined);
  }
}
