import Ajv from 'ajv';
import { expect } from 'chai';
import express, { Router } from 'express';
import { createApp } from '../../../resource-provider/create-app';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { startTestServer, wapHeaders } from '../../support/test-server';
import { testBackend } from '../../support/test-database';
import { openApiProblems } from './openapi-soundness';
import { openApiPath, servedRoutes } from './served-routes';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function documented(doc: any): string[] {
  return Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

describe(`GET /openapi.json on ${testBackend()}`, () => {
  let server: RunningServer;
  let doc: any;

  before(async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/openapi.json`);
    expect(res.status, 'the document is public').to.equal(200);
    doc = await res.json();
  });
  after(() => server.close());

  it('documents every route the app serves, and serves every route it documents', () => {
    // The same container builds the same app as the server's: every contribution's configure() runs again.
    const served = servedRoutes(createApp(server.container)).map((r) => `${r.method} ${r.path}`);
    const described = documented(doc);
    const undocumented = served.filter((r) => !described.includes(r));
    const unserved = described.filter((r) => !served.includes(r));
    expect(undocumented, 'served but missing from /openapi.json: add them to the describe() beside their configure()').to.deep.equal([]);
    expect(unserved, 'in /openapi.json but not served').to.deep.equal([]);
    expect(served.length).to.be.greaterThan(20);
  });

  it('is a sound OpenAPI 3.1 document: every $ref resolves, every path parameter is declared', () => {
    expect(doc.openapi).to.equal('3.1.0');
    expect(openApiProblems(doc)).to.deep.equal([]);
  });

  it('has a component schema for every titled body, each a valid JSON Schema', () => {
    const ajv = new Ajv({ strict: false, validateFormats: false });
    ajv.addSchema(doc, 'openapi.json');
    for (const name of ['Subscription', 'SubscriptionCreate', 'QuotaUpdateBatch', 'QuotaUpdateResultBatch', 'ServiceUsageSummary', 'UsageEvent', 'Error', 'KeyValue']) {
      expect(doc.components.schemas, name).to.have.property(name);
    }
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` }), name).not.to.throw();
    }
  });

  it("answers the admin's list of meters as documented, whatever the meters' aggregations", async () => {
    const ajv = new Ajv({ strict: false, validateFormats: false });
    ajv.addSchema(doc, 'openapi.json');
    const validate = ajv.compile({ $ref: 'openapi.json#/paths/~1admin~1meters/get/responses/200/content/application~1json/schema' });
    const body = (await (await fetch(`${server.url}/admin/meters`, { headers: wapHeaders() })).json()) as { items: { aggregation: string }[] };
    // The built-in meters sum, time-weight, keep peaks and count distinct VMs.
    expect(new Set(body.items.map((m) => m.aggregation))).to.include.members(['sum', 'max', 'time-weighted', 'unique-count']);
    expect(validate(body), ajv.errorsText(validate.errors)).to.equal(true);
  });

  it('reuses the WAP contract schemas for request bodies and the WAP Error body for errors', () => {
    const body = (method: string, path: string) => doc.paths[path][method].requestBody.content['application/json'].schema;
    expect(body('post', '/admin/subscriptions')).to.deep.equal({ $ref: '#/components/schemas/SubscriptionCreate' });
    expect(body('put', '/admin/quota')).to.deep.equal({ $ref: '#/components/schemas/QuotaUpdateBatch' });
    expect(body('post', '/billingadapter/subscriptions')).to.deep.equal({ $ref: '#/components/schemas/UsageEvent' });
    expect(doc.components.schemas.Error.required).to.include.members(['Code', 'Message']);
    const rejected = doc.paths['/billingadapter/subscriptions'].post.responses['403'];
    expect(rejected.content['application/json'].schema).to.deep.equal({ $ref: '#/components/schemas/Error' });
  });

  it('asks for Basic credentials everywhere but on the public routes', () => {
    expect(doc.components.securitySchemes.wapBasic).to.include({ type: 'http', scheme: 'basic' });
    expect(doc.security).to.deep.equal([{ wapBasic: [] }]);
    expect(doc.paths['/health'].get.security).to.deep.equal([]);
    expect(doc.paths['/openapi.json'].get.security).to.deep.equal([]);
    expect(doc.paths['/admin/plugins'].get).not.to.have.property('security');
    expect(doc.paths['/admin/plugins'].get.responses).to.have.property('401');
  });

  it('lists the query parameters of the usage routes', () => {
    const names = (path: string) => doc.paths[path].get.parameters.filter((p: any) => p.in === 'query').map((p: any) => p.name);
    expect(names('/subscriptions/{subscriptionId}/usage')).to.have.members(['from', 'to', 'granularity', 'format']);
    expect(names('/subscriptions/{subscriptionId}/usage/meters/{meterId}/resources')).to.include.members(['from', 'to', 'format']);
    expect(names('/admin/usage')).to.include.members(['from', 'to', 'format', 'groupBy']);
  });

  it('answers the same with or without credentials', async () => {
    const res = await fetch(`${server.url}/openapi.json`, { headers: wapHeaders() });
    expect(await res.json()).to.deep.equal(doc);
  });
});

describe('listing the routes an Express app serves', () => {
  it('finds routes of nested routers under their mount paths, in OpenAPI spelling', () => {
    const app = express();
    const inner = Router();
    inner.post('/:itemId/run', () => undefined);
    const outer = Router();
    outer.get('/things/:thingId', () => undefined);
    outer.use('/items', inner);
    app.use(outer);
    app.use('/v2/', (_req, _res, next) => next(), outer);
    expect(servedRoutes(app).map((r) => `${r.method} ${r.path}`)).to.deep.equal([
      'GET /things/{thingId}',
      'POST /items/{itemId}/run',
      'GET /v2/things/{thingId}',
      'POST /v2/items/{itemId}/run',
    ].sort((a, b) => a.split(' ')[1].localeCompare(b.split(' ')[1]) || a.localeCompare(b)));
  });

  it('spells Express parameters in braces', () => {
    expect(openApiPath('/subscriptions/:subscriptionId/usage/meters/:meterId')).to.equal('/subscriptions/{subscriptionId}/usage/meters/{meterId}');
    expect(openApiPath('/files/*rest')).to.equal('/files/{rest}');
  });
});

describe('the soundness check', () => {
  it('reports a dangling $ref and an undeclared path parameter', () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a/{id}': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } } } } } },
      components: { schemas: {} },
    };
    expect(openApiProblems(doc)).to.deep.equal(['$ref #/components/schemas/Nope resolves to nothing', 'GET /a/{id}: path parameter {id} is not declared']);
  });
});
