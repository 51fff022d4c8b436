import { expect } from 'chai';
import { Database } from '../../../core/persistence/database';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { startTestServer, wapHeaders } from '../../support/test-server';

describe('GET /health', () => {
  let server: RunningServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close().catch(() => undefined));

  it('answers 200 with the database reachable and the plugin counts, without credentials', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).to.equal(200);
    const body = (await res.json()) as { healthy: boolean; database: { reachable: boolean }; plugins: { enabled: number; failed: number } };
    expect(body.healthy).to.equal(true);
    expect(body.database.reachable).to.equal(true);
    expect(body.plugins.enabled).to.be.greaterThan(0);
    expect(body.plugins.failed).to.equal(0);
  });

  it('answers 503 with the reason once the database is gone', async () => {
    await server.container.get(Database).close();
    const res = await fetch(`${server.url}/health`);
    expect(res.status).to.equal(503);
    const body = (await res.json()) as { healthy: boolean; database: { reachable: boolean; error: string } };
    expect(body.healthy).to.equal(false);
    expect(body.database.reachable).to.equal(false);
    expect(body.database.error).to.be.a('string').and.not.equal('');
  });

  it('refuses admin routes without WAP credentials, and with a wrong password, in WAP error form', async () => {
    const missing = await fetch(`${server.url}/admin/plugins`);
    expect(missing.status).to.equal(401);
    expect(await missing.json()).to.deep.equal({ Code: 'Unauthorized', Message: 'Basic credentials are required' });
    const wrong = await fetch(`${server.url}/admin/plugins`, {
      headers: { ...wapHeaders(), authorization: `Basic ${Buffer.from('wapcaller:guess').toString('base64')}` },
    });
    expect(wrong.status).to.equal(401);
    expect(((await wrong.json()) as { Code: string }).Code).to.equal('Unauthorized');
  });

  it('answers malformed JSON with 400 and an oversized body with 413, in WAP error form', async () => {
    const malformed = await fetch(`${server.url}/admin/plugins/payment.offline/settings`, { method: 'PUT', headers: wapHeaders(), body: '{"instructions":' });
    expect(malformed.status).to.equal(400);
    expect(await malformed.json()).to.deep.equal({ Code: 'BadRequest', Message: 'The request body is not valid JSON' });
    const huge = JSON.stringify({ instructions: 'x'.repeat(2 * 1024 * 1024) });
    const oversized = await fetch(`${server.url}/admin/plugins/payment.offline/settings`, { method: 'PUT', headers: wapHeaders(), body: huge });
    expect(oversized.status).to.equal(413);
    expect(((await oversized.json()) as { Code: string }).Code).to.equal('RequestEntityTooLarge');
  });
});
