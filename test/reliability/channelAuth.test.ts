import { expect } from 'chai';
import { SignJWT, UnsecuredJWT, generateKeyPair } from 'jose';
import { BotHarness, person, textOf } from '../support/botHarness';
import { LoopbackChannelAuth, TestCredentialsFactory, testIssuer } from '../support/channelAuth';

const appId = '6f1b2c1e-0000-4000-8000-0000000000aa';

describe('reliability: channel auth with an app id (tokens signed by a loopback token service)', () => {
  const auth = new LoopbackChannelAuth();
  const bot = new BotHarness();
  const results: Array<{ token: string; status: number; body: string; answered: boolean }> = [];

  before(async () => {
    await auth.start();
    await bot.start(
      { MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used-offline', HOST: '127.0.0.1' },
      { allowLoopbackServiceUrl: true, channelAuth: { openIdMetadataUrl: auth.openIdMetadataUrl, tokenIssuer: testIssuer }, credentialsFactory: new TestCredentialsFactory(appId) },
    );
  });
  after(async () => {
    console.table(results.map(({ token, status, answered }) => ({ token, status, answered })));
    await bot.stop();
    await auth.stop();
  });

  const activity = (p: ReturnType<typeof person>) => ({
    type: 'message',
    text: 'menu',
    id: `in-${p.id}`,
    channelId: 'msteams',
    serviceUrl: bot.connector.url,
    from: { id: p.id, aadObjectId: `aad-${p.id}` },
    recipient: { id: appId },
    conversation: { id: p.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    locale: 'en',
  });

  async function attempt(name: string, header: string | undefined) {
    const p = person('Caller', 'en');
    const before = bot.connector.received.length;
    const res = await bot.post(activity(p), header === undefined ? {} : { authorization: header });
    const body = await res.text();
    const answered = bot.connector.received.length > before;
    return { token: name, status: res.status, body, answered, replies: bot.connector.received.slice(before).map((r) => r.body) };
  }

  it('lets a valid token through: the turn runs and the answer reaches the connector', async () => {
    const token = await auth.token({ aud: appId, serviceurl: bot.connector.url });
    const valid = await attempt('valid', `Bearer ${token}`);
    results.push(valid);
    const { status, replies } = valid;
    expect(status).to.equal(200);
    expect(textOf(replies)).to.contain('What would you like to do?');
  });

  it('answers 401 with nothing of the validator message to every forged, expired or misdirected token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const other = await generateKeyPair('RS256');
    const claims = { aud: appId, serviceurl: bot.connector.url };
    const forged: Array<[string, string | undefined]> = [
      ['none', undefined],
      ['empty bearer', 'Bearer '],
      ['not a JWT', 'Bearer abc.def'],
      ['expired', `Bearer ${await auth.token(claims, { iat: now - 7200, nbf: now - 7200, exp: now - 3600 })}`],
      ['nbf in the future', `Bearer ${await auth.token(claims, { nbf: now + 3600 })}`],
      ['wrong audience', `Bearer ${await auth.token({ ...claims, aud: 'someone-else' })}`],
      ['wrong issuer', `Bearer ${await auth.token({ ...claims, iss: 'https://issuer.evil.example' })}`],
      ['wrong serviceurl', `Bearer ${await auth.token({ ...claims, serviceurl: 'https://connector.evil.example' })}`],
      ['wrong key, known kid', `Bearer ${await auth.token(claims, { key: other.privateKey })}`],
      ['alg none', `Bearer ${new UnsecuredJWT({ ...claims }).setIssuer(testIssuer).setIssuedAt().setExpirationTime('1h').encode()}`],
      [
        'HS256 with a known kid',
        `Bearer ${await new SignJWT({ ...claims })
          .setProtectedHeader({ alg: 'HS256', kid: auth.kid })
          .setIssuer(testIssuer)
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('a-shared-secret-of-thirty-two-bytes!'))}`,
      ],
    ];
    // botframework-connector prints each rejected key to stderr; the figures table says the same, quietly.
    const printed = console.error;
    console.error = () => undefined;
    try {
      for (const [name, header] of forged) results.push(await attempt(name, header));
    } finally {
      console.error = printed;
    }
    for (const { token: name, status, body, answered } of results.slice(1)) {
      expect(status, name).to.equal(401);
      expect(body, name).to.equal('{"error":"unauthorized"}');
      expect(answered, name).to.equal(false);
    }
    const { resources } = await bot.app.store.containers.users.items.query("SELECT * FROM c WHERE c.type = 'conversationRef'").fetchAll();
    expect(resources).to.have.length(1); // only the valid caller's
  });
});
