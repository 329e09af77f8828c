import { WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Group } from '../../src/domain/groups/model';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { newChoicePrompt } from '../shared/promptDefaults';
import { GroupsDialogIds } from './dialogIds';

const steps = 'linkChatSteps';

/** In a Teams group chat: the group's leader ties this chat to one of their groups. */
export class LinkChatDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'linkChat.help';

  constructor(private readonly deps: DialogDeps) {
    super(GroupsDialogIds.linkChat);
    this.addDialog(newChoicePrompt(PromptIds.choice)).addDialog(
      new WaterfallDialog(steps, [this.pick.bind(this), this.link.bind(this)]),
    );
    this.initialDialogId = steps;
  }

  private async pick(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const groups = await this.deps.groups.groupsLedBy(userIdOf(step.context));
    if (groups.length === 0) {
      await step.context.sendActivity(t('linkChat.noGroups'));
      return step.endDialog();
    }
    (step.values as { groups: Group[] }).groups = groups;
    if (groups.length === 1) return step.next({ index: 0 });
    return step.prompt(PromptIds.choice, { prompt: t('linkChat.pick'), choices: groups.map((g) => g.name) });
  }

  private async link(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const groups = (step.values as { groups: Group[] }).groups;
    const group = groups[(step.result as FoundChoice).index];
    if (!group) return step.endDialog();
    const conversationId = step.context.activity.conversation.id;
    try {
      const linkedGroupId = await this.deps.conversations.groupForChat(conversationId);
      await this.deps.groups.linkChat(userIdOf(step.context), group.groupId, conversationId, linkedGroupId);
      await this.deps.conversations.attachChatToGroup(conversationId, group.groupId);
      await step.context.sendActivity(t('linkChat.done', { group: group.name }));
    } catch (e) {
      await step.context.sendActivity(errorMessage(t, e));
    }
    return step.endDialog();
  }
}
