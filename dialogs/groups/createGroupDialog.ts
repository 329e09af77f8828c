import { randomUUID } from 'node:crypto';
import { TextPrompt, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { IANAZone } from 'luxon';
import { isDomainError } from '../../src/domain/shared/errors';
import { inviteCard } from '../../src/cards/groups/groupCards';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, localeOf, sendCard, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { languageChoices, LeaderStartDialog, localeFromChoice, PeopleDialogIds, type LeaderStartOptions } from '../people';
import { newChoicePrompt } from '../shared/promptDefaults';
import { GroupsDialogIds } from './dialogIds';

interface CreateState {
  /** One per run of the dialog: answering the last step again after a failure finishes the same group. */
  requestId?: string;
  name?: string;
  timeZone?: string;
}

const steps = 'createGroupSteps';
const commonZones = ['Europe/Helsinki', 'Europe/Stockholm', 'Europe/Mariehamn'];

/** A leader names the group, picks its time zone and language, and gets an invite to forward. */
export class CreateGroupDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'createGroup.help';

  constructor(private readonly deps: DialogDeps) {
    super(GroupsDialogIds.createGroup);
    this.addDialog(newChoicePrompt(PromptIds.choice))
      .addDialog(new LeaderStartDialog(deps))
      .addDialog(
        new TextPrompt(PromptIds.groupName, async (p) => {
          const v = (p.recognized.value ?? '').trim();
          return v.length >= 2 && v.length <= 60;
        }),
      )
      .addDialog(new TextPrompt(PromptIds.timeZone, async (p) => IANAZone.isValidZone((p.recognized.value ?? '').trim())))
      .addDialog(
        new WaterfallDialog(steps, [
          this.checkRole.bind(this),
          this.askGroupName.bind(this),
          this.askZone.bind(this),
          this.askOtherZone.bind(this),
          this.askLanguage.bind(this),
          this.create.bind(this),
        ]),
      );
    this.initialDialogId = steps;
  }

  private zones() {
    return [...new Set([this.deps.settings.defaultTimeZone, ...commonZones])];
  }

  private async checkRole(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const userId = userIdOf(step.context);
    const user = await this.deps.users.get(userId);
    if (!this.deps.users.mayLead(user, userId)) {
      await step.context.sendActivity(t('errors.NOT_LEADER'));
      return step.endDialog();
    }
    (step.values as CreateState).requestId = randomUUID();
    // Participants read the leader's name: a leader without one gives it first.
    if (!user?.displayName) return step.beginDialog(PeopleDialogIds.leaderStart, { beforeGroup: true } satisfies LeaderStartOptions);
    return step.next();
  }

  private async askGroupName(step: WaterfallStepContext) {
    const t = tOf(step.context);
    return step.prompt(PromptIds.groupName, { prompt: t('createGroup.askName'), retryPrompt: t('createGroup.nameRetry') });
  }

  private async askZone(step: WaterfallStepContext) {
    (step.values as CreateState).name = String(step.result).trim();
    const t = tOf(step.context);
    return step.prompt(PromptIds.choice, {
      prompt: t('createGroup.askZone'),
      choices: [...this.zones(), t('createGroup.otherZone')],
    });
  }

  private async askOtherZone(step: WaterfallStepContext) {
    const found = step.result as FoundChoice;
    const zone = this.zones()[found.index];
    if (zone) return step.next(zone);
    const t = tOf(step.context);
    return step.prompt(PromptIds.timeZone, { prompt: t('createGroup.askOtherZone'), retryPrompt: t('createGroup.zoneRetry') });
  }

  private async askLanguage(step: WaterfallStepContext) {
    (step.values as CreateState).timeZone = String(step.result).trim();
    return step.prompt(PromptIds.choice, { prompt: tOf(step.context)('createGroup.askLanguage'), choices: languageChoices });
  }

  private async create(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const state = step.values as CreateState;
    try {
      const { group, invite } = await this.deps.groups.createGroup(userIdOf(step.context), {
        name: state.name ?? '',
        timeZone: state.timeZone ?? this.deps.settings.defaultTimeZone,
        locale: localeFromChoice(step.result as FoundChoice),
        requestId: state.requestId,
      });
      await step.context.sendActivity(t('createGroup.created', { group: group.name }));
      await sendCard(step.context, inviteCard(t, localeOf(step.context), group, invite));
    } catch (e) {
      // The turn fails and its stack is not saved: the person answers the last question again and the
      // same request id finishes what was begun.
      if (isDomainError(e, 'STORE_UNAVAILABLE')) throw e;
      await step.context.sendActivity(errorMessage(t, e));
    }
    return step.endDialog();
  }
}
