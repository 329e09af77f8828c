import { expect } from 'chai';
import type { Alert, GuidanceMessage } from '../../../src/domain/leader';
import { isDomainError } from '../../../src/domain/shared/errors';
import { versionOf } from '../../../src/domain/shared/version';
import { CosmosLeaderRepository, CosmosThreadRepository } from '../../../src/store/leader';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { freshStore } from '../../support/cosmos';

const at = '2026-12-01T07:00:00.000Z';
const groupId = 'g-leader';

/** The leader feature's stored `type` and `_etag` stay in src/store: the code sees domain documents and a version. */
describe('stored shape of alerts and guidance messages (the store adds and removes it)', () => {
  let store: CosmosStore;
  before(async () => {
    store = await freshStore('leaderShape');
  });
  after(async () => store.close());

  it("writes an alert as 'leaderAlert' and replaces it only with the version it was read with", async () => {
    const leader = new CosmosLeaderRepository(store.containers);
    const alert: Alert = { id: 'alert:t:p1:2026-12-01', groupId, userId: 't:p1', leaderId: 't:leader', day: '2026-12-01', reasons: [{ code: 'unreachable' }], createdAt: at };
    await leader.createAlert(alert);
    const stored = (await store.containers.groups.item(alert.id, groupId).read()).resource as Record<string, unknown>;
    expect(stored.type).to.equal('leaderAlert');
    const first = (await leader.getAlert(groupId, alert.id))!;
    expect(JSON.parse(JSON.stringify(first))).to.deep.equal(alert);
    expect(versionOf(first)).to.equal(stored._etag);
    await leader.replaceAlert({ ...first, feedback: { answer: 'handled', at } });
    try {
      await leader.replaceAlert({ ...first, feedback: { answer: 'not_useful', at } });
      expect.fail('an alert replaced from a stale read');
    } catch (e) {
      expect(isDomainError(e, 'CONFLICT')).to.equal(true);
    }
    expect((await leader.getAlert(groupId, alert.id))?.feedback?.answer).to.equal('handled');
  });

  it("keeps a guidance message as 'guidanceMessage'; another type under a message's id is no message", async () => {
    const threads = new CosmosThreadRepository(store.containers);
    const message: GuidanceMessage = { id: 'guidance:m1', userId: 't:p1', groupId, leaderId: 't:leader', from: 'leader', text: 'Hei!', createdAt: at, status: 'sending', attempt: 1 };
    const saved = await threads.create(message);
    expect(saved).to.not.have.property('type');
    expect(((await store.containers.users.item(message.id, message.userId).read()).resource as { type: string }).type).to.equal('guidanceMessage');
    await store.containers.users.items.create({ id: 'guidance:forged', userId: 't:p1', type: 'user' });
    expect(await threads.get('t:p1', 'guidance:forged')).to.equal(undefined);
    expect((await threads.get('t:p1', 'guidance:m1'))?.text).to.equal('Hei!');
  });
});
