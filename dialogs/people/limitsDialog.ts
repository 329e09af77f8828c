import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { limitsFromPayload, limitsPayload, type LimitsPayload } from '../../src/cards/people/payloads';
import { limitsCard } from '../../src/cards/people/limitsCard';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, sendCard, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { CardPrompt } from '../shared/cardPrompt';
import { PeopleDialogIds } from './dialogIds';

const steps = 'limitsSteps';

/** Personal limits, editable at any time; never shown to other participants. */
export class LimitsDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'limits.help';

  constructor(private readonly deps: DialogDeps) {
    super(PeopleDialogIds.limits);
    this.addDialog(new CardPrompt(PromptIds.card, [limitsPayload])).addDialog(
      new WaterfallDialog(steps, [this.show.bind(this), this.save.bind(this)]),
    );
    this.initialDialogId = steps;
  }

  private async show(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const user = await this.deps.users.get(userIdOf(step.context));
    if (!user?.consent?.given) {
      await step.context.sendActivity(t('errors.CONSENT_REQUIRED'));
      return step.endDialog();
    }
    await sendCard(step.context, limitsCard(t, user.limits));
    return step.prompt(PromptIds.card, { retryPrompt: t('limits.useForm') });
  }

  private async save(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const p = step.result as LimitsPayload;
    if (p.skip) {
      await step.context.sendActivity(t('limits.unchanged'));
      return step.endDialog();
    }
    try {
      await this.deps.users.setLimits(userIdOf(step.context), limitsFromPayload(p));
      await step.context.sendActivity(t('limits.saved'));
    } catch (e) {
      await step.context.sendActivity(errorMessage(t, e));
    }
    return step.endDialog();
  }
}
