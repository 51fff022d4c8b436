import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { AccountOutcome } from '../../core/invoicing/invoice-run-report';
import { RunDueInvoices } from '../../core/invoicing/run-due-invoices';
import { RunInvoices } from '../../core/invoicing/run-invoices';
import { minorUnitsOf } from '../../core/money/currency';
import type { Decimal } from '../../core/money/decimal';
import { withMigratedContainer } from './with-container';

/** `wap-billing invoice run --period 2025-03 [--account X] [--finalize]`: an invoice run now, with a progress bar and a summary. */
export function addInvoiceCommand(program: Command): void {
  const invoice = program.command('invoice').description('build, finalize and review invoices');
  invoice
    .command('run')
    .description("build the draft invoice of each account for a period (the period starting in that month of the account's cycle)")
    .option('--period <YYYY-MM>', 'the month whose period to invoice; default: the last period that ended')
    .option('--account <id>', 'one account (its WAP user name) instead of all')
    .option('--finalize', 'finalize each draft once built, numbering it')
    .action((options: { period?: string; account?: string; finalize?: boolean }) =>
      withMigratedContainer(async (container) => {
        const bar = new SingleBar({ format: 'invoicing [{bar}] {value}/{total} accounts  {account}', hideCursor: true, noTTYOutput: false }, Presets.shades_classic);
        let started = false;
        const result = await container.get(RunInvoices).run(
          { period: options.period, accountId: options.account?.toLowerCase(), finalize: options.finalize === true },
          (done, total, outcome) => {
            if (!started) bar.start(total, 0, { account: '' });
            started = true;
            bar.update(done, { account: outcome.accountId });
          },
        );
        if (started) bar.stop();
        if (!result.ok) {
          console.error(result.message ?? result.error);
          process.exitCode = 1;
          return;
        }
        if (result.value.status === 'lease-held') {
          console.error('Another resource provider instance is running invoices now; nothing was done.');
          process.exitCode = 2;
          return;
        }
        for (const line of summary(result.value.outcomes)) console.log(line);
      }),
    );

  invoice
    .command('run-due')
    .description('what the schedule runs: finalize every account period that ended at least its grace period ago')
    .action(() =>
      withMigratedContainer(async (container) => {
        const report = await container.get(RunDueInvoices).runDue();
        if (report.status === 'lease-held') {
          console.error('Another resource provider instance is running invoices now; nothing was done.');
          process.exitCode = 2;
          return;
        }
        for (const line of summary(report.outcomes)) console.log(line);
      }),
    );
}

/** One line per account, then counts and the totals per currency. */
export function summary(outcomes: readonly AccountOutcome[]): string[] {
  const lines = outcomes.map((o) => {
    const period = `${o.period.from.toISOString().slice(0, 10)} – ${o.period.to.toISOString().slice(0, 10)}`;
    if (!o.invoice) return `${o.accountId}  ${period}  ${o.outcome}`;
    const total = o.invoice.total.toFixed(minorUnitsOf(o.invoice.currency));
    return `${o.accountId}  ${period}  ${o.outcome}  ${o.invoice.number ?? 'draft'}  ${total} ${o.invoice.currency}  (${o.invoice.lines.length} lines)`;
  });
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o.outcome, (counts.get(o.outcome) ?? 0) + 1);
  const totals = new Map<string, { currency: string; sum: Decimal }>();
  for (const o of outcomes) {
    if (!o.invoice) continue;
    const held = totals.get(o.invoice.currency);
    totals.set(o.invoice.currency, { currency: o.invoice.currency, sum: held ? held.sum.plus(o.invoice.total) : o.invoice.total });
  }
  lines.push(`${outcomes.length} account(s): ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ') || 'nothing to do'}`);
  for (const t of totals.values()) lines.push(`total ${t.sum.toFixed(minorUnitsOf(t.currency))} ${t.currency}`);
  return lines;
}
