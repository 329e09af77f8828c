import type { TurnContext } from 'botbuilder';
import { MessageFactory, CardFactory } from 'botbuilder';
import type { DomainError } from '../../src/domain/shared/errors';
import { isDomainError } from '../../src/domain/shared/errors';
import { locales, toLocale, type Locale } from '../../src/domain/shared/locale';
import { translator, type Translate } from '../../src/i18n';
import type { ConversationService } from '../../src/services/people';
import type { GroupService } from '../../src/services/groups';
import type { Clock } from '../../src/domain/shared/clock';
import type { Messenger } from '../../src/services/shared/ports';
import type { ReminderPrefsService } from '../../src/services/reminders';
import type { GuidanceService, LeaderWatchService } from '../../src/services/leader';
import type { MeetingAttendance, MeetingOverview, MeetingPlanning } from '../../src/services/meetings';
import type { UserService } from '../../src/services/people';
import type { CheckInFeature, PersonKeys } from '../../src/services/checkins';
import type { ProposalService, RoundService } from '../../src/services/activities';
import type { OutcomeService } from '../../src/services/outcomes';

/** What dialogs may use: services only, never the store. */
export interface DialogDeps {
  users: UserService;
  groups: GroupService;
  conversations: ConversationService;
  messenger: Messenger;
  /** Scheduling, moving, cancelling (and the jobs that speak later), snoozing a reminder. */
  meetings: MeetingPlanning;
  /** RSVPs and the attendance roster. */
  attendance: MeetingAttendance;
  /** What the leader and the participants see of the meetings. */
  overview: MeetingOverview;
  reminders: ReminderPrefsService;
  leader: LeaderWatchService;
  /** Private messages between a group's leader and one participant. */
  guidance: GuidanceService;
  activities: { proposals: ProposalService; rounds: RoundService };
  outcomes: OutcomeService;
  /** Forms need "today" in the person's zone (default dates, the earliest pause end). */
  clock: Clock;
  settings: { defaultLocale: Locale; defaultTimeZone: string; leaderSignupEnabled: boolean };
}

/** What the router and the dialogs it builds get: the dialog deps, forgetting a person, the message size limit. */
export type RouterDeps = DialogDeps & { forget: (person: PersonKeys) => Promise<void>; maxMessageChars: number; checkins: CheckInFeature };

/** Set by the bot for a turn whose person has chosen no language and whose client's locale is a guess (Teams in English). */
export const languageUnsureKey = Symbol('languageUnsure');

/** Where the bot and the router put DEFAULT_LOCALE for the turn. */
export const defaultLocaleKey = Symbol('defaultLocale');

/**
 * The bot sets activity.locale to the person's resolved language at the start of every turn; without
 * one, the configured DEFAULT_LOCALE the bot and the router put in the turn state.
 */
export const localeOf = (context: TurnContext): Locale => toLocale(context.activity.locale) ?? (context.turnState.get(defaultLocaleKey) as Locale | undefined) ?? locales[0];
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

/** A group chat (Teams group chat or a chat with isGroup), where only a few actions are open. */
export const isGroupChat = (context: TurnContext) => context.activity.conversation?.conversationType === 'groupChat' || context.activity.conversation?.isGroup === true;
