import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { newConfirmPrompt } from '../shared/promptDefaults';
import { GroupsDialogIds } from './dialogIds';

const steps = 'leaveSteps';

export class LeaveGroupDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'leave.help';

  constructor(private readonly deps: DialogDeps) {
    super(GroupsDialogIds.leaveGroup);
    this.addDialog(newConfirmPrompt(PromptIds.confirm)).addDialog(
      new WaterfallDialog(steps, [this.confirm.bind(this), this.leave.bind(this)]),
    );
    this.initialDialogId = steps;
  }

  private async confirm(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const group = await this.deps.groups.groupOf(userIdOf(step.context));
    if (!group) {
      await step.context.sendActivity(t('errors.NOT_IN_GROUP'));
      return step.endDialog();
    }
    return step.prompt(PromptIds.confirm, { prompt: t('leave.confirm', { group: group.name }), retryPrompt: t('common.yesNoRetry') });
  }

  private async leave(step: WaterfallStepContext) {
    const t = tOf(step.context);
    if (step.result !== true) {
      await step.context.sendActivity(t('leave.kept'));
      return step.endDialog();
    }
    const userId = userIdOf(step.context);
    try {
      const group = await this.deps.groups.leaveGroup(userId);
      await step.context.sendActivity(t('leave.done', { group: group.name }));
    } catch (e) {
      await step.context.sendActivity(errorMessage(t, e));
    }
    return step.endDialog();
  }
}
