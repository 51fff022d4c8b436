import { PlanService } from '../contract/wap-types';
import { addSubscriptionAddOn } from '../lifecycle/add-subscription-add-on';
import { createAddOn, createPlan } from '../lifecycle/create-offers';
import { createUser } from '../lifecycle/create-user';
import type { LifecycleContext } from '../lifecycle/lifecycle-context';
import { provisionSubscription } from '../lifecycle/provision-subscription';
import type { GeneratedProvider, ResolvedGeneratorOptions } from './generator-options';
import { topic } from './generated-resources';
import { hash32, seededGuid } from './seeded-hash';

const displayNames: Record<GeneratedProvider, string> = {
  systemcenter: 'Virtual Machine Clouds', sqlservers: 'SQL Server Databases',
  mysqlservers: 'MySQL Databases', webspaces: 'Web Site Clouds',
};
const generatorPrincipal = 'emulator-generator';

/**
 * Builds the generated world through the same use cases the Admin API uses, so the billing feeds
 * start with exactly the events a real sign-up would leave: two plans, one add-on, one user and
 * one subscription per tenant, an add-on on some Premium subscriptions. Runs before any RP or
 * subscriber is registered, so it calls nobody. Returns the subscription id of each tenant.
 */
export async function seedCatalog(o: ResolvedGeneratorOptions, base: LifecycleContext): Promise<string[]> {
  // One day before the first usage hour: every seeded event precedes the usage it explains.
  const at = new Date(o.startMs - 24 * 3_600_000);
  const ctx: LifecycleContext = { ...base, now: () => at };
  const offers = { store: ctx.store, feeds: ctx.feeds, at };
  const letters = (salt: number) => (i: number) => hash32(o.seed, topic.letters, salt, i);
  const services: PlanService[] = o.providers.map((p, i) => ({
    ServiceName: p, ServiceInstanceId: seededGuid(o.seed, topic.letters, 100 + i), ServiceDisplayName: displayNames[p],
  }));

  const addOn = createAddOn({ ...offers, idLetters: letters(1) }, { DisplayName: 'Extra Storage', ServiceQuotas: services });
  const standard = createPlan({ ...offers, idLetters: letters(2) }, { DisplayName: 'Standard', ServiceQuotas: services });
  const premium = createPlan({ ...offers, idLetters: letters(3) },
    { DisplayName: 'Premium', ServiceQuotas: services, AddOnIds: addOn.ok ? [addOn.value.Id] : [] });
  if (!addOn.ok || !standard.ok || !premium.ok) throw new Error('generator: the catalog was not empty');

  const subscriptionIds: string[] = [];
  for (let tenant = 0; tenant < o.tenants; tenant++) {
    const name = `tenant${String(tenant).padStart(4, '0')}@emulator.example`;
    createUser(ctx.store, { Name: name }, at);
    const plan = tenant % 2 === 0 ? standard.value : premium.value;
    const id = tenantSubscriptionId(o, tenant);
    const made = await provisionSubscription(ctx, {
      SubscriptionId: id, FriendlyName: plan.DisplayName, PlanId: plan.Id, AccountAdminLiveEmailId: name,
    }, generatorPrincipal);
    if (!made.ok) throw new Error(`generator: subscription ${id} failed: ${made.error}`);
    if (plan === premium.value && hash32(o.seed, topic.addOn, tenant) % 2 === 0) {
      await addSubscriptionAddOn(ctx, id,
        { AddOnId: addOn.value.Id, AddOnInstanceId: seededGuid(o.seed, topic.addOn, tenant) }, generatorPrincipal);
    }
    subscriptionIds.push(id);
  }
  return subscriptionIds;
}

/** Pure, so the usage stream knows every tenant's subscription before the catalog is built. */
export function tenantSubscriptionId(o: ResolvedGeneratorOptions, tenant: number): string {
  return seededGuid(o.seed, topic.subscription, tenant);
}
