import { attendanceId, attendanceSchema, rsvpId, rsvpSchema, meetingSchema, type Attendance, type Rsvp, type Meeting } from '../../domain/meetings';
import type { MeetingRepository, MeetingWithGroup } from '../../services/meetings';
import type { Containers } from '../shared/cosmosClient';
import { z } from 'zod';
import { Documents } from '../shared/documents';
import { queryMixed } from '../shared/mixedDocuments';
import { groupDocuments } from '../groups';
import type { Container } from '@azure/cosmos';

/** A meeting as stored: its stored type and id prefix are 'session' (see storedNames.ts). */
const storedMeetingSchema = meetingSchema.extend({ id: z.string().startsWith('session:') });

/** How the meetings feature's documents are stored in `groups`: the domain schema and its stored type. */
export const meetingDocuments = (containers: Containers) => ({
  session: new Documents(containers.groups, storedMeetingSchema, 'session'),
  rsvp: new Documents(containers.groups, rsvpSchema, 'rsvp'),
  attendance: new Documents(containers.groups, attendanceSchema, 'attendance'),
});

/*
 * Every query names its partition twice — as the request's partition key and as `c.groupId` / `c.userId`
 * in the WHERE clause — because the embedded server ignores a query's partition key.
 */

/** Meetings, RSVPs and attendance: one document per fact, all in the group's partition of `groups`. */
export class CosmosMeetingRepository implements MeetingRepository {
  private readonly meetings: Documents<typeof storedMeetingSchema>;
  private readonly rsvps: Documents<typeof rsvpSchema>;
  private readonly attendance: Documents<typeof attendanceSchema>;
  private readonly forMessage: ReturnType<typeof meetingDocuments> & Pick<ReturnType<typeof groupDocuments>, 'group'>;
  private readonly groups: Container;

  constructor(containers: Containers) {
    this.groups = containers.groups;
    this.forMessage = { ...meetingDocuments(containers), group: groupDocuments(containers).group };
    ({ session: this.meetings, rsvp: this.rsvps, attendance: this.attendance } = this.forMessage);
  }

  idFor(requestId: string) {
    return `session:${requestId}`;
  }
  async get(groupId: string, meetingId: string) {
    return this.meetings.read(meetingId, groupId);
  }
  async create(meeting: Meeting) {
    return this.meetings.create(meeting);
  }
  async replace(meeting: Meeting) {
    return this.meetings.replace(meeting, meeting.groupId);
  }
  async listUpcoming(groupId: string, from: string) {
    return this.meetings.query(
      {
        query:
          "SELECT * FROM c WHERE c.groupId = @groupId AND c.type = 'session' AND c.status = 'scheduled' AND c.endsAt >= @from ORDER BY c.startsAt",
        parameters: [
          { name: '@groupId', value: groupId },
          { name: '@from', value: from },
        ],
      },
      groupId,
    );
  }
  async listEnded(groupId: string, from: string, to: string) {
    return this.meetings.query(
      {
        query:
          "SELECT * FROM c WHERE c.groupId = @groupId AND c.type = 'session' AND c.status = 'scheduled' AND c.endsAt >= @from AND c.endsAt < @to ORDER BY c.endsAt DESC",
        parameters: [
          { name: '@groupId', value: groupId },
          { name: '@from', value: from },
          { name: '@to', value: to },
        ],
      },
      groupId,
    );
  }

  getRsvp(groupId: string, meetingId: string, userId: string) {
    return this.rsvps.read(rsvpId(meetingId, userId), groupId);
  }
  putRsvp(rsvp: Rsvp) {
    return this.rsvps.upsert(rsvp);
  }
  listRsvps(groupId: string, meetingId: string) {
    return this.rsvps.query(factsOf('rsvp', groupId, meetingId), groupId);
  }

  /** The meeting, its group and one member's RSVP and attendance: one query in the group's partition instead of four reads. */
  async getWithGroup(groupId: string, meetingId: string, userId: string): Promise<MeetingWithGroup> {
    const found = await queryMixed(
      this.groups,
      this.forMessage,
      {
        query: 'SELECT * FROM c WHERE c.groupId = @groupId AND c.id IN (@groupId, @meetingId, @rsvpId, @attendanceId)',
        parameters: [
          { name: '@groupId', value: groupId },
          { name: '@meetingId', value: meetingId },
          { name: '@rsvpId', value: rsvpId(meetingId, userId) },
          { name: '@attendanceId', value: attendanceId(meetingId, userId) },
        ],
      },
      groupId,
    );
    const result: MeetingWithGroup = {};
    for (const one of found) {
      if (one.type === 'session') result.meeting = one.doc;
      else if (one.type === 'group') result.group = one.doc;
      else if (one.type === 'rsvp') result.rsvp = one.doc;
      else if (one.type === 'attendance') result.attendance = one.doc;
    }
    return result;
  }

  listRsvpsOf(groupId: string, meetingIds: string[]) {
    return meetingIds.length === 0 ? Promise.resolve([]) : this.rsvps.query(factsOfMany('rsvp', groupId, meetingIds), groupId);
  }

  getAttendance(groupId: string, meetingId: string, userId: string) {
    return this.attendance.read(attendanceId(meetingId, userId), groupId);
  }
  putAttendance(attendance: Attendance) {
    return this.attendance.upsert(attendance);
  }
  listAttendance(groupId: string, meetingId: string) {
    return this.attendance.query(factsOf('attendance', groupId, meetingId), groupId);
  }
  listAttendanceOf(groupId: string, meetingIds: string[]) {
    return meetingIds.length === 0 ? Promise.resolve([]) : this.attendance.query(factsOfMany('attendance', groupId, meetingIds), groupId);
  }
}

/** One query for the facts of several meetings of a group (the leader's overview), not one per meeting. */
const factsOfMany = (type: 'rsvp' | 'attendance', groupId: string, meetingIds: string[]) => ({
  query: 'SELECT * FROM c WHERE c.groupId = @groupId AND c.type = @type AND ARRAY_CONTAINS(@meetingIds, c.sessionId)',
  parameters: [
    { name: '@groupId', value: groupId },
    { name: '@type', value: type },
    { name: '@meetingIds', value: meetingIds },
  ],
});

const factsOf = (type: 'rsvp' | 'attendance', groupId: string, meetingId: string) => ({
  query: 'SELECT * FROM c WHERE c.groupId = @groupId AND c.type = @type AND c.sessionId = @meetingId',
  parameters: [
    { name: '@groupId', value: groupId },
    { name: '@type', value: type },
    { name: '@meetingId', value: meetingId },
  ],
});

