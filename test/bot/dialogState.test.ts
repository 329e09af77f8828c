import { expect } from 'chai';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { ConcurrencySafeDialogState } from '../../src/bot/dialogState';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { CosmosDialogStateStorage } from '../../src/store/shared/dialogStateStorage';
import { freshStore } from '../support/cosmos';
import { expectDomainError } from '../support/expectDomainError';

let turns = 0;
/** A turn of one person in one conversation: what a request to /api/messages becomes. */
const turnOf = (user = 'u1') =>
  new TurnContext(new TestAdapter(), {
    type: 'message',
    id: `a${++turns}`,
    channelId: 'msteams',
    conversation: { id: 'conv-1' },
    from: { id: user },
    recipient: { id: 'bot' },
  } as Partial<Activity>);

describe('dialog stack state with eTags on the embedded Cosmos server', () => {
  let store: CosmosStore;
  let state: ConcurrencySafeDialogState;

  beforeEach(async () => {
    store = await freshStore('dialogstate');
    state = new ConcurrencySafeDialogState(new CosmosDialogStateStorage(store.containers.botstate));
  });
  afterEach(async () => store.close());

  const stackOf = async (user = 'u1') => {
    const context = turnOf(user);
    return state.createProperty<{ step: number }>('stack').get(context);
  };

  it('lets the first of two racing turns save and fails the second with CONFLICT, keeping the first', async () => {
    const property = state.createProperty<{ step: number }>('stack');
    const setup = turnOf();
    await property.set(setup, { step: 1 });
    await state.saveChanges(setup);

    const [a, b] = [turnOf(), turnOf()];
    expect(await property.get(a)).to.deep.equal({ step: 1 });
    expect(await property.get(b)).to.deep.equal({ step: 1 });
    await property.set(a, { step: 2 });
    await property.set(b, { step: 3 });
    await state.saveChanges(a);
    await expectDomainError(state.saveChanges(b), 'CONFLICT');
    expect(await stackOf()).to.deep.equal({ step: 2 });
  });

  it('creates on the first save: two first turns racing cannot both win', async () => {
    const property = state.createProperty<{ step: number }>('stack');
    const [a, b] = [turnOf('u2'), turnOf('u2')];
    await property.get(a);
    await property.get(b);
    await property.set(a, { step: 1 });
    await property.set(b, { step: 9 });
    await state.saveChanges(a);
    await expectDomainError(state.saveChanges(b), 'CONFLICT');
    expect(await stackOf('u2')).to.deep.equal({ step: 1 });
  });

  it('stays conditional across saves within one turn', async () => {
    const property = state.createProperty<{ step: number }>('stack');
    const context = turnOf('u3');
    await property.set(context, { step: 1 });
    await state.saveChanges(context);
    await property.set(context, { step: 2 });
    await state.saveChanges(context);
    expect(await stackOf('u3')).to.deep.equal({ step: 2 });
  });

  it('writes nothing when nothing changed: the stored document keeps its eTag', async () => {
    const property = state.createProperty<{ step: number }>('stack');
    const first = turnOf('u5');
    await property.set(first, { step: 1 });
    await state.saveChanges(first);
    const stored = async () => (await store.containers.botstate.items.query('SELECT c._etag FROM c').fetchAll()).resources;
    const before = await stored();
    expect(before).to.have.length(1);
    // A turn that reads the stack and changes nothing, saving twice (as the bot and a dialog may).
    const reading = turnOf('u5');
    expect(await property.get(reading)).to.deep.equal({ step: 1 });
    await state.saveChanges(reading);
    await state.saveChanges(reading);
    // And one that sets the same value again.
    const same = turnOf('u5');
    await property.set(same, { step: 1 });
    await state.saveChanges(same);
    expect(await stored()).to.deep.equal(before);
  });

  it('starts afresh after a delete (an unusable stack is dropped)', async () => {
    const property = state.createProperty<{ step: number }>('stack');
    const first = turnOf('u4');
    await property.set(first, { step: 5 });
    await state.saveChanges(first);
    await state.delete(turnOf('u4'));
    expect(await stackOf('u4')).to.equal(undefined);
    const next = turnOf('u4');
    await property.set(next, { step: 1 });
    await state.saveChanges(next);
    expect(await stackOf('u4')).to.deep.equal({ step: 1 });
  });
});
