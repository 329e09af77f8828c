import { randomUUID } from 'node:crypto';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import type { BallotEntry } from '../../src/domain/activities';
import { meetingInput, meetingText, type MeetingFormValues } from '../../src/cards/meetings';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { localeOf, tOf, userIdOf } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { CardPrompt } from '../shared/cardPrompt';
import { acceptsMeetingForm, answerMeetingForm, showMeetingForm, type FormRetry, type ShownForm } from '../meetings';
import type { ActivitiesDeps } from './deps';
import { ActivityDialogIds } from './ids';

export interface ScheduleWinnerOptions extends FormRetry {
  groupId: string;
  roundId: string;
  /** Made once per run: a repeated submit of the same form finds the meeting the first one made. */
  requestId?: string;
}

const form = 'activities.scheduleWinner.form';

/** The winner's first suggested time that is still ahead, as the meeting form's date and time. */
export function winnerFormValues(entry: BallotEntry, zone: string, now: Date): MeetingFormValues {
  const next = entry.times.find((at) => Date.parse(at) > now.getTime());
  const start = next ? DateTime.fromISO(next, { zone }) : undefined;
  return { title: entry.title.slice(0, 100), place: entry.place, duration: '120', date: start?.toFormat('yyyy-MM-dd') ?? '', time: start?.toFormat('HH:mm') ?? '' };
}

/** The leader's "schedule it": the meeting form filled in with the winner; the meeting remembers the activity. */
export class ScheduleWinnerDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'scheduleMeeting.help';

  constructor(private readonly deps: ActivitiesDeps) {
    super(ActivityDialogIds.scheduleWinner);
    this.addDialog(new CardPrompt(PromptIds.card, acceptsMeetingForm)).addDialog(new WaterfallDialog(form, [this.show.bind(this), this.save.bind(this)]));
    this.initialDialogId = form;
  }

  private async show(step: WaterfallStepContext) {
    const options = step.options as ScheduleWinnerOptions;
    options.requestId ??= randomUUID();
    const winner = this.deps.activities.rounds.winner(userIdOf(step.context), options.groupId, options.roundId);
    // The form shows what the options hold: the winner's title, place and first time still ahead.
    const found = await winner.catch(() => undefined);
    if (found) options.values ??= winnerFormValues(found.entry, found.group.timeZone, this.deps.clock.now());
    return showMeetingForm(step, this.deps, async () => ({ group: (await winner).group }));
  }

  private async save(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const options = step.options as ScheduleWinnerOptions;
    const zone = (step.values as ShownForm).zone ?? this.deps.settings.defaultTimeZone;
    return answerMeetingForm(step, form, async (values) => {
      const userId = userIdOf(step.context);
      const { round } = await this.deps.activities.rounds.winner(userId, options.groupId, options.roundId);
      const meeting = await this.deps.meetings.scheduleMeeting(userId, options.groupId, { ...meetingInput(values), activityId: round.winnerId, requestId: options.requestId });
      await this.deps.activities.rounds.markScheduled(options.groupId, options.roundId, meeting.id);
      return meetingText(t, localeOf(step.context), 'scheduleMeeting.done', meeting, zone);
    });
  }
}
