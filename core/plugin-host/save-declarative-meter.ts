import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { inject, injectable } from 'inversify';
import { fail, ok, type Result } from '../shared/result';
import { validateDeclarativeMeters } from '../usage/metering/declarative-meter-validation';
import type { InstalledPlugin } from './installed-plugin';
import { PluginDirectories } from './plugin-discovery';
import { PluginRegistry } from './plugin-registry';

export type SaveDeclarativeMeterError = 'invalid_meter_document' | 'no_writable_folder' | 'meter_not_loaded';

/**
 * An admin makes a WAP service billable through the API: the declarative meter document is
 * validated, written as `<id>.meter.json` into the writable plugins folder (so it survives
 * restarts and is one file an admin can read), and the registry rescans. Saving the same
 * document again is harmless; a changed one replaces the file.
 */
@injectable()
export class SaveDeclarativeMeter {
  constructor(
    @inject(PluginDirectories) private readonly directories: PluginDirectories,
    @inject(PluginRegistry) private readonly registry: PluginRegistry,
  ) {}

  async save(document: unknown): Promise<Result<InstalledPlugin, SaveDeclarativeMeterError>> {
    const validation = validateDeclarativeMeters(document);
    if (!validation.ok) return fail('invalid_meter_document', validation.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    const folder = this.directories.writableFolder;
    if (!folder) return fail('no_writable_folder', 'No plugins folder is writable: set PLUGINS_DIR');
    const { id } = validation.value;
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(folder, `${id}.meter.json`), JSON.stringify(validation.value, null, 2) + '\n');
    await this.registry.rescan();
    const installed = this.registry.find(id);
    if (!installed || installed.state !== 'enabled') return fail('meter_not_loaded', installed?.error ?? `meter document '${id}' was written but not loaded`);
    return ok(installed);
  }
}
