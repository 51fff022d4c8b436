import { inject, injectable } from 'inversify';
import type { Offer, SubscriptionAddOn } from '../../catalogue/catalogue';
import type { CatalogueQuery, Paging, PlanView, SubscriptionListItem } from '../../catalogue/catalogue-query';
import type { SubscriptionState } from '../../subscriptions/subscription';
import { Database } from '../database';
import {
  columnsOf, findRow, OFFER_COLUMNS, PLAN_ADD_ON_COLUMNS, PLAN_SERVICE_COLUMNS, SUBSCRIPTION_ADD_ON_COLUMNS,
  toOffer, toPlanAddOn, toPlanService, toSubscriptionAddOn,
} from './sequelize-catalogue-rows';
import { select } from './sequelize-usage-sql';

@injectable()
export class SequelizeCatalogueQuery implements CatalogueQuery {
  constructor(@inject(Database) private readonly database: Database) {}

  async plans(): Promise<PlanView[]> {
    const [plans, services, addOns] = await Promise.all([
      this.all('plans', OFFER_COLUMNS, 'id'),
      this.all('plan_services', PLAN_SERVICE_COLUMNS, 'plan_id, service_instance_id', 'removed_at IS NULL'),
      this.all('plan_add_ons', PLAN_ADD_ON_COLUMNS, 'plan_id, add_on_id', 'removed_at IS NULL'),
    ]);
    return plans.map(toOffer).map((plan) => ({
      ...plan,
      services: services.map(toPlanService).filter((s) => s.planId === plan.id)
        .map(({ serviceInstanceId, serviceName, serviceDisplayName }) => ({ serviceInstanceId, serviceName, serviceDisplayName })),
      addOnIds: addOns.map(toPlanAddOn).filter((a) => a.planId === plan.id).map((a) => a.addOnId),
    }));
  }

  async addOns(): Promise<Offer[]> {
    return (await this.all('add_ons', OFFER_COLUMNS, 'id')).map(toOffer);
  }

  async findPlan(id: string): Promise<Offer | undefined> {
    const row = await findRow(this.database, 'plans', OFFER_COLUMNS, { id });
    return row ? toOffer(row) : undefined;
  }

  async subscriptions({ offset, limit }: Paging): Promise<{ items: SubscriptionListItem[]; total: number }> {
    const sequelize = this.database.sequelize;
    const [{ total }] = await select<{ total: number | string }>(sequelize, 'SELECT COUNT(*) AS total FROM subscriptions');
    // Whole numbers checked by the caller, inlined because the paging clause differs by dialect.
    const page = this.database.dialect === 'mssql'
      ? `OFFSET ${Math.trunc(offset)} ROWS FETCH NEXT ${Math.trunc(limit)} ROWS ONLY`
      : `LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`;
    const rows = await select<{ id: string; account_id: string; plan_id: string | null; plan_name: string | null; name: string | null; state: string }>(
      sequelize,
      `SELECT s.id, s.account_id, s.plan_id, p.display_name AS plan_name, s.name, s.state
         FROM subscriptions s LEFT JOIN plans p ON p.id = s.plan_id
        ORDER BY s.id ${page}`,
    );
    return {
      total: Number(total),
      items: rows.map((r) => ({ id: r.id, accountId: r.account_id, planId: r.plan_id, planName: r.plan_name, name: r.name, state: r.state as SubscriptionState })),
    };
  }

  async subscriptionAddOns(subscriptionId: string): Promise<SubscriptionAddOn[]> {
    return (await this.all('subscription_add_ons', SUBSCRIPTION_ADD_ON_COLUMNS, 'added_at, instance_id', 'subscription_id = :subscriptionId', { subscriptionId })).map(toSubscriptionAddOn);
  }

  private all(table: string, columns: readonly string[], orderBy: string, where?: string, replacements?: Record<string, unknown>) {
    return select<Record<string, unknown>>(
      this.database.sequelize,
      `SELECT ${columnsOf(this.database, columns)} FROM ${table}${where ? ` WHERE ${where}` : ''} ORDER BY ${orderBy}`,
      undefined,
      replacements,
    );
  }
}
