import type { BillingDecision, BillingEntity } from './billing-decision';

export const BillingDecisionStore = Symbol('BillingDecisionStore');
export interface BillingDecisionStore {
  find(entity: BillingEntity, eventId: string): Promise<BillingDecision | undefined>;
  /**
   * Stores the decision unless one for the same (entity, eventId) exists, and answers the stored one:
   * of two racing reviews of one event, both callers get the first decision.
   */
  recordFirst(decision: BillingDecision): Promise<BillingDecision>;
}
