import type { Activity } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from '../../domain/logger.js';

/** How long a token check may take (it may fetch Microsoft's signing keys) before the request is refused. */
export const AUTHENTICATION_TIMEOUT_MS = 5000;

/** The check itself, replaceable in tests. */
export type Authenticate = (activity: Activity, authHeader: string) => Promise<AuthenticateRequestResult>;

const UNAUTHORIZED = 401;

/**
 * Bot Framework authentication that fails closed: a token that cannot be verified is refused with
 * 401, whatever the reason. botbuilder answers 500 when it cannot fetch the OpenID metadata of the
 * token's issuer (no network, DNS down) and waits as long as the fetch hangs; here both become a
 * prompt 401 and one log line saying why.
 */
export class FailClosedAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly logger: Logger,
    private readonly timeoutMs = AUTHENTICATION_TIMEOUT_MS,
    private readonly check?: Authenticate,
  ) {
    super(options);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const verify = this.check ?? ((a: Activity, h: string) => super.authenticateRequest(a, h));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`token check took longer than ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return await Promise.race([verify(activity, authHeader), timeout]);
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
