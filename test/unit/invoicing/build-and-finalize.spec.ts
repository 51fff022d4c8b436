import { expect } from 'chai';
import { BuildAndFinalize } from '../../../core/invoicing/build-and-finalize';
import type { FinalizeInvoice } from '../../../core/invoicing/finalize-invoice';
import type { Invoice } from '../../../core/invoicing/invoice';
import type { InvoiceRun } from '../../../core/invoicing/invoice-run';
import type { AccountPeriod } from '../../../core/invoicing/invoice-store';
import { Decimal } from '../../../core/money/decimal';
import { ok } from '../../../core/shared/result';
import { silentLogger } from '../../support/silent-logger';

const MARCH = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

function invoiceOf(accountId: string, status: Invoice['status'], number: string | null = null): Invoice {
  const zero = new Decimal(0);
  return {
    id: `inv-${accountId}`, accountId, period: MARCH, status, currency: 'USD', number, subtotal: zero, tax: zero, total: zero, lines: [],
    createdAt: MARCH.to, updatedAt: MARCH.to, finalizedAt: null, voidedAt: null,
  };
}

/** An invoice run whose database write fails for any batch holding `broken`, as a constraint violation of that account's row would. */
function runFailingFor(broken: string, batches: string[][]): InvoiceRun {
  return {
    buildMany: async (requests: readonly AccountPeriod[]) => {
      batches.push(requests.map((r) => r.accountId));
      if (requests.some((r) => r.accountId === broken)) throw new Error(`cannot write the draft of ${broken}`);
      return requests.map((r) => ok(invoiceOf(r.accountId, 'draft')));
    },
  } as unknown as InvoiceRun;
}

const finalizer = {
  finalizeMany: async (drafts: readonly Invoice[]) => drafts.map((d, i) => ok(invoiceOf(d.accountId, 'finalized', `INV-${i + 1}`))),
} as unknown as FinalizeInvoice;

describe('building and finalizing a batch of accounts', () => {
  it('tries each account alone when the batch fails, reporting only the broken one as failed', async () => {
    const batches: string[][] = [];
    const step = new BuildAndFinalize(runFailingFor('b', batches), finalizer, silentLogger);
    const outcomes = await step.processMany(['a', 'b', 'c'].map((accountId) => ({ accountId, period: MARCH })), true);
    expect(outcomes.map((o) => [o.accountId, o.outcome])).to.deep.equal([['a', 'finalized'], ['b', 'failed'], ['c', 'finalized']]);
    expect(batches).to.deep.equal([['a', 'b', 'c'], ['a'], ['b'], ['c']]);
  });

  it('lets the error of a single account through, as building it alone always did', async () => {
    const step = new BuildAndFinalize(runFailingFor('b', []), finalizer, silentLogger);
    let thrown: unknown;
    await step.process('b', MARCH, true).catch((error: unknown) => (thrown = error));
    expect(String(thrown)).to.include('cannot write the draft of b');
  });
});
