import { resources } from '../../i18n';
import { submit } from '../shared/actions';
import { adaptiveCard, textBlock } from '../shared/elements';

/** Asked before anything else when the language is a guess: one sentence in each language, each language in its own name. */
export function languageQuestionCard() {
  return adaptiveCard(
    [textBlock(resources.fi.onboarding.language)],
    (['fi', 'sv', 'en'] as const).map((locale) => submit(resources[locale].language.name, { action: 'language.set', locale })),
  );
}
