import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import type { Config } from '../../config';
import { registerAssetRoutes } from './assets';
import { registerDirectLineTokenRoute } from './directLineToken';
import { registerLocalChannel } from './localChannel';
import { registerPageRoute } from './page';

export interface WebChatDeps {
  config: Pick<Config, 'localMode' | 'defaultLocale' | 'directLine'>;
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
    return [
      ...common,
      registerPageRoute({ mode: { kind: 'local' }, defaultLocale: config.defaultLocale }),
      registerLocalChannel({ adapter: deps.adapter, bot: deps.bot, log: deps.log, defaultLocale: config.defaultLocale }),
    ];
  }
  return [
    ...common,
    registerPageRoute({ mode: { kind: 'directline', endpoint: config.directLine.endpoint }, defaultLocale: config.defaultLocale }),
    registerDirectLineTokenRoute({ directLine: config.directLine, log: deps.log }),
  ];
}
