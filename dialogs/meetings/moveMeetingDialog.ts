import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sessionInput, sessionText } from '../../src/cards/meetings/meetingForm';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { localeOf, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { DialogIds, PromptIds } from '../shared/dialogIds';
import { CardPrompt } from '../shared/cardPrompt';
import { acceptsSessionForm, answerSessionForm, showSessionForm, type ShownForm } from './scheduleMeetingDialog';

export interface MoveSessionOptions {
  groupId: string;
  sessionId: string;
}

const form = 'moveSessionForm';

/** The leader moves a meeting to another time (and place); reminders follow, participants are told. */
export class MoveSessionDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'moveSession.help';

  constructor(private readonly deps: DialogDeps) {
    super(DialogIds.moveSession);
    this.addDialog(new CardPrompt(PromptIds.card, acceptsSessionForm)).addDialog(
      new WaterfallDialog(form, [this.show.bind(this), this.save.bind(this)]),
    );
    this.initialDialogId = form;
  }

  private async show(step: WaterfallStepContext) {
    const { groupId, sessionId } = step.options as MoveSessionOptions;
    return showSessionForm(step, this.deps, () => this.deps.sessions.ledSession(userIdOf(step.context), groupId, sessionId));
  }

  private async save(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const { groupId, sessionId } = step.options as MoveSessionOptions;
    const shown = step.values as ShownForm;
    return answerSessionForm(step, form, async (values) => {
      const { start, durationMinutes, place } = sessionInput(values);
      const moved = await this.deps.sessions.moveSession(userIdOf(step.context), groupId, sessionId, { start, durationMinutes, place });
      // The service returns the session untouched when time and place are what they were.
      if (moved.revision === shown.revision) return t('moveSession.unchanged');
      return sessionText(t, localeOf(step.context), 'moveSession.done', moved, shown.zone ?? this.deps.settings.defaultTimeZone);
    });
  }
}
