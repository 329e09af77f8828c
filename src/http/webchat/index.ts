import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import type { Config } from '../../config';
import { registerAssetRoutes } from './assets';
import { registerDirectLineTokenRoute } from './directLineToken';
import { registerLocalChannel } from './localChannel';
import { LocalConversations } from './localConversations';
import { registerPageRoute } from './page';

export interface WebChatDeps {
  config: Pick<Config, 'localMode' | 'defaultLocale' | 'directLine' | 'trustProxy'>;
  adapter: CloudAdapter;
  bot: ActivityHandler;
  log: Logger;
}

/**
 * The web chat page at GET /. Local mode: the page talks to the local channel (registered only then).
 * Otherwise: the page gets a Direct Line token from POST /api/directline/token.
 */
export function webChatRoutes(deps: WebChatDeps): Array<(server: Server) => void> {
  const { config } = deps;
  const common = [registerAssetRoutes()];
  if (config.localMode) {
    const conversations = new LocalConversations();
    return [
      ...common,
      registerPageRoute({ mode: { kind: 'local', open: (user) => conversations.open(user) }, defaultLocale: config.defaultLocale }),
      registerLocalChannel({ adapter: deps.adapter, bot: deps.bot, log: deps.log, defaultLocale: config.defaultLocale, conversations }),
    ];
  }
  return [
    ...common,
    registerPageRoute({ mode: { kind: 'directline', endpoint: config.directLine.endpoint }, defaultLocale: config.defaultLocale }),
    registerDirectLineTokenRoute({ directLine: config.directLine, trustProxy: config.trustProxy, log: deps.log }),
  ];
}
