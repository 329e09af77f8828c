import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { meetingText, type MeetingNaming } from '../../src/cards/meetings/meetingForm';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, localeOf, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { newConfirmPrompt } from '../shared/promptDefaults';
import { MeetingsDialogIds } from './dialogIds';

export interface CancelMeetingOptions {
  groupId: string;
  meetingId: string;
}

/** Kept between the question and the answer: enough to name the meeting again. */
interface Asked {
  meeting: MeetingNaming;
  zone: string;
}

const steps = 'cancelMeetingSteps';

/** The leader calls a meeting off after a yes; participants who knew of it are told by notice jobs. */
export class CancelMeetingDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'cancelMeeting.help';

  constructor(private readonly deps: DialogDeps) {
    super(MeetingsDialogIds.cancelMeeting);
    this.addDialog(newConfirmPrompt(PromptIds.confirm)).addDialog(
      new WaterfallDialog(steps, [this.confirm.bind(this), this.cancel.bind(this)]),
    );
    this.initialDialogId = steps;
  }

  private async confirm(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const { groupId, meetingId } = step.options as CancelMeetingOptions;
    const asked = step.values as Asked;
    try {
      const { group, meeting } = await this.deps.meetings.ledMeeting(userIdOf(step.context), groupId, meetingId);
      asked.meeting = { title: meeting.title, startsAt: meeting.startsAt, place: meeting.place };
      asked.zone = group.timeZone;
    } catch (e) {
      await step.context.sendActivity(errorMessage(t, e));
      return step.endDialog();
    }
    const prompt = meetingText(t, localeOf(step.context), 'cancelMeeting.confirm', asked.meeting, asked.zone);
    return step.prompt(PromptIds.confirm, { prompt, retryPrompt: t('common.yesNoRetry') });
  }

  private async cancel(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const { meeting, zone } = step.values as Asked;
    const { groupId, meetingId } = step.options as CancelMeetingOptions;
    if (step.result !== true) {
      await step.context.sendActivity(meetingText(t, localeOf(step.context), 'cancelMeeting.kept', meeting, zone));
      return step.endDialog();
    }
    try {
      const { told, notTold } = await this.deps.meetings.cancelMeeting(userIdOf(step.context), groupId, meetingId);
      // Only those who had heard of the meeting are told; the leader hears who, truthfully.
      const key = told === 0 ? 'cancelMeeting.doneNobody' : notTold === 0 ? 'cancelMeeting.done' : 'cancelMeeting.doneSome';
      await step.context.sendActivity(meetingText(t, localeOf(step.context), key, meeting, zone, key === 'cancelMeeting.doneSome' ? { count: told } : {}));
    } catch (e) {
      await step.context.sendActivity(errorMessage(t, e));
    }
    return step.endDialog();
  }
}
