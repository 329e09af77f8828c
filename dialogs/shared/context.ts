import type { TurnContext } from 'botbuilder';
import { MessageFactory, CardFactory } from 'botbuilder';
import type { DomainError } from '../../src/domain/shared/errors';
import type { Group } from '../../src/domain/groups';
import { isDomainError } from '../../src/domain/shared/errors';
import { toLocale, type Locale } from '../../src/domain/shared/locale';
import { translator, type Translate } from '../../src/i18n';
import type { ConversationService } from '../../src/services/people';
import type { GroupService } from '../../src/services/groups';
import type { Clock } from '../../src/domain/shared/clock';
import type { Messenger } from '../../src/services/shared/ports';
import type { ReminderPrefsService } from '../../src/services/reminders';
import type { MeetingService } from '../../src/services/meetings';
import type { UserService } from '../../src/services/people';
import type { ProposalService, RoundService } from '../../src/services/activities';

/** What dialogs may use: services only, never the store. */
export interface DialogDeps {
  users: UserService;
  groups: GroupService;
  conversations: ConversationService;
  messenger: Messenger;
  meetings: MeetingService;
  reminders: ReminderPrefsService;
  activities: { proposals: ProposalService; rounds: RoundService };
  /** Forms need "today" in the person's zone (default dates, the earliest pause end). */
  clock: Clock;
  settings: { defaultLocale: Locale; defaultTimeZone: string; leaderSignupEnabled: boolean };
}

/** What the router and the dialogs it builds get: the dialog deps, forgetting a person, the message size limit. */
export type RouterDeps = DialogDeps & { forget: (userId: string) => Promise<void>; maxMessageChars: number };

/** Set by the bot for a turn whose person has chosen no language and whose client's locale is a guess (Teams in English). */
export const languageUnsureKey = Symbol('languageUnsure');

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

/**
 * Tells a group's leader something in their own language, in their personal chat. Best effort: the
 * person's action is done whether or not the leader can be reached right now.
 */
export async function tellLeader(deps: DialogDeps, group: Group, compose: (t: Translate) => string): Promise<void> {
  try {
    const target = await deps.conversations.personalTarget(group.leaderId);
    if (!('conversationId' in target)) return;
    const leader = await deps.users.get(group.leaderId);
    await deps.messenger.send(group.leaderId, target.conversationId, { text: compose(translator(leader?.locale ?? group.locale)) });
  } catch {
    // The sender logs its own failures; a notice that cannot go must not turn a done action into an error.
  }
}

/** A group chat (Teams group chat or a chat with isGroup), where only a few actions are open. */
export const isGroupChat = (context: TurnContext) => context.activity.conversation?.conversationType === 'groupChat' || context.activity.conversation?.isGroup === true;
