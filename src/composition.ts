import type { RouterDeps } from '../dialogs/shared/context';
import { reflectionPromptMessage, meetingMessageRenderer } from './cards/meetings';
import type { Config } from './config';
import type { Clock } from './domain/shared/clock';
import { meetingJobHandlers, type MeetingJobDeps } from './scheduler/handlers';
import type { JobHandlers } from './scheduler/jobs';
import { MessengerReflectionPrompter } from './scheduler/reflectionPrompter';
import { GroupService } from './services/groups';
import { MeetingService, type ReflectionPrompter, type ReminderRenderer } from './services/meetings';
import { CodeAttemptGuard, ConversationService, forgetUser, UserService, type ConversationRefRepository, type ReferenceBook } from './services/people';
import { ReminderPrefsService } from './services/reminders';
import type { Messenger } from './services/shared/ports';
import { CosmosGroupRepository } from './store/groups';
import { CosmosMeetingRepository } from './store/meetings';
import { CosmosCodeAttemptRepository, CosmosConversationRefRepository, CosmosUserRepository } from './store/people';
import { CosmosPauseRepository, CosmosRecipientRepository, CosmosReminderPrefsRepository } from './store/reminders';
import type { CosmosStore } from './store/shared/cosmosClient';
import { inTurn, type TurnScope } from './store/shared/turnCache';
import { CosmosJobRepository } from './store/shared/jobRepository';

export type CompositionConfig = Pick<
  Config,
  'localMode' | 'leaderIds' | 'leaderSignupCode' | 'maxParticipants' | 'inviteTtlDays' | 'defaultLocale' | 'defaultTimeZone' | 'maxMessageChars' | 'scheduler'
>;

export interface CompositionInput {
  store: CosmosStore;
  clock: Clock;
  config: CompositionConfig;
  /** What sends on the bot's own: the bot's ProactiveSender in the app (it needs the adapter), a recorder in tests. */
  messenger: (references: ReferenceBook) => Messenger;
  /** The words of proactive messages; the cards' renderer unless a test wants plain text. */
  renderer?: ReminderRenderer;
  prompter?: (refs: ConversationRefRepository, messenger: Messenger) => ReflectionPrompter;
}

export interface Composition {
  repositories: ReturnType<typeof repositoriesOf>;
  services: { users: UserService; groups: GroupService; conversations: ConversationService; meetings: MeetingService; reminders: ReminderPrefsService };
  messenger: Messenger;
  /** What the router and its dialogs get. */
  routerDeps: RouterDeps;
  /** What the scheduler's handlers get, and the handlers by job kind. */
  handlerDeps: MeetingJobDeps;
  jobHandlers: JobHandlers;
  /** Runs one turn so that it reads each document once (the bot wraps every turn in it). */
  inTurn: TurnScope;
}

const repositoriesOf = (store: CosmosStore) => ({
  users: new CosmosUserRepository(store.containers),
  groups: new CosmosGroupRepository(store.containers),
  refs: new CosmosConversationRefRepository(store.containers),
  codeAttempts: new CosmosCodeAttemptRepository(store.containers),
  jobs: new CosmosJobRepository(store.containers),
  meetings: new CosmosMeetingRepository(store.containers),
  prefs: new CosmosReminderPrefsRepository(store.containers),
  pauses: new CosmosPauseRepository(store.containers),
  recipients: new CosmosRecipientRepository(store.containers),
});

/**
 * The one place that turns a store, a clock and the config into repositories, services, the dialogs'
 * deps and the scheduler's handlers. src/index.ts and the tests both build the app with it.
 */
export function compose({ store, clock, config, messenger: makeMessenger, renderer, prompter }: CompositionInput): Composition {
  const repositories = repositoriesOf(store);
  const { users: userRepo, groups: groupRepo, refs, jobs, prefs, pauses } = repositories;
  const guard = new CodeAttemptGuard(repositories.codeAttempts, clock);
  const users = new UserService(userRepo, guard, { anyoneMayLead: config.localMode, leaderIds: config.leaderIds, signupCode: config.leaderSignupCode }, clock);
  const groups = new GroupService(groupRepo, users, guard, config, clock);
  const conversations = new ConversationService(refs, clock, userRepo);
  const meetings = new MeetingService({ groups: groupRepo, meetings: repositories.meetings, jobs, prefs, users: userRepo }, clock, {
    reflectAfterMinutes: config.scheduler.reflectAfterMinutes,
  });
  const reminders = new ReminderPrefsService({ prefs, pauses, users: userRepo, groups: groupRepo, meetings }, clock, config.defaultTimeZone);
  const messenger = makeMessenger(conversations);

  const routerDeps: RouterDeps = {
    users,
    groups,
    conversations,
    messenger,
    meetings,
    reminders,
    clock,
    settings: { defaultLocale: config.defaultLocale, defaultTimeZone: config.defaultTimeZone, leaderSignupEnabled: Boolean(config.leaderSignupCode) },
    forget: (userId) => forgetUser(userId, groups, userRepo),
    maxMessageChars: config.maxMessageChars,
  };
  const handlerDeps: MeetingJobDeps = {
    meetings: repositories.meetings,
    recipients: repositories.recipients,
    messenger,
    renderer: renderer ?? meetingMessageRenderer,
    prompter: prompter?.(refs, messenger) ?? new MessengerReflectionPrompter({ refs, messenger, render: reflectionPromptMessage }),
    defaultLocale: config.defaultLocale,
  };
  return {
    repositories,
    services: { users, groups, conversations, meetings, reminders },
    messenger,
    routerDeps,
    handlerDeps,
    jobHandlers: meetingJobHandlers(handlerDeps),
    inTurn,
  };
}
