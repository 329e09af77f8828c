import { attendanceId, attendanceSchema, rsvpId, rsvpSchema, sessionSchema, type Attendance, type Rsvp, type Session } from '../../domain/meetings';
import type { SessionRepository } from '../../services/meetings';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';

/*
 * Every query names its partition twice — as the request's partition key and as `c.groupId` / `c.userId`
 * in the WHERE clause — because the embedded server ignores a query's partition key.
 */

/** Sessions, RSVPs and attendance: one document per fact, all in the group's partition of `groups`. */
export class CosmosSessionRepository implements SessionRepository {
  private readonly sessions: Documents<typeof sessionSchema>;
  private readonly rsvps: Documents<typeof rsvpSchema>;
  private readonly attendance: Documents<typeof attendanceSchema>;

  constructor(containers: Containers) {
    this.sessions = new Documents(containers.groups, sessionSchema);
    this.rsvps = new Documents(containers.groups, rsvpSchema);
    this.attendance = new Documents(containers.groups, attendanceSchema);
  }

  get(groupId: string, sessionId: string) {
    return this.sessions.read(sessionId, groupId);
  }
  create(session: Session) {
    return this.sessions.create(session);
  }
  replace(session: Session) {
    return this.sessions.replace(session, session.groupId);
  }
  listUpcoming(groupId: string, from: string) {
    return this.sessions.query(
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
  listEnded(groupId: string, from: string, to: string) {
    return this.sessions.query(
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

  getRsvp(groupId: string, sessionId: string, userId: string) {
    return this.rsvps.read(rsvpId(sessionId, userId), groupId);
  }
  putRsvp(rsvp: Rsvp) {
    return this.rsvps.upsert(rsvp);
  }
  listRsvps(groupId: string, sessionId: string) {
    return this.rsvps.query(factsOf('rsvp', groupId, sessionId), groupId);
  }

  getAttendance(groupId: string, sessionId: string, userId: string) {
    return this.attendance.read(attendanceId(sessionId, userId), groupId);
  }
  putAttendance(attendance: Attendance) {
    return this.attendance.upsert(attendance);
  }
  listAttendance(groupId: string, sessionId: string) {
    return this.attendance.query(factsOf('attendance', groupId, sessionId), groupId);
  }
}

const factsOf = (type: 'rsvp' | 'attendance', groupId: string, sessionId: string) => ({
  query: 'SELECT * FROM c WHERE c.groupId = @groupId AND c.type = @type AND c.sessionId = @sessionId',
  parameters: [
    { name: '@groupId', value: groupId },
    { name: '@type', value: type },
    { name: '@sessionId', value: sessionId },
  ],
});

