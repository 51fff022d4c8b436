import type { Transaction } from 'sequelize';
import type { AccountDefaults } from '../../accounts/account-defaults';
import type { Offer, PlanAddOnLink, PlanServiceLink, SubscriptionAddOn } from '../../catalogue/catalogue';
import type { CataloguePageKeys, CatalogueUnit, SubscriptionMark } from '../../catalogue/catalogue-store';
import type { Subscription } from '../../subscriptions/subscription';
import type { SubscriptionWrite, WriteOutcome } from '../../subscriptions/subscription-store';
import type { Database } from '../database';
import { CataloguePageTable } from './sequelize-catalogue-page-table';
import { offerTable, PLAN_ADD_ONS_TABLE, PLAN_SERVICES_TABLE, SUBSCRIPTION_ADD_ONS_TABLE } from './sequelize-catalogue-rows';
import { CatalogueSubscriptionRows } from './sequelize-catalogue-subscriptions';

/**
 * One page's view of the database, inside the page's transaction: what the page's events are
 * about is read a table at a time (`preload`), what they save is kept and answered from, and
 * `flush` writes it all at the page's end, so that a page costs a few statements a table
 * however many events it holds.
 */
export class SequelizeCatalogueUnit implements CatalogueUnit {
  private readonly plans: CataloguePageTable<Offer>;
  private readonly addOns: CataloguePageTable<Offer>;
  private readonly planServices: CataloguePageTable<PlanServiceLink>;
  private readonly planAddOns: CataloguePageTable<PlanAddOnLink>;
  private readonly subscriptionAddOns: CataloguePageTable<SubscriptionAddOn>;
  private readonly subscriptions: CatalogueSubscriptionRows;

  constructor(database: Database, transaction: Transaction, accountDefaults: AccountDefaults, now: Date) {
    this.plans = new CataloguePageTable(database, transaction, offerTable('plans'));
    this.addOns = new CataloguePageTable(database, transaction, offerTable('add_ons'));
    this.planServices = new CataloguePageTable(database, transaction, PLAN_SERVICES_TABLE);
    this.planAddOns = new CataloguePageTable(database, transaction, PLAN_ADD_ONS_TABLE);
    this.subscriptionAddOns = new CataloguePageTable(database, transaction, SUBSCRIPTION_ADD_ONS_TABLE);
    this.subscriptions = new CatalogueSubscriptionRows(database, transaction, accountDefaults, now);
  }

  async preload(keys: CataloguePageKeys): Promise<void> {
    if (keys.plans) await this.plans.load(keys.plans);
    if (keys.addOns) await this.addOns.load(keys.addOns);
    if (keys.planServices) await this.planServices.load(keys.planServices);
    if (keys.planAddOns) await this.planAddOns.load(keys.planAddOns);
    if (keys.subscriptionAddOns) await this.subscriptionAddOns.load(keys.subscriptionAddOns);
    if (keys.subscriptions || keys.accounts) await this.subscriptions.load(keys.subscriptions ?? [], keys.accounts ?? []);
  }

  findPlan(id: string): Promise<Offer | undefined> {
    return this.plans.find([id]);
  }

  savePlan(plan: Offer): Promise<void> {
    return this.plans.save(plan);
  }

  findAddOn(id: string): Promise<Offer | undefined> {
    return this.addOns.find([id]);
  }

  saveAddOn(addOn: Offer): Promise<void> {
    return this.addOns.save(addOn);
  }

  findPlanService(planId: string, serviceInstanceId: string): Promise<PlanServiceLink | undefined> {
    return this.planServices.find([planId, serviceInstanceId]);
  }

  savePlanService(link: PlanServiceLink): Promise<void> {
    return this.planServices.save(link);
  }

  findPlanAddOn(planId: string, addOnId: string): Promise<PlanAddOnLink | undefined> {
    return this.planAddOns.find([planId, addOnId]);
  }

  savePlanAddOn(link: PlanAddOnLink): Promise<void> {
    return this.planAddOns.save(link);
  }

  findSubscriptionAddOn(subscriptionId: string, instanceId: string): Promise<SubscriptionAddOn | undefined> {
    return this.subscriptionAddOns.find([subscriptionId, instanceId]);
  }

  saveSubscriptionAddOn(holding: SubscriptionAddOn): Promise<void> {
    return this.subscriptionAddOns.save(holding);
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

  /** Writes what the page's events left; the last step of the page before its watermark. */
  async flush(): Promise<void> {
    for (const table of [this.plans, this.addOns, this.planServices, this.planAddOns, this.subscriptionAddOns]) await table.flush();
    await this.subscriptions.flush();
  }
}
