import { expect } from 'chai';
import type { StoredReference, User } from '../../../src/domain/people';
import { ConversationService } from '../../../src/services/people';
import { CosmosConversationRefRepository, CosmosUserRepository } from '../../../src/store/people';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { ManualClock } from '../../scheduler/support';
import { freshStore } from '../../support/cosmos';
import { versionOf } from '../../../src/domain/shared/version';

const at = '2026-11-25T10:00:00.000Z';
const reference = (serviceUrl: string): StoredReference => ({
  activityId: 'a1',
  channelId: 'msteams',
  serviceUrl,
  locale: 'fi',
  conversation: { id: 'personal-1', conversationType: 'personal', tenantId: 't1' },
  bot: { id: '28:bot' },
  user: { id: '29:u1' },
});

describe('conversation references: refreshed on a turn without reading them every time', () => {
  let store: CosmosStore;
  let users: CosmosUserRepository;
  let refs: CosmosConversationRefRepository;
  let service: ConversationService;
  const userId = 'msteams:u1';
  const profile = async () => (await users.get(userId)) as User;

  before(async () => {
    store = await freshStore('conversations');
    users = new CosmosUserRepository(store.containers);
    refs = new CosmosConversationRefRepository(store.containers);
    service = new ConversationService(refs, new ManualClock(at), users);
    await users.save({ id: userId, userId, canLead: false, leadsGroupIds: [], createdAt: at, updatedAt: at });
  });
  after(async () => store.close());

  it('stores the reference once, then leaves it alone while the profile remembers it; a new serviceUrl is stored again', async () => {
    await service.refresh(userId, 'personal', reference('https://smba.one/'), await profile());
    expect((await refs.get(userId, 'personal-1'))?.reference.serviceUrl).to.equal('https://smba.one/');
    const key = (await profile()).referenceKey;
    expect(key).to.be.a('string');

    // The same conversation with a new activity id: nothing changes, not even the profile.
    const before = await profile();
    await service.refresh(userId, 'personal', { ...reference('https://smba.one/'), activityId: 'a2' }, before);
    expect(versionOf(await profile())).to.equal(versionOf(before));

    await service.refresh(userId, 'personal', reference('https://smba.two/'), await profile());
    expect((await refs.get(userId, 'personal-1'))?.reference.serviceUrl).to.equal('https://smba.two/');
    expect((await profile()).referenceKey).to.not.equal(key);
  });

  it('stores the reference again on the next turn after a send found the conversation unreachable', async () => {
    await service.markUnreachable(userId, 'personal-1', 403, new Date(at));
    expect((await refs.get(userId, 'personal-1'))?.unreachable?.status).to.equal(403);
    expect((await profile()).referenceKey).to.equal(undefined);
    await service.refresh(userId, 'personal', reference('https://smba.two/'), await profile());
    expect((await refs.get(userId, 'personal-1'))?.unreachable).to.equal(undefined);
  });
});
