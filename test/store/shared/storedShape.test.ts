import { expect } from 'chai';
import type { Group } from '../../../src/domain/groups';
import type { User } from '../../../src/domain/people';
import { isDomainError } from '../../../src/domain/shared/errors';
import { versionOf } from '../../../src/domain/shared/version';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { InvalidStoredDocumentError } from '../../../src/store/shared/errors';
import { CosmosGroupRepository } from '../../../src/store/groups';
import { CosmosMeetingRepository } from '../../../src/store/meetings';
import { CosmosUserRepository } from '../../../src/store/people';
import { freshStore } from '../../support/cosmos';

const at = '2026-11-25T10:00:00.000Z';
const user: User = { id: 'msteams:s1', userId: 'msteams:s1', canLead: false, leadsGroupIds: [], createdAt: at, updatedAt: at };
const group: Group = {
  id: 'g-shape',
  groupId: 'g-shape',
  name: 'Kävelijät',
  timeZone: 'Europe/Helsinki',
  locale: 'fi',
  leaderId: 'msteams:leader',
  members: [],
  linkedChatIds: [],
  createdAt: at,
  updatedAt: at,
};

/** Cosmos' shapes (the stored `type`, `_etag`) stay in src/store: the code sees domain documents and an opaque version. */
describe('stored shape of people, groups and meetings (the store adds and removes it)', () => {
  let store: CosmosStore;
  before(async () => {
    store = await freshStore('storedShape');
  });
  after(async () => store.close());

  const raw = async (container: 'users' | 'groups', id: string, pk: string) => (await store.containers[container].item(id, pk).read()).resource as Record<string, unknown>;

  it('writes a user with its stored type; the code reads no type and no _etag, only a version', async () => {
    const users = new CosmosUserRepository(store.containers);
    const saved = await users.save(user);
    expect(Object.keys(saved)).to.not.include.members(['type', '_etag']);
    expect(JSON.parse(JSON.stringify(saved))).to.deep.equal(user);
    const stored = await raw('users', user.id, user.userId);
    expect(stored.type).to.equal('user');
    expect(versionOf(saved)).to.equal(stored._etag);
    const read = await users.get(user.userId);
    expect(read).to.not.have.property('type');
    expect(versionOf(read)).to.equal(stored._etag);
  });

  it('replaces a group only while its version is what is stored: a copy of an older read is a CONFLICT', async () => {
    const groups = new CosmosGroupRepository(store.containers);
    await groups.create(group);
    const first = (await groups.get(group.groupId))!;
    const second = (await groups.get(group.groupId))!;
    expect(first).to.not.have.property('type');
    await groups.replace({ ...first, name: 'Uudet kävelijät' });
    try {
      await groups.replace({ ...second, name: 'Vanha nimi' });
      expect.fail('a replace from a stale read went through');
    } catch (e) {
      expect(isDomainError(e, 'CONFLICT')).to.equal(true);
    }
    expect((await groups.get(group.groupId))?.name).to.equal('Uudet kävelijät');
    expect((await raw('groups', group.id, group.groupId)).type).to.equal('group');
    // A copy that lost its version (through JSON) is refused, not written over what is stored.
    const copied = JSON.parse(JSON.stringify(await groups.get(group.groupId))) as Group;
    try {
      await groups.replace({ ...copied, name: 'Kopio' });
      expect.fail('a replace without a version went through');
    } catch (e) {
      expect((e as Error).message).to.contain('without the version');
    }
    expect((await groups.get(group.groupId))?.name).to.equal('Uudet kävelijät');
  });

  it("writes an RSVP with type 'rsvp', and reads a document of another type under its id as invalid", async () => {
    const meetings = new CosmosMeetingRepository(store.containers);
    const rsvp = { id: 'rsvp:session:m1:msteams:s1', groupId: 'g-shape', meetingId: 'session:m1', userId: 'msteams:s1', answer: 'maybe' as const, answeredAt: at };
    const saved = await meetings.putRsvp(rsvp);
    expect(JSON.parse(JSON.stringify(saved))).to.deep.equal(rsvp);
    expect((await raw('groups', rsvp.id, 'g-shape')).type).to.equal('rsvp');

    await store.containers.groups.items.create({ ...rsvp, id: 'rsvp:session:m1:msteams:s2', userId: 'msteams:s2', sessionId: 'session:m1', type: 'attendance' });
    try {
      await meetings.getRsvp('g-shape', 'session:m1', 'msteams:s2');
      expect.fail('a document of another type was read as an RSVP');
    } catch (e) {
      expect(e).to.be.instanceOf(InvalidStoredDocumentError);
      expect((e as Error).message).to.contain('type');
    }
  });
});
