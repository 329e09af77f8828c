import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { PeopleDialogIds } from './dialogIds';
import { displayNamePrompt, maxDisplayName } from './onboardingDialog';

export interface LeaderStartOptions {
  /** Started from "Create a group": the group's questions come next, so no closing sentence. */
  beforeGroup?: boolean;
}

const steps = 'leaderStartSteps';

/** The leader's start: only the name participants will see. No limits, no invite code to type. */
export class LeaderStartDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'leaderStart.help';

  constructor(private readonly deps: DialogDeps) {
    super(PeopleDialogIds.leaderStart);
    this.addDialog(displayNamePrompt()).addDialog(new WaterfallDialog(steps, [this.askName.bind(this), this.save.bind(this)]));
    this.initialDialogId = steps;
  }

  private async askName(step: WaterfallStepContext) {
    const t = tOf(step.context);
    return step.prompt(PromptIds.displayName, { prompt: t('leaderStart.name'), retryPrompt: t('onboarding.nameRetry', { max: maxDisplayName }) });
  }

  private async save(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const name = String(step.result).trim();
    await this.deps.users.giveConsent(userIdOf(step.context), name);
    const beforeGroup = (step.options as LeaderStartOptions | undefined)?.beforeGroup === true;
    await step.context.sendActivity(t(beforeGroup ? 'leaderStart.thanksBeforeGroup' : 'leaderStart.done', { name }));
    return step.endDialog({ named: true, showMenu: !beforeGroup });
  }
}
