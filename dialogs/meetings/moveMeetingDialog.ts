import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { meetingInput, meetingText } from '../../src/cards/meetings/meetingForm';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { localeOf, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { CardPrompt } from '../shared/cardPrompt';
import { acceptsMeetingForm, answerMeetingForm, showMeetingForm, type ShownForm } from './scheduleMeetingDialog';
import { MeetingsDialogIds } from './dialogIds';

export interface MoveMeetingOptions {
  groupId: string;
  meetingId: string;
}

const form = 'moveMeetingForm';

/** The leader moves a meeting to another time (and place); reminders follow, participants are told. */
export class MoveMeetingDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'moveMeeting.help';

  constructor(private readonly deps: DialogDeps) {
    super(MeetingsDialogIds.moveMeeting);
    this.addDialog(new CardPrompt(PromptIds.card, acceptsMeetingForm)).addDialog(
      new WaterfallDialog(form, [this.show.bind(this), this.save.bind(this)]),
    );
    this.initialDialogId = form;
  }

  private async show(step: WaterfallStepContext) {
    const { groupId, meetingId } = step.options as MoveMeetingOptions;
    return showMeetingForm(step, this.deps, () => this.deps.meetings.ledMeeting(userIdOf(step.context), groupId, meetingId));
  }

  private async save(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const { groupId, meetingId } = step.options as MoveMeetingOptions;
    const shown = step.values as ShownForm;
    return answerMeetingForm(step, form, async (values) => {
      const { start, durationMinutes, place } = meetingInput(values);
      const moved = await this.deps.meetings.moveMeeting(userIdOf(step.context), groupId, meetingId, { start, durationMinutes, place });
      // The service returns the meeting untouched when time and place are what they were.
      if (moved.revision === shown.revision) return t('moveMeeting.unchanged');
      const key = shown.participants === 0 ? 'moveMeeting.doneNoParticipants' : 'moveMeeting.done';
      return meetingText(t, localeOf(step.context), key, moved, shown.zone ?? this.deps.settings.defaultTimeZone);
    });
  }
}
