import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import type { z } from 'zod';
import { tOf } from './context';

/** A submitted card payload: its action name and the rest of its fields, as its schema parsed them. */
export type CardPayload = { action: string } & Record<string, unknown>;

/**
 * Waits for an Adaptive Card submit and validates it with the zod schemas of the answers this form
 * accepts. Typed text or a payload of another card gets the retry prompt ("please use the form, or type cancel").
 */
export class CardPrompt extends Prompt<CardPayload> {
  constructor(
    dialogId: string,
    private readonly accepts: ReadonlyArray<z.ZodType<CardPayload>>,
  ) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    // A button of another, older card says so, instead of talking about this form.
    if (isRetry && context.activity.value) return void (await context.sendActivity(tOf(context)('errors.OTHER_FORM')));
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (prompt) await context.sendActivity(prompt);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<CardPayload>> {
    for (const schema of this.accepts) {
      const parsed = schema.safeParse(context.activity.value);
      if (parsed.success) return { succeeded: true, value: parsed.data };
    }
    return { succeeded: false };
  }
}
