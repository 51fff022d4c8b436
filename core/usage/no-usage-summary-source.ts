import { injectable } from 'inversify';
import type { MeterReading, UsageSummarySource } from './usage-summary-source';

/** The stand-in until the usage store answers: every subscription has used nothing yet. */
@injectable()
export class NoUsageSummarySource implements UsageSummarySource {
  async readingsFor(): Promise<MeterReading[]> {
    return [];
  }
}
