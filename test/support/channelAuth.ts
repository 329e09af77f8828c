import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { ServiceClientCredentialsFactory } from 'botframework-connector';

export const testIssuer = 'https://api.botframework.test';

type Key = Awaited<ReturnType<typeof generateKeyPair>>;

/**
 * Stands in for the Bot Framework's token service (which leaves the machine): OpenID metadata and a
 * JWKS on loopback, and tokens signed with our own key. The bot is pointed at it through
 * ToBotFromChannelOpenIdMetadataUrl / ToBotFromChannelTokenIssuer, so its real validation runs.
 */
export class LoopbackChannelAuth {
  private server?: http.Server;
  private key!: Key;
  readonly kid = 'test-key-1';
  openIdMetadataUrl = '';

  async start(): Promise<this> {
    this.key = await generateKeyPair('RS256', { extractable: true });
    const jwk: JWK & { endorsements: string[] } = { ...(await exportJWK(this.key.publicKey)), kid: this.kid, use: 'sig', alg: 'RS256', endorsements: ['msteams', 'webchat'] };
    this.server = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/jwks') return void res.end(JSON.stringify({ keys: [jwk] }));
      res.end(JSON.stringify({ issuer: testIssuer, jwks_uri: `${base}/jwks`, id_token_signing_alg_values_supported: ['RS256'] }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.openIdMetadataUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/openidconfiguration`;
    return this;
  }

  /** A channel token as the Bot Framework would sign it; `claims` and `sign` change what a test forges. */
  async token(claims: { aud: string; serviceurl: string } & Record<string, unknown>, sign: { key?: Key['privateKey']; iat?: number; exp?: number; nbf?: number } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(typeof claims.iss === 'string' ? claims.iss : testIssuer)
      .setIssuedAt(sign.iat ?? now - 60)
      .setNotBefore(sign.nbf ?? now - 60)
      .setExpirationTime(sign.exp ?? now + 3600)
      .sign(sign.key ?? this.key.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** Outbound credentials that never call Azure AD (it leaves the machine): the app id is ours, requests go unsigned. */
export class TestCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string) {
    super();
  }
  async isValidAppId(appId: string) {
    return appId === this.appId;
  }
  async isAuthenticationDisabled() {
    return false;
  }
  async createCredentials() {
    return { signRequest: async <T>(request: T) => request };
  }
}
