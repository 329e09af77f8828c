import { expect } from 'chai';
import { TestAdapter, TurnContext } from 'botbuilder';
import type { Container } from '@azure/cosmos';
import { defaultLocaleKey, localeOf } from '../../dialogs/shared/context';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { freshStore } from '../support/cosmos';
import { BotHarness, person, textOf } from '../support/botHarness';

/** The users container with its point reads failing while `down` is set, as in an outage of that read. */
function withFailingUserReads(store: CosmosStore, flag: { down: boolean }): CosmosStore {
  const users = new Proxy(store.containers.users, {
    get(target, prop, receiver) {
      if (prop !== 'item') return Reflect.get(target, prop, receiver);
      return (id: string, pk: string) => {
        const item = target.item(id, pk);
        return new Proxy(item, {
          get(i, p, r) {
            if (p === 'read' && flag.down) return () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
            const v = Reflect.get(i, p, r);
            return typeof v === 'function' ? v.bind(i) : v;
          },
        });
      };
    },
  }) as Container;
  return { ...store, containers: { ...store.containers, users } };
}

describe('language fallbacks', () => {
  it('localeOf falls back to DEFAULT_LOCALE, not to Finnish', () => {
    const context = new TurnContext(new TestAdapter(), { type: 'message', locale: 'de-DE' });
    context.turnState.set(defaultLocaleKey, 'sv');
    expect(localeOf(context)).to.equal('sv');
  });

  describe('while the profile cannot be read', () => {
    const bot = new BotHarness();
    const flag = { down: false };
    let store: CosmosStore;
    before(async () => {
      store = await freshStore('locale-outage');
      await bot.start({}, { store: withFailingUserReads(store, flag) });
    });
    after(async () => {
      await bot.stop();
      await store.close();
    });

    it('answers a Swedish speaker on an English client in Swedish: the conversation remembers the language', async () => {
      const siri = person('Siri', 'en');
      await bot.install(siri);
      await bot.submit(siri, { action: 'language' });
      expect(textOf(await bot.say(siri, 'Svenska'))).to.contain('Vad vill du göra?');
      flag.down = true;
      try {
        expect(textOf(await bot.say(siri, 'hello'))).to.contain('Jag kommer inte åt uppgifterna just nu. Inget du berättat har gått förlorat. Försök igen om en stund.');
      } finally {
        flag.down = false;
      }
    });
  });
});
