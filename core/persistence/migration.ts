import type { QueryInterface } from 'sequelize';
import type { DialectName } from './database-url';

export interface MigrationContext {
  readonly queryInterface: QueryInterface;
  readonly dialect: DialectName;
}

/** A schema change. `up` must work on every dialect; `down` undoes it for development. */
export interface Migration {
  readonly name: string;
  up(context: MigrationContext): Promise<void>;
  down(context: MigrationContext): Promise<void>;
}
