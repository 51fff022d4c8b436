import type { UsageRecord } from '../contract/wap-types';
import { usageTime } from '../contract/wap-time';
import type { ResolvedGeneratorOptions } from './generator-options';
import { GeneratedResource, generateResources, isHourly, topic } from './generated-resources';
import { hash32, pick } from './seeded-hash';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const runtimes = ['1', '1', '1', '1', '0.75', '0.5'];

/**
 * The generated usage stream, computed on demand from a record's index: day by day, each hour's
 * records for every VM and site, then one record per database for the day just ended. A page is
 * O(page size) to build whatever the stream's length; nothing but the resource list is kept.
 */
export class GeneratedUsage {
  readonly count: number;
  private readonly hourly: readonly IndexedResource[];
  private readonly daily: readonly IndexedResource[];
  private readonly perDay: number;

  constructor(private readonly options: ResolvedGeneratorOptions, private readonly subscriptionIds: readonly string[]) {
    const resources = generateResources(options).map((resource, index) => ({ resource, index }));
    this.hourly = resources.filter(r => isHourly(r.resource.provider));
    this.daily = resources.filter(r => !isHourly(r.resource.provider));
    this.perDay = 24 * this.hourly.length + this.daily.length;
    this.count = this.perDay * options.days;
  }

  /** `index` is zero-based; the record's EventId is `index + 1`. */
  recordAt(index: number): UsageRecord {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) throw new RangeError(`no generated record ${index}`);
    const day = Math.floor(index / this.perDay);
    const inDay = index - day * this.perDay;
    const hourlyInDay = 24 * this.hourly.length;
    const dayStart = this.options.startMs + day * dayMs;
    if (inDay < hourlyInDay) {
      const hour = Math.floor(inDay / this.hourly.length);
      const item = this.hourly[inDay - hour * this.hourly.length];
      const start = dayStart + hour * hourMs;
      return this.record(index, item.resource, start, start + hourMs, this.hourlyValues(item, day * 24 + hour));
    }
    const item = this.daily[inDay - hourlyInDay];
    return this.record(index, item.resource, dayStart, dayStart + dayMs, item.resource.fixed);
  }

  private record(index: number, resource: GeneratedResource, startMs: number, endMs: number,
    resources: Record<string, string>): UsageRecord {
    const eventId = index + 1;
    return {
      EventId: eventId,
      ExternalRecordId: String(eventId),
      ResourceId: resource.resourceId,
      StartTime: this.time(startMs),
      EndTime: this.time(endMs),
      ProviderName: resource.provider,
      ServiceType: 'Default',
      SubscriptionId: this.subscriptionIds[resource.tenant],
      Properties: resource.properties,
      Resources: resources,
    };
  }

  // Records of one hour share their bounds, so a small cache saves most of the Date formatting.
  private readonly lastTimes = new Map<number, string>();

  private time(ms: number): string {
    let text = this.lastTimes.get(ms);
    if (text === undefined) {
      if (this.lastTimes.size >= 64) this.lastTimes.clear();
      this.lastTimes.set(ms, text = usageTime(ms));
    }
    return text;
  }

  private hourlyValues(item: IndexedResource, hourOfStream: number): Record<string, string> {
    const h = hash32(this.options.seed, topic.traffic, item.index, hourOfStream);
    if (item.resource.provider === 'systemcenter') {
      return { [this.options.vmResourceKeys.runtimeHours]: pick(runtimes, h), ...item.resource.fixed };
    }
    const requests = h % 5000;
    const bytesReceived = requests * (200 + (h >>> 12) % 800);
    return {
      CpuTime: String(requests * ((h >>> 8) % 40)),
      BytesReceived: String(bytesReceived),
      BytesSent: String(requests * (1000 + (h >>> 16) % 20000)),
      Requests: String(requests),
      // Headers count towards incoming bytes, not towards the body bytes in BytesReceived.
      TotalIncomingRequestBytes: String(bytesReceived + requests * 350),
    };
  }
}

interface IndexedResource { resource: GeneratedResource; index: number }
