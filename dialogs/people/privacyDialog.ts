import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, sendCard, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { newConfirmPrompt } from '../shared/promptDefaults';
import { submit } from '../../src/cards/shared/actions';
import { adaptiveCard } from '../../src/cards/shared/elements';
import type { PersonKeys } from '../../src/services/checkins';
import { erasedThisTurn, personOf } from '../checkins';
import { PeopleDialogIds } from './dialogIds';

const steps = 'privacySteps';

/** What is stored about me, and a way to have all of it deleted. */
export class PrivacyDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'privacy.help';

  constructor(private readonly deps: DialogDeps & { forget: (person: PersonKeys) => Promise<void> }) {
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
    // "My data" (issue 12): the whole export as a file, answered in passing while this question waits.
    if (user?.consent?.given) await sendCard(step.context, adaptiveCard([], [submit(t('checkins.myData.download'), { action: 'checkins.export' })]));
    return step.prompt(PromptIds.confirm, { prompt: t('checkins.myData.askDelete'), retryPrompt: t('common.yesNoRetry') });
  }

  private async apply(step: WaterfallStepContext) {
    const t = tOf(step.context);
    if (step.result !== true) {
      await step.context.sendActivity(t('privacy.kept'));
      return step.endDialog();
    }
    try {
      await this.deps.forget(personOf(step.context));
      // Nothing of the person may be written back at the end of this turn, not even an empty dialog stack.
      step.context.turnState.set(erasedThisTurn, true);
      await step.context.sendActivity(t('checkins.myData.deleted'));
    } catch (e) {
      await step.context.sendActivity(errorMessage(t, e));
    }
    return step.endDialog();
  }
}
