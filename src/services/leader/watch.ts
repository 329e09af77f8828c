import { DateTime } from 'luxon';
import type { Group } from '../../domain/groups';
import {
  alertId,
  alertJobId,
  assess,
  contactId,
  decide,
  leaderJobKinds,
  nextEvaluation,
  watchJobId,
  type Alert,
  type Assessment,
  type FeedbackAnswer,
  type WatchSettings,
} from '../../domain/leader';
import type { Clock } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';
import { toUtcIso } from '../../domain/shared/schedule';
import type { GroupRepository } from '../groups';
import type { PauseRepository } from '../reminders';
import type { JobQueue } from '../shared/ports';
import type { LeaderRepository, SignalSource } from './ports';

export interface LeaderWatchDeps {
  groups: GroupRepository;
  pauses: PauseRepository;
  leader: LeaderRepository;
  jobs: JobQueue;
  sources: readonly SignalSource[];
}

/** One participant as the leader sees them at a glance: the assessment's reasons and any open alert. */
export interface GlanceRow {
  userId: string;
  name: string;
  assessment: Assessment;
  flagged: boolean;
}

/**
 * The early warning: scores each participant from the signals the leader may see, decides per
 * episode whether to alert, and plans the alert's send as a job. Every leader action checks that the
 * actor leads this group.
 */
export class LeaderWatchService {
  constructor(
    private readonly deps: LeaderWatchDeps,
    private readonly clock: Clock,
    readonly settings: WatchSettings,
  ) {}

  /** Plans the group's next evaluation (idempotent: one job per group and day). */
  async ensureWatch(groupId: string, now = this.clock.now()): Promise<void> {
    const group = await this.deps.groups.get(groupId);
    if (!group || group.members.length === 0) return;
    const { day, dueAt } = nextEvaluation(group.timeZone, this.settings.evaluateAt, now);
    await this.deps.jobs.plan({ id: watchJobId(groupId, day), kind: leaderJobKinds.watch, dueAt, groupId, userId: group.leaderId, payload: { day } }, now);
  }

  /** Every member's assessment now (no writes). */
  async assessGroup(group: Group, now: Date): Promise<Assessment[]> {
    const window = { from: new Date(now.getTime() - this.settings.windowDays * 86_400_000).toISOString(), to: now.toISOString() };
    const observations = (await Promise.all(this.deps.sources.map((s) => s.collect(group, window)))).flat();
    return Promise.all(
      group.members.map(async (m) => {
        const [history, current] = await Promise.all([this.deps.pauses.history(m.userId), this.deps.pauses.current(m.userId)]);
        const pauses = current ? [...history, current] : history;
        return assess({ userId: m.userId, joinedAt: m.joinedAt, pauses }, observations, this.settings, now);
      }),
    );
  }

  /**
   * The day's evaluation (the `leader.watch` job): new alerts are stored and their sends planned as
   * jobs with ids made of group, person and day, so a repeated run plans nothing twice.
   */
  async evaluate(groupId: string, day: string, now: Date): Promise<{ alerts: string[] } | undefined> {
    const group = await this.deps.groups.get(groupId);
    if (!group) return undefined;
    const [assessments, states] = await Promise.all([this.assessGroup(group, now), this.deps.leader.listStates(groupId)]);
    const alerts: string[] = [];
    for (const assessment of assessments) {
      const previous = states.find((s) => s.userId === assessment.userId);
      const { state, alert } = decide(groupId, previous, assessment, this.settings, now);
      const sameDay = previous?.lastAlertAt && this.localDay(group, previous.lastAlertAt) === day;
      if (alert || sameDay) {
        const id = alertId(assessment.userId, day);
        const stored = await this.deps.leader.createAlert({
          id, groupId, userId: assessment.userId, leaderId: group.leaderId, day, reasons: assessment.reasons, createdAt: toUtcIso(now),
        });
        await this.deps.jobs.plan({ id: alertJobId(groupId, stored.id), kind: leaderJobKinds.alert, dueAt: toUtcIso(now), groupId, userId: group.leaderId, payload: { alertId: stored.id } }, now);
        alerts.push(stored.id);
      }
      if (state !== previous) await this.deps.leader.saveState(state);
    }
    return { alerts };
  }

  private localDay(group: Group, instant: string) {
    return DateTime.fromISO(instant, { zone: group.timeZone }).toFormat('yyyy-MM-dd');
  }

  /** The alert a send job is about, if it still makes sense: same leader, person still in the group and still flagged. */
  async alertToSend(groupId: string, id: string): Promise<{ group: Group; alert: Alert; name: string } | { skip: string }> {
    const [group, alert, states] = await Promise.all([this.deps.groups.get(groupId), this.deps.leader.getAlert(groupId, id), this.deps.leader.listStates(groupId)]);
    if (!group || !alert) return { skip: 'alert_not_found' };
    if (group.leaderId !== alert.leaderId) return { skip: 'not_group_leader' };
    const member = group.members.find((m) => m.userId === alert.userId);
    if (!member) return { skip: 'not_in_group' };
    if (states.find((s) => s.userId === alert.userId)?.status !== 'flagged') return { skip: 'recovered' };
    return { group, alert, name: member.displayName };
  }

  /** The group at a glance: every participant with the reasons, if any. Only for the group's leader. */
  async glance(leaderId: string, groupId: string): Promise<{ group: Group; rows: GlanceRow[] }> {
    const group = await this.ledGroup(leaderId, groupId);
    const now = this.clock.now();
    const [assessments, states] = await Promise.all([this.assessGroup(group, now), this.deps.leader.listStates(groupId)]);
    const rows = group.members.map((m) => ({
      userId: m.userId,
      name: m.displayName,
      assessment: assessments.find((a) => a.userId === m.userId)!,
      flagged: states.some((s) => s.userId === m.userId && s.status === 'flagged'),
    }));
    return { group, rows };
  }

  /** The leader's answer to an alert; "I'll reach out" and "already handled" are kept as contacts with the person. */
  async feedback(leaderId: string, groupId: string, id: string, answer: FeedbackAnswer, why?: string): Promise<{ alert: Alert; name: string }> {
    const group = await this.ledGroup(leaderId, groupId);
    const alert = await this.deps.leader.getAlert(groupId, id);
    if (!alert || alert.leaderId !== leaderId) throw new DomainError('ALERT_NOT_FOUND');
    const at = toUtcIso(this.clock.now());
    const trimmed = why?.trim();
    const saved = await this.deps.leader.replaceAlert({ ...alert, feedback: { answer, at, ...(trimmed ? { why: trimmed } : {}) } });
    if (answer !== 'not_useful') {
      await this.deps.leader.addContact({ id: contactId(alert.userId, at), groupId, userId: alert.userId, leaderId, kind: answer, alertId: id, at });
    }
    return { alert: saved, name: group.members.find((m) => m.userId === alert.userId)?.displayName ?? '' };
  }

  /** "Forget me": nothing the early warning kept about the person stays behind. */
  forget(userId: string): Promise<number> {
    return this.deps.leader.deleteAllAbout(userId);
  }

  private async ledGroup(leaderId: string, groupId: string): Promise<Group> {
    const group = await this.deps.groups.get(groupId);
    if (!group) throw new DomainError('GROUP_NOT_FOUND');
    if (group.leaderId !== leaderId) throw new DomainError('NOT_GROUP_LEADER');
    return group;
  }
}
