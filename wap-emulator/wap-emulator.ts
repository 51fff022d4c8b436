import type { Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { adminApp } from './admin/admin-app';
import { AdminStore, key } from './admin/admin-store';
import { parseSubscriber } from './admin/subscriber-input';
import type { FeedName } from './contract/feeds';
import type { NotificationSubscriber } from './contract/notification-subscriber';
import { CallFilter, CallLog, RecordedCall } from './control/call-log';
import { FaultInjector } from './control/fault-injector';
import { BillingFeeds } from './feeds/billing-feeds';
import type { FeedSource } from './feeds/feed-source';
import { usageServiceApp } from './feeds/usage-service-app';
import { UsageLog } from './feeds/usage-log';
import { GeneratedUsage } from './generator/generated-usage';
import type { ResolvedGeneratorOptions } from './generator/generator-options';
import { resolveGeneratorOptions } from './generator/resolve-generator-options';
import { seedCatalog, tenantSubscriptionId } from './generator/seed-catalog';
import type { LifecycleContext } from './lifecycle/lifecycle-context';
import { BillingApproval } from './notify/billing-approval';
import { OutboundClient } from './notify/outbound-client';
import { RpNotifier } from './notify/rp-notifier';
import { emulatorDefaults, WapEmulatorOptions } from './wap-emulator-options';

export type { WapEmulatorOptions } from './wap-emulator-options';

export interface WapEmulatorUrls { adminApiUrl: string; usageServiceUrl: string }

/**
 * A stand-in for Windows Azure Pack written from shared/wap/CONTRACT.md: the Admin API subset,
 * the Usage Service feeds, and the calls WAP makes to resource providers and billing subscribers.
 * Tests drive it over HTTP like real WAP and steer it through the members below.
 */
export class WapEmulator {
  readonly store = new AdminStore();
  readonly billing: BillingFeeds;
  /** The `/usage` feed; `usage.append(records)` adds records after the generated ones. */
  readonly usage: UsageLog;
  readonly faults = new FaultInjector();
  readonly calls = new CallLog();
  /** The generated tenants' subscription ids, index = tenant; empty without a generator. */
  readonly generatedSubscriptionIds: readonly string[];
  /** Changeable while running: later pages repeat this many earlier records. */
  overlapPages: number;

  private readonly settings: Required<Omit<WapEmulatorOptions, 'generator' | 'overlapPages'>>;
  private readonly generator?: ResolvedGeneratorOptions;
  private readonly lifecycle: LifecycleContext;
  private readonly client: OutboundClient;
  private servers: Server[] = [];

  constructor(options: WapEmulatorOptions = {}) {
    const { generator, overlapPages, ...rest } = options;
    this.settings = { ...emulatorDefaults, now: () => new Date(), ...withoutUndefined(rest) };
    const now = this.settings.now;
    this.overlapPages = overlapPages ?? 0;
    this.billing = new BillingFeeds(now);
    this.generator = generator ? resolveGeneratorOptions(generator) : undefined;
    const g = this.generator;
    this.generatedSubscriptionIds = g ? Array.from({ length: g.tenants }, (_, t) => tenantSubscriptionId(g, t)) : [];
    this.usage = new UsageLog(g ? new GeneratedUsage(g, this.generatedSubscriptionIds) : undefined, now);
    const client = this.client = new OutboundClient(this.calls, this.settings.outboundTimeoutMs);
    this.lifecycle = {
      store: this.store, feeds: this.billing, now,
      approval: new BillingApproval(this.store, client, now), notifier: new RpNotifier(this.store, client),
    };
  }

  /** Builds the generated world (first start only), then opens both listeners. */
  async start(): Promise<WapEmulatorUrls> {
    if (this.servers.length > 0) throw new Error('WapEmulator is already started');
    if (this.generator && this.store.plans.size === 0) await seedCatalog(this.generator, this.lifecycle);
    const s = this.settings;
    const admin = adminApp({
      store: this.store, lifecycle: this.lifecycle, client: this.client, usage: this.usage, calls: this.calls,
      token: s.adminToken, faults: this.faults,
    });
    const usage = usageServiceApp({
      username: s.usageUsername, password: s.usagePassword, faults: this.faults, calls: this.calls,
      feeds: name => this.feed(name), overlap: () => this.overlapPages,
    });
    const adminServer = await listen(admin.listen(s.adminPort, s.host));
    this.servers.push(adminServer);
    this.servers.push(await listen(usage.listen(s.usagePort, s.host)));
    return this.urls();
  }

  async stop(): Promise<void> {
    const servers = this.servers;
    this.servers = [];
    await Promise.all(servers.map(server => {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      return closed;
    }));
  }

  urls(): WapEmulatorUrls {
    const [admin, usage] = this.servers.map(s => s.address() as AddressInfo);
    if (!admin || !usage) throw new Error('WapEmulator is not started');
    const host = this.settings.host.includes(':') ? `[${this.settings.host}]` : this.settings.host;
    return { adminApiUrl: `http://${host}:${admin.port}`, usageServiceUrl: `http://${host}:${usage.port}` };
  }

  /** What `/emulator/notificationSubscribers` does, without HTTP. */
  addNotificationSubscriber(subscriber: Partial<NotificationSubscriber> & Pick<NotificationSubscriber, 'Name' | 'Endpoint'>):
    NotificationSubscriber {
    const parsed = parseSubscriber({ Enabled: true, SubscriberType: 'BillingService', AuthenticationMode: 'None', ...subscriber });
    this.store.notificationSubscribers.set(key(parsed.Name), parsed);
    return parsed;
  }

  /** The calls the emulator made to resource providers, in order: what the RP was sent. */
  rpCalls(filter: Omit<CallFilter, 'direction' | 'target'> = {}): RecordedCall[] {
    return this.calls.list({ ...filter, direction: 'out', target: 'resourceProvider' });
  }

  /** The calls the emulator made to billing subscribers for approval. */
  subscriberCalls(filter: Omit<CallFilter, 'direction' | 'target'> = {}): RecordedCall[] {
    return this.calls.list({ ...filter, direction: 'out', target: 'notificationSubscriber' });
  }

  feed(name: FeedName): FeedSource<unknown> {
    return name === 'usage' ? this.usage : this.billing.feed(name);
  }

  /** The principal's admin headers for the Admin API, ready for `fetch`. */
  adminHeaders(principalId = 'admin@emulator.example'): Record<string, string> {
    return { authorization: `Bearer ${this.settings.adminToken}`, 'x-ms-principal-id': principalId,
      'content-type': 'application/json' };
  }

  usageHeaders(): Record<string, string> {
    const token = Buffer.from(`${this.settings.usageUsername}:${this.settings.usagePassword}`).toString('base64');
    return { authorization: `Basic ${token}` };
  }
}

async function listen(server: Server): Promise<Server> {
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([err]) => { throw err; })]);
  return server;
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
