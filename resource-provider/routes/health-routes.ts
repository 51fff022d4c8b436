import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { CheckHealth } from '../../core/health/check-health';
import type { RouteContribution } from '../http/route-contribution';
import { jsonResponse, operation } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { HealthReport } from '../openapi/schemas/operations-schemas';

/** `GET /health`: 200 while the database answers, 503 with the reason otherwise. No credentials needed. */
@injectable()
export class HealthRoutes implements RouteContribution {
  constructor(@inject(CheckHealth) private readonly health: CheckHealth) {}

  configure(router: Router): void {
    router.get('/health', async (_req, res) => {
      const report = await this.health.check();
      res.status(report.healthy ? 200 : 503).json(report);
    });
  }

  describe(): OpenApiPaths {
    return {
      '/health': {
        get: operation({
          summary: 'Whether the database answers, and how many plugins run',
          tags: ['health'],
          responses: { 200: jsonResponse('Healthy', HealthReport), 503: jsonResponse('The database does not answer; `database.error` says why', HealthReport) },
        }),
      },
    };
  }
}
