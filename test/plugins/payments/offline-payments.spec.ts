import * as path from 'node:path';
import { expect } from 'chai';
import pino from 'pino';
import { Container } from 'inversify';
import { AccountStanding, ChargeStatus, ConnectionStatus, PushStatus, type PaymentConnector } from '../../../core/plugin-api';
import { PluginActivator } from '../../../core/plugin-host/plugin-activator';
import { checkPluginFolder } from '../../../core/plugin-host/check-plugin-folder';
import { validateManifest } from '../../../core/plugin-host/plugin-manifest-validator';
import { ManualClock } from '../../../core/time/clock';

const folder = path.join(__dirname, '..', '..', '..', 'plugins', 'payments', 'offline-payments');

/** Activated the way the registry does it, from its folder, with its manifest's default settings. */
async function offlineConnector(settings: Record<string, unknown>): Promise<PaymentConnector> {
  const activator = new PluginActivator(new Container(), new ManualClock('2025-03-01T00:00:00Z'), pino({ level: 'silent' }));
  const manifest = validateManifest(require(path.join(folder, 'plugin.json')));
  if (!manifest.ok) throw new Error(manifest.reason);
  const { activated } = await activator.activate(manifest.manifest, path.join(folder, 'plugin.json'), settings);
  return activated.plugin as PaymentConnector;
}

describe('offline payments connector (built-in plugin)', () => {
  it('passes the same checks a third party runs before shipping', async () => {
    const activator = new PluginActivator(new Container(), new ManualClock('2025-03-01T00:00:00Z'), pino({ level: 'silent' }));
    expect(await checkPluginFolder(folder, activator)).to.deep.include({ ok: true, id: 'payment.offline', kind: 'payment' });
  });

  it('accepts an invoice under its own number and prints the payment instructions', async () => {
    const connector = await offlineConnector({ instructions: 'IBAN DE00 1234, quote the invoice number' });
    const invoice = {
      invoiceId: 'inv-1', number: 'INV-000042', accountId: 'tenant@example.com', currency: 'EUR',
      issuedAt: new Date('2025-04-01T00:00:00Z'), dueAt: new Date('2025-04-15T00:00:00Z'), total: '6.20', lines: [],
    };
    expect(await connector.pushInvoice(invoice)).to.deep.equal({
      status: PushStatus.Accepted, externalId: 'INV-000042', message: 'IBAN DE00 1234, quote the invoice number',
    });
    expect(await connector.pushInvoice(invoice)).to.include({ status: PushStatus.Accepted, externalId: 'INV-000042' });
  });

  it('leaves a charge pending until an admin records the payment, and has no opinion on standing', async () => {
    const connector = await offlineConnector({ instructions: 'Pay by transfer' });
    const charge = await connector.charge({ idempotencyKey: 'k1', accountId: 'a', invoiceId: 'inv-1', amount: '6.20', currency: 'EUR' });
    expect(charge).to.include({ status: ChargeStatus.Pending, reference: 'offline:inv-1' });
    expect((await connector.checkCharge('offline:inv-1')).status).to.equal(ChargeStatus.Pending);
    expect((await connector.accountStatus('a')).standing).to.equal(AccountStanding.Unknown);
    expect((await connector.testConnection()).status).to.equal(ConnectionStatus.Ok);
  });
});
