import { inject, injectable } from 'inversify';
import { Logger } from '../logging/logger';
import { SignupVerdict, type SignupRequest } from '../plugin-api';
import { PaymentConnectorRegistry } from '../plugin-host/payment-connector-registry';

/** WAP waits for us while the sign-up is pending; a connector gets a share of that, not all of it. */
export const CONNECTOR_REVIEW_TIMEOUT_MS = 5000;

export type ConnectorOpinion =
  | { readonly verdict: 'approve'; readonly notes: readonly string[] }
  | { readonly verdict: 'reject'; readonly reason: string };

/**
 * Asks every active payment connector that implements `reviewSignup`. The first rejection wins.
 *
 * A connector that throws or does not answer in time does NOT veto: it counts as having no
 * opinion, and the failure is logged and kept as a note on the decision. Rejecting instead would
 * stop every sign-up in WAP whenever a payment system is down, while the standing we keep
 * ourselves (kept current by dunning) already refuses the accounts that owe money.
 */
@injectable()
export class AskPaymentConnectors {
  constructor(
    @inject(PaymentConnectorRegistry) private readonly connectors: PaymentConnectorRegistry,
    @inject(Logger) private readonly logger: Logger,
  ) {}

  async ask(request: SignupRequest, timeoutMs = CONNECTOR_REVIEW_TIMEOUT_MS): Promise<ConnectorOpinion> {
    const notes: string[] = [];
    for (const connector of this.connectors.active()) {
      if (!connector.reviewSignup) continue;
      try {
        const decision = await withTimeout(connector.reviewSignup(request), timeoutMs);
        if (decision.verdict === SignupVerdict.Reject) {
          return { verdict: 'reject', reason: `${connector.id}: ${decision.reason ?? 'the payment system refused the sign-up'}` };
        }
      } catch (error) {
        const message = (error as Error)?.message ?? String(error);
        this.logger.warn({ connector: connector.id, subscriptionId: request.subscriptionId, error: message }, 'payment connector failed to review a sign-up');
        notes.push(`${connector.id} did not answer (${message}); approved without it`);
      }
    }
    return { verdict: 'approve', notes };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
