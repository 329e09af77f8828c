import { expect } from 'chai';
import { isDomainError } from '../../../src/domain/shared/errors';
import type { User } from '../../../src/domain/people/model';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { CosmosDialogStateStorage } from '../../../src/store/shared/dialogStateStorage';
import { InvalidStoredDocumentError } from '../../../src/store/shared/errors';
import { CosmosUserRepository } from '../../../src/store/people/repositories';
import { expectDomainError } from '../../support/expectDomainError';
import { freshStore } from '../../support/cosmos';
import { versionOf } from '../../../src/domain/shared/version';

const user = (userId: string): User => ({
  id: userId,
  userId,
  canLead: false,
  leadsGroupIds: [],
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
});

describe('store on the embedded Cosmos server', () => {
  let store: CosmosStore;
  let users: CosmosUserRepository;
  before(async () => {
    store = await freshStore('store');
    users = new CosmosUserRepository(store.containers);
  });
  after(async () => store.close());

  it('creates and reads a document back', async () => {
    const saved = await users.save({ ...user('msteams:a'), locale: 'sv' });
    expect(versionOf(saved)).to.be.a('string');
    const read = await users.get('msteams:a');
    expect(read?.locale).to.equal('sv');
    expect(await users.get('msteams:nobody')).to.equal(undefined);
  });

  it('surfaces a replace with a stale eTag as a conflict and keeps the newer write', async () => {
    const first = await users.save(user('msteams:b'));
    await users.save({ ...first, locale: 'fi' });
    try {
      await users.save({ ...first, locale: 'en' });
      expect.fail('stale write went through');
    } catch (e) {
      expect(isDomainError(e, 'CONFLICT')).to.equal(true);
    }
    expect((await users.get('msteams:b'))?.locale).to.equal('fi');
  });

  it('rejects a malformed stored document with a clear error', async () => {
    await store.containers.users.items.create({ id: 'msteams:c', userId: 'msteams:c', type: 'user', locale: 'de' });
    try {
      await users.get('msteams:c');
      expect.fail('malformed document was accepted');
    } catch (e) {
      expect(e).to.be.instanceOf(InvalidStoredDocumentError);
      expect((e as Error).message).to.contain('users/msteams:c').and.contain('locale');
    }
  });

  it('keeps dialog state with eTags: a stale write fails instead of overwriting', async () => {
    const storage = new CosmosDialogStateStorage(store.containers.botstate);
    const key = 'msteams/conversations/a:b/users/c?#/';
    await storage.write({ [key]: { stack: [1] } });
    const read = await storage.read([key]);
    const item = read[key] as { stack: number[]; eTag: string };
    expect(item.stack).to.deep.equal([1]);
    await storage.write({ [key]: { ...item, stack: [2] } });
    // A conflict, not just any failure: the turn must be told exactly that.
    await expectDomainError(storage.write({ [key]: { ...item, stack: [3] } }), 'CONFLICT');
    expect(((await storage.read([key]))[key] as { stack: number[] }).stack).to.deep.equal([2]);
    await storage.delete([key]);
    expect(await storage.read([key])).to.deep.equal({});
  });
});
