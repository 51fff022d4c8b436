import type { Command } from 'commander';
import { Database } from '../../core/persistence/database';
import { PluginRegistry } from '../../core/plugin-host/plugin-registry';
import { createContainer } from '../composition-root';
import { cliSettings } from './cli-settings';
import type { CheckLine, DoctorContext } from './doctor/doctor-check';
import { DOCTOR_CHECKS } from './doctor/doctor-checks';

/** `wap-billing doctor`: one OK/FAIL line per connection; exit code 1 when any fails. */
export function addDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('check the database, WAP (Admin API, Usage Service), payment connectors and plugins, and say what is wrong')
    .action(doctor);
}

async function doctor(): Promise<void> {
  const settings = cliSettings();
  if (!settings) return;
  const container = createContainer(settings);
  let scan: Promise<PluginRegistry> | undefined;
  const context: DoctorContext = {
    settings,
    container,
    plugins: () => (scan ??= container.get(PluginRegistry).rescan().then(() => container.get(PluginRegistry))),
  };
  const lines: CheckLine[] = [];
  try {
    for (const check of DOCTOR_CHECKS) {
      for (const line of await check.run(context)) {
        lines.push(line);
        console.log(`${line.ok ? 'OK  ' : 'FAIL'} ${line.subject}: ${line.detail}`);
      }
    }
  } finally {
    await container.get(Database).close();
  }
  const failed = lines.filter((l) => !l.ok).length;
  console.log(failed === 0 ? 'All checks passed.' : `${failed} check(s) failed.`);
  if (failed > 0) process.exitCode = 1;
}
