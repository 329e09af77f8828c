import { expect } from 'chai';
import type { OutcomeEntry } from '../../../src/domain/outcomes';
import { isDomainError } from '../../../src/domain/shared/errors';
import { asNextOf, versionOf } from '../../../src/domain/shared/version';
import { CosmosOutcomeRepository } from '../../../src/store/outcomes';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { freshStore } from '../../support/cosmos';

const at = '2026-11-25T10:00:00.000Z';
const groupId = 'g-outcomes';

/** The outcomes feature's stored `type` and `_etag` stay in src/store: the code sees domain documents and a version. */
describe('stored shape of outcome entries and the group dates (the store adds and removes it)', () => {
  let store: CosmosStore;
  let outcomes: CosmosOutcomeRepository;
  before(async () => {
    store = await freshStore('outcomeShape');
    outcomes = new CosmosOutcomeRepository(store.containers);
  });
  after(async () => store.close());

  const raw = async (id: string) => (await store.containers.groups.item(id, groupId).read()).resource as Record<string, unknown>;

  it("writes an entry with type 'outcome'; the code reads it without type and _etag", async () => {
    const entry: OutcomeEntry = { id: 'outcome:t:p1:e1', groupId, userId: 't:p1', entryId: 'e1', kind: 'looking', date: '2026-11-25', recordedBy: 't:leader', recordedAt: at };
    await outcomes.createEntry(entry);
    expect((await raw(entry.id)).type).to.equal('outcome');
    const [read] = await outcomes.listEntries(groupId);
    expect(JSON.parse(JSON.stringify(read))).to.deep.equal(entry);
  });

  it('replaces the dates only with the version they were read with: an older read is a CONFLICT', async () => {
    const dates = { id: 'outcomeDates' as const, groupId, startDate: '2026-09-01', endDate: '2026-12-31', updatedAt: at };
    await outcomes.saveDates(dates);
    const stored = await raw('outcomeDates');
    expect(stored.type).to.equal('outcomeDates');
    const first = (await outcomes.getDates(groupId))!;
    expect(versionOf(first)).to.equal(stored._etag);
    expect(first).to.not.have.property('type');
    await outcomes.saveDates(asNextOf(first, { ...dates, endDate: '2027-01-31' }));
    try {
      await outcomes.saveDates(asNextOf(first, { ...dates, endDate: '2027-02-28' }));
      expect.fail('dates replaced from a stale read');
    } catch (e) {
      expect(isDomainError(e, 'CONFLICT')).to.equal(true);
    }
    expect((await outcomes.getDates(groupId))?.endDate).to.equal('2027-01-31');
  });
});
