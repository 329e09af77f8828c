import { TextPrompt, WaterfallDialog, type DialogContext, type WaterfallStepContext, type FoundChoice } from 'botbuilder-dialogs';
import { limitsFromPayload, limitsPayload, type LimitsPayload } from '../../src/cards/people/payloads';
import { limitsCard } from '../../src/cards/people/limitsCard';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, sendCard, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { languageChoices, localeFromChoice } from './languageChoice';
import { CardPrompt } from '../shared/cardPrompt';
import { newChoicePrompt, newConfirmPrompt } from '../shared/promptDefaults';
import { PeopleDialogIds } from './dialogIds';

const steps = 'onboardingSteps';
export const maxDisplayName = 40;

/** "Cancel" during the start: what was already kept, if anything. */
export async function cancelledOnboardingKey(deps: DialogDeps, dc: DialogContext): Promise<string> {
  const user = await deps.users.get(userIdOf(dc.context));
  return user?.consent?.given ? 'onboarding.cancelledKept' : 'common.cancelled';
}

/** The name a person is seen by: 1–40 characters. */
export const displayNamePrompt = () =>
  new TextPrompt(PromptIds.displayName, async (p) => {
    const name = (p.recognized.value ?? '').trim();
    return p.recognized.succeeded && name.length >= 1 && name.length <= maxDisplayName;
  });

/** Language, consent (nothing personal is stored before it), a name for the group, optional personal limits. */
export class OnboardingDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'onboarding.help';

  constructor(private readonly deps: DialogDeps) {
    super(PeopleDialogIds.onboarding);
    this.addDialog(newChoicePrompt(PromptIds.choice))
      .addDialog(newConfirmPrompt(PromptIds.confirm))
      .addDialog(displayNamePrompt())
      .addDialog(new CardPrompt(PromptIds.card, [limitsPayload]))
      .addDialog(
        new WaterfallDialog(steps, [
          this.askLanguage.bind(this),
          this.askConsent.bind(this),
          this.askName.bind(this),
          this.askLimits.bind(this),
          this.finish.bind(this),
        ]),
      );
    this.initialDialogId = steps;
  }

  /** After the name, consent and name are stored: "cancel" says so instead of "nothing was changed". */
  protected override async cancelledKey(innerDc: DialogContext): Promise<string> {
    return cancelledOnboardingKey(this.deps, innerDc);
  }

  private async askLanguage(step: WaterfallStepContext) {
    const t = tOf(step.context);
    return step.prompt(PromptIds.choice, { prompt: t('onboarding.language'), choices: languageChoices });
  }

  private async askConsent(step: WaterfallStepContext) {
    const locale = localeFromChoice(step.result as FoundChoice);
    await this.deps.users.setLocale(userIdOf(step.context), locale);
    step.context.activity.locale = locale;
    const t = tOf(step.context);
    await step.context.sendActivity(t('onboarding.consentText'));
    return step.prompt(PromptIds.confirm, { prompt: t('onboarding.consentQuestion'), retryPrompt: t('common.yesNoRetry') });
  }

  private async askName(step: WaterfallStepContext) {
    const t = tOf(step.context);
    if (step.result !== true) {
      await this.deps.users.declineConsent(userIdOf(step.context));
      await step.context.sendActivity(t('onboarding.declined'));
      return step.endDialog({ consented: false });
    }
    return step.prompt(PromptIds.displayName, {
      prompt: t('onboarding.name'),
      retryPrompt: t('onboarding.nameRetry', { max: maxDisplayName }),
    });
  }

  private async askLimits(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const userId = userIdOf(step.context);
    const name = String(step.result).trim();
    await this.deps.users.giveConsent(userId, name);
    await this.deps.groups.renameMember(userId, name);
    await step.context.sendActivity(t('onboarding.thanks', { name }));
    await sendCard(step.context, limitsCard(t, undefined));
    return step.prompt(PromptIds.card, { retryPrompt: t('limits.useForm') });
  }

  private async finish(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const payload = step.result as LimitsPayload;
    if (!payload.skip) {
      try {
        await this.deps.users.setLimits(userIdOf(step.context), limitsFromPayload(payload));
        await step.context.sendActivity(t('limits.saved'));
      } catch (e) {
        await step.context.sendActivity(errorMessage(t, e));
      }
    }
    await step.context.sendActivity(t('onboarding.done'));
    return step.endDialog({ consented: true });
  }
}
