import type { Command } from 'commander';
import { ReprocessQuarantine } from '../../core/usage/store/reprocess-quarantine';
import { withMigratedContainer } from './with-container';

/**
 * `wap-billing reprocess`: the quarantined usage records offered again to the enabled meters, as
 * `POST /admin/quarantine/reprocess` does, after an admin dropped in or enabled the meter they
 * were waiting for. Each record is released once, however often it runs.
 */
export function addReprocessCommand(program: Command): void {
  program
    .command('reprocess')
    .description('meter the quarantined usage records again with the enabled meters (after adding one), releasing those that meter now')
    .action(() =>
      withMigratedContainer(async (container) => {
        const outcome = await container.get<ReprocessQuarantine>(ReprocessQuarantine).reprocess();
        console.log(`${outcome.examined} quarantined records examined: ${outcome.released} metered and released, ${outcome.stillQuarantined} still quarantined`);
      }),
    );
}
