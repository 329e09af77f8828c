import { DomainError } from '../../domain/shared/errors';
import type { Group } from '../../domain/groups';
import { toUtcIso } from '../../domain/shared/schedule';
import { attendanceId, rsvpId, type Attendance, type AttendanceStatus, type Rsvp, type RsvpAnswer, type Meeting } from '../../domain/meetings/model';

import { MeetingAccess } from './access';
import { isMember } from '../../domain/groups';

/** Who comes (a participant's RSVP) and who came (the leader's roster, once the meeting has begun). */
export class MeetingAttendance extends MeetingAccess {
  /** The answer and the meeting it is about (the reply names the meeting). */
  async rsvp(actorId: string, groupId: string, meetingId: string, answer: RsvpAnswer): Promise<Rsvp & { meeting: Meeting }> {
    const group = await this.group(groupId);
    if (!isMember(group, actorId)) throw new DomainError('NOT_IN_GROUP');
    const meeting = await this.scheduled(groupId, meetingId);
    const now = this.clock.now();
    if (toUtcIso(now) >= meeting.endsAt) throw new DomainError('MEETING_IN_PAST');
    const rsvp = await this.deps.meetings.putRsvp({
      id: rsvpId(meetingId, actorId),
      groupId,
      meetingId,
      userId: actorId,
      answer,
      answeredAt: toUtcIso(now),
    });
    return { ...rsvp, meeting };
  }

  listRsvps(groupId: string, meetingId: string): Promise<Rsvp[]> {
    return this.deps.meetings.listRsvps(groupId, meetingId);
  }

  /** Only the group's leader records who came, once the meeting has begun. */
  async recordAttendance(actorId: string, groupId: string, meetingId: string, userId: string, status: AttendanceStatus): Promise<Attendance> {
    const [recorded] = await this.recordAttendanceMany(actorId, groupId, meetingId, [{ userId, status }]);
    return recorded!;
  }

  /** The roster card's answers in one go: checks the leader and the meeting once, then one document per person. */
  async recordAttendanceMany(
    actorId: string,
    groupId: string,
    meetingId: string,
    marks: Array<{ userId: string; status: AttendanceStatus }>,
  ): Promise<Attendance[]> {
    if (marks.length === 0) throw new DomainError('INVALID_INPUT');
    const { group } = await this.startedMeetingLedBy(actorId, groupId, meetingId);
    if (marks.some((m) => !isMember(group, m.userId))) throw new DomainError('NOT_IN_GROUP');
    const at = toUtcIso(this.clock.now());
    return Promise.all(
      marks.map(({ userId, status }) =>
        this.deps.meetings.putAttendance({
          id: attendanceId(meetingId, userId),
          groupId,
          meetingId,
          userId,
          status,
          recordedBy: actorId,
          recordedAt: at,
        }),
      ),
    );
  }

  /** The leader's roster of one meeting: the group, the meeting and what has been recorded. */
  async attendanceRoster(actorId: string, groupId: string, meetingId: string): Promise<{ group: Group; meeting: Meeting; attendance: Attendance[] }> {
    const { group, meeting } = await this.startedMeetingLedBy(actorId, groupId, meetingId);
    return { group, meeting, attendance: await this.deps.meetings.listAttendance(groupId, meetingId) };
  }

  async listAttendance(actorId: string, groupId: string, meetingId: string): Promise<Attendance[]> {
    await this.groupLedBy(actorId, groupId);
    return this.deps.meetings.listAttendance(groupId, meetingId);
  }
}
