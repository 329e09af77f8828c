import type { ConversationState, TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import type { DialogDeps } from '../../dialogs/shared/context';
import { ConcurrencySafeDialogState } from '../../src/bot/dialogState';
import { compose } from '../../src/composition';
import type { Locale } from '../../src/domain/shared/locale';
import type { Messenger } from '../../src/services/shared/ports';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { CosmosDialogStateStorage } from '../../src/store/shared/dialogStateStorage';
import type { CosmosJobRepository } from '../../src/store/shared/jobRepository';
import type { CosmosMeetingRepository } from '../../src/store/meetings';
import { ManualClock } from '../scheduler/support';
import { testConfig } from './testConfig';

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

/** The production composition over one fresh Cosmos database, with a clock the test moves by hand. */
export function dialogWorld(store: CosmosStore, startIso: string, leaderIds: string[] = ['test:leader'], messenger: Messenger = recordingMessenger()): DialogWorld {
  const clock = new ManualClock(startIso);
  const app = compose({ store, clock, config: testConfig({ LEADER_IDS: leaderIds.join(',') }), messenger: () => messenger });
  return { clock, jobs: app.repositories.jobs, meetingsRepo: app.repositories.meetings, deps: app.routerDeps };
}

/** The dialog state the running bot uses: its stack in Cosmos, saved with the eTag it was read with. */
export const productionDialogState = (store: CosmosStore) =>
  new ConcurrencySafeDialogState(new CosmosDialogStateStorage(store.containers.botstate)) as unknown as ConversationState;

/** A DialogTestClient speaking as `test:{userId}` in one language, with its dialog stack in Cosmos. */
export function dialogClient(store: CosmosStore, dialog: Dialog, userId: string, locale: Locale, options?: unknown): DialogTestClient {
  const setUser = {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      context.activity.from = { id: userId, name: userId };
      context.activity.locale = locale;
      await next();
    },
  };
  return new DialogTestClient('test', dialog, options, [setUser], productionDialogState(store));
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
