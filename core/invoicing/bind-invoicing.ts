import type { ContainerModuleLoadOptions } from 'inversify';
import { PublishRateCard } from '../rating/publish-rate-card';
import { BuildAndFinalize } from './build-and-finalize';
import { EstimateCurrentCycle } from './estimate-current-cycle';
import { FinalizeInvoice } from './finalize-invoice';
import { InvoiceLineAdjuster } from './invoice-line-adjuster';
import { LoadInvoiceInputs } from './invoice-inputs';
import { InvoiceRun } from './invoice-run';
import { PromotionsAndCreditsAdjuster } from './promotions-and-credits-adjuster';
import { RunDueInvoices } from './run-due-invoices';
import { RunInvoices } from './run-invoices';
import { SetBillingProfile } from './set-billing-profile';
import { VoidInvoice } from './void-invoice';

/**
 * The invoicing use cases. The stores and the default `BillableHoldings` are bound by persistence;
 * `InvoicingSettings` by the composition root. Promotions, coupons and credits join as one line adjuster.
 */
export function bindInvoicing(bind: ContainerModuleLoadOptions['bind']): void {
  bind(PublishRateCard).toSelf().inSingletonScope();
  bind(SetBillingProfile).toSelf().inSingletonScope();
  bind(LoadInvoiceInputs).toSelf().inSingletonScope();
  bind(InvoiceRun).toSelf().inSingletonScope();
  bind(FinalizeInvoice).toSelf().inSingletonScope();
  bind(VoidInvoice).toSelf().inSingletonScope();
  bind(BuildAndFinalize).toSelf().inSingletonScope();
  bind(RunDueInvoices).toSelf().inSingletonScope();
  bind(RunInvoices).toSelf().inSingletonScope();
  bind(EstimateCurrentCycle).toSelf().inSingletonScope();
  bind(PromotionsAndCreditsAdjuster).toSelf().inSingletonScope();
  bind(InvoiceLineAdjuster).toService(PromotionsAndCreditsAdjuster);
}
