import type { UsageRecord } from '../../wap-emulator/contract/wap-types';
import type { WapEmulator } from '../../wap-emulator/wap-emulator';

/** Most Admin API answers in these specs are a WAP object or a management error; fields are read by name. */
export type AdminAnswer = Record<string, unknown> & { Code?: string; Message?: string };

/** The few HTTP calls the specs repeat, against a started emulator. */
export class EmulatorClient {
  constructor(private readonly emulator: WapEmulator) {}

  async admin<T = AdminAnswer>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.emulator.urls().adminApiUrl}${path}`, {
      method, headers: this.emulator.adminHeaders(), body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async feed<T extends { EventId: number } = UsageRecord>(path: string, startId: number, batchSize: number): Promise<T[]> {
    const url = `${this.emulator.urls().usageServiceUrl}${path}?startId=${startId}&batchSize=${batchSize}`;
    const response = await fetch(url, { headers: this.emulator.usageHeaders() });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<T[]>;
  }

  /** Pulls a whole feed the way a collector does: from the highest EventId seen, plus one. */
  async pullAll<T extends { EventId: number } = UsageRecord>(path: string, batchSize: number): Promise<T[]> {
    const all: T[] = [];
    for (let startId = 1; ;) {
      const page = await this.feed<T>(path, startId, batchSize);
      if (page.length === 0) return all;
      all.push(...page);
      startId = page[page.length - 1].EventId + 1;
    }
  }
}
