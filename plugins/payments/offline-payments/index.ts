import {
  AccountStanding,
  ChargeStatus,
  ConnectionStatus,
  PushStatus,
  type PaymentConnector,
  type PluginContext,
} from '@wap-billing/plugin-api';

/**
 * Offline collection has no remote system: invoices are "pushed" by keeping their number as the
 * reference, a charge stays pending until an admin records the payment in the portal, and the
 * account's standing is left to the core's own dunning (Unknown means "no opinion").
 */
export function activate(context: PluginContext): PaymentConnector {
  const instructions = String(context.settings.instructions);
  return {
    id: context.manifest.id,
    async testConnection() {
      return { status: ConnectionStatus.Ok, message: 'Offline payments need no connection' };
    },
    async pushInvoice(invoice) {
      return { status: PushStatus.Accepted, externalId: invoice.number, message: instructions };
    },
    async charge(request) {
      return { status: ChargeStatus.Pending, reference: `offline:${request.invoiceId}`, message: instructions };
    },
    async checkCharge(reference) {
      return { status: ChargeStatus.Pending, reference, message: 'Waiting for an admin to record the payment' };
    },
    async accountStatus() {
      return { standing: AccountStanding.Unknown, reason: 'Offline payments keep no account standing' };
    },
  };
}
