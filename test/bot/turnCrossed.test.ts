import { expect } from 'chai';
import type { Container } from '@azure/cosmos';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { freshStore } from '../support/cosmos';
import { BotHarness, person, textOf } from '../support/botHarness';

/**
 * The botstate container, where a turn of the same person on another instance saves its dialog stack
 * just before this turn saves (armed once): what two racing instances do, made deterministic.
 */
function withRacingTurn(store: CosmosStore, race: { armed: boolean }): CosmosStore {
  const botstate = new Proxy(store.containers.botstate, {
    get(target, prop, receiver) {
      if (prop !== 'item') return Reflect.get(target, prop, receiver);
      return (id: string, pk: string) => {
        const item = target.item(id, pk);
        return new Proxy(item, {
          get(i, p, r) {
            if (p === 'replace' && race.armed) {
              return async (body: Record<string, unknown>, options: unknown) => {
                race.armed = false;
                await target.items.upsert({ ...body, document: { ...(body.document as object), otherTurn: true } });
                return item.replace(body, options as never);
              };
            }
            const v = Reflect.get(i, p, r);
            return typeof v === 'function' ? v.bind(i) : v;
          },
        });
      };
    },
  }) as Container;
  return { ...store, containers: { ...store.containers, botstate } };
}

describe('a turn told that another turn of the same person saved first', () => {
  const bot = new BotHarness();
  const race = { armed: false };
  let store: CosmosStore;
  before(async () => {
    store = await freshStore('crossed');
    await bot.start({}, { store: withRacingTurn(store, race) });
  });
  after(async () => {
    await bot.stop();
    await store.close();
  });

  it('says truthfully that what it did is done (the language did change), never that nothing changed', async () => {
    const siri = person('Siri', 'en');
    await bot.install(siri);
    await bot.submit(siri, { action: 'language' });
    race.armed = true;
    const replies = textOf(await bot.say(siri, 'Svenska'));
    expect(race.armed, 'the race happened').to.equal(false);
    expect(replies).to.contain('Två av dina meddelanden kom fram samtidigt. Det jag skrev ovan att jag gjort är gjort, men vi fortsätter från ditt andra meddelande. Se läget i menyn.');
    expect(replies).to.not.contain('ingenting gick förlorat').and.not.contain('nothing was lost');
    const profile = await store.containers.users.item(`msteams:aad-${siri.id}`, `msteams:aad-${siri.id}`).read();
    expect(profile.resource?.locale).to.equal('sv');
  });
});
