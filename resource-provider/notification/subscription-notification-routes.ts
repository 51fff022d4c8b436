import type { Request, Router } from 'express';
import { inject, injectable } from 'inversify';
import { GetSubscription } from '../../core/subscriptions/get-subscription';
import { RecordSubscriptionCreated } from '../../core/subscriptions/record-subscription-created';
import { RecordSubscriptionDeleted } from '../../core/subscriptions/record-subscription-deleted';
import { RecordSubscriptionStateChange } from '../../core/subscriptions/record-subscription-state-change';
import type { RouteContribution } from '../http/route-contribution';
import { valueOrThrow } from '../http/use-case-errors';
import { RpSubscription, RpSubscriptionCreate } from '../wap/contract/subscription';
import { validBody } from '../wap/contract/validate';
import { requireGuid } from '../http/path-params';
import { NOTIFICATION_SOURCE, noticeOf, requireSameSubscription, toRpSubscription } from './subscription-mapping';

/**
 * CONTRACT §4's subscription lifecycle calls. Both the documented path forms and the samples'
 * body-only forms (`PUT /subscriptions`, `DELETE /subscriptions`) are served. WAP retries until
 * it gets an answer, so each write is idempotent and answers the same on a repeat.
 */
@injectable()
export class SubscriptionNotificationRoutes implements RouteContribution {
  constructor(
    @inject(RecordSubscriptionCreated) private readonly created: RecordSubscriptionCreated,
    @inject(RecordSubscriptionStateChange) private readonly changed: RecordSubscriptionStateChange,
    @inject(RecordSubscriptionDeleted) private readonly deleted: RecordSubscriptionDeleted,
    @inject(GetSubscription) private readonly subscriptions: GetSubscription,
  ) {}

  configure(router: Router): void {
    router.post('/admin/subscriptions', async (req, res) => {
      const body = validBody(RpSubscriptionCreate, req.body, 'Subscription');
      valueOrThrow(await this.created.record({ ...noticeOf(body), accountAdmin: body.AdminId }, NOTIFICATION_SOURCE));
      res.status(201).json(body);
    });

    router.get('/admin/subscriptions/:subscriptionId', async (req, res) => {
      res.json(toRpSubscription(valueOrThrow(await this.subscriptions.get(requireGuid(req.params.subscriptionId)))));
    });

    const change = async (req: Request, pathId?: string) => {
      const body = validBody(RpSubscription, req.body, 'Subscription');
      if (pathId !== undefined) requireSameSubscription(requireGuid(pathId), body.SubscriptionId);
      valueOrThrow(await this.changed.record(noticeOf(body), NOTIFICATION_SOURCE));
      return body;
    };
    router.put('/admin/subscriptions/:subscriptionId', async (req, res) => {
      res.json(await change(req, req.params.subscriptionId));
    });
    router.put('/admin/subscriptions', async (req, res) => {
      res.json(await change(req));
    });

    router.delete('/admin/subscriptions/:subscriptionId', async (req, res) => {
      const id = requireGuid(req.params.subscriptionId);
      const body = hasBody(req) ? validBody(RpSubscription, req.body, 'Subscription') : undefined;
      if (body) requireSameSubscription(id, body.SubscriptionId);
      res.json(await this.delete(id, body));
    });
    router.delete('/admin/subscriptions', async (req, res) => {
      const body = validBody(RpSubscription, req.body, 'Subscription');
      res.json(await this.delete(body.SubscriptionId, body));
    });
  }

  /**
   * WAP waits for every RP before it finishes a deletion, so one we never heard of answers 200
   * with nothing stored: refusing would hold up the tenant's deletion for no gain.
   */
  private async delete(subscriptionId: string, body: RpSubscription | undefined): Promise<unknown> {
    const result = await this.deleted.record(subscriptionId, NOTIFICATION_SOURCE, body?.AdminId ?? undefined);
    if (!result.ok && result.error === 'subscription_not_found') return body ?? { SubscriptionId: subscriptionId };
    const subscription = valueOrThrow(result);
    return body ?? toRpSubscription({ subscription, quota: [], history: [] });
  }
}

function hasBody(req: Request): boolean {
  return req.body !== undefined && !(typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) && Object.keys(req.body).length === 0);
}
