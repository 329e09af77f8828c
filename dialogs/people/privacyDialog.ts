import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { newConfirmPrompt } from '../shared/promptDefaults';
import { PeopleDialogIds } from './dialogIds';

const steps = 'privacySteps';

/** What is stored about me, and a way to have all of it deleted. */
export class PrivacyDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'privacy.help';

  constructor(private readonly deps: DialogDeps & { forget: (userId: string) => Promise<void> }) {
    super(PeopleDialogIds.privacy);
    this.addDialog(newConfirmPrompt(PromptIds.confirm)).addDialog(
      new WaterfallDialog(steps, [this.show.bind(this), this.apply.bind(this)]),
    );
    this.initialDialogId = steps;
  }

  private async show(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const user = await this.deps.users.get(userIdOf(step.context));
    const summary = user?.consent?.given
      ? t('privacy.stored', {
          name: user.displayName ?? '-',
          limits: user.limits ? t('privacy.limitsYes') : t('privacy.limitsNo'),
          group: user.groupId ? t('privacy.inGroup') : t('privacy.noGroup'),
        })
      : t('privacy.nothing');
    await step.context.sendActivity(`${t('privacy.intro')}\n\n${summary}\n\n${t('leader.privacyRules')}`);
    return step.prompt(PromptIds.confirm, { prompt: t('privacy.askDelete'), retryPrompt: t('common.yesNoRetry') });
  }

  private async apply(step: WaterfallStepContext) {
    const t = tOf(step.context);
    if (step.result !== true) {
      await step.context.sendActivity(t('privacy.kept'));
      return step.endDialog();
    }
    try {
      await this.deps.forget(userIdOf(step.context));
      await step.context.sendActivity(t('privacy.deleted'));
    } catch (e) {
      await step.context.sendActivity(errorMessage(t, e));
    }
    return step.endDialog();
  }
}
