import { randomUUID } from 'node:crypto';
import { WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { calendarDayText, checkInCard, strengthsOfPayload, type SaveCheckInPayload } from '../../src/cards/checkins';
import { soundsDistressed, type CheckInAnswers, type Mood, type NextStepOutcome } from '../../src/domain/checkins';
import { isDomainError } from '../../src/domain/shared/errors';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, localeOf, sendCard, tOf, userIdOf } from '../shared/context';
import { newChoicePrompt } from '../shared/promptDefaults';
import { CheckInCardPrompt, type CardAnswer } from './checkInPrompt';
import { CheckInDialogIds, CheckInPromptIds, type CheckInDialogDeps } from './deps';
import { StepwiseCheckInDialog, type StepwiseOptions } from './stepwiseDialog';

export interface CheckInOptions {
  /** The meeting whose reflection prompt started it. */
  meetingId?: string;
}

/** What the check-in hands back: whether the safety answer should follow. */
export interface CheckInResult {
  safety: boolean;
}

interface Run {
  requestId: string;
  meetingId?: string;
  inGroup: boolean;
  today: string;
  followUpId?: string;
  /** Typed on the card instead of using it: heard for the safety rule, never stored. */
  typedDistress?: boolean;
}

const steps = 'checkins.checkInSteps';
const followUpChoices = ['done', 'notYet', 'skip'] as const;

export const answersFromCard = (p: SaveCheckInPayload): CheckInAnswers => ({
  ...(p.mood ? { mood: Number(p.mood) as Mood } : {}),
  did: p.did,
  strengths: strengthsOfPayload(p),
  strengthsOther: p.strengthsOther,
  nextStep: p.nextStep,
  ...(p.nextStepDate ? { nextStepDate: p.nextStepDate } : {}),
  shared: p.share,
});

/**
 * The check-in: the follow-up of the last next step (when its day has come), then one card — or, for
 * people who type, one question at a time. Saved under one request id per run; then the safety rule.
 */
export class CheckInDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'checkins.help';

  constructor(private readonly deps: CheckInDialogDeps) {
    super(CheckInDialogIds.checkIn);
    this.addDialog(newChoicePrompt(CheckInPromptIds.followUp))
      .addDialog(new CheckInCardPrompt(CheckInPromptIds.card))
      .addDialog(new StepwiseCheckInDialog())
      .addDialog(new WaterfallDialog(steps, [this.start, this.showCard, this.collect, this.save].map((f) => f.bind(this))));
    this.initialDialogId = steps;
  }

  private run = (step: WaterfallStepContext) => (step.values as { run: Run }).run;

  private async start(step: WaterfallStepContext) {
    const t = tOf(step.context);
    let started;
    try {
      started = await this.deps.checkins.checkIns.start(userIdOf(step.context));
    } catch (e) {
      await step.context.sendActivity(isDomainError(e, 'CONSENT_REQUIRED') ? t('errors.CONSENT_REQUIRED') : errorMessage(t, e));
      return step.endDialog();
    }
    const { meetingId } = (step.options ?? {}) as CheckInOptions;

    (step.values as { run: Run }).run = { requestId: randomUUID(), inGroup: started.inGroup, today: started.today, ...(meetingId ? { meetingId } : {}) } satisfies Run;
    if (!started.followUp?.nextStep) return step.next();
    this.run(step).followUpId = started.followUp.id;
    return step.prompt(CheckInPromptIds.followUp, {
      prompt: t('checkins.followUp.ask', { step: started.followUp.nextStep.text }),
      choices: followUpChoices.map((c) => (c === 'skip' ? t('checkins.ask.skip') : t(`checkins.followUp.${c}`))),
    });
  }

  private async showCard(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const run = this.run(step);
    const found = step.result as FoundChoice | undefined;
    if (run.followUpId && found) {
      const choice = followUpChoices[found.index]!;
      const outcome: NextStepOutcome = choice === 'skip' ? 'skipped' : choice;
      await this.deps.checkins.checkIns.answerFollowUp(userIdOf(step.context), run.followUpId, outcome);
      if (choice !== 'skip') await step.context.sendActivity(t(choice === 'done' ? 'checkins.followUp.saidDone' : 'checkins.followUp.saidNotYet'));
    }
    await sendCard(step.context, checkInCard(t, { requestId: run.requestId, inGroup: run.inGroup, today: run.today, ...(run.meetingId ? { meetingId: run.meetingId } : {}) }));
    return step.prompt(CheckInPromptIds.card, {});
  }

  private async collect(step: WaterfallStepContext) {
    const answer = step.result as CardAnswer;
    const run = this.run(step);
    if (answer.kind === 'card') {
      if (answer.action.meetingId) run.meetingId ??= answer.action.meetingId;
      return step.next(answersFromCard(answer.action));
    }
    if (answer.kind === 'typed') run.typedDistress = soundsDistressed(answer.text, this.deps.checkins.distressPhrases);
    return step.beginDialog(CheckInDialogIds.stepwise, { inGroup: run.inGroup, today: run.today } satisfies StepwiseOptions);
  }

  private async save(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const run = this.run(step);
    const answers = { ...(step.result as CheckInAnswers) };
    if (answers.nextStepDate && answers.nextStepDate < run.today) {
      // A day in the past (an old card): keep the step, drop the day, and say so.
      delete answers.nextStepDate;
      await step.context.sendActivity(t('checkins.saved.badDate'));
    }
    const { checkIn, lowMoodTwice } = await this.deps.checkins.checkIns.save(userIdOf(step.context), run.requestId, answers, run.meetingId);
    if (!checkIn) await step.context.sendActivity(t('checkins.saved.nothing'));
    else {
      const reminder = checkIn.nextStep?.date ? ` ${t('checkins.saved.reminder', { date: calendarDayText(checkIn.nextStep.date, localeOf(step.context)) })}` : '';
      await step.context.sendActivity(`${t(checkIn.shared ? 'checkins.saved.shared' : 'checkins.saved.private')}${reminder}`);
    }
    const words = [answers.did, answers.strengthsOther, answers.nextStep].some((x) => soundsDistressed(x, this.deps.checkins.distressPhrases));
    // The router begins the safety dialog at the top of the stack, where any later message is heard too.
    return step.endDialog({ safety: words || run.typedDistress === true || lowMoodTwice } satisfies CheckInResult);
  }
}
