import type { Clock } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';
import type { Group } from '../../domain/groups';
import { defaultReflectAfterMinutes, toUtcIso } from '../../domain/shared/schedule';
import { type Attendance, type Rsvp, type Meeting } from '../../domain/meetings/model';
import type { GroupRepository } from '../groups';
import type { JobQueue } from '../shared/ports';
import type { ReminderPrefsRepository } from '../reminders';
import type { MeetingRepository } from './ports';
import type { UserRepository } from '../people';
import { leads } from '../../domain/groups';

export interface MeetingRules {
  /** The reflection prompt goes this long after a meeting ends. */
  reflectAfterMinutes: number;
}

export const defaultMeetingRules: MeetingRules = { reflectAfterMinutes: defaultReflectAfterMinutes };

export interface NewMeeting {
  title: string;
  /** Local wall-clock start in the group's zone, "yyyy-MM-ddTHH:mm" (a date and a time input joined by T). */
  start: string;
  durationMinutes: number;
  place: string;
  activityId?: string;
  /** A UUID the caller keeps for this request (e.g. from the card): a repeated submit returns the same meeting. */
  requestId?: string;
}

export interface MeetingChange {
  start: string;
  durationMinutes?: number;
  place?: string;
}

export interface Undelivered {
  jobId: string;
  kind: string;
  userId: string;
  meetingId?: string;
  status: 'unreachable' | 'failed';
  httpStatus?: number;
  /** `no_conversation`, `conversation_unreachable`, … */
  reason?: string;
  at: string;
}

/** A meeting with what the group has said about it: for the leader's overview. */
export interface MeetingWithAnswers {
  meeting: Meeting;
  rsvps: Rsvp[];
  attendance: Attendance[];
}


export interface MeetingServiceDeps {
  groups: GroupRepository;
  meetings: MeetingRepository;
  jobs: JobQueue;
  prefs: ReminderPrefsRepository;
  users: UserRepository;
}


/**
 * What every meeting use case checks first: the group exists, the actor leads it, the meeting is still
 * on. The three services (planning, attendance, the overview) share it.
 */
export abstract class MeetingAccess {
  constructor(
    protected readonly deps: MeetingServiceDeps,
    protected readonly clock: Clock,
  ) {}

  protected async group(groupId: string): Promise<Group> {
    const group = await this.deps.groups.get(groupId);
    if (!group) throw new DomainError('GROUP_NOT_FOUND');
    return group;
  }

  protected async groupLedBy(actorId: string, groupId: string): Promise<Group> {
    const group = await this.group(groupId);
    if (!leads(group, actorId)) throw new DomainError('NOT_GROUP_LEADER');
    return group;
  }

  protected async scheduled(groupId: string, meetingId: string): Promise<Meeting> {
    const meeting = await this.deps.meetings.get(groupId, meetingId);
    if (!meeting) throw new DomainError('MEETING_NOT_FOUND');
    if (meeting.status === 'cancelled') throw new DomainError('MEETING_CANCELLED');
    return meeting;
  }

  /** Attendance is for a meeting that has begun, and only its group's leader marks it. */
  protected async startedMeetingLedBy(actorId: string, groupId: string, meetingId: string): Promise<{ group: Group; meeting: Meeting }> {
    // In turn, so someone who is not the leader always hears that first.
    const group = await this.groupLedBy(actorId, groupId);
    const meeting = await this.scheduled(groupId, meetingId);
    if (toUtcIso(this.clock.now()) < meeting.startsAt) throw new DomainError('MEETING_NOT_STARTED');
    return { group, meeting };
  }

  /** One meeting the actor leads that can still be changed: not cancelled, not over. */
  async ledMeeting(actorId: string, groupId: string, meetingId: string): Promise<{ group: Group; meeting: Meeting }> {
    const group = await this.groupLedBy(actorId, groupId);
    const meeting = await this.scheduled(groupId, meetingId);
    if (toUtcIso(this.clock.now()) >= meeting.endsAt) throw new DomainError('MEETING_IN_PAST');
    return { group, meeting };
  }
}
