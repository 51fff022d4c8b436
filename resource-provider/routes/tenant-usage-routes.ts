import type { Request, Router } from 'express';
import { inject, injectable } from 'inversify';
import { MeterRegistry } from '../../core/plugin-host/meter-registry';
import { Clock } from '../../core/time/clock';
import { UsageQuery } from '../../core/usage/store/usage-query';
import type { RouteContribution } from '../http/route-contribution';
import { formatParam, granularityParam, itemsResponse, operation, pathParam, periodParams } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { MeterUsage, ResourceUsage, UsageRecordEvidence } from '../openapi/schemas/usage-schemas';
import { Guid } from '../wap/contract/schema-kit';
import { sendItems } from '../http/tabular-response';
import { seriesGrain, usagePeriod } from '../http/usage-period-params';
import { requireGuid } from '../http/path-params';

/** The path segment that stands for usage that names no resource (WAP's MySQL records). */
export const NO_RESOURCE = '-';

/**
 * A tenant's usage, one click at a time: totals per meter (or a series), the resources behind a
 * meter's total, the WAP records behind a resource's total. Every query is bound to the
 * subscription in the path: WAP checked that the caller owns it, and nothing in the query string
 * can widen it to another subscription.
 */
@injectable()
export class TenantUsageRoutes implements RouteContribution {
  constructor(
    @inject(UsageQuery) private readonly usage: UsageQuery,
    @inject(MeterRegistry) private readonly meters: MeterRegistry,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  configure(router: Router): void {
    router.get('/subscriptions/:subscriptionId/usage', async (req, res) => {
      const period = usagePeriod(req, this.clock.now());
      const grain = seriesGrain(req, period);
      const subscriptionId = subscriptionOf(req);
      const buckets = grain
        ? await this.usage.series(subscriptionId, period, grain)
        : (await this.usage.totals(subscriptionId, period)).map((t) => ({ meterId: t.meterId, quantity: t.quantity, ...period }));
      // A month's daily series has 155 items over 31 buckets and 5 meters: each bucket's times and
      // each meter's names are written once, not once per item (`npm run bench`).
      const views = new Map<string, ReturnType<TenantUsageRoutes['meterView']>>();
      const times = new Map<number, string>();
      const time = (date: Date) => {
        let text = times.get(date.getTime());
        if (text === undefined) times.set(date.getTime(), (text = date.toISOString()));
        return text;
      };
      const items = buckets.map((b) => {
        let view = views.get(b.meterId);
        if (!view) views.set(b.meterId, (view = this.meterView(b.meterId)));
        return { meterId: view.meterId, displayName: view.displayName, unit: view.unit, quantity: b.quantity, from: time(b.from), to: time(b.to) };
      });
      sendItems(req, res, items, ['meterId', 'displayName', 'unit', 'quantity', 'from', 'to'], `usage-${subscriptionId}`);
    });

    router.get('/subscriptions/:subscriptionId/usage/meters/:meterId/resources', async (req, res) => {
      const period = usagePeriod(req, this.clock.now());
      const subscriptionId = subscriptionOf(req);
      const totals = await this.usage.byResource(subscriptionId, req.params.meterId, period);
      const meter = this.meterView(req.params.meterId);
      const items = totals.map((t) => ({ ...meter, resourceId: t.resourceId, quantity: t.quantity, from: period.from, to: period.to }));
      sendItems(req, res, items, ['meterId', 'resourceId', 'unit', 'quantity', 'from', 'to'], `usage-${subscriptionId}-${req.params.meterId}`);
    });

    router.get('/subscriptions/:subscriptionId/usage/meters/:meterId/resources/:resourceId/records', async (req, res) => {
      const period = usagePeriod(req, this.clock.now());
      const subscriptionId = subscriptionOf(req);
      const resourceId = req.params.resourceId === NO_RESOURCE ? null : req.params.resourceId;
      const evidence = await this.usage.records(subscriptionId, req.params.meterId, resourceId, period);
      const items = evidence.map((e) => ({ eventId: e.eventId, start: e.start, end: e.end, quantity: e.quantity, record: e.record }));
      sendItems(req, res, items, ['eventId', 'start', 'end', 'quantity', 'record'], `records-${subscriptionId}-${req.params.meterId}`);
    });
  }

  describe(): OpenApiPaths {
    const subscriptionId = pathParam('subscriptionId', 'the subscription WAP checked the caller owns', Guid());
    const meterId = pathParam('meterId', 'a meter id, e.g. mysql.allotted-space');
    const resourceId = pathParam('resourceId', `the resource, or ${NO_RESOURCE} for usage that names none`);
    return {
      '/subscriptions/{subscriptionId}/usage': {
        get: operation({
          summary: 'A subscription\'s usage per meter over a period, or as a series',
          tags: ['tenant'],
          parameters: [subscriptionId, ...periodParams, granularityParam, formatParam],
          responses: { 200: itemsResponse('One row per meter (per bucket with `granularity`)', MeterUsage) },
          errors: [400],
        }),
      },
      '/subscriptions/{subscriptionId}/usage/meters/{meterId}/resources': {
        get: operation({
          summary: 'The resources behind one meter\'s total',
          tags: ['tenant'],
          parameters: [subscriptionId, meterId, ...periodParams, formatParam],
          responses: { 200: itemsResponse('One row per resource', ResourceUsage) },
          errors: [400],
        }),
      },
      '/subscriptions/{subscriptionId}/usage/meters/{meterId}/resources/{resourceId}/records': {
        get: operation({
          summary: 'The WAP usage records behind one resource\'s total',
          tags: ['tenant'],
          parameters: [subscriptionId, meterId, resourceId, ...periodParams, formatParam],
          responses: { 200: itemsResponse('The metered rows, each with its WAP record', UsageRecordEvidence) },
          errors: [400],
        }),
      },
    };
  }

  private meterView(meterId: string) {
    const meter = this.meters.meter(meterId);
    return { meterId, displayName: meter?.displayName ?? meterId, unit: meter?.unit ?? null };
  }
}

function subscriptionOf(req: Request): string {
  return requireGuid(String(req.params.subscriptionId));
}
