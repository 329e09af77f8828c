import { pauseHistoryId, pauseSchema, reminderPrefsSchema, type Pause, type ReminderPrefs } from '../../domain/reminders';
import type { PauseRepository, ReminderPrefsRepository } from '../../services/reminders';
import type { Containers } from '../shared/cosmosClient';
import { Documents } from '../shared/documents';

export class CosmosReminderPrefsRepository implements ReminderPrefsRepository {
  private readonly prefs: Documents<typeof reminderPrefsSchema>;
  constructor(containers: Containers) {
    this.prefs = new Documents(containers.users, reminderPrefsSchema);
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
    this.pauses = new Documents(containers.users, pauseSchema);
  }
  current(userId: string) {
    return this.pauses.read('pause', userId);
  }
  /** History first: a crash in between leaves the history complete and the current pause unchanged. */
  async save(pause: Pause) {
    const { _etag, ...body } = pause;
    await this.pauses.upsert({ ...body, id: pauseHistoryId(pause.createdAt) });
    await this.pauses.upsert({ ...body, id: 'pause' });
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
