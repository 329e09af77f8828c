import { expect } from 'chai';
import type { Storage, StoreItem } from 'botbuilder';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { CosmosDialogStateStorage } from '../../../src/store/shared/dialogStateStorage';
import { freshStore } from '../../support/cosmos';
import { expectDomainError } from '../../support/expectDomainError';

/**
 * The Storage contract, in the style of botbuilder-js storageBaseTests (read unknown, create, read
 * back with eTag, update, eTag '*', stale eTag, create over an existing item, batches, delete,
 * awkward keys), with this storage's one difference: a conflict is CONFLICT, and an item without an
 * eTag is created, never overwriting (storageBaseTests lets a write without eTag overwrite).
 */
function storageContract(name: string, make: (store: CosmosStore) => Storage) {
  describe(`${name}: the botbuilder Storage contract`, () => {
    let store: CosmosStore;
    let storage: Storage;
    beforeEach(async () => {
      store = await freshStore('storage-contract');
      storage = make(store);
    });
    afterEach(async () => store.close());

    const one = async (key: string) => (await storage.read([key]))[key] as (StoreItem & Record<string, unknown>) | undefined;

    it('reads an unknown key as absent, not as an error', async () => {
      expect(await storage.read(['nope'])).to.deep.equal({});
      expect(await storage.read([])).to.deep.equal({});
    });

    it('creates an item and reads it back, nested values intact, with an eTag', async () => {
      await storage.write({ createKey: { id: 1, nested: { list: [1, 'two', { three: true }], text: 'å ä ö' } } });
      const read = await one('createKey');
      expect(read).to.deep.include({ id: 1, nested: { list: [1, 'two', { three: true }], text: 'å ä ö' } });
      expect(read?.eTag).to.be.a('string').and.not.equal('');
    });

    it('reads and writes several keys in one call', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 2 }, c: { n: 3 } });
      const read = await storage.read(['a', 'b', 'missing', 'c']);
      expect(Object.keys(read).sort()).to.deep.equal(['a', 'b', 'c']);
      expect([read.a, read.b, read.c].map((i) => (i as { n: number }).n)).to.deep.equal([1, 2, 3]);
    });

    it('updates with the current eTag and gives the item its new eTag', async () => {
      await storage.write({ k: { v: 1 } });
      const first = (await one('k'))!;
      const item = { ...first, v: 2 };
      await storage.write({ k: item });
      expect(item.eTag).to.be.a('string').and.not.equal(first.eTag);
      expect((await one('k'))?.v).to.equal(2);
      await storage.write({ k: { ...item, v: 3 } });
      expect((await one('k'))?.v).to.equal(3);
    });

    it("refuses a stale eTag with CONFLICT and keeps the newer item", async () => {
      await storage.write({ k: { v: 1 } });
      const stale = (await one('k'))!;
      await storage.write({ k: { ...stale, v: 2 } });
      await expectDomainError(storage.write({ k: { ...stale, v: 3 } }), 'CONFLICT');
      expect((await one('k'))?.v).to.equal(2);
    });

    it('creates without an eTag only once: a second create is CONFLICT', async () => {
      await storage.write({ k: { v: 1 } });
      await expectDomainError(storage.write({ k: { v: 9 } }), 'CONFLICT');
      expect((await one('k'))?.v).to.equal(1);
    });

    it("overwrites with eTag '*' whatever is stored (what botbuilder's BotState sends)", async () => {
      await storage.write({ k: { v: 1 } });
      await storage.write({ k: { v: 2, eTag: '*' } });
      await storage.write({ fresh: { v: 5, eTag: '*' } });
      expect((await one('k'))?.v).to.equal(2);
      expect((await one('fresh'))?.v).to.equal(5);
    });

    it('deletes, and deleting what is not there is no error', async () => {
      await storage.write({ k: { v: 1 }, keep: { v: 2 } });
      await storage.delete(['k', 'never-there']);
      expect(Object.keys(await storage.read(['k', 'keep']))).to.deep.equal(['keep']);
      await storage.delete([]);
    });

    it('keeps keys Cosmos ids could not hold: / \\ ? # and 400 characters', async () => {
      const keys = ['msteams/conversations/a:b/users/c', 'back\\slash', 'what?', 'hash#tag', 'x'.repeat(400)];
      await storage.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
      const read = await storage.read(keys);
      expect(keys.map((k) => (read[k] as { i: number } | undefined)?.i)).to.deep.equal([0, 1, 2, 3, 4]);
    });
  });
}

storageContract('CosmosDialogStateStorage', (store) => new CosmosDialogStateStorage(store.containers.botstate));
