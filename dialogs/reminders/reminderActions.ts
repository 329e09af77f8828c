import type { TurnContext } from 'botbuilder';
import type { SnoozePayload } from '../../src/cards/reminders/payloads';
import { formatTime } from '../../src/i18n';
import { localeOf, tOf, userIdOf, type DialogDeps } from '../shared/context';

/** Reminder buttons answered in one turn: snooze a reminder, end the running pause. They never interrupt a dialog. */
export class ReminderActions {
  constructor(private readonly deps: DialogDeps) {}

  async snooze(context: TurnContext, action: SnoozePayload): Promise<void> {
    const { dueAt, zone } = await this.deps.meetings.snoozeReminder(userIdOf(context), action.groupId, action.jobId, action.minutes);
    const time = formatTime(dueAt, localeOf(context), zone);
    await context.sendActivity(tOf(context)('snooze.done', { time }));
  }

  async endPause(context: TurnContext): Promise<void> {
    const ended = await this.deps.reminders.endPause(userIdOf(context));
    await context.sendActivity(tOf(context)(ended ? 'pauseEnd.done' : 'pauseEnd.none'));
  }
}
