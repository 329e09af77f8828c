import { alertPayloadSchema, leaderJobKinds, watchPayloadSchema } from '../../domain/leader';
import { effectivePrefs } from '../../domain/reminders';
import type { Locale } from '../../domain/shared/locale';
import { deferPastQuietHours, inQuietHours, isValidZone } from '../../domain/shared/schedule';
import type { AlertRenderer, LeaderWatchService } from '../../services/leader';
import { findPersonalConversation, type ConversationRefRepository, type UserRepository } from '../../services/people';
import type { ReminderPrefsRepository } from '../../services/reminders';
import type { Messenger } from '../../services/shared/ports';
import type { JobHandlers } from '../jobs';
import { fromSendOutcome, skipped } from './common';

export interface LeaderJobDeps {
  watch: LeaderWatchService;
  users: UserRepository;
  prefs: ReminderPrefsRepository;
  refs: ConversationRefRepository;
  messenger: Messenger;
  renderer: AlertRenderer;
  defaultLocale: Locale;
}

/**
 * `leader.watch`: the day's evaluation of one group, then the next day's is planned (the chain; the
 * `attendance` job of every meeting plans it too, so a group with meetings is always watched).
 * `leader.alert`: one alert card to the group's leader, in their language, outside their quiet hours;
 * skipped when the person has recovered, left, or the group has a new leader.
 */
export function leaderJobHandlers(deps: LeaderJobDeps): JobHandlers {
  return {
    [leaderJobKinds.watch]: async (job, { now }) => {
      const { day } = watchPayloadSchema.parse(job.payload);
      const result = await deps.watch.evaluate(job.groupId, day, now);
      if (!result) return skipped('group_not_found');
      await deps.watch.ensureWatch(job.groupId, now);
      return result.alerts.length > 0 ? { outcome: 'sent' } : skipped('nothing_to_tell');
    },
    [leaderJobKinds.alert]: async (job, { now }) => {
      const { alertId } = alertPayloadSchema.parse(job.payload);
      const loaded = await deps.watch.alertToSend(job.groupId, alertId);
      if ('skip' in loaded) return skipped(loaded.skip);
      const { group, alert, name } = loaded;
      const [leader, prefs] = await Promise.all([deps.users.get(alert.leaderId), deps.prefs.get(alert.leaderId)]);
      const zone = isValidZone(leader?.timeZone) ? leader.timeZone : group.timeZone;
      const quiet = effectivePrefs(prefs).quietHours;
      if (inQuietHours(now, zone, quiet)) return { outcome: 'deferred', until: deferPastQuietHours(now, zone, quiet), reason: 'quiet_hours' };
      const target = await findPersonalConversation(deps.refs, alert.leaderId);
      if ('unreachable' in target) return { outcome: 'unreachable', status: target.unreachable, reason: target.reason };
      const message = deps.renderer.render({ locale: leader?.locale ?? group.locale ?? deps.defaultLocale, group, alert, name });
      return fromSendOutcome(await deps.messenger.send(alert.leaderId, target.conversationId, message));
    },
  };
}
