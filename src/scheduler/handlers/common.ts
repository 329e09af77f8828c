import type { z } from 'zod';
import type { Locale } from '../../domain/shared/locale';
import type { Group } from '../../domain/groups';
import { deferPastQuietHours, inQuietHours, isValidZone, toUtcIso, type Job } from '../../domain/shared/schedule';
import { effectivePrefs, type EffectiveReminderPrefs } from '../../domain/reminders';
import { type Meeting } from '../../domain/meetings';
import type { ConversationRefRepository, UserRepository } from '../../services/people';
import type { GroupRepository } from '../../services/groups';
import type { Messenger, OutboundMessage, SendOutcome } from '../../services/shared/ports';
import type { PauseRepository, ReminderPrefsRepository } from '../../services/reminders';
import type { ReflectionPrompter, ReminderRenderer, MeetingRepository } from '../../services/meetings';
import { findPersonalConversation } from '../../services/people';
import type { HandlerResult } from '../jobs';
import { isMember } from '../../domain/groups';
import { personalZone } from '../../domain/people';

/** Everything the meeting job handlers read and call. No botbuilder here: sending goes through Messenger. */
export interface MeetingJobDeps {
  groups: GroupRepository;
  meetings: MeetingRepository;
  users: UserRepository;
  prefs: ReminderPrefsRepository;
  pauses: PauseRepository;
  refs: ConversationRefRepository;
  messenger: Messenger;
  renderer: ReminderRenderer;
  prompter: ReflectionPrompter;
  defaultLocale: Locale;
}

export const skipped = (reason: string): HandlerResult => ({ outcome: 'skipped', reason });

/** The meeting and group a job is about, or why the job no longer makes sense. */
export async function loadMeeting(
  deps: MeetingJobDeps,
  groupId: string,
  meetingId: string,
  userId: string | undefined,
): Promise<{ meeting: Meeting; group: Group } | HandlerResult> {
  const [meeting, group] = await Promise.all([deps.meetings.get(groupId, meetingId), deps.groups.get(groupId)]);
  if (!meeting || !group) return skipped('meeting_not_found');
  if (!userId || !isMember(group, userId)) return skipped('not_in_group');
  return { meeting, group };
}

export const isResult = (value: object): value is HandlerResult => 'outcome' in value;

export interface LoadedJob<P> {
  payload: P;
  meeting: Meeting;
  group: Group;
  userId: string;
}

/** A meeting job's payload, meeting, group and recipient, or why the job no longer makes sense. */
export async function loadJob<P extends { meetingId: string }>(
  deps: MeetingJobDeps,
  job: Job,
  schema: z.ZodType<P>,
): Promise<LoadedJob<P> | HandlerResult> {
  const payload = schema.parse(job.payload);
  const loaded = await loadMeeting(deps, job.groupId, payload.meetingId, job.userId);
  if (isResult(loaded)) return loaded;
  // loadMeeting has checked that userId names a member of the group.
  return { payload, ...loaded, userId: job.userId! };
}

export interface Recipient {
  zone: string;
  locale: Locale;
  prefs: EffectiveReminderPrefs;
}

export async function loadRecipient(deps: Pick<MeetingJobDeps, 'users' | 'prefs' | 'defaultLocale'>, group: Group, userId: string): Promise<Recipient> {
  const [user, prefs] = await Promise.all([deps.users.get(userId), deps.prefs.get(userId)]);
  return {
    zone: personalZone(user, group.timeZone),
    locale: user?.locale ?? group.locale ?? deps.defaultLocale,
    prefs: effectivePrefs(prefs),
  };
}

/**
 * In quiet hours: defer to their end — unless that is not before `latest` (the meeting would have begun),
 * in which case `whenTooLate` decides (skip a reminder; a cancellation notice goes now).
 */
export function quietHoursDeferral(
  now: Date,
  recipient: Recipient,
  latest: string | undefined,
  whenTooLate: HandlerResult | 'send_now',
): HandlerResult | undefined {
  if (!inQuietHours(now, recipient.zone, recipient.prefs.quietHours)) return undefined;
  const until = deferPastQuietHours(now, recipient.zone, recipient.prefs.quietHours);
  if (latest !== undefined && until >= latest) return whenTooLate === 'send_now' ? undefined : whenTooLate;
  return { outcome: 'deferred', until, reason: 'quiet_hours' };
}

export function fromSendOutcome(outcome: SendOutcome): HandlerResult {
  switch (outcome.kind) {
    case 'sent':
      return { outcome: 'sent' };
    case 'unreachable':
      return { outcome: 'unreachable', status: outcome.status };
    case 'failed':
      return { outcome: 'failed', ...(outcome.status ? { status: outcome.status } : {}) };
  }
}

/** Sends to the person's personal chat; no chat (never installed, or removed) is recorded as unreachable. */
export async function sendToPerson(deps: Pick<MeetingJobDeps, 'refs' | 'messenger'>, userId: string, message: OutboundMessage): Promise<HandlerResult> {
  const target = await findPersonalConversation(deps.refs, userId);
  if ('unreachable' in target) return { outcome: 'unreachable', status: target.unreachable, reason: target.reason };
  return fromSendOutcome(await deps.messenger.send(userId, target.conversationId, message));
}

export const nowIso = (now: Date) => toUtcIso(now);
