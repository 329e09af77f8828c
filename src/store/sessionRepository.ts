import {
  attendanceId,
  attendanceSchema,
  pauseHistoryId,
  pauseSchema,
  reminderPrefsSchema,
  rsvpId,
  rsvpSchema,
  sessionSchema,
  type Attendance,
  type Pause,
  type ReminderPrefs,
  type Rsvp,
  type Session,
} from '../domain/sessions';
import type { PauseRepository, ReminderPrefsRepository, SessionRepository } from '../services/ports';
import type { Containers } from './cosmosClient';
import { Documents } from './documents';

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

export class CosmosReminderPrefsRepository implements ReminderPrefsRepository {
  private readonly prefs: Documents<typeof reminderPrefsSchema>;
  constructor(containers: Containers) {
    this.prefs = new Documents(containers.users, reminderPrefsSchema);
  }
  get(userId: string) {
    return this.prefs.read('reminderPrefs', userId);
  }
  /** The person's own settings: last write wins. */
  save(prefs: ReminderPrefs) {
    return this.prefs.upsert(prefs);
  }
}

export class CosmosPauseRepository implements PauseRepository {
  private readonly pauses: Documents<typeof pauseSchema>;
  constructor(containers: Containers) {
    this.pauses = new Documents(containers.users, pauseSchema);
  }
  current(userId: string) {
    return this.pauses.read('pause', userId);
  }
  /** History first: a crash in between leaves the history complete and the current pause unchanged. */
  async save(pause: Pause) {
    const { _etag, ...body } = pause;
    await this.pauses.upsert({ ...body, id: pauseHistoryId(pause.createdAt) });
    await this.pauses.upsert({ ...body, id: 'pause' });
  }
  history(userId: string) {
    return this.pauses.query(
      {
        query: "SELECT * FROM c WHERE c.userId = @userId AND c.type = 'pause' AND c.id != 'pause' ORDER BY c.createdAt",
        parameters: [{ name: '@userId', value: userId }],
      },
      userId,
    );
  }
}
