import { expect } from 'chai';
import type { Pause } from '../../../src/domain/reminders';
import { CosmosPauseRepository, CosmosReminderPrefsRepository } from '../../../src/store/reminders';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { InvalidStoredDocumentError } from '../../../src/store/shared/errors';
import { freshStore } from '../../support/cosmos';

const at = '2026-11-25T10:00:00.000Z';
const userId = 'msteams:s1';

/** The reminders feature's stored `type` and `_etag` stay in src/store: the code sees domain documents. */
describe('stored shape of reminder preferences and pauses (the store adds and removes it)', () => {
  let store: CosmosStore;
  before(async () => {
    store = await freshStore('reminderShape');
  });
  after(async () => store.close());

  const raw = async (id: string) => (await store.containers.users.item(id, userId).read()).resource as Record<string, unknown>;

  it("writes preferences as 'reminderPrefs' and a pause as 'pause' (current and history); the code reads neither type nor _etag", async () => {
    const prefs = { id: 'reminderPrefs' as const, userId, enabled: true, offsetsMinutes: [1440], quietHours: { start: '21:00', end: '08:00' }, updatedAt: at };
    await new CosmosReminderPrefsRepository(store.containers).save(prefs);
    expect((await raw('reminderPrefs')).type).to.equal('reminderPrefs');
    expect(JSON.parse(JSON.stringify(await new CosmosReminderPrefsRepository(store.containers).get(userId)))).to.deep.equal(prefs);

    const pauses = new CosmosPauseRepository(store.containers);
    const pause: Pause = { id: 'pause', userId, reason: 'ill', until: '2026-11-30', zone: 'Europe/Helsinki', createdAt: at };
    await pauses.save(pause);
    expect((await raw('pause')).type).to.equal('pause');
    expect((await raw(`pause:${at}`)).type).to.equal('pause');
    expect(JSON.parse(JSON.stringify(await pauses.current(userId)))).to.deep.equal(pause);
    expect((await pauses.history(userId)).map((p) => p.id)).to.deep.equal([`pause:${at}`]);
  });

  it('reads a document of another type under the pause id as invalid', async () => {
    await store.containers.users.items.upsert({ id: 'pause', userId, type: 'reminderPrefs', reason: 'ill', until: '2026-11-30', zone: 'Europe/Helsinki', createdAt: at });
    try {
      await new CosmosPauseRepository(store.containers).current(userId);
      expect.fail('a document of another type was read as a pause');
    } catch (e) {
      expect(e).to.be.instanceOf(InvalidStoredDocumentError);
    }
  });
});
