import { DomainError } from '../../domain/shared/errors';
import type { Group } from '../../domain/groups';
import { addMinutes, toUtcIso } from '../../domain/shared/schedule';
import { type RsvpAnswer, type Meeting } from '../../domain/meetings/model';

import { MeetingAccess, type MeetingWithAnswers, type Undelivered } from './access';
import { isMember, leads } from '../../domain/groups';

/** Ended meetings stay on the leader's list this long, so attendance can still be marked. */
const recentDays = 14;

/** What the leader and the participants see of a group's meetings: answers, attendance, who could not be reached. */
export class MeetingOverview extends MeetingAccess {
  /**
   * The leader's view of a group they lead (as just listed by GroupService.groupsLedBy: not read again):
   * upcoming meetings with RSVPs, those of the last two weeks with attendance, and who could not be reached.
   */
  async leaderOverview(
    actorId: string,
    group: Group,
  ): Promise<{ upcoming: MeetingWithAnswers[]; recent: MeetingWithAnswers[]; undelivered: Undelivered[] }> {
    if (!leads(group, actorId)) throw new DomainError('NOT_GROUP_LEADER');
    const { groupId } = group;
    const now = toUtcIso(this.clock.now());
    const since = addMinutes(now, -recentDays * 24 * 60);
    const [upcoming, recent, undelivered] = await Promise.all([
      this.deps.meetings.listUpcoming(groupId, now),
      this.deps.meetings.listEnded(groupId, since, now),
      this.undelivered(groupId),
    ]);
    // One line per person who is still in the group: their latest failure of the last two weeks.
    const latest = new Map<string, Undelivered>();
    for (const u of undelivered) if (isMember(group, u.userId) && !latest.has(u.userId)) latest.set(u.userId, u);
    // One query for the answers of all upcoming meetings and one for who came to the recent ones.
    const [rsvps, attendance] = await Promise.all([
      this.deps.meetings.listRsvpsOf(groupId, upcoming.map((m) => m.id)),
      this.deps.meetings.listAttendanceOf(groupId, recent.map((m) => m.id)),
    ]);
    return {
      // Before a meeting only the answers count; after it only who came.
      upcoming: upcoming.map((meeting) => ({ meeting, rsvps: rsvps.filter((r) => r.meetingId === meeting.id), attendance: [] })),
      recent: recent.map((meeting) => ({ meeting, rsvps: [], attendance: attendance.filter((a) => a.meetingId === meeting.id) })),
      undelivered: [...latest.values()],
    };
  }

  /** A participant's upcoming meetings with their own answer. */
  async memberOverview(actorId: string, groupId: string): Promise<{ group: Group; upcoming: Array<{ meeting: Meeting; myAnswer?: RsvpAnswer }> }> {
    const group = await this.group(groupId);
    if (!isMember(group, actorId)) throw new DomainError('NOT_IN_GROUP');
    const upcoming = await this.deps.meetings.listUpcoming(groupId, toUtcIso(this.clock.now()));
    const answers = await Promise.all(upcoming.map((s) => this.deps.meetings.getRsvp(groupId, s.id, actorId)));
    return { group, upcoming: upcoming.map((meeting, i) => ({ meeting, myAnswer: answers[i]?.answer })) };
  }

  /**
   * For the leader: messages that could not be delivered (the person removed the bot, never opened a chat
   * with it, or sending kept failing), newest first, optionally for one meeting.
   */
  async listUndelivered(actorId: string, groupId: string, meetingId?: string): Promise<Undelivered[]> {
    await this.groupLedBy(actorId, groupId);
    return this.undelivered(groupId, meetingId);
  }

  /** Bounded by time in the query: the last two weeks, never every finished job of the group. */
  private async undelivered(groupId: string, meetingId?: string): Promise<Undelivered[]> {
    const since = addMinutes(toUtcIso(this.clock.now()), -recentDays * 24 * 60);
    const jobs = await this.deps.jobs.listFinished(groupId, { ...(meetingId ? { meetingId } : {}), statuses: ['unreachable', 'failed'], since });
    return jobs.map((j) => ({
      jobId: j.id,
      kind: j.kind,
      userId: j.userId ?? '',
      meetingId: j.meetingId,
      status: j.status as Undelivered['status'],
      httpStatus: j.result?.status,
      reason: j.result?.reason,
      at: j.finishedAt ?? j.updatedAt,
    }));
  }

  /** Meetings that have not ended yet, for the group's leader and members. */
  async listUpcoming(actorId: string, groupId: string): Promise<Meeting[]> {
    const group = await this.group(groupId);
    if (!leads(group, actorId) && !isMember(group, actorId)) throw new DomainError('NOT_IN_GROUP');
    return this.deps.meetings.listUpcoming(groupId, toUtcIso(this.clock.now()));
  }
}
