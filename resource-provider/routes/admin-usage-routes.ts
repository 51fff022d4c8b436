import { Type } from '@sinclair/typebox';
import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { MeterRegistry } from '../../core/plugin-host/meter-registry';
import { SaveDeclarativeMeter } from '../../core/plugin-host/save-declarative-meter';
import { valueOrThrow } from '../http/use-case-errors';
import { HttpError } from '../http/wap-error';
import { Clock } from '../../core/time/clock';
import { ReprocessQuarantine } from '../../core/usage/store/reprocess-quarantine';
import { UsageQuery } from '../../core/usage/store/usage-query';
import type { RouteContribution } from '../http/route-contribution';
import { formatParam, itemsResponse, jsonResponse, operation, pathParam, periodParams, queryParam } from '../openapi/operation-kit';
import { DeclarativeMeterDocumentSchema } from '../../core/usage/metering/declarative-meter-schema';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { Meter, MeterSubscriptions, PlanMeterUsage, QuarantinedRecord, QuarantineGroup, ReprocessOutcome, SubscriptionMeterUsage } from '../openapi/schemas/usage-schemas';
import { QUARANTINE_KINDS, QuarantineView } from '../../core/usage/store/quarantine-view';
import { DEFAULT_QUARANTINE_PAGE, MAX_QUARANTINE_PAGE, quarantineFilter } from '../http/quarantine-filter-params';
import { sendItems } from '../http/tabular-response';
import { usagePeriod } from '../http/usage-period-params';
import { UsageByPlan } from '../../core/usage/usage-by-plan';
import { TotalAcrossSubscriptions } from '../../core/usage/total-across-subscriptions';
import { CatalogueQuery } from '../../core/catalogue/catalogue-query';

/** Admins' views across subscriptions: every meter there is, usage by subscription, by meter or by plan, quarantine. */
@injectable()
export class AdminUsageRoutes implements RouteContribution {
  constructor(
    @inject(UsageQuery) private readonly usage: UsageQuery,
    @inject(MeterRegistry) private readonly meters: MeterRegistry,
    @inject(ReprocessQuarantine) private readonly quarantine: ReprocessQuarantine,
    @inject(SaveDeclarativeMeter) private readonly declarativeMeters: SaveDeclarativeMeter,
    @inject(Clock) private readonly clock: Clock,
    @inject(UsageByPlan) private readonly byPlan: UsageByPlan,
    @inject(CatalogueQuery) private readonly catalogue: CatalogueQuery,
    @inject(QuarantineView) private readonly quarantined: QuarantineView,
  ) {}

  configure(router: Router): void {
    router.get('/admin/meters', (req, res) => {
      const items = this.meters.meters().map((m) => ({ ...m, description: m.description ?? null }));
      sendItems(req, res, items, ['id', 'displayName', 'unit', 'aggregation', 'description'], 'meters');
    });

    router.get('/admin/usage', async (req, res) => {
      const period = usagePeriod(req, this.clock.now());
      if (req.query.groupBy === 'plan') {
        const names = new Map((await this.catalogue.plans()).map((p) => [p.id, p.displayName]));
        const items = (await this.byPlan.over(period)).map((u) => ({ ...u, planName: u.planId === null ? null : names.get(u.planId) ?? null, unit: u.unit ?? null }));
        sendItems(req, res, items, ['planId', 'planName', 'meterId', 'unit', 'subscriptions', 'quantity'], 'usage-by-plan');
        return;
      }
      const totals = await this.usage.overview(period);
      const byMeter = req.query.groupBy === 'meter';
      const items = byMeter ? this.perMeter(totals) : totals.map((t) => ({ ...t, unit: this.meters.meter(t.meterId)?.unit ?? null }));
      const columns = byMeter ? (['meterId', 'unit', 'subscriptions', 'quantity'] as const) : (['subscriptionId', 'meterId', 'unit', 'quantity'] as const);
      sendItems(req, res, items as Record<string, unknown>[], columns, 'usage');
    });

    router.put('/admin/meters/declarative/:id', async (req, res) => {
      const document = req.body as { id?: unknown } | undefined;
      if (!document || typeof document !== 'object' || document.id !== req.params.id) {
        throw new HttpError(400, 'BadRequest', `The body must be a meter document whose id is '${req.params.id}'`);
      }
      const installed = valueOrThrow(await this.declarativeMeters.save(document));
      res.json({ id: installed.id, state: installed.state, location: installed.location, meters: this.meters.meters().filter((m) => (document as { meters?: { id: string }[] }).meters?.some((d) => d.id === m.id)) });
    });

    router.get('/admin/quarantine', async (req, res) => {
      const groups = await this.quarantined.groups();
      sendItems(req, res, groups, ['kind', 'providerName', 'records', 'firstEventId', 'lastEventId', 'example'], 'quarantine');
    });

    router.get('/admin/quarantine/records', async (req, res) => {
      const filter = quarantineFilter(req.query);
      const items = await this.quarantined.records(filter);
      const last = items.at(-1);
      const next = items.length === filter.limit && last ? `${req.path}?${new URLSearchParams({ ...(req.query as Record<string, string>), after: last.eventId })}` : undefined;
      sendItems(req, res, items, ['feed', 'eventId', 'subscriptionId', 'providerName', 'resourceId', 'startTime', 'endTime', 'reason', 'quarantinedAt'], 'quarantined-records', { next });
    });

    router.post('/admin/quarantine/reprocess', async (_req, res) => {
      res.json(await this.quarantine.reprocess());
    });
  }

  describe(): OpenApiPaths {
    return {
      '/admin/meters': {
        get: operation({ summary: 'Every meter the installed meter plugins provide', tags: ['admin'], parameters: [formatParam], responses: { 200: itemsResponse('The meters', Meter) } }),
      },
      '/admin/usage': {
        get: operation({
          summary: 'Usage across subscriptions over a period',
          tags: ['admin'],
          parameters: [
            ...periodParams,
            queryParam('groupBy', 'meter: how many subscriptions used each meter, and their total where it adds up; plan: each plan\'s usage, split at the hours its subscriptions changed plans', Type.Union([Type.Literal('meter'), Type.Literal('plan')])),
            formatParam,
          ],
          responses: { 200: itemsResponse('One row per subscription and meter (or per meter, or per plan and meter)', Type.Union([SubscriptionMeterUsage, MeterSubscriptions, PlanMeterUsage])) },
          errors: [400],
        }),
      },
      '/admin/meters/declarative/{id}': {
        put: operation({
          summary: 'Make a WAP service billable without code: a declarative meter document, kept as <id>.meter.json in the writable plugins folder',
          tags: ['admin'],
          parameters: [pathParam('id', "the document's id (a plugin id)")],
          body: { schema: DeclarativeMeterDocumentSchema },
          responses: { 200: jsonResponse('The meter plugin, enabled, with its meters', Type.Object({ id: Type.String(), state: Type.String(), location: Type.String(), meters: Type.Array(Type.Object({}, { additionalProperties: true })) })) },
          errors: [400, 409],
        }),
      },
      '/admin/quarantine': {
        get: operation({
          summary: 'The quarantined usage records not yet released, counted by kind of reason and WAP provider',
          tags: ['admin'],
          parameters: [formatParam],
          responses: { 200: itemsResponse('One row per kind of reason and provider, the largest first', QuarantineGroup) },
        }),
      },
      '/admin/quarantine/records': {
        get: operation({
          summary: 'The quarantined usage records not yet released, in EventId order, a page at a time',
          tags: ['admin'],
          parameters: [
            queryParam('kind', 'only the records quarantined for this kind of reason', Type.Union(QUARANTINE_KINDS.map((k) => Type.Literal(k)))),
            queryParam('providerName', "only the records of this WAP provider (the records' ProviderName)"),
            queryParam('after', 'the records after this EventId: `next` gives the next page', Type.String({ pattern: '^[0-9]{1,19}$' })),
            queryParam('limit', `records a page, at most ${MAX_QUARANTINE_PAGE}; default ${DEFAULT_QUARANTINE_PAGE}`, Type.Integer({ minimum: 1, maximum: MAX_QUARANTINE_PAGE })),
            queryParam('feed', "the feed the records came from; default 'usage'"),
            formatParam,
          ],
          responses: { 200: itemsResponse('The records, and `next` (also a `Link` header) while a page comes back full', QuarantinedRecord) },
          errors: [400],
        }),
      },
      '/admin/quarantine/reprocess': {
        post: operation({
          summary: 'Meter again the usage records quarantined for want of a meter',
          tags: ['admin'],
          responses: { 200: jsonResponse('How many records were released', ReprocessOutcome) },
        }),
      },
    };
  }

  /** How many subscriptions used each meter, and their quantities added up where they add up. */
  private perMeter(totals: readonly { subscriptionId: string; meterId: string; quantity: string }[]) {
    const byMeter = new Map<string, TotalAcrossSubscriptions>();
    for (const t of totals) {
      let total = byMeter.get(t.meterId);
      if (!total) byMeter.set(t.meterId, (total = new TotalAcrossSubscriptions(this.meters.meter(t.meterId)?.aggregation)));
      total.add(t.subscriptionId, t.quantity);
    }
    return [...byMeter].map(([meterId, total]) => ({ meterId, unit: this.meters.meter(meterId)?.unit ?? null, subscriptions: total.subscriptions, quantity: total.quantity }));
  }
}
