import { TextPrompt, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext, type FoundChoice } from 'botbuilder-dialogs';
import { ChoicePrompt, ListStyle } from 'botbuilder-dialogs';
import { numberedStrengths } from '../../src/cards/checkins';
import { moods, parseTypedDay, parseTypedStrengths, type CheckInAnswers, type Mood } from '../../src/domain/checkins';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { localeOf, tOf } from '../shared/context';
import { choiceChoiceDefaults, newConfirmPrompt } from '../shared/promptDefaults';
import { CheckInDialogIds, CheckInPromptIds } from './deps';

export interface StepwiseOptions {
  inGroup: boolean;
  today: string;
}

const steps = 'checkins.stepwiseSteps';

const isSkip = (t: (k: string) => string, text: string) =>
  t('checkins.ask.skipWords').split('|').includes(text.trim().toLowerCase().replace(/[.!]+$/, '').replace(/[’']/g, ''));

/**
 * The check-in for people who prefer to type: one short question at a time, each skippable
 * ("ohita", "hoppa över", "skip"). Ends with the answers; the check-in dialog saves them.
 */
export class StepwiseCheckInDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'checkins.help';

  constructor() {
    super(CheckInDialogIds.stepwise);
    const mood = new ChoicePrompt(CheckInPromptIds.mood, async (pc: PromptValidatorContext<FoundChoice>) => pc.recognized.succeeded || pc.attemptCount > 1, 'fi', choiceChoiceDefaults());
    mood.style = ListStyle.heroCard;
    this.addDialog(mood)
      .addDialog(new TextPrompt(CheckInPromptIds.text))
      .addDialog(new TextPrompt(CheckInPromptIds.day, async (pc) => this.dayOk(pc)))
      .addDialog(newConfirmPrompt(CheckInPromptIds.share))
      .addDialog(new WaterfallDialog(steps, [this.askMood, this.askDid, this.askStrengths, this.askNextStep, this.askDay, this.askShare, this.done].map((f) => f.bind(this))));
    this.initialDialogId = steps;
  }

  private answers(step: WaterfallStepContext): CheckInAnswers {
    const values = step.values as { answers?: CheckInAnswers };
    return (values.answers ??= {});
  }

  private text(step: WaterfallStepContext): string | undefined {
    const raw = typeof step.result === 'string' ? step.result.trim() : '';
    return raw && !isSkip(tOf(step.context), raw) ? raw : undefined;
  }

  private async askMood(step: WaterfallStepContext) {
    const t = tOf(step.context);
    // Titles are the words; the answer is read by position (1–5, then skip), typed words by their synonyms.
    const choices = [
      ...moods.map((m) => ({ value: t(`checkins.moods.${m}`), synonyms: [String(m), t(`checkins.moodWord.${m}`)] })),
      { value: t('checkins.ask.skip'), synonyms: t('checkins.ask.skipWords').split('|') },
    ];
    return step.prompt(CheckInPromptIds.mood, { prompt: t('checkins.ask.mood'), retryPrompt: t('checkins.ask.mood'), choices });
  }

  private async askDid(step: WaterfallStepContext) {
    const found = step.result as FoundChoice | undefined;
    if (found && found.index < moods.length) this.answers(step).mood = moods[found.index] as Mood;
    return step.prompt(CheckInPromptIds.text, { prompt: tOf(step.context)('checkins.ask.did') });
  }

  private async askStrengths(step: WaterfallStepContext) {
    this.answers(step).did = this.text(step);
    const t = tOf(step.context);
    return step.prompt(CheckInPromptIds.text, { prompt: t('checkins.ask.strengths', { list: numberedStrengths(t) }) });
  }

  private async askNextStep(step: WaterfallStepContext) {
    const typed = this.text(step);
    if (typed) {
      const { ids, own } = parseTypedStrengths(typed);
      Object.assign(this.answers(step), { strengths: ids, ...(own ? { strengthsOther: own } : {}) });
    }
    return step.prompt(CheckInPromptIds.text, { prompt: tOf(step.context)('checkins.ask.nextStep') });
  }

  private example(step: WaterfallStepContext) {
    const { today } = step.options as StepwiseOptions;
    const [, m, d] = today.split('-');
    return localeOf(step.context) === 'en' ? `${Number(d)}/${Number(m)}` : `${Number(d)}.${Number(m)}.`;
  }

  private async askDay(step: WaterfallStepContext) {
    const nextStep = this.text(step);
    if (!nextStep) return step.next();
    this.answers(step).nextStep = nextStep;
    const t = tOf(step.context);
    const example = this.example(step);
    return step.prompt(CheckInPromptIds.day, { prompt: t('checkins.ask.nextStepDate', { example }), retryPrompt: t('checkins.ask.dateRetry', { example }), validations: { today: (step.options as StepwiseOptions).today } });
  }

  private async dayOk(pc: PromptValidatorContext<string>): Promise<boolean> {
    const text = pc.recognized.value ?? '';
    if (isSkip(tOf(pc.context), text)) return true;
    const { today } = pc.options.validations as { today: string };
    const day = parseTypedDay(text, today);
    return day !== undefined && day >= today;
  }

  private async askShare(step: WaterfallStepContext) {
    const typed = this.text(step);
    const { inGroup, today } = step.options as StepwiseOptions;
    if (typed) this.answers(step).nextStepDate = parseTypedDay(typed, today);
    if (!inGroup) return step.next();
    return step.prompt(CheckInPromptIds.share, { prompt: tOf(step.context)('checkins.ask.share'), retryPrompt: tOf(step.context)('checkins.ask.share') });
  }

  private async done(step: WaterfallStepContext) {
    this.answers(step).shared = step.result === true;
    return step.endDialog(this.answers(step));
  }
}
