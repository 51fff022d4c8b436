import { expect } from 'chai';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { startTestServer } from '../../support/test-server';
import { testBackend } from '../../support/test-database';
import { caller, subscribe } from './promotions-api-world';

const MINE = '2c3d4e5f-0000-4000-8000-0000000000a1';
const MY_OTHER = '2c3d4e5f-0000-4000-8000-0000000000a2';

const spring = {
  name: 'Spring 25', planIds: ['gold'], automatic: false,
  benefit: { kind: 'percentage', percent: '25' },
  target: { fees: 'both', meterIds: [] },
  validity: { kind: 'cycles', cycles: 3 },
};

describe(`promotions and coupons over HTTP on ${testBackend()}`, () => {
  let server: RunningServer;
  let api: ReturnType<typeof caller>;
  before(async () => {
    server = await startTestServer();
    api = caller(server);
    await subscribe(server, MINE, 'Me@Example.com');
    await subscribe(server, MY_OTHER, 'me@example.com');
  });
  after(() => server.close());

  it('defines a promotion with decimal strings and replaces it under the same id', async () => {
    const created = await api.put('/admin/promotions/spring-25', spring);
    expect(created.status).to.equal(201);
    expect(created.body).to.deep.include({ id: 'spring-25', benefit: { kind: 'percentage', percent: '25' }, validity: { kind: 'cycles', cycles: 3 } });

    const replaced = await api.put('/admin/promotions/spring-25', { ...spring, benefit: { kind: 'percentage', percent: '12.5' } });
    expect(replaced.status).to.equal(200);
    expect(replaced.body.createdAt, 'a replacement keeps its place among the automatic promotions').to.equal(created.body.createdAt);
    expect((await api.get('/admin/promotions/spring-25')).body.benefit).to.deep.equal({ kind: 'percentage', percent: '12.5' });
  });

  it('defines an amount promotion with an open-ended recurring validity', async () => {
    const body = { name: 'Five off', benefit: { kind: 'amount', amount: '5.00', currency: 'USD' }, validity: { kind: 'recurring', from: '2025-01-01T00:00:00Z', until: null } };
    const res = await api.put('/admin/promotions/five-off', body);
    expect(res.status).to.equal(201);
    expect(res.body).to.deep.include({ planIds: [], automatic: false, target: { fees: 'both', meterIds: [] }, benefit: { kind: 'amount', amount: '5.00', currency: 'USD' } });
    expect(res.body.validity).to.deep.equal({ kind: 'recurring', from: '2025-01-01T00:00:00.000Z', until: null });
  });

  it('issues a coupon; the same terms again answer 200, other terms 409', async () => {
    const terms = { promotionId: 'spring-25', maxRedemptions: 10, maxPerAccount: 1, expiresAt: '2099-01-01T00:00:00Z' };
    const issued = await api.put('/admin/coupons/SPRING25', terms);
    expect(issued.status).to.equal(201);
    expect(issued.body).to.include({ code: 'SPRING25', promotionId: 'spring-25', maxRedemptions: 10, expiresAt: '2099-01-01T00:00:00.000Z' });
    expect((await api.put('/admin/coupons/SPRING25', terms)).status).to.equal(200);
    const other = await api.put('/admin/coupons/SPRING25', { ...terms, maxRedemptions: 11 });
    expect(other.status).to.equal(409);
    expect(other.body.Code).to.equal('CouponExists');
    expect((await api.get('/admin/coupons/SPRING25')).body.maxRedemptions).to.equal(10);
  });

  it('lists every promotion and coupon for admins', async () => {
    const promotions = (await api.get('/admin/promotions')).body.items as { id: string }[];
    expect(promotions.map((p) => p.id)).to.include.members(['spring-25', 'five-off']);
    const coupons = (await api.get('/admin/coupons')).body.items as { code: string }[];
    expect(coupons.map((c) => c.code)).to.include('SPRING25');
  });

  it('refuses a coupon for an unknown promotion, and a lower-case code', async () => {
    const unknown = await api.put('/admin/coupons/NOPE', { promotionId: 'no-such' });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.Code).to.equal('PromotionNotFound');
    expect((await api.put('/admin/coupons/lower', { promotionId: 'spring-25' })).status).to.equal(400);
  });

  it("redeems a coupon for the tenant's subscription; the same again is CouponAlreadyRedeemed", async () => {
    const first = await api.post(`/subscriptions/${MINE}/coupons`, { code: 'spring25' });
    expect(first.status).to.equal(201);
    expect(first.body).to.include({ code: 'SPRING25', accountId: 'me@example.com', subscriptionId: MINE });

    const again = await api.post(`/subscriptions/${MINE}/coupons`, { code: 'SPRING25' });
    expect(again.status).to.equal(409);
    expect(again.body.Code).to.equal('CouponAlreadyRedeemed');
  });

  it("stops at the account's limit for its other subscription", async () => {
    // maxPerAccount 1 and MINE already redeemed it: the same account's second subscription is refused
    const res = await api.post(`/subscriptions/${MY_OTHER}/coupons`, { code: 'SPRING25' });
    expect(res.status).to.equal(409);
    expect(res.body.Code).to.equal('CouponAccountLimitReached');
  });

  it('answers 404 for an unknown code, 410 for an expired one, 404 for an unknown subscription', async () => {
    const unknown = await api.post(`/subscriptions/${MINE}/coupons`, { code: 'NOPE' });
    expect([unknown.status, unknown.body.Code]).to.deep.equal([404, 'CouponNotFound']);

    expect((await api.put('/admin/coupons/OLD', { promotionId: 'spring-25', expiresAt: '2020-01-01T00:00:00Z' })).status).to.equal(201);
    const expired = await api.post(`/subscriptions/${MINE}/coupons`, { code: 'OLD' });
    expect([expired.status, expired.body.Code]).to.deep.equal([410, 'CouponExpired']);

    const nobody = await api.post('/subscriptions/2c3d4e5f-0000-4000-8000-00000000ffff/coupons', { code: 'SPRING25' });
    expect([nobody.status, nobody.body.Code]).to.deep.equal([404, 'SubscriptionNotFound']);
  });

  describe('refuses a bad promotion body with a 400 naming the field', () => {
    const refusal = async (body: unknown) => {
      const res = await api.put('/admin/promotions/bad', body);
      expect(res.status).to.equal(400);
      expect(res.body.Code).to.equal('BadRequest');
      return res.body.Message as string;
    };

    it('a percent sent as a JSON number', async () => {
      expect(await refusal({ ...spring, benefit: { kind: 'percentage', percent: 10 } })).to.equal('Promotion.benefit.percent must be of type string; got number');
    });

    it('an unknown benefit kind', async () => {
      expect(await refusal({ ...spring, benefit: { kind: 'free-beer' } })).to.equal('Promotion.benefit.kind must be one of "percentage", "amount"; got "free-beer"');
    });

    it('an amount that is not a decimal, a missing validity, a bad instant, a bad unit', async () => {
      expect(await refusal({ ...spring, benefit: { kind: 'amount', amount: '5,00', currency: 'USD' } })).to.match(/^Promotion\.benefit\.amount must be a decimal string/);
      const { validity: _omitted, ...noValidity } = spring;
      expect(await refusal(noValidity)).to.equal('Promotion.validity is required');
      expect(await refusal({ ...spring, validity: { kind: 'recurring', from: 'yesterday', until: null } })).to.match(/^Promotion\.validity\.from must be an ISO 8601 instant/);
      expect(await refusal({ ...spring, validity: { kind: 'days', days: 14, unit: 'week' } })).to.equal('Promotion.validity.unit must be one of "day", "second"; got "week"');
    });

    it('a percent over 100, refused by the use case', async () => {
      expect(await refusal({ ...spring, benefit: { kind: 'percentage', percent: '150' } })).to.equal('percent must be more than 0 and at most 100');
    });
  });

  it('refuses a redemption body without a code', async () => {
    const res = await api.post(`/subscriptions/${MINE}/coupons`, { coupon: 'SPRING25' });
    expect([res.status, res.body.Message]).to.deep.equal([400, 'CouponRedemption.code is required']);
  });
});
