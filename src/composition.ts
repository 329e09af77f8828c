import type { RouterDeps } from '../dialogs/shared/context';
import { reflectionPromptMessage, meetingMessageRenderer } from './cards/meetings';
import type { Config } from './config';
import type { Clock } from './domain/shared/clock';
import { groupJobHandlers, meetingJobHandlers, type MeetingJobDeps } from './scheduler/handlers';
import { leaderNoticeRenderer } from './cards/groups';
import type { JobHandler, JobHandlers } from './scheduler/jobs';
import { MessengerReflectionPrompter } from './scheduler/reflectionPrompter';
import { alertRenderer } from './cards/leader';
import { meetingJobKinds } from './domain/meetings';
import { leaderJobKinds, watchSettingsSchema } from './domain/leader';
import { leaderJobHandlers } from './scheduler/handlers/leader';
import { LeaderWatchService, MeetingSignals, ReachabilitySignals, VoteSignals, type AlertRenderer } from './services/leader';
// ---- the leader's digest and the check-ins signal (issue 14)
import { digestRenderer } from './cards/leader';
import { alsoPlanDigest, digestJobHandlers } from './scheduler/handlers/digest';
import { CheckInSignals, DigestService, DigestViewBuilder } from './services/leader';
import { CosmosDigestSettingsRepository } from './store/leader';
import { CosmosLeaderRepository } from './store/leader';
// ---- private guidance (issue 14, item 3)
import { guidanceRenderer } from './cards/leader';
import { GuidanceService } from './services/leader';
import { CosmosThreadRepository } from './store/leader';
import { guidanceJobHandlers } from './scheduler/handlers/guidance';
import { GroupService } from './services/groups';
import { MeetingAttendance, MeetingOverview, MeetingPlanning, type ReflectionPrompter, type ReminderRenderer } from './services/meetings';
import { CodeAttemptGuard, ConversationService, UserService, type ConversationRefRepository, type ReferenceBook } from './services/people';
import { ReminderPrefsService } from './services/reminders';
import type { Messenger } from './services/shared/ports';
import { CosmosGroupRepository } from './store/groups';
import { CosmosMeetingRepository } from './store/meetings';
import { CosmosCodeAttemptRepository, CosmosConversationRefRepository, CosmosUserRepository } from './store/people';
import { CosmosPauseRepository, CosmosRecipientRepository, CosmosReminderPrefsRepository } from './store/reminders';
import type { CosmosStore } from './store/shared/cosmosClient';
import { inTurn, type TurnScope } from './store/shared/turnCache';
import { roundMessageRenderer } from './cards/activities';
import { activityJobHandlers } from './scheduler/handlers/activities';
import { ProposalService, RoundService } from './services/activities';
import { CosmosActivityRepository } from './store/activities';
import { CosmosJobRepository } from './store/shared/jobRepository';
// ---- check-ins (issue 12)
import { checkInMessages } from './cards/checkins';
import { distressPhrases } from './i18n/safety';
import { checkInJobHandlers } from './scheduler/handlers/checkins';
import { CheckInService, MyDataService, SafetyService, type CheckInFeature } from './services/checkins';
import { CosmosCheckInRepository, CosmosPersonalDataStore } from './store/checkins';
import { OutcomeService } from './services/outcomes';
import { followUpReminderMessage } from './cards/outcomes';
import { outcomeJobHandlers } from './scheduler/handlers/outcomes';
import { CosmosOutcomeRepository, CosmosPendingFileRepository, CosmosReportSources } from './store/outcomes';

export type CompositionConfig = Pick<
  Config,
  'localMode' | 'leaderIds' | 'reportReaders' | 'leaderSignupCode' | 'maxParticipants' | 'inviteTtlDays' | 'defaultLocale' | 'defaultTimeZone' | 'maxMessageChars' | 'scheduler' | 'retention' | 'checkins' | 'leaderWatch'
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
  /** The leader's alert card; the cards' renderer unless a test wants plain text. */
  alertRenderer?: AlertRenderer;
}

export interface Composition {
  repositories: ReturnType<typeof repositoriesOf>;
  services: {
    users: UserService;
    groups: GroupService;
    conversations: ConversationService;
    meetings: MeetingPlanning;
    attendance: MeetingAttendance;
    overview: MeetingOverview;
    reminders: ReminderPrefsService;
    proposals: ProposalService;
    rounds: RoundService;
    checkins: CheckInFeature;
    leader: LeaderWatchService;
    guidance: GuidanceService;
    outcomes: OutcomeService;
    digest: DigestService;
  };
  messenger: Messenger;
  /** What the router and its dialogs get. */
  routerDeps: RouterDeps;
  /** What the scheduler's handlers get, and the handlers by job kind. */
  handlerDeps: MeetingJobDeps;
  jobHandlers: JobHandlers;
  /** Runs one turn so that it reads each document once (the bot wraps every turn in it). */
  inTurn: TurnScope;
}

const repositoriesOf = (store: CosmosStore, retention: CompositionConfig['retention'], checkInTtlDays: number) => ({
  users: new CosmosUserRepository(store.containers),
  groups: new CosmosGroupRepository(store.containers),
  refs: new CosmosConversationRefRepository(store.containers),
  codeAttempts: new CosmosCodeAttemptRepository(store.containers),
  jobs: new CosmosJobRepository(store.containers, retention.finishedJobDays * 86_400),
  meetings: new CosmosMeetingRepository(store.containers),
  prefs: new CosmosReminderPrefsRepository(store.containers),
  pauses: new CosmosPauseRepository(store.containers),
  recipients: new CosmosRecipientRepository(store.containers),
  activities: new CosmosActivityRepository(store.containers),
  checkIns: new CosmosCheckInRepository(store.containers, checkInTtlDays),
  personalData: new CosmosPersonalDataStore(store.containers),
  leader: new CosmosLeaderRepository(store.containers),
  threads: new CosmosThreadRepository(store.containers),
  outcomes: new CosmosOutcomeRepository(store.containers),
  digestSettings: new CosmosDigestSettingsRepository(store.containers),
  reportSources: new CosmosReportSources(store.containers),
  pendingFiles: new CosmosPendingFileRepository(store.containers),
});

/**
 * The one place that turns a store, a clock and the config into repositories, services, the dialogs'
 * deps and the scheduler's handlers. src/index.ts and the tests both build the app with it.
 */
export function compose({ store, clock, config, messenger: makeMessenger, renderer, prompter, alertRenderer: alerts }: CompositionInput): Composition {
  const repositories = repositoriesOf(store, config.retention, config.checkins.ttlDays);
  const { users: userRepo, groups: groupRepo, refs, jobs, prefs, pauses } = repositories;
  const guard = new CodeAttemptGuard(repositories.codeAttempts, clock);
  const users = new UserService(userRepo, guard, { anyoneMayLead: config.localMode, leaderIds: config.leaderIds, signupCode: config.leaderSignupCode }, clock);
  const groups = new GroupService(groupRepo, users, guard, config, clock, jobs);
  const conversations = new ConversationService(refs, clock, userRepo, jobs);
  const meetingDeps = { groups: groupRepo, meetings: repositories.meetings, jobs, prefs, users: userRepo };
  const meetings = new MeetingPlanning(meetingDeps, clock, { reflectAfterMinutes: config.scheduler.reflectAfterMinutes });
  const attendance = new MeetingAttendance(meetingDeps, clock);
  const overview = new MeetingOverview(meetingDeps, clock);
  const reminders = new ReminderPrefsService({ prefs, pauses, users: userRepo, groups: groupRepo, meetings, jobs }, clock, config.defaultTimeZone);
  const messenger = makeMessenger(conversations);
  const rounds = new RoundService({ groups: groupRepo, users: userRepo, store: repositories.activities, jobs, refs }, clock);
  const outcomes = new OutcomeService(
    { groups: groupRepo, store: repositories.outcomes, jobs, groupsLedBy: (id) => groups.groupsLedBy(id), sources: repositories.reportSources, pendingFiles: repositories.pendingFiles, readers: config.reportReaders },
    clock,
  );
  const proposals = new ProposalService({ groups: groupRepo, users: userRepo, store: repositories.activities }, rounds, clock);
  const checkins: CheckInFeature = {
    checkIns: new CheckInService({ checkIns: repositories.checkIns, users: userRepo, groups: groupRepo, jobs }, clock, { defaultTimeZone: config.defaultTimeZone }),
    safety: new SafetyService({ users: userRepo, groups: groupRepo, jobs }, clock),
    myData: new MyDataService({ store: repositories.personalData, groups, users: userRepo }, clock),
    numbers: config.checkins.safety,
    distressPhrases,
  };
  const happenings = [new MeetingSignals({ meetings: repositories.meetings, jobs }), new VoteSignals(repositories.activities)];
  const leader = new LeaderWatchService(
    { groups: groupRepo, pauses, leader: repositories.leader, jobs, sources: [...happenings, new CheckInSignals(repositories.checkIns), new ReachabilitySignals(refs)] },
    clock,
    watchSettingsSchema.parse(config.leaderWatch),
  );
  const view = new DigestViewBuilder({ meetings: repositories.meetings, activities: repositories.activities, checkIns: repositories.checkIns, refs, leader: repositories.leader, sources: happenings });
  const digest = new DigestService(
    { users: userRepo, groups: groupRepo, meetings: repositories.meetings, settings: repositories.digestSettings, jobs, view },
    clock,
    { timeZone: config.defaultTimeZone, locale: config.defaultLocale },
  );
  const guidance = new GuidanceService(
    { groups: groupRepo, users: userRepo, refs, threads: repositories.threads, prefs: repositories.prefs, jobs, messenger, renderer: guidanceRenderer, defaultLocale: config.defaultLocale },
    clock,
  );

  const routerDeps: RouterDeps = {
    users,
    groups,
    conversations,
    messenger,
    meetings,
    attendance,
    overview,
    reminders,
    leader,
    digest,
    guidance,
    activities: { proposals, rounds },
    outcomes,
    clock,
    settings: { defaultLocale: config.defaultLocale, defaultTimeZone: config.defaultTimeZone, leaderSignupEnabled: Boolean(config.leaderSignupCode) },
    forget: async (person) => {
      await checkins.myData.erase(person);
      await leader.forget(person.userId);
      // A leader's threads stay with the participants, without the leader's id (README, Leader's side).
      await guidance.forget(person.userId);
    },
    checkins,
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
  const meetingHandlers = meetingJobHandlers(handlerDeps);
  const attendanceJob = meetingHandlers[meetingJobKinds.attendance]!;
  const jobHandlers: Record<string, JobHandler> = {
    ...meetingHandlers,
    // Every meeting's end also keeps its group's early warning planned (one evaluation job per group and day).
    [meetingJobKinds.attendance]: async (...args: Parameters<typeof attendanceJob>) => {
      const result = await attendanceJob(...args);
      await leader.ensureWatch(args[0].groupId, args[1].now);
      return result;
    },
    ...leaderJobHandlers({ watch: leader, users: userRepo, prefs, refs, messenger, renderer: alerts ?? alertRenderer, defaultLocale: config.defaultLocale }),
  };
  // A meeting scheduled, moved or cancelled (its notice), and every day's evaluation, keep the leader's next digest planned.
  for (const kind of [meetingJobKinds.notify, leaderJobKinds.watch]) jobHandlers[kind] = alsoPlanDigest(digest, jobHandlers[kind]!);
  // A participant joining or leaving (the leader's notice) plans it too, so a group without meetings yet gets one.
  const groupHandlers: Record<string, JobHandler> = groupJobHandlers({ ...handlerDeps, groups: groupRepo, users: userRepo, noticeRenderer: leaderNoticeRenderer });
  for (const kind of Object.keys(groupHandlers)) groupHandlers[kind] = alsoPlanDigest(digest, groupHandlers[kind]!);
  return {
    repositories,
    services: { users, groups, conversations, meetings, attendance, overview, reminders, proposals, rounds, checkins, leader, guidance, outcomes, digest },
    messenger,
    routerDeps,
    handlerDeps,
    jobHandlers: {
      ...jobHandlers,
      ...groupHandlers,
      ...guidanceJobHandlers(guidance),
      ...outcomeJobHandlers({ groups: groupRepo, users: userRepo, refs, outcomes, messenger, render: followUpReminderMessage }),
      ...activityJobHandlers({ groups: groupRepo, users: userRepo, refs, rounds, messenger, renderer: roundMessageRenderer, defaultLocale: config.defaultLocale }),
      ...digestJobHandlers({ digest, refs, messenger, renderer: digestRenderer }),
      ...checkInJobHandlers({ checkIns: repositories.checkIns, users: userRepo, groups: groupRepo, refs, messenger, jobs, messages: checkInMessages, defaultLocale: config.defaultLocale }),
    },
    inTurn,
  };
}
