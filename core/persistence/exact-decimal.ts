import { DataTypes, type DataType } from 'sequelize';
import type { DialectName } from './database-url';

/** Digits and scale of every quantity and money column: 26 before the point, 12 after. */
export const DECIMAL_PRECISION = 38;
export const DECIMAL_SCALE = 12;

/**
 * The column type for exact decimals. A real DECIMAL(38,12) on PostgreSQL, MariaDB and SQL Server.
 * SQLite has no decimal type: a DECIMAL column gets NUMERIC affinity there and silently turns
 * `'0.1'` into a double, so on SQLite the value is kept as TEXT and arithmetic happens in the
 * application with `Decimal`, never in SQL.
 */
export function exactDecimal(dialect: DialectName): DataType {
  return dialect === 'sqlite' ? DataTypes.TEXT : DataTypes.DECIMAL(DECIMAL_PRECISION, DECIMAL_SCALE);
}
