import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sessionText, type SessionNaming } from '../../src/cards/meetings/meetingForm';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, localeOf, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { DialogIds, PromptIds } from '../shared/dialogIds';
import { newConfirmPrompt } from '../shared/promptDefaults';

export interface CancelSessionOptions {
  groupId: string;
  sessionId: string;
}

/** Kept between the question and the answer: enough to name the session again. */
interface Asked {
  session: SessionNaming;
  zone: string;
}

const steps = 'cancelSessionSteps';

/** The leader calls a meeting off after a yes; participants are told by notice jobs. */
export class CancelSessionDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'cancelSession.help';

  constructor(private readonly deps: DialogDeps) {
    super(DialogIds.cancelSession);
    this.addDialog(newConfirmPrompt(PromptIds.confirm)).addDialog(
      new WaterfallDialog(steps, [this.confirm.bind(this), this.cancel.bind(this)]),
    );
    this.initialDialogId = steps;
  }

  private async confirm(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const { groupId, sessionId } = step.options as CancelSessionOptions;
    const asked = step.values as Asked;
    try {
      const { group, session } = await this.deps.sessions.ledSession(userIdOf(step.context), groupId, sessionId);
      asked.session = { title: session.title, startsAt: session.startsAt, place: session.place };
      asked.zone = group.timeZone;
    } catch (e) {
      await step.context.sendActivity(errorMessage(t, e));
      return step.endDialog();
    }
    const prompt = sessionText(t, localeOf(step.context), 'cancelSession.confirm', asked.session, asked.zone);
    return step.prompt(PromptIds.confirm, { prompt, retryPrompt: t('common.yesNoRetry') });
  }

  private async cancel(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const { session, zone } = step.values as Asked;
    const { groupId, sessionId } = step.options as CancelSessionOptions;
    if (step.result !== true) {
      await step.context.sendActivity(sessionText(t, localeOf(step.context), 'cancelSession.kept', session, zone));
      return step.endDialog();
    }
    try {
      await this.deps.sessions.cancelSession(userIdOf(step.context), groupId, sessionId);
      await step.context.sendActivity(sessionText(t, localeOf(step.context), 'cancelSession.done', session, zone));
    } catch (e) {
      await step.context.sendActivity(errorMessage(t, e));
    }
    return step.endDialog();
  }
}
