import type { TurnContext } from 'botbuilder';
import { MessageFactory, CardFactory } from 'botbuilder';
import type { DomainError } from '../src/domain/errors';
import { isDomainError } from '../src/domain/errors';
import { toLocale, type Locale } from '../src/domain/locale';
import { translator, type Translate } from '../src/i18n';
import type { ConversationService } from '../src/services/conversations';
import type { GroupService } from '../src/services/groups';
import type { Messenger } from '../src/services/ports';
import type { UserService } from '../src/services/users';

/** What dialogs may use: services only, never the store. */
export interface DialogDeps {
  users: UserService;
  groups: GroupService;
  conversations: ConversationService;
  messenger: Messenger;
  settings: { defaultLocale: Locale; defaultTimeZone: string; leaderSignupEnabled: boolean };
}

/** The bot sets activity.locale to the person's resolved language at the start of every turn. */
export const localeOf = (context: TurnContext): Locale => toLocale(context.activity.locale) ?? 'fi';
export const tOf = (context: TurnContext): Translate => translator(localeOf(context));

/** User id = {channelId}:{aadObjectId ?? from.id}: stable across a person's chats in one tenant. */
export const userIdOf = (context: TurnContext): string =>
  `${context.activity.channelId}:${context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'unknown'}`;

export const sendCard = (context: TurnContext, card: object, text?: string) =>
  context.sendActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), ...(text ? { text } : {}) });

/** A domain error becomes one kind sentence in the person's language; anything else is rethrown. */
export function errorMessage(t: Translate, e: unknown): string {
  if (!isDomainError(e)) throw e;
  const err = e as DomainError;
  return t(`errors.${err.code}`, err.details);
}
