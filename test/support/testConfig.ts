import { loadConfig, type Config } from '../../src/config';

/** The production configuration as a deployed bot has it (signed requests, so only the named leaders lead). */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ MicrosoftAppId: 'test-app-id', MicrosoftAppPassword: 'test-app-password', LOG_LEVEL: 'silent', ...env });
}
