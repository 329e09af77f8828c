import type { Group } from '../../domain/groups';
import type { Attendance, Rsvp, Session } from '../../domain/meetings';
import type { Locale } from '../../domain/shared/locale';
import type { OutboundMessage, SendOutcome } from '../shared/ports';


/** Sessions, RSVPs and attendance: all in the group's partition of the `groups` container. */
export interface SessionRepository {
  get(groupId: string, sessionId: string): Promise<Session | undefined>;
  create(session: Session): Promise<Session>;
  /** Replaces only if unchanged since read (CONFLICT otherwise). */
  replace(session: Session): Promise<Session>;
  /** Scheduled sessions that have not ended by `from`, earliest first. */
  listUpcoming(groupId: string, from: string): Promise<Session[]>;
  /** Scheduled sessions that ended in [from, to), latest first: for marking attendance afterwards. */
  listEnded(groupId: string, from: string, to: string): Promise<Session[]>;
  getRsvp(groupId: string, sessionId: string, userId: string): Promise<Rsvp | undefined>;
  putRsvp(rsvp: Rsvp): Promise<Rsvp>;
  listRsvps(groupId: string, sessionId: string): Promise<Rsvp[]>;
  getAttendance(groupId: string, sessionId: string, userId: string): Promise<Attendance | undefined>;
  putAttendance(attendance: Attendance): Promise<Attendance>;
  listAttendance(groupId: string, sessionId: string): Promise<Attendance[]>;
}

export type SessionMessageKind = 'reminder' | 'session_scheduled' | 'session_moved' | 'session_cancelled' | 'attendance_roster';

/** Everything a renderer needs to word one proactive message about a session. */
export interface SessionMessageRequest {
  kind: SessionMessageKind;
  locale: Locale;
  /** The recipient's zone (their own, else the group's): show times in it. */
  timeZone: string;
  session: Session;
  group: Group;
  recipientId: string;
  /** The job being run: a reminder card's snooze action carries it back to `SessionService.snoozeReminder`. */
  jobId: string;
  /** For reminders planned from a preference; absent for a snoozed one. */
  offsetMinutes?: number;
  /** For `session_moved`. */
  previousStartsAt?: string;
  /** For `attendance_roster`: what has been recorded so far. */
  attendance?: Attendance[];
}

/** Turns a session message into text or cards (implemented where cards and locales live, not in the scheduler). */
export interface ReminderRenderer {
  render(request: SessionMessageRequest): OutboundMessage;
}

/** Who is asked to reflect on which session, as the reflect job has just loaded them. */
export interface ReflectionRequest {
  group: Group;
  session: Session;
  userId: string;
  locale: Locale;
}

/** Opens the reflection conversation after a session (the dialog lives elsewhere); reports how the send went. */
export interface ReflectionPrompter {
  prompt(request: ReflectionRequest): Promise<SendOutcome>;
}
