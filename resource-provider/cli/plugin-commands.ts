import { Container } from 'inversify';
import type { Command } from 'commander';
import { PluginActivator } from '../../core/plugin-host/plugin-activator';
import { checkPluginFolder } from '../../core/plugin-host/check-plugin-folder';
import { PluginRegistry } from '../../core/plugin-host/plugin-registry';
import { SystemClock } from '../../core/time/clock';
import { createLogger } from '../logging/create-logger';
import { withMigratedContainer } from './with-container';

export function addPluginCommands(program: Command): void {
  const plugins = program.command('plugins').description('list installed plugins, or check one before shipping it');

  plugins
    .command('list')
    .description('every plugin found in the plugin folders and npm packages, with its state')
    .action(() =>
      withMigratedContainer(async (container) => {
        const rows = container.get(PluginRegistry).list();
        for (const p of rows) {
          console.log(`${p.state.padEnd(9)} ${p.kind.padEnd(8)} ${p.id.padEnd(28)} ${p.version.padEnd(8)} ${p.error ?? p.displayName}`);
        }
        console.log(`${rows.length} plugin(s)`);
      }),
    );

  plugins
    .command('validate <folder>')
    .description('check a plugin folder: manifest, API version, default settings, and activation')
    .action(async (folder: string) => {
      const activator = new PluginActivator(new Container(), new SystemClock(), createLogger('warn'));
      const result = await checkPluginFolder(folder, activator);
      if (!result.ok) {
        console.error(`INVALID: ${result.reason}`);
        process.exitCode = 1;
        return;
      }
      console.log(`OK: ${result.kind} plugin ${result.id} ${result.version}`);
      for (const meter of result.meters) console.log(`  meter ${meter.id} (${meter.unit}, ${meter.aggregation}): ${meter.displayName}`);
    });
}
