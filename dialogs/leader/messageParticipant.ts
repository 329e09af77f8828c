import type { TurnContext } from 'botbuilder';
import { Prompt, WaterfallDialog, type FoundChoice, type PromptOptions, type PromptRecognizerResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sendPayload, writeCard, type WriteFormView } from '../../src/cards/leader';
import { guidanceText, isGuidanceError, maxGuidanceChars } from '../../src/domain/leader';
import { formatDateTime, type Translate } from '../../src/i18n';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, localeOf, sendCard, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { newChoicePrompt } from '../shared/promptDefaults';

export const GuidanceDialogIds = { write: 'leader.guidanceWrite' } as const;
const ids = { steps: 'leader.guidanceSteps', choice: 'leader.guidanceChoice', text: 'leader.guidanceText' } as const;

/** The leader writes (group and person chosen, or given by the card pressed); the participant answers a message they got. */
export type GuidanceOptions = { mode: 'leader'; groupId?: string; userId?: string } | { mode: 'participant'; messageId: string };

interface Values {
  groupIds?: string[];
  groupId?: string;
  memberIds?: string[];
}

/** A guidance or domain error as one sentence in the person's language; anything else is rethrown. */
export function guidanceErrorText(t: Translate, e: unknown): string {
  if (isGuidanceError(e)) return t(`leader.guidance.errors.${e.code}`, { max: maxGuidanceChars });
  return errorMessage(t, e);
}

/** Waits for the message: the form's Send, or the text typed into the chat. */
class MessagePrompt extends Prompt<string> {
  constructor(dialogId: string, validator: (pc: PromptValidatorContext<string>) => Promise<boolean>) {
    super(dialogId, validator);
  }

  protected async onPrompt(_context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    // A retry has already been answered by the validator (empty, too long, another form).
    if (!isRetry && options.prompt) await _context.sendActivity(options.prompt);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<string>> {
    const { value, text } = context.activity;
    if (value !== undefined && value !== null) {
      const parsed = sendPayload.safeParse(value);
      return parsed.success ? { succeeded: true, value: parsed.data.text } : { succeeded: false };
    }
    return typeof text === 'string' ? { succeeded: true, value: text } : { succeeded: false };
  }
}

async function validMessage(pc: PromptValidatorContext<string>): Promise<boolean> {
  const t = tOf(pc.context);
  if (!pc.recognized.succeeded) {
    await pc.context.sendActivity(t('errors.OTHER_FORM'));
    return false;
  }
  try {
    guidanceText(pc.recognized.value);
    return true;
  } catch (e) {
    await pc.context.sendActivity(guidanceErrorText(t, e));
    return false;
  }
}

/**
 * Private guidance, step by step or with the form: pick the group (if several) → pick the
 * participant (if several) → write. The services check again that the writer leads the group and
 * the person is in it; a forged or stale card gets one clear sentence and nothing is stored.
 */
export class MessageParticipantDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'leader.guidance.help';

  constructor(private readonly deps: DialogDeps) {
    super(GuidanceDialogIds.write);
    this.addDialog(newChoicePrompt(ids.choice))
      .addDialog(new MessagePrompt(ids.text, validMessage))
      .addDialog(new WaterfallDialog(ids.steps, [this.pickGroup.bind(this), this.pickParticipant.bind(this), this.write.bind(this), this.send.bind(this)]));
    this.initialDialogId = ids.steps;
  }

  private options(step: WaterfallStepContext): GuidanceOptions {
    return (step.options ?? { mode: 'leader' }) as GuidanceOptions;
  }

  private async refuse(step: WaterfallStepContext, e: unknown) {
    await step.context.sendActivity(guidanceErrorText(tOf(step.context), e));
    return step.endDialog();
  }

  private async pickGroup(step: WaterfallStepContext) {
    const options = this.options(step);
    if (options.mode === 'participant') return step.next();
    if (options.groupId) return step.next(options.groupId);
    const t = tOf(step.context);
    const led = await this.deps.groups.groupsLedBy(userIdOf(step.context));
    const withMembers = led.filter((g) => g.members.length > 0);
    if (withMembers.length === 0) {
      await step.context.sendActivity(t(led.length === 0 ? 'errors.NOT_LEADER' : 'leader.guidance.errors.NO_PARTICIPANTS'));
      return step.endDialog();
    }
    if (withMembers.length === 1) return step.next(withMembers[0]!.groupId);
    (step.values as Values).groupIds = withMembers.map((g) => g.groupId);
    return step.prompt(ids.choice, { prompt: t('leader.guidance.pickGroup'), retryPrompt: t('leader.guidance.pickRetry'), choices: withMembers.map((g) => g.name) });
  }

  private async pickParticipant(step: WaterfallStepContext) {
    const options = this.options(step);
    if (options.mode === 'participant') return step.next();
    const values = step.values as Values;
    const picked = step.result as string | FoundChoice;
    const groupId = typeof picked === 'string' ? picked : (values.groupIds?.[picked.index] ?? '');
    values.groupId = groupId;
    if (options.userId) return step.next(options.userId);
    const t = tOf(step.context);
    try {
      const group = await this.deps.groups.ledGroup(userIdOf(step.context), groupId);
      if (group.members.length === 0) {
        await step.context.sendActivity(t('leader.guidance.errors.NO_PARTICIPANTS'));
        return step.endDialog();
      }
      if (group.members.length === 1) return step.next(group.members[0]!.userId);
      values.memberIds = group.members.map((m) => m.userId);
      return step.prompt(ids.choice, { prompt: t('leader.guidance.pickParticipant'), retryPrompt: t('leader.guidance.pickRetry'), choices: group.members.map((m) => m.displayName) });
    } catch (e) {
      return this.refuse(step, e);
    }
  }

  private async write(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const options = this.options(step);
    const values = step.values as Values & { participantId?: string };
    try {
      let view: WriteFormView;
      if (options.mode === 'participant') {
        const { group } = await this.deps.guidance.replyTarget(userIdOf(step.context), options.messageId);
        view = { to: { kind: 'leader' }, group };
      } else {
        const picked = step.result as string | FoundChoice;
        values.participantId = typeof picked === 'string' ? picked : (values.memberIds?.[picked.index] ?? '');
        const { group, member, messages } = await this.deps.guidance.thread(userIdOf(step.context), values.groupId ?? '', values.participantId);
        view = { to: { kind: 'participant', name: member.displayName }, group, earlier: messages };
      }
      await sendCard(step.context, writeCard(t, view));
      return step.prompt(ids.text, {});
    } catch (e) {
      return this.refuse(step, e);
    }
  }

  private async send(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const options = this.options(step);
    const values = step.values as Values & { participantId?: string };
    const userId = userIdOf(step.context);
    try {
      if (options.mode === 'participant') {
        await this.deps.guidance.answerLeader(userId, options.messageId, step.result as string);
        await step.context.sendActivity(t('leader.guidance.answerSent'));
      } else {
        const { name, heldUntil, zone } = await this.deps.guidance.writeToParticipant(userId, values.groupId ?? '', values.participantId ?? '', step.result as string);
        await step.context.sendActivity(
          heldUntil ? t('leader.guidance.sentHeld', { name, when: formatDateTime(heldUntil, localeOf(step.context), zone) }) : t('leader.guidance.sent', { name }),
        );
      }
    } catch (e) {
      await step.context.sendActivity(guidanceErrorText(t, e));
    }
    return step.endDialog();
  }
}
