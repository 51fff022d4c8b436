import { Type } from '@sinclair/typebox';
import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import type { QuotaSetting } from '../../core/subscriptions/subscription';
import { UpdateSubscriptionQuotas } from '../../core/subscriptions/update-subscription-quotas';
import type { RouteContribution } from '../http/route-contribution';
import { jsonResponse, operation, queryParam } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { HttpError } from '../http/wap-error';
import { DefaultQuota, QuotaUpdateBatch, QuotaUpdateResultBatch } from '../wap/contract/quota';
import { validBody } from '../wap/contract/validate';
import { quotaOf, toWapQuota } from './subscription-mapping';

/**
 * Billing enforces no quota of its own, so its default quota is empty; what WAP pushes is kept per
 * subscription so that a later rule (or an admin) can read what the plan granted.
 */
export const DEFAULT_QUOTA: readonly QuotaSetting[] = [];

/** CONTRACT §4: `PUT /quota` (with `?validateOnly=true` to check only) and `GET /defaultquota`. */
@injectable()
export class QuotaRoutes implements RouteContribution {
  constructor(@inject(UpdateSubscriptionQuotas) private readonly quotas: UpdateSubscriptionQuotas) {}

  configure(router: Router): void {
    router.put('/admin/quota', async (req, res) => {
      const validateOnly = flag(req.query.validateOnly);
      const batch = validBody(QuotaUpdateBatch, req.body, 'QuotaUpdateBatch');
      const outcome = await this.quotas.update({ subscriptionIds: batch.SubscriptionIdsToUpdate, settings: merged(batch), validateOnly });
      const result: QuotaUpdateResultBatch = {
        UpdatedSubscriptionIds: outcome.updated,
        FailedSubscriptionIds: outcome.failed,
        Error: outcome.failed.length > 0 ? { Code: 'SubscriptionNotFound', Message: `No live subscription: ${outcome.failed.join(', ')}` } : null,
      };
      res.json(result);
    });

    router.get('/admin/defaultquota', (_req, res) => {
      res.json(toWapQuota(DEFAULT_QUOTA));
    });
  }

  describe(): OpenApiPaths {
    return {
      '/admin/quota': {
        put: operation({
          summary: 'A plan\'s quota pushed to its subscriptions (CONTRACT §4)',
          tags: ['notification'],
          parameters: [queryParam('validateOnly', 'true: check the batch, store nothing', Type.Union([Type.Literal('true'), Type.Literal('false')]))],
          body: { schema: QuotaUpdateBatch },
          responses: { 200: jsonResponse('Which subscriptions were updated; unknown ones are listed as failed', QuotaUpdateResultBatch) },
          errors: [400],
        }),
      },
      '/admin/defaultquota': {
        get: operation({ summary: 'The quota a plan starts with: billing enforces none', tags: ['notification'], responses: { 200: jsonResponse('The default quota', DefaultQuota) } }),
      },
    };
  }
}

/** Add-on lists apply over the base quota in the order WAP sent them; for one key the last value wins. */
function merged(batch: QuotaUpdateBatch): QuotaSetting[] {
  const byKey = new Map<string, QuotaSetting>();
  for (const list of [batch.BaseQuota ?? [], ...(batch.AddOnQuotas ?? [])]) {
    for (const setting of quotaOf(list)) byKey.set(setting.key, setting);
  }
  return [...byKey.values()];
}

function flag(value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new HttpError(400, 'BadRequest', `validateOnly must be true or false; got ${JSON.stringify(value)}`);
}
