import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';

export type { CloudAdapter } from 'botbuilder';

/** The Bot Framework adapter of this bot: signs and checks requests with the configured app registration. */
export function createAdapter(botAuth: ConfigurationBotFrameworkAuthenticationOptions): CloudAdapter {
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication(botAuth));
}
