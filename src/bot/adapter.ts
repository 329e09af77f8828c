import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
// Types only: botframework-connector comes with botbuilder.
import type { AuthenticateRequestResult, ClaimsIdentity, ConnectorFactory, ServiceClientCredentialsFactory } from 'botframework-connector';

export interface AdapterSettings {
  botAuth: Record<string, string | undefined>;
  /** Every Bot Connector call (a reply, a proactive send) gives up after this many milliseconds. */
  connectorTimeoutMs: number;
  /** Tests only: loopback OpenID metadata and issuer, and credentials that never call Azure AD. */
  channelAuth?: { openIdMetadataUrl: string; tokenIssuer: string };
  credentialsFactory?: ServiceClientCredentialsFactory;
}

interface PipelineLike {
  addPolicy(policy: { name: string; sendRequest(request: { timeout: number }, next: (request: unknown) => Promise<unknown>): Promise<unknown> }): void;
}

/**
 * The SDK's own ConnectorClients with a timeout on every request. (ConnectorClientOptions cannot carry
 * one: the connector factory replaces their request policies.) The client's pipeline is that of
 * @azure/core-client, whose requests honour `timeout` and abort with an AbortError.
 */
class TimedAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    config: Record<string, string | undefined>,
    credentialsFactory: ServiceClientCredentialsFactory | undefined,
    private readonly timeoutMs: number,
  ) {
    super(config, credentialsFactory);
  }

  /** Proactive sends get their factory here… */
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return timed(super.createConnectorFactory(claimsIdentity), this.timeoutMs);
  }

  /** …and turns with the result of authenticating the request. */
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: timed(result.connectorFactory, this.timeoutMs) } : result;
  }
}

function timed(inner: ConnectorFactory, timeoutMs: number): ConnectorFactory {
  return {
    async create(serviceUrl: string, audience?: string) {
      const client = await inner.create(serviceUrl, audience);
      const pipeline = (client as unknown as { client?: { pipeline?: PipelineLike } }).client?.pipeline;
      if (!pipeline) throw new Error('ConnectorClient without a pipeline: cannot set its timeout');
      pipeline.addPolicy({
        name: 'groupCoachConnectorTimeout',
        sendRequest: (request, next) => {
          request.timeout = timeoutMs;
          return next(request);
        },
      });
      return client;
    },
  } as ConnectorFactory;
}

/**
 * CloudAdapter whose inbound requests are authenticated by the HTTP edge first (so any token problem
 * is a 401 there), then run with the result, so the token is validated once.
 */
export class GroupCoachAdapter extends CloudAdapter {
  readonly auth: ConfigurationBotFrameworkAuthentication;

  constructor(settings: AdapterSettings) {
    const auth = new TimedAuthentication(
      {
        ...settings.botAuth,
        ...(settings.channelAuth
          ? { ToBotFromChannelOpenIdMetadataUrl: settings.channelAuth.openIdMetadataUrl, ToBotFromChannelTokenIssuer: settings.channelAuth.tokenIssuer }
          : {}),
      },
      settings.credentialsFactory,
      settings.connectorTimeoutMs,
    );
    super(auth);
    this.auth = auth;
  }

  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.auth.authenticateRequest(activity, authHeader);
  }

  runAuthenticated(result: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(result, activity, logic);
  }
}
