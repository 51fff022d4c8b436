import type { Result } from '../../core/shared/result';
import { HttpError } from './wap-error';

/** Every use-case failure code the WAP routes can meet, as CONTRACT §3's status and code. One place, per STYLE §4. */
const ERRORS: Record<string, { status: number; code: string; message: string }> = {
  subscription_not_found: { status: 404, code: 'SubscriptionNotFound', message: 'No subscription with that id is known' },
  subscription_owned_by_another_account: {
    status: 409,
    code: 'SubscriptionOwnedByAnotherAccount',
    message: 'The subscription belongs to another account; nothing was changed',
  },
  subscription_deleted: { status: 409, code: 'SubscriptionDeleted', message: 'The subscription is deleted; nothing was changed' },
  event_id_reused: { status: 409, code: 'EventIdReused', message: 'That EventId was already decided for another change' },
  invalid_standing: { status: 400, code: 'BadRequest', message: 'The standing is not valid' },
  account_not_found: { status: 404, code: 'AccountNotFound', message: 'No account with that id is known' },
  invalid_meter_document: { status: 400, code: 'BadRequest', message: 'The meter document is not valid' },
  no_writable_folder: { status: 409, code: 'NoWritablePluginsFolder', message: 'No plugins folder is writable: set PLUGINS_DIR' },
  meter_not_loaded: { status: 409, code: 'MeterNotLoaded', message: 'The meter document was saved but could not be loaded' },
  invoice_not_found: { status: 404, code: 'InvoiceNotFound', message: 'No invoice with that id is known' },
  invoice_void: { status: 409, code: 'InvoiceVoid', message: 'The invoice is void' },
  insufficient_credit: { status: 409, code: 'CreditSpent', message: 'Credit this draft reserved was used by another invoice; run the invoice again' },
  invoice_not_finalized: { status: 409, code: 'InvoiceNotFinalized', message: 'Only a finalized invoice can be voided' },
  invoice_finalized: { status: 409, code: 'InvoiceFinalized', message: 'The period is already billed by a finalized invoice' },
  nothing_to_bill: { status: 409, code: 'NothingToBill', message: 'The account held no subscription in the period' },
  invalid_period: { status: 400, code: 'BadRequest', message: "period must be 'YYYY-MM' or { from, to }" },
  rate_card_changed: { status: 409, code: 'RateCardPublished', message: 'A rate card with that id is published with other content' },
  invalid_billing_profile: { status: 400, code: 'BadRequest', message: 'The billing profile is not valid' },
  no_rate_card: { status: 404, code: 'NoRateCard', message: 'No rate card prices the subscription' },
  invalid_promotion: { status: 400, code: 'BadRequest', message: 'The promotion is not valid' },
  invalid_coupon: { status: 400, code: 'BadRequest', message: 'The coupon is not valid' },
  // The promotion is named in the body, not the path: a 404 would say the coupon route itself is missing.
  unknown_promotion: { status: 400, code: 'PromotionNotFound', message: 'No promotion with that id is known' },
  code_taken: { status: 409, code: 'CouponExists', message: 'A coupon with that code exists with other terms; nothing was changed' },
  unknown_code: { status: 404, code: 'CouponNotFound', message: 'No coupon with that code is known' },
  // 410, not 409: the code existed and can never be used again, whatever the caller changes.
  expired: { status: 410, code: 'CouponExpired', message: 'The coupon has expired' },
  already_redeemed: { status: 409, code: 'CouponAlreadyRedeemed', message: 'The coupon is already redeemed for this subscription; nothing was changed' },
  exhausted: { status: 409, code: 'CouponExhausted', message: 'The coupon has been redeemed as often as it may be' },
  account_limit_reached: { status: 409, code: 'CouponAccountLimitReached', message: 'The account has redeemed the coupon as often as it may' },
  invalid_grant: { status: 400, code: 'BadRequest', message: 'The credit grant is not valid' },
  grant_exists: { status: 409, code: 'GrantExists', message: 'A grant with that id exists; nothing was granted' },
};

/** The value of a successful result; a failure becomes the mapped WAP error. */
export function valueOrThrow<T, E extends string>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  const known = ERRORS[result.error];
  if (!known) throw new Error(`use-case error '${result.error}' has no WAP mapping`);
  throw new HttpError(known.status, known.code, result.message ?? known.message);
}
