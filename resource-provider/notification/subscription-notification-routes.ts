import type { Request, Router } from 'express';
import { inject, injectable } from 'inversify';
import { GetSubscription } from '../../core/subscriptions/get-subscription';
import { RecordSubscriptionCreated } from '../../core/subscriptions/record-subscription-created';
import { RecordSubscriptionDeleted } from '../../core/subscriptions/record-subscription-deleted';
import { RecordSubscriptionStateChange } from '../../core/subscriptions/record-subscription-state-change';
import type { RouteContribution } from '../http/route-contribution';
import { jsonResponse, operation, pathParam } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { Guid } from '../wap/contract/schema-kit';
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

  describe(): OpenApiPaths {
    const subscriptionId = pathParam('subscriptionId', 'the subscription; must match the body\'s SubscriptionId', Guid());
    const tags = ['notification'];
    const echoed = jsonResponse('The body, echoed', RpSubscription);
    const optionalBody = { schema: RpSubscription, required: false, description: 'the samples send the subscription; WAP\'s docs send none' };
    return {
      '/admin/subscriptions': {
        post: operation({
          summary: 'A subscription to a plan holding this service was created',
          tags,
          body: { schema: RpSubscriptionCreate },
          responses: { 201: jsonResponse('Recorded; the body echoed', RpSubscriptionCreate) },
          errors: [400, 409],
        }),
        put: operation({ summary: 'State change (the samples\' form, id in the body)', tags, body: { schema: RpSubscription }, responses: { 200: echoed }, errors: [400, 404, 409] }),
        delete: operation({
          summary: 'Deletion (the samples\' form, id in the body); 200 also for a subscription never seen',
          tags,
          body: { schema: RpSubscription },
          responses: { 200: echoed },
          errors: [400, 409],
        }),
      },
      '/admin/subscriptions/{subscriptionId}': {
        get: operation({ summary: 'The subscription as billing knows it (RP-side State)', tags, parameters: [subscriptionId], responses: { 200: jsonResponse('The subscription', RpSubscription) }, errors: [400, 404] }),
        put: operation({ summary: 'State change: suspend or activate', tags, parameters: [subscriptionId], body: { schema: RpSubscription }, responses: { 200: echoed }, errors: [400, 404, 409] }),
        delete: operation({
          summary: 'Deletion; 200 also for a subscription never seen, so that WAP\'s deletion is not held up',
          tags,
          parameters: [subscriptionId],
          body: optionalBody,
          responses: { 200: jsonResponse('The body, or the subscription as it was', RpSubscription) },
          errors: [400, 409],
        }),
      },
    };
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
