import { ConversationState, type TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import type { DialogDeps } from '../../dialogs/shared/context';
import type { Locale } from '../../src/domain/shared/locale';
import { CodeAttemptGuard } from '../../src/services/people/codeAttempts';
import { ConversationService } from '../../src/services/people/conversations';
import { GroupService } from '../../src/services/groups/groups';
import type { Messenger } from '../../src/services/shared/ports';
import { ReminderPrefsService } from '../../src/services/reminders/reminderPrefs';
import { MeetingService } from '../../src/services/meetings/meetings';
import { UserService } from '../../src/services/people/users';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { CosmosDialogStateStorage } from '../../src/store/shared/dialogStateStorage';
import { CosmosJobRepository } from '../../src/store/shared/jobRepository';
import { CosmosCodeAttemptRepository, CosmosConversationRefRepository, CosmosUserRepository } from '../../src/store/people/repositories';
import { CosmosGroupRepository } from '../../src/store/groups/repositories';
import { CosmosPauseRepository, CosmosReminderPrefsRepository } from '../../src/store/reminders/repositories';
import { CosmosMeetingRepository } from '../../src/store/meetings/meetingRepository';
import { ManualClock } from '../scheduler/support';

export interface DialogWorld {
  deps: DialogDeps;
  clock: ManualClock;
  jobs: CosmosJobRepository;
  meetingsRepo: CosmosMeetingRepository;
}

/** Teams is what leaves the machine; in dialog tests a send is only recorded. */
export const recordingMessenger = (): Messenger & { sent: Array<{ ownerId: string; text?: string }> } => {
  const sent: Array<{ ownerId: string; text?: string }> = [];
  return { sent, send: async (ownerId, _conversationId, message) => (sent.push({ ownerId, text: message.text }), { kind: 'sent' }) };
};

/** The production services over one fresh Cosmos database, with a clock the test moves by hand. */
export function dialogWorld(store: CosmosStore, startIso: string, leaderIds: string[] = ['test:leader'], messenger: Messenger = recordingMessenger()): DialogWorld {
  const clock = new ManualClock(startIso);
  const guard = new CodeAttemptGuard(new CosmosCodeAttemptRepository(store.containers), clock);
  const userRepo = new CosmosUserRepository(store.containers);
  const groupRepo = new CosmosGroupRepository(store.containers);
  const users = new UserService(userRepo, guard, { anyoneMayLead: false, leaderIds }, clock);
  const groups = new GroupService(groupRepo, users, guard, { maxParticipants: 4, inviteTtlDays: 14 }, clock);
  const jobs = new CosmosJobRepository(store.containers);
  const meetingsRepo = new CosmosMeetingRepository(store.containers);
  const prefsRepo = new CosmosReminderPrefsRepository(store.containers);
  const meetings = new MeetingService({ groups: groupRepo, meetings: meetingsRepo, jobs, prefs: prefsRepo, users: userRepo }, clock);
  const reminders = new ReminderPrefsService(
    { prefs: prefsRepo, pauses: new CosmosPauseRepository(store.containers), users: userRepo, groups: groupRepo, meetings },
    clock,
    'Europe/Helsinki',
  );
  return {
    clock,
    jobs,
    meetingsRepo,
    deps: {
      users,
      groups,
      conversations: new ConversationService(new CosmosConversationRefRepository(store.containers), clock),
      messenger,
      meetings,
      reminders,
      clock,
      settings: { defaultLocale: 'fi', defaultTimeZone: 'Europe/Helsinki', leaderSignupEnabled: false },
    },
  };
}

/** A DialogTestClient speaking as `test:{userId}` in one language, with its dialog stack in Cosmos. */
export function dialogClient(store: CosmosStore, dialog: Dialog, userId: string, locale: Locale, options?: unknown): DialogTestClient {
  const setUser = {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      context.activity.from = { id: userId, name: userId };
      context.activity.locale = locale;
      await next();
    },
  };
  return new DialogTestClient('test', dialog, options, [setUser], new ConversationState(new CosmosDialogStateStorage(store.containers.botstate)));
}

/** A group led by `leaderId` with consenting, named participants: the starting point of meeting dialogs. */
export async function groupWithMembers(deps: DialogDeps, leaderId: string, name: string, memberIds: string[], locale: Locale = 'fi') {
  const { group, invite } = await deps.groups.createGroup(leaderId, { name, timeZone: 'Europe/Helsinki', locale });
  for (const [i, userId] of memberIds.entries()) {
    await deps.users.setLocale(userId, locale);
    await deps.users.giveConsent(userId, `Member ${i + 1}`);
    await deps.groups.joinGroup(userId, invite.code);
  }
  return deps.groups.ledGroup(leaderId, group.groupId);
}
