import type { Transaction } from 'sequelize';
import type { AccountDefaults } from '../../accounts/account-defaults';
import type { Offer, PlanAddOnLink, PlanServiceLink, SubscriptionAddOn } from '../../catalogue/catalogue';
import type { CatalogueUnit, SubscriptionMark } from '../../catalogue/catalogue-store';
import type { Subscription } from '../../subscriptions/subscription';
import type { SubscriptionWrite, WriteOutcome } from '../../subscriptions/subscription-store';
import type { Database } from '../database';
import {
  findRow, lastEventColumns, OFFER_COLUMNS, PLAN_ADD_ON_COLUMNS, PLAN_SERVICE_COLUMNS, saveRow, SUBSCRIPTION_ADD_ON_COLUMNS,
  toOffer, toPlanAddOn, toPlanService, toSubscriptionAddOn,
} from './sequelize-catalogue-rows';
import { CatalogueSubscriptionRows } from './sequelize-catalogue-subscriptions';

/**
 * One page's view of the database: every call runs in the page's transaction. Offers and links are
 * read and written as asked; what concerns subscriptions is read for the page at once and written
 * by `flush` (`CatalogueSubscriptionRows`).
 */
export class SequelizeCatalogueUnit implements CatalogueUnit {
  private readonly subscriptions: CatalogueSubscriptionRows;

  constructor(
    private readonly database: Database,
    private readonly transaction: Transaction,
    accountDefaults: AccountDefaults,
    now: Date,
  ) {
    this.subscriptions = new CatalogueSubscriptionRows(database, transaction, accountDefaults, now);
  }

  async findPlan(id: string): Promise<Offer | undefined> {
    return this.findOffer('plans', id);
  }

  savePlan(plan: Offer): Promise<void> {
    return this.saveOffer('plans', plan);
  }

  findAddOn(id: string): Promise<Offer | undefined> {
    return this.findOffer('add_ons', id);
  }

  saveAddOn(addOn: Offer): Promise<void> {
    return this.saveOffer('add_ons', addOn);
  }

  async findPlanService(planId: string, serviceInstanceId: string): Promise<PlanServiceLink | undefined> {
    const row = await findRow(this.database, 'plan_services', PLAN_SERVICE_COLUMNS, { plan_id: planId, service_instance_id: serviceInstanceId }, this.transaction);
    return row ? toPlanService(row) : undefined;
  }

  savePlanService(link: PlanServiceLink): Promise<void> {
    return saveRow(this.database, 'plan_services', { plan_id: link.planId, service_instance_id: link.serviceInstanceId }, {
      service_name: link.serviceName, service_display_name: link.serviceDisplayName, removed_at: link.removedAt, ...lastEventColumns(link.lastEvent),
    }, this.transaction);
  }

  async findPlanAddOn(planId: string, addOnId: string): Promise<PlanAddOnLink | undefined> {
    const row = await findRow(this.database, 'plan_add_ons', PLAN_ADD_ON_COLUMNS, { plan_id: planId, add_on_id: addOnId }, this.transaction);
    return row ? toPlanAddOn(row) : undefined;
  }

  savePlanAddOn(link: PlanAddOnLink): Promise<void> {
    return saveRow(this.database, 'plan_add_ons', { plan_id: link.planId, add_on_id: link.addOnId }, {
      removed_at: link.removedAt, ...lastEventColumns(link.lastEvent),
    }, this.transaction);
  }

  async findSubscriptionAddOn(subscriptionId: string, instanceId: string): Promise<SubscriptionAddOn | undefined> {
    const row = await findRow(this.database, 'subscription_add_ons', SUBSCRIPTION_ADD_ON_COLUMNS, { subscription_id: subscriptionId, instance_id: instanceId }, this.transaction);
    return row ? toSubscriptionAddOn(row) : undefined;
  }

  saveSubscriptionAddOn(holding: SubscriptionAddOn): Promise<void> {
    return saveRow(this.database, 'subscription_add_ons', { subscription_id: holding.subscriptionId, instance_id: holding.instanceId }, {
      add_on_id: holding.addOnId, added_at: holding.addedAt, removed_at: holding.removedAt, ...lastEventColumns(holding.lastEvent),
    }, this.transaction);
  }

  preloadSubscriptions(subscriptionIds: readonly string[], accountIds: readonly string[]): Promise<void> {
    return this.subscriptions.load(subscriptionIds, accountIds);
  }

  findSubscription(id: string): Promise<Subscription | undefined> {
    return this.subscriptions.find(id);
  }

  lastStateChangeAt(id: string): Promise<Date | undefined> {
    return this.subscriptions.lastStateChangeAt(id);
  }

  saveSubscription(write: SubscriptionWrite): Promise<WriteOutcome> {
    return this.subscriptions.save(write);
  }

  ensureAccount(accountId: string): Promise<void> {
    return this.subscriptions.ensureAccount(accountId);
  }

  findSubscriptionMark(id: string): Promise<SubscriptionMark | undefined> {
    return this.subscriptions.mark(id);
  }

  saveSubscriptionMark(id: string, mark: SubscriptionMark): Promise<void> {
    return this.subscriptions.saveMark(id, mark);
  }

  /** Writes what the page's subscription events left; the last step of the page before its watermark. */
  flush(): Promise<void> {
    return this.subscriptions.flush();
  }

  private async findOffer(table: string, id: string): Promise<Offer | undefined> {
    const row = await findRow(this.database, table, OFFER_COLUMNS, { id }, this.transaction);
    return row ? toOffer(row) : undefined;
  }

  private saveOffer(table: string, offer: Offer): Promise<void> {
    return saveRow(this.database, table, { id: offer.id }, {
      display_name: offer.displayName, state: offer.state, deleted_at: offer.deletedAt, ...lastEventColumns(offer.lastEvent),
    }, this.transaction);
  }
}
