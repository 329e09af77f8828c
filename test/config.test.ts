import { expect } from 'chai';
import { ConfigError, loadConfig } from '../src/config';

describe('config', () => {
  it('treats empty strings as unset and applies defaults', () => {
    const c = loadConfig({ MicrosoftAppId: '', PORT: '', DEFAULT_LOCALE: '', COSMOS_ENDPOINT: '' });
    expect(c.localMode).to.equal(true);
    expect(c.host).to.equal('127.0.0.1');
    expect(c.port).to.equal(3978);
    expect(c.defaultLocale).to.equal('fi');
    expect(c.defaultTimeZone).to.equal('Europe/Helsinki');
    expect(c.maxParticipants).to.equal(4);
    expect(c.cosmos.endpoint).to.equal(undefined);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', DEFAULT_LOCALE: 'de', DEFAULT_TIMEZONE: 'Mars/Olympus', MAX_PARTICIPANTS: '0' });
      expect.fail('should have thrown');
    } catch (e) {
      expect(e).to.be.instanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DEFAULT_LOCALE', 'DEFAULT_TIMEZONE', 'MAX_PARTICIPANTS']) expect(problems).to.contain(name);
    }
  });

  it('refuses to run in production without an app id', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).to.throw(ConfigError, /MicrosoftAppId/);
  });

  it('needs the password with an app id and listens beyond loopback only then', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'id' })).to.throw(ConfigError, /MicrosoftAppPassword/);
    const c = loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', LEADER_IDS: 'msteams:a, msteams:b,' });
    expect(c.localMode).to.equal(false);
    expect(c.host).to.equal('0.0.0.0');
    expect(c.leaderIds).to.deep.equal(['msteams:a', 'msteams:b']);
  });
});

describe('config: the edge limits', () => {
  it('has time limits that let a turn give up well before Teams does, and trusts no proxy by default', () => {
    const c = loadConfig({});
    expect(c.turnDeadlineMs).to.equal(10_000);
    expect(c.connectorTimeoutMs).to.equal(5000);
    expect(c.cosmos).to.include({ requestTimeoutMs: 3000, maxRetries: 2, maxRetryWaitSeconds: 3 });
    expect(c.trustProxy).to.equal(false);
    expect(c.httpRequestTimeoutMs).to.equal(10_000);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).to.equal(true);
  });

  it('refuses a turn deadline Teams would not wait for, and a TRUST_PROXY that is not true or false', () => {
    expect(() => loadConfig({ TURN_DEADLINE_MS: '20000' })).to.throw(ConfigError, /TURN_DEADLINE_MS/);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).to.throw(ConfigError, /TRUST_PROXY/);
  });
});
