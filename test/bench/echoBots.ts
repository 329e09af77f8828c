import type { AddressInfo } from 'node:net';
import type { Container, Database } from '@azure/cosmos';
import { ActivityHandler, ConversationState, UserState, type Storage, type StoreItems } from 'botbuilder';
import pino from 'pino';
import { GroupCoachAdapter } from '../../src/bot/adapter';
import { createHttpServer } from '../../src/http/server';

/**
 * The two bots ours is compared with, on the same adapter (our GroupCoachAdapter, a CloudAdapter without app id) and the same HTTP
 * path (our restify server, POST /api/messages): a plain echo, and the stock botbuilder pattern — the
 * same echo with ConversationState + UserState loaded and saved every turn on a Storage over Cosmos.
 */

/**
 * botbuilder-azure's CosmosDbPartitionedStorage, in its essentials (that package is not installed):
 * a container partitioned by /id, one point read per key, one upsert per changed key.
 */
export class StockCosmosStorage implements Storage {
  constructor(private readonly container: Container) {}

  static async open(database: Database): Promise<StockCosmosStorage> {
    const { container } = await database.containers.createIfNotExists({ id: 'stockstate', partitionKey: { paths: ['/id'] } });
    return new StockCosmosStorage(container);
  }

  private static id(key: string) {
    return key.replace(/[/\\?#]/g, '*');
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const id = StockCosmosStorage.id(key);
        const { resource, statusCode } = await this.container.item(id, id).read<{ document: object; _etag: string }>();
        if (statusCode !== 404 && resource) items[key] = { ...resource.document, eTag: resource._etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag: _eTag, ...document } = item as { eTag?: string };
        const id = StockCosmosStorage.id(key);
        await this.container.items.upsert({ id, realId: key, document });
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.container.item(StockCosmosStorage.id(key), StockCosmosStorage.id(key)).delete()));
  }
}

class PlainEchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

/** The state management sample's shape: a conversation counter written every turn, a user profile read every turn. */
class StockEchoBot extends ActivityHandler {
  constructor(conversationState: ConversationState, userState: UserState) {
    super();
    const conversationData = conversationState.createProperty<{ turns: number }>('conversationData');
    const userProfile = userState.createProperty<{ name?: string }>('userProfile');
    this.onMessage(async (context, next) => {
      const data = await conversationData.get(context, { turns: 0 });
      const profile = await userProfile.get(context, {});
      data.turns++;
      await context.sendActivity(`Echo ${data.turns}${profile.name ? `, ${profile.name}` : ''}: ${context.activity.text ?? ''}`);
      await next();
    });
    this.onDialog(async (context, next) => {
      await conversationState.saveChanges(context, false);
      await userState.saveChanges(context, false);
      await next();
    });
  }
}

export interface RunningEchoBot {
  url: string;
  stop(): Promise<void>;
}

async function serve(bot: ActivityHandler): Promise<RunningEchoBot> {
  const adapter = new GroupCoachAdapter({ botAuth: {}, connectorTimeoutMs: 5000 });
  const server = createHttpServer({ adapter, bot, storeHealthy: async () => undefined, log: pino({ level: 'silent' }), localMode: true, requestTimeoutMs: 10_000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const startPlainEcho = () => serve(new PlainEchoBot());

export async function startStockEcho(database: Database): Promise<RunningEchoBot> {
  const storage = await StockCosmosStorage.open(database);
  return serve(new StockEchoBot(new ConversationState(storage), new UserState(storage)));
}
