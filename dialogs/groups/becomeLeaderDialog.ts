import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { GroupsDialogIds } from './dialogIds';

const steps = 'becomeLeaderSteps';

/** Staff prove they lead groups with the sign-up code their organisation gave them. */
export class BecomeLeaderDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'becomeLeader.help';

  constructor(private readonly deps: DialogDeps) {
    super(GroupsDialogIds.becomeLeader);
    this.addDialog(new TextPrompt(PromptIds.text)).addDialog(new WaterfallDialog(steps, [this.ask.bind(this), this.claim.bind(this)]));
    this.initialDialogId = steps;
  }

  private async ask(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const userId = userIdOf(step.context);
    if (this.deps.users.mayLead(await this.deps.users.get(userId), userId)) {
      await step.context.sendActivity(t('becomeLeader.already'));
      return step.endDialog();
    }
    if (!this.deps.settings.leaderSignupEnabled) {
      await step.context.sendActivity(t('becomeLeader.disabled'));
      return step.endDialog();
    }
    return step.prompt(PromptIds.text, { prompt: t('becomeLeader.askCode') });
  }

  private async claim(step: WaterfallStepContext) {
    const t = tOf(step.context);
    try {
      await this.deps.users.claimLeadership(userIdOf(step.context), String(step.result ?? ''));
      await step.context.sendActivity(t('becomeLeader.done'));
    } catch (e) {
      await step.context.sendActivity(errorMessage(t, e));
    }
    return step.endDialog();
  }
}
