import { DateTime } from 'luxon';
import { personalZone } from '../../domain/people';
import type { Clock } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';
import { toUtcIso, type QuietHours } from '../../domain/shared/schedule';
import { effectivePrefs, isPaused, maxPauseDays, reminderPrefsSchema, type EffectiveReminderPrefs, type Pause, type PauseReason } from '../../domain/reminders/model';
import type { GroupRepository } from '../groups';
import type { MeetingReplanner, PauseRepository, ReminderPrefsRepository } from './ports';
import type { UserRepository } from '../people';
import type { JobQueue } from '../shared/ports';

export interface ReminderPrefsChange {
  enabled?: boolean;
  offsetsMinutes?: number[];
  quietHours?: QuietHours;
}

export interface ReminderPrefsDeps {
  prefs: ReminderPrefsRepository;
  pauses: PauseRepository;
  users: UserRepository;
  groups: GroupRepository;
  meetings: MeetingReplanner;
  jobs: Pick<JobQueue, 'releaseHeld'>;
}


/**
 * A person's own control over reminders: which offsets, quiet hours, on/off, and pauses (a job
 * interview, a work try-out, illness). A change re-plans their upcoming meetings at once, and a change
 * of quiet hours also what they already hold.
 */
export class ReminderPrefsService {
  constructor(
    private readonly deps: ReminderPrefsDeps,
    private readonly clock: Clock,
    /** For someone with neither a zone of their own nor a group: the service's own (DEFAULT_TIMEZONE). */
    private readonly defaultZone = 'UTC',
  ) {}

  async get(userId: string): Promise<EffectiveReminderPrefs> {
    return effectivePrefs(await this.deps.prefs.get(userId));
  }

  async update(userId: string, change: ReminderPrefsChange): Promise<EffectiveReminderPrefs> {
    const current = await this.get(userId);
    const parsed = reminderPrefsSchema.safeParse({
      id: 'reminderPrefs',
      userId,
      enabled: change.enabled ?? current.enabled,
      offsetsMinutes: [...new Set(change.offsetsMinutes ?? current.offsetsMinutes)].sort((a, b) => b - a),
      quietHours: change.quietHours ?? current.quietHours,
      updatedAt: toUtcIso(this.clock.now()),
    });
    if (!parsed.success) throw new DomainError('INVALID_INPUT');
    const saved = await this.deps.prefs.save(parsed.data);
    // What quiet hours already hold goes by the new ones: due again from when it was meant to go, and
    // its handler decides (sent now, or held to the new end). Then upcoming meetings are planned anew.
    const quiet = parsed.data.quietHours;
    if (quiet.start !== current.quietHours.start || quiet.end !== current.quietHours.end) await this.deps.jobs.releaseHeld(userId, this.clock.now());
    const user = await this.deps.users.get(userId);
    if (user?.groupId) await this.deps.meetings.replanMember(user.groupId, userId);
    return effectivePrefs(saved);
  }

  /** Pauses reminders from now through `until` (a local date, inclusive). A running pause is ended and replaced. */
  async startPause(userId: string, reason: PauseReason, until: string): Promise<Pause> {
    const zone = await this.zoneOf(userId);
    const now = this.clock.now();
    const today = DateTime.fromJSDate(now, { zone }).startOf('day');
    const last = DateTime.fromISO(until, { zone });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || !last.isValid || last < today || last > today.plus({ days: maxPauseDays })) {
      throw new DomainError('INVALID_INPUT');
    }
    await this.endPause(userId);
    const pause: Pause = { id: 'pause', userId, reason, until, zone, createdAt: toUtcIso(now) };
    await this.deps.pauses.save(pause);
    return pause;
  }

  /** Ends the running pause now (kept in the history with its end); nothing when none runs. */
  async endPause(userId: string): Promise<Pause | undefined> {
    const now = this.clock.now();
    const current = await this.deps.pauses.current(userId);
    if (!current || !isPaused(current, now)) return undefined;
    const ended: Pause = { ...current, endedAt: toUtcIso(now) };
    await this.deps.pauses.save(ended);
    return ended;
  }

  /** Today (yyyy-MM-dd) in the zone the person's pause dates are counted in: the first day a pause may end. */
  async today(userId: string): Promise<string> {
    return DateTime.fromJSDate(this.clock.now(), { zone: await this.zoneOf(userId) }).toISODate() ?? '';
  }

  async currentPause(userId: string): Promise<Pause | undefined> {
    const current = await this.deps.pauses.current(userId);
    return isPaused(current, this.clock.now()) ? current : undefined;
  }

  /** Every pause, oldest first: for leaving paused days out of engagement figures. */
  pauseHistory(userId: string): Promise<Pause[]> {
    return this.deps.pauses.history(userId);
  }

  private async zoneOf(userId: string): Promise<string> {
    const user = await this.deps.users.get(userId);
    const own = personalZone(user, '');
    if (own) return own;
    const group = user?.groupId ? await this.deps.groups.get(user.groupId) : undefined;
    return group?.timeZone ?? this.defaultZone;
  }
}
