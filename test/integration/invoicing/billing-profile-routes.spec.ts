import { expect } from 'chai';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { testBackend } from '../../support/test-database';
import { startTestServer, wapHeaders } from '../../support/test-server';

describe(`PUT /admin/accounts/{id}/billing-profile on ${testBackend()}`, () => {
  let server: RunningServer;
  const put = async (body: unknown) => {
    const res = await fetch(`${server.url}/admin/accounts/carol@example.com/billing-profile`, { method: 'PUT', headers: wapHeaders(), body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('sets a weekly cycle with its weekday, keeping only the settings of its kind', async () => {
    const res = await put({ cycle: { kind: 'weekly', weekday: 3, days: 12 }, timeZone: 'Europe/Berlin' });
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ cycleKind: 'weekly', timeZone: 'Europe/Berlin' });
    expect(res.body.cycle).to.deep.equal({ kind: 'weekly', weekday: 3 });
    // kept: a later change of the tax rate alone leaves the cycle as it was
    expect((await put({ taxRate: '0.19' })).body.cycle).to.deep.equal({ kind: 'weekly', weekday: 3 });
  });

  it('keeps the monthly kinds settable by name, the anniversary on the bill-cycle day', async () => {
    const res = await put({ cycleKind: 'anniversary', billCycleDay: 31 });
    expect(res.body.cycle).to.deep.equal({ kind: 'anniversary', billCycleDay: 31 });
    expect(res.body.billCycleDay).to.equal(31);
  });

  it('refuses a cycle it cannot cut into periods, naming the field, and changes nothing', async () => {
    for (const [body, field] of [
      [{ cycle: { kind: 'every-n-days', days: 10 } }, 'cycle.anchor'],
      [{ cycle: { kind: 'yearly', month: 2, day: 30 } }, 'cycle.day'],
      [{ cycle: { kind: 'fortnightly' } }, 'cycle.kind'],
      [{ cycleKind: 'weekly' }, 'cycle'],
    ] as const) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.body.Message).to.match(new RegExp(`^${field.replace('.', '\\.')}:`));
    }
    expect((await put({})).body.cycle).to.deep.equal({ kind: 'anniversary', billCycleDay: 31 });
  });
});
