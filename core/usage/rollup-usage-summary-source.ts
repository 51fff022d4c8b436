import { inject, injectable } from 'inversify';
import { MeterRegistry } from '../plugin-host/meter-registry';
import { Clock } from '../time/clock';
import { UsageQuery } from './store/usage-query';
import type { MeterReading, UsageSummarySource } from './usage-summary-source';

const HOUR = 3_600_000;

/**
 * The portal's usage summary: each meter's quantity in the current UTC month so far, from the
 * rollups. Meters are grouped by service, the part of the meter id before its first dot.
 */
@injectable()
export class RollupUsageSummarySource implements UsageSummarySource {
  constructor(
    @inject(UsageQuery) private readonly usage: UsageQuery,
    @inject(MeterRegistry) private readonly meters: MeterRegistry,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async readingsFor(subscriptionId: string): Promise<MeterReading[]> {
    const now = this.clock.now();
    const period = {
      from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
      to: new Date(Math.ceil((now.getTime() + 1) / HOUR) * HOUR),
    };
    const totals = await this.usage.totals(subscriptionId.toLowerCase(), period);
    return totals.map((total) => {
      const meter = this.meters.meter(total.meterId);
      const service = total.meterId.split('.')[0];
      return {
        meterId: total.meterId,
        displayName: meter?.displayName ?? total.meterId,
        currentValue: total.quantity,
        limit: null,
        unit: meter?.unit ?? total.unit ?? '',
        groupId: service,
        groupDisplayName: service,
      };
    });
  }
}
