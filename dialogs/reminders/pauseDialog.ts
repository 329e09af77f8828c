import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { formCancelPayload } from '../../src/cards/shared/actions';
import { pausePayload, type PausePayload } from '../../src/cards/reminders/payloads';
import { localDateInWords, pauseCard } from '../../src/cards/reminders/reminderSettingsCards';
import { isDomainError } from '../../src/domain/shared/errors';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { DateTime } from 'luxon';
import { pauseCoversMeetingCard } from '../../src/cards/meetings';
import { errorMessage, localeOf, sendCard, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { CardPrompt } from '../shared/cardPrompt';
import { showOwnForm, type FormRound } from './reminderSettingsDialog';
import { RemindersDialogIds } from './dialogIds';

const steps = 'pauseSteps';

/**
 * Pausing reminders for a job interview, a work try-out or illness, up to a chosen day. A pause is
 * never counted as drifting away; ending one early is the menu's one-shot `pause.end`.
 */
export class PauseDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'pause.help';

  constructor(private readonly deps: DialogDeps) {
    super(RemindersDialogIds.pause);
    this.addDialog(new CardPrompt(PromptIds.card, [pausePayload, formCancelPayload])).addDialog(
      new WaterfallDialog(steps, [this.show.bind(this), this.save.bind(this)]),
    );
    this.initialDialogId = steps;
  }

  private show(step: WaterfallStepContext) {
    return showOwnForm(step, this.deps, 'pause.useForm', async (user, error) => {
      const [today, current] = await Promise.all([this.deps.reminders.today(user.userId), this.deps.reminders.currentPause(user.userId)]);
      return pauseCard(tOf(step.context), localeOf(step.context), current, today, error);
    });
  }

  /** Meetings during the pause that the person said they would come to: offer to change the answer. */
  private async offerAnswerChanges(step: WaterfallStepContext, until: string) {
    const userId = userIdOf(step.context);
    const groupId = (await this.deps.users.get(userId))?.groupId;
    if (!groupId) return;
    const { group, upcoming } = await this.deps.overview.memberOverview(userId, groupId);
    const lastDay = DateTime.fromISO(until, { zone: group.timeZone }).endOf('day');
    const covered = upcoming.filter((u) => u.myAnswer === 'yes' && DateTime.fromISO(u.meeting.startsAt) <= lastDay);
    for (const { meeting } of covered.slice(0, 3)) {
      await sendCard(step.context, pauseCoversMeetingCard(tOf(step.context), localeOf(step.context), group.timeZone, meeting));
    }
  }

  private async save(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const answer = step.result as PausePayload | { action: 'form.cancel' };
    if (answer.action !== 'pause.save') {
      await step.context.sendActivity(t('pause.unchanged'));
      return step.endDialog();
    }
    try {
      const pause = await this.deps.reminders.startPause(userIdOf(step.context), answer.reason, answer.until.trim());
      const date = localDateInWords(pause.until, localeOf(step.context));
      await step.context.sendActivity(`${t(`pause.kind.${pause.reason}`)}\n\n${t('pause.started', { date })}`);
      await this.offerAnswerChanges(step, pause.until);
    } catch (e) {
      if (isDomainError(e, 'INVALID_INPUT')) return step.replaceDialog(steps, { error: t('pause.badDate') } satisfies FormRound);
      await step.context.sendActivity(errorMessage(t, e));
    }
    return step.endDialog();
  }

}
