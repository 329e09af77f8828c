import type { TurnContext } from 'botbuilder';
import type { SnoozePayload } from '../../src/cards/reminders/payloads';
import { formatDateTime, formatTime, localTime } from '../../src/i18n';
import { localeOf, tOf, userIdOf, type DialogDeps } from '../shared/context';

/** Reminder buttons answered in one turn: snooze a reminder, end the running pause. They never interrupt a dialog. */
export class ReminderActions {
  constructor(private readonly deps: DialogDeps) {}

  async snooze(context: TurnContext, action: SnoozePayload): Promise<void> {
    const { dueAt, zone } = await this.deps.meetings.snoozeReminder(userIdOf(context), action.groupId, action.jobId, action.minutes);
    const locale = localeOf(context);
    // Past midnight (quiet hours held it to the morning) the day is named too: "klo 8.00" alone would read as today.
    const sameDay = localTime(dueAt, locale, zone).hasSame(localTime(this.deps.clock.now(), locale, zone), 'day');
    const t = tOf(context);
    await context.sendActivity(sameDay ? t('snooze.done', { time: formatTime(dueAt, locale, zone) }) : t('snooze.doneOtherDay', { when: formatDateTime(dueAt, locale, zone) }));
  }

  async endPause(context: TurnContext): Promise<void> {
    const ended = await this.deps.reminders.endPause(userIdOf(context));
    await context.sendActivity(tOf(context)(ended ? 'pauseEnd.done' : 'pauseEnd.none'));
  }
}
