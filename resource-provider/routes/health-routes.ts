import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { CheckHealth } from '../../core/health/check-health';
import type { RouteContribution } from '../http/route-contribution';

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
}
