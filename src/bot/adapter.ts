import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
// Types only: botframework-connector comes with botbuilder.
import type { AuthenticateRequestResult, ConnectorClientOptions, ServiceClientCredentialsFactory } from 'botframework-connector';

export interface AdapterSettings {
  botAuth: Record<string, string | undefined>;
  /** Every Bot Connector call (a reply, a proactive send) gives up after this many milliseconds. */
  connectorTimeoutMs: number;
  /** Tests only: loopback OpenID metadata and issuer, and credentials that never call Azure AD. */
  channelAuth?: { openIdMetadataUrl: string; tokenIssuer: string };
  credentialsFactory?: ServiceClientCredentialsFactory;
}

/** A request policy (botbuilder's compat pipeline) that puts a timeout on every connector request. */
export function connectorTimeoutOptions(timeoutMs: number): ConnectorClientOptions {
  const timeoutPolicy = {
    create: (next: { sendRequest(resource: { timeout: number }): Promise<unknown> }) => ({
      sendRequest: (resource: { timeout: number }) => {
        resource.timeout = timeoutMs;
        return next.sendRequest(resource);
      },
    }),
  };
  return { requestPolicyFactories: [timeoutPolicy] } as unknown as ConnectorClientOptions;
}

/**
 * CloudAdapter whose inbound requests are authenticated by the HTTP edge first (so any token problem
 * is a 401 there), then run with the result, so the token is validated once.
 */
export class GroupCoachAdapter extends CloudAdapter {
  readonly auth: ConfigurationBotFrameworkAuthentication;

  constructor(settings: AdapterSettings) {
    const auth = new ConfigurationBotFrameworkAuthentication(
      {
        ...settings.botAuth,
        ...(settings.channelAuth
          ? { ToBotFromChannelOpenIdMetadataUrl: settings.channelAuth.openIdMetadataUrl, ToBotFromChannelTokenIssuer: settings.channelAuth.tokenIssuer }
          : {}),
      },
      settings.credentialsFactory,
      undefined,
      undefined,
      connectorTimeoutOptions(settings.connectorTimeoutMs),
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
