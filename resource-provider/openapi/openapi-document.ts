import * as fs from 'node:fs';
import * as path from 'node:path';
import { inject, injectable } from 'inversify';
import type { RouteContribution } from '../http/route-contribution';
import { DocumentedRoutes } from './documented-routes';
import { SchemaHoister } from './hoist-schemas';
import { wapErrorResponse } from './operation-kit';
import type { HttpMethod, OpenApiDocumentObject, OpenApiOperation, OpenApiPathItem } from './openapi-types';

const BASIC = 'wapBasic';

const TAGS = [
  { name: 'health', description: 'Probes; no credentials' },
  { name: 'notification', description: 'CONTRACT §4: WAP tells the RP about subscriptions and quotas (NotificationEndpoint, `/admin`)' },
  { name: 'billing-adapter', description: 'CONTRACT §6: blocking approval of sign-ups (`Set-MgmtSvcNotificationSubscriber -Endpoint …/billingadapter`)' },
  { name: 'admin', description: 'Forwarded admin portal calls (AdminEndpoint, `/admin`)' },
  { name: 'tenant', description: 'Forwarded tenant portal calls (TenantEndpoint, `subscriptions/{subid}/…`)' },
];

/**
 * The OpenAPI 3.1 document of every route the app serves, assembled from each contribution's
 * `describe()`: routes behind WAP's Basic credentials get the `wapBasic` requirement and a 401,
 * public ones `security: []`, every one a 500 with WAP's `Error` body.
 */
@injectable()
export class OpenApiDocument {
  private built: OpenApiDocumentObject | undefined;

  constructor(@inject(DocumentedRoutes) private readonly routes: DocumentedRoutes) {}

  /** Built once, on first use: contributions are fixed once the app is created. */
  document(): OpenApiDocumentObject {
    this.built ??= this.build();
    return this.built;
  }

  private build(): OpenApiDocumentObject {
    const hoister = new SchemaHoister();
    const paths: Record<string, OpenApiPathItem> = {};
    const add = (contributions: readonly RouteContribution[], guarded: boolean) => {
      for (const contribution of contributions) {
        for (const [route, item] of Object.entries(contribution.describe())) {
          for (const [method, op] of Object.entries(item) as [HttpMethod, OpenApiOperation][]) {
            const target = (paths[route] ??= {});
            if (target[method]) throw new Error(`${method.toUpperCase()} ${route} is described twice`);
            target[method] = hoister.hoist(withDefaults(op, guarded)) as unknown as OpenApiOperation;
          }
        }
      }
    };
    add(this.routes.publicRoutes(), false);
    add(this.routes.guardedRoutes(), true);
    return {
      openapi: '3.1.0',
      info: {
        title: 'wap-billing resource provider',
        version: packageVersion(),
        description:
          'The routes Windows Azure Pack (and its portals, through WAP\'s forwarding) call on the usage and billing resource provider. ' +
          'Errors carry WAP\'s `Error` body (`{Code, Message}`).',
      },
      tags: TAGS,
      security: [{ [BASIC]: [] }],
      paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
      components: {
        securitySchemes: {
          [BASIC]: { type: 'http', scheme: 'basic', description: 'RP_USERNAME / RP_PASSWORD: the credentials registered in WAP for every endpoint' },
        },
        schemas: hoister.schemas(),
      },
    };
  }
}

function withDefaults(op: OpenApiOperation, guarded: boolean): OpenApiOperation {
  const responses = { ...op.responses };
  if (guarded) responses['401'] ??= wapErrorResponse('Basic credentials missing or wrong');
  responses['500'] ??= wapErrorResponse('The resource provider failed; see its log');
  return { ...op, ...(guarded ? {} : { security: [] }), responses };
}

function packageVersion(): string {
  // dist/resource-provider/openapi → the repository root, where package.json sits in a checkout and an install alike.
  for (const candidate of [path.join(__dirname, '..', '..', '..', 'package.json'), path.join(__dirname, '..', '..', 'package.json')]) {
    try {
      return String((JSON.parse(fs.readFileSync(candidate, 'utf8')) as { version?: unknown }).version ?? '0.0.0');
    } catch {
      // try the next layout
    }
  }
  return '0.0.0';
}
