import type { UsageRecord } from '../contract/wap-types';
import { usageTime } from '../contract/wap-time';
import type { GeneratedUsage } from '../generator/generated-usage';
import type { FeedSource } from './feed-source';

/** What a test appends: the emulator numbers it; omitted fields get WAP-like defaults. */
export interface UsageRecordInput {
  SubscriptionId: string;
  ProviderName: string;
  Resources: Record<string, string | number>;
  ExternalRecordId?: string;
  ResourceId?: string | null;
  StartTime?: string;
  EndTime?: string;
  ServiceType?: string;
  Properties?: Record<string, string> | null;
}

const hourMs = 3_600_000;

/** The `/usage` feed: the generated stream first, then appended records with the next EventIds. */
export class UsageLog implements FeedSource<UsageRecord> {
  private readonly appended: UsageRecord[] = [];

  constructor(private readonly generated: GeneratedUsage | undefined, private readonly now: () => Date) {}

  get generatedCount(): number { return this.generated?.count ?? 0; }

  get lastEventId(): number { return this.generatedCount + this.appended.length; }

  /** Returns the records as the feed will serve them, with their EventIds. */
  append(records: readonly UsageRecordInput[]): UsageRecord[] {
    const hourStart = Math.floor(this.now().getTime() / hourMs) * hourMs;
    const added = records.map((input, i) => {
      const eventId = this.lastEventId + i + 1;
      return {
        EventId: eventId,
        ExternalRecordId: input.ExternalRecordId ?? String(eventId),
        ResourceId: input.ResourceId ?? null,
        StartTime: input.StartTime ?? usageTime(hourStart - hourMs),
        EndTime: input.EndTime ?? usageTime(hourStart),
        ProviderName: input.ProviderName,
        ServiceType: input.ServiceType ?? 'Default',
        SubscriptionId: input.SubscriptionId,
        Properties: input.Properties ?? null,
        Resources: Object.fromEntries(Object.entries(input.Resources).map(([k, v]) => [k, String(v)])),
      };
    });
    this.appended.push(...added);
    return added;
  }

  page(firstId: number, count: number): UsageRecord[] {
    const out: UsageRecord[] = [];
    const last = Math.min(this.lastEventId, firstId + count - 1);
    for (let id = Math.max(1, firstId); id <= last; id++) {
      out.push(id <= this.generatedCount ? this.generated!.recordAt(id - 1) : this.appended[id - this.generatedCount - 1]);
    }
    return out;
  }
}
