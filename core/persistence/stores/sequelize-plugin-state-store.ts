import { inject, injectable } from 'inversify';
import { DataTypes, type Model, type ModelStatic } from 'sequelize';
import { Clock } from '../../time/clock';
import { Database } from '../database';
import type { PluginState, PluginStateStore } from '../../plugin-host/plugin-state-store';

interface PluginStateRow {
  plugin_id: string;
  enabled: boolean;
  settings: string | null;
  updated_at: Date;
}

@injectable()
export class SequelizePluginStateStore implements PluginStateStore {
  private readonly rows: ModelStatic<Model<PluginStateRow>>;

  constructor(@inject(Database) database: Database, @inject(Clock) private readonly clock: Clock) {
    this.rows = database.sequelize.define<Model<PluginStateRow>>(
      'PluginState',
      {
        plugin_id: { type: DataTypes.STRING(200), primaryKey: true },
        enabled: { type: DataTypes.BOOLEAN, allowNull: false },
        settings: { type: DataTypes.TEXT, allowNull: true },
        updated_at: { type: DataTypes.DATE, allowNull: false },
      },
      { tableName: 'plugin_states', timestamps: false },
    );
  }

  async find(pluginId: string): Promise<PluginState | undefined> {
    const row = await this.rows.findByPk(pluginId);
    if (!row) return undefined;
    const { plugin_id, enabled, settings } = row.get();
    return { pluginId: plugin_id, enabled: Boolean(enabled), settings: settings ? JSON.parse(settings) : {} };
  }

  async save(state: PluginState): Promise<void> {
    await this.rows.upsert({
      plugin_id: state.pluginId,
      enabled: state.enabled,
      settings: JSON.stringify(state.settings),
      updated_at: this.clock.now(),
    });
  }
}
