import { ConfirmPrompt, ChoicePrompt, PromptCultureModels, ListStyle } from 'botbuilder-dialogs';
import { resources } from '../../src/i18n';

/**
 * botbuilder's prompt cultures know neither Finnish nor Swedish and would answer "Yes/No" in English.
 * These defaults come from locales/ and sit beside the cultures botbuilder already knows.
 */
function ourCultures() {
  return (['fi', 'sv', 'en'] as const).map((lang) => ({
    locale: lang === 'en' ? PromptCultureModels.English.locale : lang,
    yes: resources[lang].prompts.yes,
    no: resources[lang].prompts.no,
    options: {
      inlineSeparator: resources[lang].prompts.separator,
      inlineOr: resources[lang].prompts.or,
      inlineOrMore: resources[lang].prompts.orMore,
      includeNumbers: true,
    },
  }));
}

/**
 * The usual ways of saying yes and no, in every language (people mix them), besides the buttons'
 * own words. Finnish "en" (I don't) is a no only in Finnish: in Swedish it is "a".
 */
const yesWords = ['kyllä', 'joo', 'juu', 'jep', 'ok', 'okei', 'okay', 'ja', 'jo', 'japp', 'okej', 'yes', 'yeah', 'yep', 'sure'];
const noWords = { fi: ['ei', 'en', 'nej', 'no', 'nope'], sv: ['ei', 'nej', 'nä', 'no', 'nope'], en: ['ei', 'nej', 'no', 'nope'] };

export function confirmChoiceDefaults() {
  return Object.fromEntries(
    ourCultures().map((c, i) => {
      const lang = (['fi', 'sv', 'en'] as const)[i]!;
      const choices = [
        { value: c.yes, synonyms: yesWords },
        { value: c.no, synonyms: noWords[lang] },
      ];
      return [c.locale, { choices, options: c.options }];
    }),
  );
}

export function choiceChoiceDefaults() {
  return Object.fromEntries(ourCultures().map((c) => [c.locale, c.options]));
}

export function newConfirmPrompt(id: string): ConfirmPrompt {
  const prompt = new ConfirmPrompt(id, undefined, 'fi', confirmChoiceDefaults());
  prompt.style = ListStyle.heroCard;
  return prompt;
}

export function newChoicePrompt(id: string): ChoicePrompt {
  const prompt = new ChoicePrompt(id, undefined, 'fi', choiceChoiceDefaults());
  prompt.style = ListStyle.heroCard;
  return prompt;
}
