import { timingSafeEqual, createHash } from 'node:crypto';
import { IANAZone } from 'luxon';
import type { Clock } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';
import type { Locale } from '../../domain/shared/locale';
import { limitsSchema, type Limits, type User } from '../../domain/people/model';
import type { CodeAttemptGuard } from './codeAttempts';
import type { UserRepository } from './ports';
import { retryOnConflict } from '../shared/retryOnConflict';

export interface LeadershipPolicy {
  /** Local mode: anyone may lead (there is nobody else on a developer's machine). */
  anyoneMayLead: boolean;
  leaderIds: string[];
  signupCode?: string;
}

/** Profiles: language, consent, personal limits and the right to lead. Nothing personal is stored before consent. */
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly guard: CodeAttemptGuard,
    private readonly policy: LeadershipPolicy,
    private readonly clock: Clock,
  ) {}

  private now() {
    return this.clock.now().toISOString();
  }

  private blank(userId: string): User {
    const now = this.now();
    return { id: userId, userId, canLead: false, leadsGroupIds: [], createdAt: now, updatedAt: now };
  }

  async get(userId: string): Promise<User | undefined> {
    return this.users.get(userId);
  }

  /**
   * Read, change, write with IfMatch; a concurrent change is re-read and applied again. A profile the
   * caller has just read is used for the first attempt instead of being read a second time.
   */
  async update(userId: string, change: (user: User) => User, known?: User): Promise<User> {
    return retryOnConflict(async (round) => {
      const current = (round === 0 && known ? known : await this.users.get(userId)) ?? this.blank(userId);
      return this.users.save({ ...change(current), updatedAt: this.now() });
    });
  }

  mayLead(user: User | undefined, userId: string): boolean {
    return this.policy.anyoneMayLead || this.policy.leaderIds.includes(userId) || user?.canLead === true;
  }

  /** A leader by role (listed, granted, or leading a group) — not merely allowed because anyone may lead locally. */
  isLeader(user: User | undefined, userId: string): boolean {
    return this.policy.leaderIds.includes(userId) || user?.canLead === true || (user?.leadsGroupIds.length ?? 0) > 0;
  }

  setLocale(userId: string, locale: Locale): Promise<User> {
    return this.update(userId, (u) => ({ ...u, locale }));
  }

  setTimeZone(userId: string, timeZone: string): Promise<User> {
    if (!IANAZone.isValidZone(timeZone)) throw new DomainError('INVALID_INPUT');
    return this.update(userId, (u) => ({ ...u, timeZone }));
  }

  giveConsent(userId: string, displayName: string): Promise<User> {
    const name = displayName.trim().slice(0, 100);
    return this.update(userId, (u) => ({ ...u, consent: { given: true, at: this.now() }, displayName: name || undefined }));
  }

  /** Declining (or withdrawing) keeps only the language choice and the fact that they declined. */
  declineConsent(userId: string): Promise<User> {
    return this.update(userId, (u) => ({
      ...u,
      consent: { given: false, at: this.now() },
      displayName: undefined,
      limits: undefined,
      timeZone: undefined,
    }));
  }

  async setLimits(userId: string, limits: Limits): Promise<User> {
    const user = await this.users.get(userId);
    if (!user?.consent?.given) throw new DomainError('CONSENT_REQUIRED');
    const parsed = limitsSchema.safeParse(limits);
    if (!parsed.success) throw new DomainError('INVALID_INPUT');
    return this.update(userId, (u) => ({ ...u, limits: parsed.data }));
  }

  /** The leader sign-up code, compared in constant time and rate limited like invite codes. */
  async claimLeadership(userId: string, code: string): Promise<User> {
    const tried = await this.guard.take(userId);
    const expected = this.policy.signupCode;
    if (!expected || !sameSecret(code.trim(), expected)) throw new DomainError('SIGNUP_CODE_INVALID');
    await tried.release();
    return this.update(userId, (u) => ({ ...u, canLead: true }));
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
