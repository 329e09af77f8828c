import type { DialogContext, DialogInstance } from 'botbuilder-dialogs';
import type { Locale } from '../../src/domain/shared/locale';
import { retranslate } from '../../src/i18n';

type PromptText = string | { text?: string } | undefined;

const translated = (prompt: PromptText, to: Locale): PromptText => {
  if (typeof prompt === 'string') return retranslate(prompt, to) ?? prompt;
  if (prompt && typeof prompt.text === 'string') return { ...prompt, text: retranslate(prompt.text, to) ?? prompt.text };
  return prompt;
};

/**
 * After the person chose another language in words, the question waiting for an answer is asked
 * again in it. A prompt keeps the text it was given in its state (options.prompt, options.retryPrompt),
 * so the innermost waiting prompt's texts are put into the new language before the reprompt.
 */
export function retranslateWaitingPrompt(dc: DialogContext, to: Locale): void {
  let instance: DialogInstance | undefined = dc.activeDialog;
  for (let depth = 0; instance && depth < 10; depth++) {
    const state = instance.state as { options?: { prompt?: PromptText; retryPrompt?: PromptText }; dialogs?: { dialogStack?: DialogInstance[] } };
    if (state.options && 'prompt' in state.options) {
      state.options.prompt = translated(state.options.prompt, to);
      state.options.retryPrompt = translated(state.options.retryPrompt, to);
    }
    const inner = state.dialogs?.dialogStack ?? [];
    instance = inner[inner.length - 1]; // the JS SDK keeps the active dialog last
  }
}
