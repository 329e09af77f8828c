import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { saveCheckInPayload, stepwisePayload, type SaveCheckInPayload } from '../../src/cards/checkins';

/** The card's answer, the "one at a time" button, or typed text (which switches to the typed questions). */
export type CardAnswer = { kind: 'card'; action: SaveCheckInPayload } | { kind: 'stepwise' } | { kind: 'typed'; text: string };

/** Waits on the check-in card; never loops on a retry: typing anything is an answer too. */
export class CheckInCardPrompt extends Prompt<CardAnswer> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (prompt) await context.sendActivity(prompt);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<CardAnswer>> {
    const { value, text } = context.activity;
    if (value !== undefined && value !== null) {
      const saved = saveCheckInPayload.safeParse(value);
      if (saved.success) return { succeeded: true, value: { kind: 'card', action: saved.data } };
      if (stepwisePayload.safeParse(value).success) return { succeeded: true, value: { kind: 'stepwise' } };
      return { succeeded: false };
    }
    return { succeeded: true, value: { kind: 'typed', text: (text ?? '').trim() } };
  }
}
