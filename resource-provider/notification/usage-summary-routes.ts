import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { GetUsageSummary } from '../../core/subscriptions/get-usage-summary';
import type { MeterReading } from '../../core/usage/usage-summary-source';
import type { RouteContribution } from '../http/route-contribution';
import { valueOrThrow } from '../http/use-case-errors';
import type { ServiceUsageSummary } from '../wap/contract/usage-summary';
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
