import { ComponentDialog, ConfirmPrompt, ListStyle, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { SafetyNumbers } from '../../src/domain/checkins';
import type { Translate } from '../../src/i18n';
import { tOf, userIdOf } from '../shared/context';
import { confirmChoiceDefaults } from '../shared/promptDefaults';
import { CheckInDialogIds, CheckInPromptIds, type CheckInDialogDeps } from './deps';

export const crisisAnswer = (t: Translate, n: SafetyNumbers) =>
  t('checkins.safety.answer', { fi: n.crisisLineFi, sv: n.crisisLineSv, emergency: n.emergency });

/** What the safety dialog hands back when the person wrote something else than yes or no. */
export interface SafetyResult {
  reroute?: boolean;
}

const steps = 'checkins.safetySteps';

/**
 * The safety path: a warm answer with the crisis numbers at once, in the conversation; then "may I
 * ask your leader to contact you?". Only a yes plans the leader's notice, and it says only that.
 * Not a CancelAndHelpDialog: whatever the person writes next is heard, never answered with a retry loop.
 */
export class SafetyDialog extends ComponentDialog {
  constructor(private readonly deps: CheckInDialogDeps) {
    super(CheckInDialogIds.safety);
    // Anything but yes/no is accepted too: the next step hands it back to the router instead of asking again.
    const confirm = new ConfirmPrompt(CheckInPromptIds.contact, async () => true, 'fi', confirmChoiceDefaults());
    confirm.style = ListStyle.heroCard;
    this.addDialog(confirm).addDialog(new WaterfallDialog(steps, [this.answer.bind(this), this.apply.bind(this)]));
    this.initialDialogId = steps;
  }

  private async answer(step: WaterfallStepContext) {
    const t = tOf(step.context);
    await step.context.sendActivity(crisisAnswer(t, this.deps.checkins.numbers));
    const user = await this.deps.users.get(userIdOf(step.context));
    if (!user?.groupId) {
      await step.context.sendActivity(t('checkins.safety.noLeader'));
      return step.endDialog({} satisfies SafetyResult);
    }
    return step.prompt(CheckInPromptIds.contact, { prompt: t('checkins.safety.askLeader') });
  }

  private async apply(step: WaterfallStepContext) {
    const t = tOf(step.context);
    if (step.result === true) {
      const outcome = await this.deps.checkins.safety.requestContact(userIdOf(step.context));
      await step.context.sendActivity(t(outcome === 'planned' ? 'checkins.safety.leaderTold' : 'checkins.safety.noLeader'));
      return step.endDialog({} satisfies SafetyResult);
    }
    if (step.result === false) {
      await step.context.sendActivity(t('checkins.safety.leaderNotTold'));
      return step.endDialog({} satisfies SafetyResult);
    }
    return step.endDialog({ reroute: true } satisfies SafetyResult);
  }
}
