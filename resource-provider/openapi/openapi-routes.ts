import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { Type } from '@sinclair/typebox';
import type { RouteContribution } from '../http/route-contribution';
import { OpenApiDocument } from './openapi-document';
import { jsonResponse, operation } from './operation-kit';
import type { OpenApiPaths } from './openapi-types';

/** `GET /openapi.json`, public: what a route answers is no secret, and tools fetch it without credentials. */
@injectable()
export class OpenApiRoutes implements RouteContribution {
  constructor(@inject(OpenApiDocument) private readonly openApi: OpenApiDocument) {}

  configure(router: Router): void {
    router.get('/openapi.json', (_req, res) => {
      res.json(this.openApi.document());
    });
  }

  describe(): OpenApiPaths {
    return {
      '/openapi.json': {
        get: operation({
          summary: 'This document',
          tags: ['health'],
          responses: { 200: jsonResponse('The OpenAPI 3.1 document', Type.Object({ openapi: Type.String() }, { additionalProperties: true })) },
        }),
      },
    };
  }
}
