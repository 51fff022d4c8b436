import { inject, injectable } from 'inversify';
import { Database } from '../persistence/database';
import { PluginRegistry } from '../plugin-host/plugin-registry';

export interface HealthReport {
  readonly healthy: boolean;
  readonly database: { readonly reachable: boolean; readonly dialect: string; readonly error?: string };
  readonly plugins: { readonly enabled: number; readonly disabled: number; readonly failed: number };
}

/** A database that has not answered within this long is reported unreachable. */
const DATABASE_TIMEOUT_MS = 3000;

@injectable()
export class CheckHealth {
  constructor(@inject(Database) private readonly database: Database, @inject(PluginRegistry) private readonly plugins: PluginRegistry) {}

  /** Healthy means the database answers; failed plugins are reported but do not make the server unhealthy. */
  async check(): Promise<HealthReport> {
    const counts = { enabled: 0, disabled: 0, failed: 0 };
    for (const plugin of this.plugins.list()) counts[plugin.state] += 1;
    const database = await this.probeDatabase();
    return { healthy: database.reachable, database, plugins: counts };
  }

  private async probeDatabase(): Promise<HealthReport['database']> {
    const dialect = this.database.dialect;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.database.ping(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS))),
      ]);
      return { reachable: true, dialect };
    } catch (error) {
      return { reachable: false, dialect, error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
