import 'reflect-metadata';
import { Command } from 'commander';
import { Database } from '../../core/persistence/database';
import { umzugFor } from '../../core/persistence/migrator';
import { addCollectCommand } from './collect-command';
import { addReprocessCommand } from './reprocess-command';
import { addDoctorCommand } from './doctor-command';
import { addInvoiceCommand } from './invoice-command';
import { addPluginCommands } from './plugin-commands';
import { addRegisterCommand } from './register-command';
import { withMigratedContainer } from './with-container';

const program = new Command('wap-billing').description('Usage and billing for Windows Azure Pack');

program
  .command('migrate')
  .description('apply pending database migrations to DATABASE_URL')
  .action(() =>
    withMigratedContainer(async (container) => {
      const executed = await umzugFor(container.get(Database)).executed();
      console.log(`database is at ${executed.at(-1)?.name ?? 'no migration'} (${executed.length} applied)`);
    }),
  );

addPluginCommands(program);
addCollectCommand(program);
addReprocessCommand(program);
addRegisterCommand(program);
addDoctorCommand(program);
addInvoiceCommand(program);

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
