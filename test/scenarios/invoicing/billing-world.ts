import { expect } from 'chai';
import type { Container } from 'inversify';
import { CatalogueFeedSink } from '../../../core/catalogue/catalogue-feed-sink';
import { RecordSubscriptionCreated } from '../../../core/subscriptions/record-subscription-created';
import { RecordSubscriptionDeleted } from '../../../core/subscriptions/record-subscription-deleted';
import { RecordSubscriptionStateChange } from '../../../core/subscriptions/record-subscription-state-change';
import type { Invoice } from '../../../core/invoicing/invoice';
import { InvoiceStore } from '../../../core/invoicing/invoice-store';
import type { InvoicingSettings } from '../../../core/invoicing/invoicing-settings';
import { InvoiceRun } from '../../../core/invoicing/invoice-run';
import { FinalizeInvoice } from '../../../core/invoicing/finalize-invoice';
import { VoidInvoice } from '../../../core/invoicing/void-invoice';
import { RunDueInvoices } from '../../../core/invoicing/run-due-invoices';
import type { InvoiceRunReport } from '../../../core/invoicing/invoice-run-report';
import { SetBillingProfile, type BillingProfileInput } from '../../../core/invoicing/set-billing-profile';
import { PublishRateCard } from '../../../core/rating/publish-rate-card';
import type { RateCardJson } from '../../../core/rating/rate-card-json';
import { minorUnitsOf } from '../../../core/money/currency';
import { ManualClock } from '../../../core/time/clock';
import type { RawUsageRecord } from '../../../core/usage/store/raw-usage-record';
import { UsageStore } from '../../../core/usage/store/usage-store';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { startTestServer } from '../../support/test-server';

export interface WorldOptions {
  /** Where the clock starts (UTC). */
  readonly at: string;
  readonly invoicing?: Partial<Omit<InvoicingSettings, 'instanceId'>>;
}

/**
 * A resource provider with a fresh database of the backend under test and a manual clock that
 * only the test moves. Moving the clock runs nothing: the test asks for the due invoice run,
 * the way the scheduler would.
 */
export class BillingWorld {
  private nextEventId = 1;
  private nextBillingEventId = 1;

  private constructor(readonly server: RunningServer, readonly clock: ManualClock) {}

  static async start(options: WorldOptions): Promise<BillingWorld> {
    const clock = new ManualClock(options.at);
    const server = await startTestServer({ invoicing: options.invoicing }, { clock });
    return new BillingWorld(server, clock);
  }

  get container(): Container {
    return this.server.container;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** Creates the account if needed and sets how it is invoiced. */
  async account(accountId: string, profile: BillingProfileInput = {}): Promise<string> {
    const result = await this.container.get(SetBillingProfile).set(accountId, profile);
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    return accountId;
  }

  async rateCard(id: string, card: RateCardJson): Promise<void> {
    const result = await this.container.get(PublishRateCard).publish(id, card);
    expect(result.ok, JSON.stringify(result)).to.equal(true);
  }

  /** WAP creates a subscription now (the clock's time), as its notification would. */
  async subscribe(accountId: string, subscriptionId: string, planId: string): Promise<string> {
    const result = await this.container.get(RecordSubscriptionCreated).record({ subscriptionId, accountAdmin: accountId, planId, state: 'active' }, 'wap-notification');
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    return subscriptionId;
  }

  async suspend(subscriptionId: string): Promise<void> {
    expect((await this.container.get(RecordSubscriptionStateChange).record({ subscriptionId, state: 'suspended' }, 'wap-notification')).ok).to.equal(true);
  }

  async resume(subscriptionId: string): Promise<void> {
    expect((await this.container.get(RecordSubscriptionStateChange).record({ subscriptionId, state: 'active' }, 'wap-notification')).ok).to.equal(true);
  }

  async remove(subscriptionId: string): Promise<void> {
    expect((await this.container.get(RecordSubscriptionDeleted).record(subscriptionId, 'wap-notification')).ok).to.equal(true);
  }

  /**
   * WAP moves the subscription to another plan now: the Usage Service's billing feed reports the
   * subscription with its new `PlanId` (WAP's notifications to an RP carry no plan), and the
   * collector applies the event.
   */
  async changePlan(accountId: string, subscriptionId: string, planId: string): Promise<void> {
    const eventId = this.nextBillingEventId++;
    const event = {
      EventId: eventId, State: 0, Method: 'PUT', NotificationEventTimeCreated: this.clock.now().toISOString(), EntityParentId: null,
      Entity: { SubscriptionID: subscriptionId, AccountAdminLiveEmailId: accountId, PlanId: planId, State: 1 },
    };
    await this.container.get(CatalogueFeedSink).ingest('subscriptions', { records: [event], nextStartId: String(eventId + 1) });
  }

  /** A WAP `systemcenter` usage record of one VM reporting `hours` of runtime in the hour starting at `hourStart`. */
  vmRecord(subscriptionId: string, hours: string, hourStart: string): RawUsageRecord {
    const start = new Date(hourStart);
    const end = new Date(start.getTime() + 3_600_000);
    const wap = (d: Date) => d.toISOString().slice(0, 19);
    const eventId = this.nextEventId++;
    return {
      EventId: eventId, ExternalRecordId: String(eventId), ResourceId: 'vm-1', StartTime: wap(start), EndTime: wap(end),
      ProviderName: 'systemcenter', ServiceType: 'VM', SubscriptionId: subscriptionId, Properties: null, Resources: { VmRuntimeHours: hours },
    };
  }

  /** Ingests records as the collector would, one page. */
  async ingest(...records: RawUsageRecord[]): Promise<void> {
    const highest = Math.max(...records.map((r) => Number(r.EventId)));
    await this.container.get<UsageStore>(UsageStore).ingest('usage', { records, nextStartId: String(highest + 1) });
  }

  async vmHours(subscriptionId: string, hours: string, hourStart: string): Promise<RawUsageRecord> {
    const record = this.vmRecord(subscriptionId, hours, hourStart);
    await this.ingest(record);
    return record;
  }

  /** What the scheduler does: the due invoice run at the clock's time. */
  async runDueInvoices(): Promise<InvoiceRunReport> {
    return this.container.get(RunDueInvoices).runDue();
  }

  /** Builds (or rebuilds) the draft of one period now, as an admin's run would. */
  async draft(accountId: string, from: string, to: string): Promise<Invoice> {
    const result = await this.container.get(InvoiceRun).build(accountId, { from: new Date(from), to: new Date(to) });
    if (!result.ok) throw new Error(`${result.error}: ${result.message}`);
    return result.value;
  }

  async finalize(invoiceId: string): Promise<Invoice> {
    const result = await this.container.get(FinalizeInvoice).finalize(invoiceId);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  }

  async void(invoiceId: string): Promise<Invoice> {
    const result = await this.container.get(VoidInvoice).void(invoiceId);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  }

  /** Oldest period first. */
  async invoicesOf(accountId: string): Promise<Invoice[]> {
    const invoices = (await this.container.get<InvoiceStore>(InvoiceStore).list({ accountId })).reverse();
    // the invariant every scenario checks in passing: the rounded lines add up to the total
    for (const invoice of invoices) {
      expect(invoice.lines.reduce((sum, l) => sum.plus(l.amount), invoice.total.minus(invoice.total)).toFixed(), `lines of ${invoice.id}`).to.equal(invoice.total.toFixed());
    }
    return invoices;
  }
}

/** `[what, amount]` per line: `fee base`, `usage vm.runtime-hours`, `tax`, … with the stored (rounded) amount. */
export function linesOf(invoice: Invoice): [string, string][] {
  return invoice.lines.map((l) => [l.kind === 'usage' || l.kind === 'adjustment' ? `${l.kind} ${l.meterId}` : l.kind === 'fixed-fee' ? `fee ${l.feeId}` : l.kind, money(invoice, l.amount)]);
}

/** An amount of the invoice written with exactly its currency's digits ("20.00", "1008", "10.039"). */
export function money(invoice: Invoice, amount: Invoice['total'] = invoice.total): string {
  return amount.toFixed(minorUnitsOf(invoice.currency));
}

/** A rate card JSON for a plan, USD unless told. */
export function planCard(planId: string, parts: { currency?: string; effectiveFrom?: string; fee?: string; vm?: Record<string, unknown> }): RateCardJson {
  return {
    offer: { kind: 'plan', id: planId },
    currency: parts.currency ?? 'USD',
    effectiveFrom: parts.effectiveFrom ?? '2024-01-01T00:00:00Z',
    charges: parts.vm ? { 'vm.runtime-hours': { model: parts.vm } } : {},
    fixedFees: parts.fee ? [{ id: 'base', description: 'Plan base fee', interval: 'monthly', amount: parts.fee }] : [],
  };
}

/** 0–100 h at 0.05, then 0.04: the tiers the scenarios price VM hours with. */
export const vmTiers = [
  { from: '0', to: '100', unitPrice: '0.05' },
  { from: '100', to: null, unitPrice: '0.04' },
];
