import type { FoundChoice } from 'botbuilder-dialogs';
import type { Locale } from '../../src/domain/shared/locale';
import { resources } from '../../src/i18n';

/** Each language is offered in its own name, so anyone can find theirs. */
export const languageChoices = (['fi', 'sv', 'en'] as const).map((l) => ({ value: resources[l].language.name, synonyms: [l] }));

export const localeFromChoice = (found: FoundChoice): Locale => (['fi', 'sv', 'en'] as const)[found.index] ?? 'fi';
