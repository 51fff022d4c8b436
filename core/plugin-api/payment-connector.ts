/** The outcome of checking that a connector's settings reach its payment system. */
export enum ConnectionStatus {
  /** The payment system answered and accepted the credentials. */
  Ok = 'ok',
  /** The payment system answered but refused the settings (wrong key, unknown account). */
  Misconfigured = 'misconfigured',
  /** The payment system could not be reached (DNS, refused connection, timeout). */
  Unreachable = 'unreachable',
}

export interface ConnectionCheck {
  readonly status: ConnectionStatus;
  /** Plain words for the admin, without secrets. */
  readonly message?: string;
}

/** An invoice as the payment system receives it. Amounts are exact decimal strings in `currency`. */
export interface InvoiceDocument {
  readonly invoiceId: string;
  /** The human-facing number, e.g. `INV-000042`. */
  readonly number: string;
  /** The WAP user (account admin) billed. */
  readonly accountId: string;
  /** ISO 4217 code. */
  readonly currency: string;
  readonly issuedAt: Date;
  readonly dueAt: Date;
  readonly total: string;
  readonly lines: readonly { readonly description: string; readonly amount: string; readonly quantity?: string }[];
}

/** The closed set of outcomes of handing an invoice to a payment system. */
export enum PushStatus {
  /** The payment system holds the invoice; `externalId` names it there. */
  Accepted = 'accepted',
  /** The payment system refused it (validation); sending the same invoice again will fail again. */
  Rejected = 'rejected',
  /** The request never reached the payment system. Safe to retry. */
  Error = 'error',
  /** Sent, outcome unknown (timeout). Retrying must not create a second invoice: connectors key on `invoiceId`. */
  Unknown = 'unknown',
}

export interface PushInvoiceResult {
  readonly status: PushStatus;
  readonly externalId?: string;
  readonly message?: string;
}

/** The closed set of outcomes of a charge (Kill Bill's distinction: refused, never happened, don't know). */
export enum ChargeStatus {
  /** The payment system took the money. */
  Approved = 'approved',
  /** The payment system refused (card declined, insufficient funds). Nothing was taken. */
  Declined = 'declined',
  /** Accepted for later settlement (an offline transfer); the outcome arrives through `checkCharge`. */
  Pending = 'pending',
  /** The request never reached the payment system (bad settings, connection refused). Safe to retry. */
  Error = 'error',
  /** Sent, but the outcome is unknown (timeout). Reconcile with `checkCharge` before any retry. */
  Unknown = 'unknown',
}

export interface ChargeRequest {
  /** Identical on every retry of one attempt; the connector passes it on so that the system charges once. */
  readonly idempotencyKey: string;
  readonly accountId: string;
  readonly invoiceId: string;
  /** Exact decimal string, greater than zero, in `currency`. */
  readonly amount: string;
  readonly currency: string;
}

export interface ChargeResult {
  readonly status: ChargeStatus;
  /** The payment system's id of the charge; required for `Pending` and `Unknown`. */
  readonly reference?: string;
  /** The payment system's own code, kept for support. */
  readonly gatewayCode?: string;
  readonly message?: string;
}

/** Where an account stands in the payment system. */
export enum AccountStanding {
  /** Nothing overdue. */
  Good = 'good',
  /** Money is overdue; the core's dunning decides when to suspend. */
  Overdue = 'overdue',
  /** The payment system disabled the account (e.g. WHMCS "Suspended"); the core suspends it in WAP. */
  Suspended = 'suspended',
  /** The payment system does not know the account, or could not be asked. The core changes nothing. */
  Unknown = 'unknown',
}

export interface AccountStatusResult {
  readonly standing: AccountStanding;
  readonly reason?: string;
}

/** A WAP sign-up awaiting billing approval. */
export interface SignupRequest {
  readonly accountId: string;
  readonly subscriptionId: string;
  readonly planId: string;
}

export enum SignupVerdict {
  Approve = 'approve',
  /** The payment system refuses the sign-up; `reason` is shown to the admin. */
  Reject = 'reject',
}

export interface SignupDecision {
  readonly verdict: SignupVerdict;
  readonly reason?: string;
}

/**
 * A payment connector links the core's invoices and accounts to one payment system (WHMCS, a card
 * gateway, offline payments). The core never tracks card data: it hands invoices over, asks for
 * charges and asks where accounts stand. Every method may be called again after a crash with the
 * same arguments and must then be idempotent. A method that throws counts as `Error` for pushes,
 * `Unknown` for charges and standing.
 */
export const PaymentConnector = Symbol('PaymentConnector');
export interface PaymentConnector {
  /** Same as `id` in the plugin's plugin.json. */
  readonly id: string;
  /** Checks the settings against the payment system; called by `wap-billing doctor` and the admin portal. */
  testConnection(): Promise<ConnectionCheck>;
  /** Hands a finalized invoice to the payment system. Idempotent per `invoice.invoiceId`. */
  pushInvoice(invoice: InvoiceDocument): Promise<PushInvoiceResult>;
  /** Collects an invoice balance. `request.idempotencyKey` is identical on every retry of one attempt. */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Asks for the final outcome of a `Pending` or `Unknown` charge. */
  checkCharge(reference: string): Promise<ChargeResult>;
  /** Where the account stands in the payment system; polled, so keep it cheap. */
  accountStatus(accountId: string): Promise<AccountStatusResult>;
  /** Optional veto of a WAP sign-up (blocking billing approval); absent means approve. */
  reviewSignup?(request: SignupRequest): Promise<SignupDecision>;
}
