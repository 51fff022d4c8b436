import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { GetUsageSummary } from '../../core/subscriptions/get-usage-summary';
import type { MeterReading } from '../../core/usage/usage-summary-source';
import type { RouteContribution } from '../http/route-contribution';
import { jsonResponse, operation, pathParam } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { Guid } from '../wap/contract/schema-kit';
import { valueOrThrow } from '../http/use-case-errors';
import { ServiceUsageSummary } from '../wap/contract/usage-summary';
import { RP_DISPLAY_NAME, RP_NAME } from '../wap/rp-identity';
import { requireGuid } from '../http/path-params';

/** CONTRACT §4: `GET /subscriptions/{id}/usagesummary`, the figures WAP's portal shows on the subscription. */
@injectable()
export class UsageSummaryRoutes implements RouteContribution {
  constructor(@inject(GetUsageSummary) private readonly summaries: GetUsageSummary) {}

  configure(router: Router): void {
    router.get('/admin/subscriptions/:subscriptionId/usagesummary', async (req, res) => {
      const readings = valueOrThrow(await this.summaries.summarize(requireGuid(req.params.subscriptionId)));
      const summary: ServiceUsageSummary = {
        ServiceName: RP_NAME,
        ServiceDisplayName: RP_DISPLAY_NAME,
        RetrievedSuccessfully: true,
        ErrorMessage: null,
        Usages: readings.map(toServiceUsage),
      };
      res.json(summary);
    });
  }

  describe(): OpenApiPaths {
    return {
      '/admin/subscriptions/{subscriptionId}/usagesummary': {
        get: operation({
          summary: 'The usage figures WAP\'s portal shows on a subscription (CONTRACT §4)',
          tags: ['notification'],
          parameters: [pathParam('subscriptionId', 'the subscription', Guid())],
          responses: { 200: jsonResponse('The summary', ServiceUsageSummary) },
          errors: [400, 404],
        }),
      },
    };
  }
}

/**
 * The portal's field is a .NET double: the exact decimal is turned into a number here, at the
 * wire, for display only. Nothing reads it back for money.
 */
function toServiceUsage(reading: MeterReading): ServiceUsageSummary['Usages'][number] {
  return {
    DisplayName: reading.displayName,
    CurrentValue: Number(reading.currentValue),
    Limit: reading.limit === null ? -1 : Number(reading.limit),
    UnitDisplayName: reading.unit,
    GroupId: reading.groupId ?? null,
    GroupDisplayName: reading.groupDisplayName ?? null,
  };
}
