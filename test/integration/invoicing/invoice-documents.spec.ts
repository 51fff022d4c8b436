import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { InvoiceDocuments } from '../../../resource-provider/invoice-documents/invoice-documents';
import { ResourceProviderSettings } from '../../../resource-provider/config/settings';
import { testBackend } from '../../support/test-database';
import { wapHeaders } from '../../support/test-server';
import { BillingWorld, planCard, vmTiers } from '../../scenarios/invoicing/billing-world';

const SUB = '5c0b5a1e-0000-4000-8000-0000000000dd';
const OTHER = '5c0b5a1e-0000-4000-8000-0000000000de';

describe(`invoice documents: HTML, PDF, CSV, JSON on ${testBackend()}`, () => {
  let world: BillingWorld;
  let invoiceId: string;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    await world.account('tenant-d@example.com');
    await world.account('tenant-e@example.com');
    await world.rateCard('vm-basic-2024', planCard('plan-vm', { fee: '20.00', vm: { kind: 'graduated', tiers: vmTiers } }));
    await world.subscribe('tenant-d@example.com', SUB, 'plan-vm');
    await world.subscribe('tenant-e@example.com', OTHER, 'plan-vm');
    await world.vmHours(SUB, '130', '2025-03-10T12:00:00Z');
    world.clock.set('2025-04-04T00:05:00Z');
    await world.runDueInvoices();
    [{ id: invoiceId }] = await world.invoicesOf('tenant-d@example.com');
  });
  after(() => world.close());

  const get = (p: string) => fetch(`${world.server.url}${p}`, { headers: wapHeaders() });

  it('renders the invoice template as HTML with every line, its tiers and the total', async () => {
    const res = await get(`/admin/invoices/${invoiceId}/document`);
    expect(res.headers.get('content-type')).to.match(/^text\/html/);
    const html = await res.text();
    expect(html).to.include('Invoice INV-000001');
    expect(html).to.include('Plan base fee');
    // 100 h at 0.05 and 30 h at 0.04, the tiers behind 6.20
    expect(html).to.include('100 × 0.05 (0–100); 30 × 0.04 (100–∞)');
    expect(html).to.match(/Total<\/td><td class="amount">26\.20 USD/);
  });

  it('exports CSV rows that add up to the total, and JSON as the API answers it', async () => {
    const csv = await (await get(`/admin/invoices/${invoiceId}/document?format=csv`)).text();
    const rows = csv.trim().split('\n');
    expect(rows[0]).to.equal('invoice,position,kind,subscription,meter,description,quantity,amount,currency,note');
    expect(rows.at(-1)).to.equal(',,total,,,,,26.20,USD,');
    const json = (await (await get(`/admin/invoices/${invoiceId}/document?format=json`)).json()) as { total: string; number: string };
    expect(json).to.include({ total: '26.20', number: 'INV-000001' });
  });

  it('prints the same HTML to PDF with Chromium', async function () {
    this.timeout(60_000);
    const res = await get(`/admin/invoices/${invoiceId}/document?format=pdf`);
    expect(res.status).to.equal(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');
    expect(pdf.length).to.be.greaterThan(5_000);
  });

  it('uses the template an admin put in INVOICE_TEMPLATE_DIR', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wap-billing-template-'));
    fs.writeFileSync(path.join(dir, 'invoice.ejs'), 'Rechnung <%= invoice.number %>: <%= invoice.total %> <%= invoice.currency %>');
    const settings = world.container.get<ResourceProviderSettings>(ResourceProviderSettings);
    const documents = new InvoiceDocuments({ ...settings, invoiceTemplateDir: dir });
    const [invoice] = await world.invoicesOf('tenant-d@example.com');
    expect(await documents.html(invoice)).to.equal('Rechnung INV-000001: 26.20 USD');
  });

  it("gives a tenant its own invoice, and never another account's", async () => {
    const own = await get(`/subscriptions/${SUB}/invoices/${invoiceId}/document?format=json`);
    expect(own.status).to.equal(200);
    const other = await get(`/subscriptions/${OTHER}/invoices/${invoiceId}/document`);
    expect(other.status).to.equal(404);
    expect(((await other.json()) as { Code: string }).Code).to.equal('InvoiceNotFound');
  });
});
