import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { parseCardValue, type CardAction } from '../../src/cards/actions';

/**
 * Waits for an Adaptive Card submit and validates it with the cards' zod schemas. Typed text or a
 * payload of another card gets the retry prompt (e.g. "please use the form, or type cancel").
 */
export class CardPrompt extends Prompt<CardAction> {
  constructor(
    dialogId: string,
    private readonly accepts: (action: CardAction) => boolean,
  ) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (prompt) await context.sendActivity(prompt);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<CardAction>> {
    const parsed = parseCardValue(context.activity.value);
    if (parsed.ok && this.accepts(parsed.action)) return { succeeded: true, value: parsed.action };
    return { succeeded: false };
  }
}
