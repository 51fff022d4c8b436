import type { Request, RequestHandler } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FeedName } from '../contract/feeds';
import { sendError } from '../contract/wap-error';

/** A Usage Service feed, or `admin` for every Admin API route (emulator-only routes never fail). */
export type FaultTarget = FeedName | 'admin';

/** An HTTP status to answer with, or `drop` to close the connection without an answer. */
export type FaultKind = number | 'drop';

/** Failures and slowness a test switches on, to see the RP retry, resume and keep its watermark. */
export class FaultInjector {
  private readonly pending = new Map<FaultTarget, FaultKind[]>();
  private readonly latencies = new Map<FaultTarget, number>();

  /** The next `count` requests to `target` fail with `kind`; queued after earlier failNext calls. */
  failNext(target: FaultTarget, count = 1, kind: FaultKind = 500): void {
    const queue = this.pending.get(target) ?? [];
    for (let i = 0; i < count; i++) queue.push(kind);
    this.pending.set(target, queue);
  }

  /** Every request to `target` waits `ms` before it is handled, until set back to 0. */
  setLatency(target: FaultTarget, ms: number): void {
    if (ms > 0) this.latencies.set(target, ms);
    else this.latencies.delete(target);
  }

  /** Failures not yet used up, per target. */
  pendingFailures(target: FaultTarget): number {
    return this.pending.get(target)?.length ?? 0;
  }

  clear(): void {
    this.pending.clear();
    this.latencies.clear();
  }

  middleware(targetOf: (req: Request) => FaultTarget | undefined): RequestHandler {
    return async (req, res, next) => {
      const target = targetOf(req);
      if (!target) return next();
      const latency = this.latencies.get(target);
      if (latency) await sleep(latency);
      const kind = this.pending.get(target)?.shift();
      if (kind === undefined) return next();
      if (kind === 'drop') {
        req.socket.destroy();
        return;
      }
      sendError(res, kind, kind === 503 ? 'ServiceUnavailable' : 'InternalServerError',
        `Fault injected by the WAP emulator (${kind}).`);
    };
  }
}
