import { pauseHistoryId, pauseSchema, reminderPrefsSchema, type Pause, type ReminderPrefs } from '../../domain/reminders';
import type { PauseRepository, ReminderPrefsRepository } from '../../services/reminders';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';

/** How the reminders feature's documents are stored in `users`: the domain schema and its stored type. */
export const reminderDocuments = (containers: Containers) => ({
  reminderPrefs: new Documents(containers.users, reminderPrefsSchema, 'reminderPrefs'),
  pause: new Documents(containers.users, pauseSchema, 'pause'),
});

export class CosmosReminderPrefsRepository implements ReminderPrefsRepository {
  private readonly prefs: Documents<typeof reminderPrefsSchema>;
  constructor(containers: Containers) {
    this.prefs = reminderDocuments(containers).reminderPrefs;
  }
  get(userId: string) {
    return this.prefs.read('reminderPrefs', userId);
  }
  /** The person's own settings: last write wins. */
  save(prefs: ReminderPrefs) {
    return this.prefs.upsert(prefs);
  }
}

export class CosmosPauseRepository implements PauseRepository {
  private readonly pauses: Documents<typeof pauseSchema>;
  constructor(containers: Containers) {
    this.pauses = reminderDocuments(containers).pause;
  }
  current(userId: string) {
    return this.pauses.read('pause', userId);
  }
  /** History first: a crash in between leaves the history complete and the current pause unchanged. */
  async save(pause: Pause) {
    await this.pauses.upsert({ ...pause, id: pauseHistoryId(pause.createdAt) });
    await this.pauses.upsert({ ...pause, id: 'pause' });
  }
  history(userId: string) {
    return this.pauses.query(
      {
        query: "SELECT * FROM c WHERE c.userId = @userId AND c.type = 'pause' AND c.id != 'pause' ORDER BY c.createdAt",
        parameters: [{ name: '@userId', value: userId }],
      },
      userId,
    );
  }
}
