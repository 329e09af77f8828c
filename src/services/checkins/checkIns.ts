import { DateTime } from 'luxon';
import {
  buildCheckIn,
  checkInId,
  checkInJobKinds,
  followUpDue,
  isEmpty,
  lowestMoodTwice,
  nextStepJobId,
  nextStepReminderAt,
  noGroup,
  type CheckIn,
  type CheckInAnswers,
  type NextStepOutcome,
} from '../../domain/checkins';
import type { Clock } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';
import type { User } from '../../domain/people';
import { isValidZone, toUtcIso } from '../../domain/shared/schedule';
import type { GroupRepository } from '../groups';
import type { UserRepository } from '../people';
import type { JobQueue } from '../shared/ports';
import type { CheckInRepository } from './ports';

export interface CheckInDeps {
  checkIns: CheckInRepository;
  users: UserRepository;
  groups: GroupRepository;
  jobs: JobQueue;
}

export interface CheckInSettings {
  defaultTimeZone: string;
}

/** What the leader may know of a private entry: that it happened. The type has no room for more. */
export type LeaderEntry = { kind: 'shared'; checkIn: CheckIn } | { kind: 'private'; at: string; meetingId?: string };

export interface LeaderMemberView {
  userId: string;
  displayName: string;
  entries: LeaderEntry[];
}

const historyLimit = 100;

/** Check-ins: start, save, my history, share or not, the leader's view. */
export class CheckInService {
  constructor(
    private readonly deps: CheckInDeps,
    private readonly clock: Clock,
    private readonly settings: CheckInSettings,
  ) {}

  /** Nothing is stored before consent: a check-in needs a profile that gave it. */
  private async consenting(userId: string): Promise<User> {
    const user = await this.deps.users.get(userId);
    if (!user?.consent?.given) throw new DomainError('CONSENT_REQUIRED');
    return user;
  }

  zoneOf(user: User | undefined): string {
    return isValidZone(user?.timeZone) ? user.timeZone : this.settings.defaultTimeZone;
  }

  today(user: User | undefined): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: this.zoneOf(user) }).toISODate()!;
  }

  /** Before the questions: may this person check in, may they share, and which next step to ask about. */
  async start(userId: string): Promise<{ inGroup: boolean; today: string; followUp?: CheckIn }> {
    const user = await this.consenting(userId);
    const history = await this.deps.checkIns.listByUser(userId, historyLimit);
    const followUp = followUpDue(history, this.today(user), this.clock.now());
    return { inGroup: Boolean(user.groupId), today: this.today(user), ...(followUp ? { followUp } : {}) };
  }

  /**
   * Stores the answers (nothing when every question was skipped), plans the next step's reminder and
   * tells whether the lowest mood came twice in a row. One request id = one entry.
   */
  async save(userId: string, requestId: string, answers: CheckInAnswers, meetingId?: string): Promise<{ checkIn?: CheckIn; lowMoodTwice: boolean }> {
    const user = await this.consenting(userId);
    const history = await this.deps.checkIns.listByUser(userId, historyLimit);
    const id = checkInId(requestId);
    const previous = history.filter((c) => c.id !== id);
    const lowMoodTwice = lowestMoodTwice(previous, answers.mood);
    if (answers.nextStepDate && answers.nextStepDate < this.today(user)) throw new DomainError('INVALID_INPUT', { field: 'nextStepDate' });
    const checkIn = buildCheckIn(
      { id, userId, createdAt: toUtcIso(this.clock.now()), ...(user.groupId ? { groupId: user.groupId } : {}), ...(meetingId ? { meetingId } : {}) },
      answers,
    );
    if (isEmpty(checkIn)) return { lowMoodTwice };
    const existing = history.find((c) => c.id === id);
    const stored = await this.deps.checkIns.put(existing ? { ...checkIn, createdAt: existing.createdAt } : checkIn);
    if (stored.nextStep?.date) await this.planNextStep(user, stored);
    return { checkIn: stored, lowMoodTwice };
  }

  private async planNextStep(user: User, checkIn: CheckIn): Promise<void> {
    const now = this.clock.now();
    const due = nextStepReminderAt(checkIn.nextStep!.date!, this.zoneOf(user));
    await this.deps.jobs.plan(
      {
        id: nextStepJobId(user.userId, checkIn.id),
        kind: checkInJobKinds.nextStep,
        dueAt: due > toUtcIso(now) ? due : toUtcIso(now),
        groupId: user.groupId ?? noGroup,
        userId: user.userId,
        payload: { checkInId: checkIn.id },
      },
      now,
    );
  }

  /** "Did it happen?" answered in a later check-in: recorded on the entry that set the step. */
  async answerFollowUp(userId: string, checkInId: string, outcome: NextStepOutcome): Promise<CheckIn> {
    const entry = await this.own(userId, checkInId);
    if (!entry.nextStep) throw new DomainError('INVALID_INPUT', { field: 'checkInId' });
    return this.deps.checkIns.put({ ...entry, nextStep: { ...entry.nextStep, outcome, answeredAt: toUtcIso(this.clock.now()) } });
  }

  listMine(userId: string, limit = historyLimit): Promise<CheckIn[]> {
    return this.deps.checkIns.listByUser(userId, limit);
  }

  /** Share an entry with the leader of the group it was made in, or take it back. Only one's own entries. */
  async setShared(userId: string, checkInId: string, shared: boolean): Promise<CheckIn> {
    const entry = await this.own(userId, checkInId);
    if (shared && !entry.groupId) throw new DomainError('NOT_IN_GROUP');
    return this.deps.checkIns.put({ ...entry, shared });
  }

  private async own(userId: string, checkInId: string): Promise<CheckIn> {
    // The read is in the caller's own partition: another person's id finds nothing.
    const entry = await this.deps.checkIns.get(userId, checkInId);
    if (!entry || entry.userId !== userId) throw new DomainError('INVALID_INPUT', { field: 'checkInId' });
    return entry;
  }

  /** The leader of this group: shared entries in full; of private ones only that a check-in happened. */
  async leaderView(leaderId: string, groupId: string, perMember = 20): Promise<LeaderMemberView[]> {
    const group = await this.deps.groups.get(groupId);
    if (!group) throw new DomainError('GROUP_NOT_FOUND');
    if (group.leaderId !== leaderId) throw new DomainError('NOT_GROUP_LEADER');
    return Promise.all(
      group.members.map(async (m) => {
        const entries = await this.deps.checkIns.listInGroup(m.userId, groupId, perMember);
        return {
          userId: m.userId,
          displayName: m.displayName,
          entries: entries
            .filter((c) => c.groupId === groupId)
            .map((c): LeaderEntry => (c.shared ? { kind: 'shared', checkIn: c } : { kind: 'private', at: c.createdAt, ...(c.meetingId ? { meetingId: c.meetingId } : {}) })),
        };
      }),
    );
  }
}
