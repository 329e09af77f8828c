import type { Group } from '../../domain/groups';
import type { Attendance, Rsvp, Meeting } from '../../domain/meetings';
import type { Versioned } from '../../domain/shared/version';
import type { ConversationRef, User } from '../../domain/people';
import type { Pause, ReminderPrefs } from '../../domain/reminders';
import type { Locale } from '../../domain/shared/locale';
import type { OutboundMessage, SendOutcome } from '../shared/ports';


/** What a message to one person depends on, from that person's partition: read at once. */
export interface RecipientDocuments {
  user?: User;
  prefs?: ReminderPrefs;
  /** The current pause, if any. */
  pause?: Pause;
  refs: ConversationRef[];
}

export interface RecipientRepository {
  load(userId: string): Promise<RecipientDocuments>;
}

export interface MeetingWithGroup {
  meeting?: Meeting;
  group?: Group;
  rsvp?: Rsvp;
  attendance?: Attendance;
}

/** Meetings, RSVPs and attendance: all in the group's partition of the `groups` container. */
export interface MeetingRepository {
  /** The meeting id for a schedule request's id: the same request always gets the same id. */
  idFor(requestId: string): string;
  get(groupId: string, meetingId: string): Promise<Versioned<Meeting> | undefined>;
  create(meeting: Meeting): Promise<Versioned<Meeting>>;
  /** Replaces only if unchanged since read (CONFLICT otherwise). */
  replace(meeting: Versioned<Meeting>): Promise<Versioned<Meeting>>;
  /** Scheduled meetings that have not ended by `from`, earliest first. */
  listUpcoming(groupId: string, from: string): Promise<Meeting[]>;
  /** Scheduled meetings that ended in [from, to), latest first: for marking attendance afterwards. */
  listEnded(groupId: string, from: string, to: string): Promise<Meeting[]>;
  getRsvp(groupId: string, meetingId: string, userId: string): Promise<Rsvp | undefined>;
  /** What a message about a meeting to one member depends on, read at once. */
  getWithGroup(groupId: string, meetingId: string, userId: string): Promise<MeetingWithGroup>;
  putRsvp(rsvp: Rsvp): Promise<Rsvp>;
  listRsvps(groupId: string, meetingId: string): Promise<Rsvp[]>;
  /** The RSVPs of several meetings of one group in one query. */
  listRsvpsOf(groupId: string, meetingIds: string[]): Promise<Rsvp[]>;
  getAttendance(groupId: string, meetingId: string, userId: string): Promise<Attendance | undefined>;
  putAttendance(attendance: Attendance): Promise<Attendance>;
  listAttendance(groupId: string, meetingId: string): Promise<Attendance[]>;
  /** The attendance of several meetings of one group in one query. */
  listAttendanceOf(groupId: string, meetingIds: string[]): Promise<Attendance[]>;
}

export type MeetingMessageKind = 'reminder' | 'meeting_scheduled' | 'meeting_moved' | 'meeting_cancelled' | 'attendance_roster';

/** Everything a renderer needs to word one proactive message about a meeting. */
export interface MeetingMessageRequest {
  kind: MeetingMessageKind;
  locale: Locale;
  /** The recipient's zone (their own, else the group's): show times in it. */
  timeZone: string;
  meeting: Meeting;
  group: Group;
  recipientId: string;
  /** The job being run: a reminder card's snooze action carries it back to `MeetingService.snoozeReminder`. */
  jobId: string;
  /** For reminders planned from a preference; absent for a snoozed one. */
  offsetMinutes?: number;
  /** For `meeting_moved`. */
  previousStartsAt?: string;
  /** For `attendance_roster`: what has been recorded so far. */
  attendance?: Attendance[];
}

/** Turns a meeting message into text or cards (implemented where cards and locales live, not in the scheduler). */
export interface ReminderRenderer {
  render(request: MeetingMessageRequest): OutboundMessage;
}

/** Who is asked to reflect on which meeting, as the reflect job has just loaded them. */
export interface ReflectionRequest {
  group: Group;
  meeting: Meeting;
  userId: string;
  locale: Locale;
}

/** Opens the reflection conversation after a meeting (the dialog lives elsewhere); reports how the send went. */
export interface ReflectionPrompter {
  prompt(request: ReflectionRequest): Promise<SendOutcome>;
}
