import { TextPrompt, WaterfallDialog, type DialogContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { findInviteCode } from '../../src/domain/groups';
import { isDomainError } from '../../src/domain/shared/errors';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { cancelledOnboardingKey, OnboardingDialog } from '../people';
import { GroupsDialogIds } from './dialogIds';
import { PeopleDialogIds } from '../people';

export interface JoinOptions {
  code?: string;
}

const steps = 'joinSteps';

/** Consent first (onboarding when needed), then the invite code, then a place in the group. */
export class JoinGroupDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'join.help';

  constructor(private readonly deps: DialogDeps) {
    super(GroupsDialogIds.joinGroup);
    this.addDialog(new OnboardingDialog(deps))
      // Only a text that is a code is tried (and counted): a sentence gets the question again.
      .addDialog(new TextPrompt(PromptIds.text, async (p) => p.recognized.succeeded && findInviteCode(p.recognized.value ?? '') !== undefined))
      .addDialog(new WaterfallDialog(steps, [this.ensureConsent.bind(this), this.askCode.bind(this), this.join.bind(this)]));
    this.initialDialogId = steps;
  }

  protected override async cancelledKey(innerDc: DialogContext): Promise<string> {
    return cancelledOnboardingKey(this.deps, innerDc);
  }

  private async ensureConsent(step: WaterfallStepContext) {
    const user = await this.deps.users.get(userIdOf(step.context));
    if (user?.consent?.given) return step.next({ consented: true });
    return step.beginDialog(PeopleDialogIds.onboarding);
  }

  private async askCode(step: WaterfallStepContext) {
    if ((step.result as { consented?: boolean } | undefined)?.consented !== true) return step.endDialog();
    const code = (step.options as JoinOptions).code;
    if (code) return step.next(code);
    const t = tOf(step.context);
    return step.prompt(PromptIds.text, { prompt: t('join.askCode'), retryPrompt: t('join.notACode') });
  }

  private async join(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const userId = userIdOf(step.context);
    try {
      const typed = String(step.result ?? '');
      const group = await this.deps.groups.joinGroup(userId, findInviteCode(typed) ?? typed);
      // Meetings already planned remind the newcomer too.
      await this.deps.meetings.replanMember(group.groupId, userId);
      await step.context.sendActivity(t('join.welcome', { group: group.name }));
    } catch (e) {
      await step.context.sendActivity(errorMessage(t, e));
      if (isDomainError(e, 'INVITE_INVALID')) await step.context.sendActivity(t('join.tryAgain'));
    }
    return step.endDialog();
  }
}
