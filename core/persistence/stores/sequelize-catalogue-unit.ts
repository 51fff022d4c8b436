import type { Transaction } from 'sequelize';
import type { AccountDefaults } from '../../accounts/account-defaults';
import type { Offer, PlanAddOnLink, PlanServiceLink, SubscriptionAddOn } from '../../catalogue/catalogue';
import type { CatalogueUnit, PendingSubscription, SubscriptionMark } from '../../catalogue/catalogue-store';
import type { Subscription } from '../../subscriptions/subscription';
import type { SubscriptionWrite, WriteOutcome } from '../../subscriptions/subscription-store';
import type { Database } from '../database';
import type { SequelizeAccountStore } from './sequelize-account-store';
import {
  findRow, lastEventColumns, OFFER_COLUMNS, PLAN_ADD_ON_COLUMNS, PLAN_SERVICE_COLUMNS, saveRow, SUBSCRIPTION_ADD_ON_COLUMNS,
  toOffer, toPlanAddOn, toPlanService, toSubscriptionAddOn,
} from './sequelize-catalogue-rows';
import type { SequelizeSubscriptionStore } from './sequelize-subscription-store';
import { readDate, select } from './sequelize-usage-sql';

/** One page's view of the database: every call runs in the page's transaction. */
export class SequelizeCatalogueUnit implements CatalogueUnit {
  constructor(
    private readonly database: Database,
    private readonly transaction: Transaction,
    private readonly subscriptions: SequelizeSubscriptionStore,
    private readonly accounts: SequelizeAccountStore,
    private readonly accountDefaults: AccountDefaults,
  ) {}

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

  findSubscription(id: string): Promise<Subscription | undefined> {
    return this.subscriptions.find(id, this.transaction);
  }

  async lastStateChangeAt(id: string): Promise<Date | undefined> {
    const [row] = await select<{ at: Date | string | null }>(
      this.database.sequelize, 'SELECT MAX(changed_at) AS at FROM subscription_state_changes WHERE subscription_id = :id', this.transaction, { id },
    );
    return row?.at ? readDate(row.at) : undefined;
  }

  saveSubscription(write: SubscriptionWrite): Promise<WriteOutcome> {
    return this.subscriptions.saveIn(write, this.transaction);
  }

  ensureAccount(accountId: string): Promise<void> {
    return this.accounts.ensureIn(accountId, this.accountDefaults, this.transaction);
  }

  async findSubscriptionMark(id: string): Promise<SubscriptionMark | undefined> {
    const row = await findRow(this.database, 'subscription_feed_marks', ['pending'], { subscription_id: id }, this.transaction);
    if (!row) return undefined;
    const pending = row.pending ? (JSON.parse(String(row.pending)) as PendingSubscription) : null;
    return { lastEvent: { eventId: String(row.last_event_id), at: readDate(row.last_event_at as Date | string) }, pending };
  }

  saveSubscriptionMark(id: string, mark: SubscriptionMark): Promise<void> {
    return saveRow(this.database, 'subscription_feed_marks', { subscription_id: id }, {
      pending: mark.pending ? JSON.stringify(mark.pending) : null, ...lastEventColumns(mark.lastEvent),
    }, this.transaction);
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
