import { Umzug, SequelizeStorage } from 'umzug';
import type { Database } from './database';
import type { MigrationContext } from './migration';
import { migrations } from './migrations';

/** Applies the pending migrations, in order; the applied ones are listed in `schema_migrations`. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const applied = await umzugFor(database).up();
  return applied.map((m) => m.name);
}

export function umzugFor(database: Database): Umzug<MigrationContext> {
  const context: MigrationContext = { queryInterface: database.sequelize.getQueryInterface(), dialect: database.dialect };
  return new Umzug<MigrationContext>({
    migrations: migrations.map((m) => ({ name: m.name, up: () => m.up(context), down: () => m.down(context) })),
    context,
    storage: new SequelizeStorage({ sequelize: database.sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}
