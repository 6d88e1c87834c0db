import type { Activity } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Logger } from '../../domain/logger.js';

/** How long a token check may take (it may fetch Microsoft's signing keys) before the request is refused. */
export const AUTHENTICATION_TIMEOUT_MS = 5000;

/** The check itself, replaceable in tests. */
export type Authenticate = (activity: Activity, authHeader: string) => Promise<AuthenticateRequestResult>;

const UNAUTHORIZED = 401;

/** How many API clients are kept (one per bot app id, service URL and audience): a handful in service. */
const MAX_KEPT_CLIENTS = 100;

/**
 * The client kept under `key`, or a new one made by `make` and kept. A client holds no state of a
 * turn (its credentials cache their own tokens), so one serves every turn; a failed one is not kept.
 */
function keptClient<T>(clients: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let client = clients.get(key);
  if (!client) {
    const made = make();
    client = made;
    made.catch(() => clients.get(key) === made && clients.delete(key));
    if (clients.size >= MAX_KEPT_CLIENTS) clients.delete(clients.keys().next().value as string);
    clients.set(key, client);
  }
  return client;
}

/**
 * botbuilder's connector factory builds a new ConnectorClient (credentials, an HTTP pipeline of a
 * dozen policies) for every incoming activity, even one answered in its own response
 * (expectReplies) that never calls the channel. This factory hands out the same client for the
 * same bot, service URL and audience, as botbuilder's older BotFrameworkAdapter did.
 */
class ReusingConnectorFactory extends ConnectorFactory {
  /**
   * @param created the factory botbuilder made for this request
   * @param appId the bot app id of this request's claims, which `created` makes clients for
   * @param clients the clients made so far, shared by every request
   */
  constructor(
    private readonly created: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: Map<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return keptClient(this.clients, JSON.stringify([this.appId, serviceUrl, audience ?? null]), () => this.created.create(serviceUrl, audience));
  }
}

function appIdOf(claimsIdentity: ClaimsIdentity): string {
  // Where botbuilder's factory finds it: the audience claim (channels), else the appid claim (Emulator).
  return claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/**
 * Bot Framework authentication that fails closed: a token that cannot be verified is refused with
 * 401, whatever the reason. botbuilder answers 500 when it cannot fetch the OpenID metadata of the
 * token's issuer (no network, DNS down) and waits as long as the fetch hangs; here both become a
 * prompt 401 and one log line saying why.
 */
export class FailClosedAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectorClients = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly logger: Logger,
    private readonly timeoutMs = AUTHENTICATION_TIMEOUT_MS,
    private readonly check?: Authenticate,
  ) {
    super(options);
  }

  /**
   * botbuilder makes a user token client (another HTTP pipeline) for every incoming activity too;
   * it depends only on the bot app id, so one per app id serves.
   */
  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return keptClient(this.userTokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const verify = this.check ?? ((a: Activity, h: string) => super.authenticateRequest(a, h));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`token check took longer than ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      const result = await Promise.race([verify(activity, authHeader), timeout]);
      const { connectorFactory, claimsIdentity } = result;
      if (!connectorFactory || !claimsIdentity) return result;
      return { ...result, connectorFactory: new ReusingConnectorFactory(connectorFactory, appIdOf(claimsIdentity), this.connectorClients) };
    } catch (error) {
      if (error instanceof AuthenticationError) {
        this.logger.warn('request refused', { reason: 'invalid token', channelId: activity.channelId });
        throw error;
      }
      this.logger.warn('request refused', {
        reason: 'token could not be verified',
        detail: error instanceof Error ? error.message : String(error),
        channelId: activity.channelId,
      });
      throw new AuthenticationError('Unauthorized. The token could not be verified.', UNAUTHORIZED);
    } finally {
      clearTimeout(timer);
    }
  }
}
