import { Sequelize } from 'sequelize';

/**
 * A Sequelize instance of the mssql dialect that never connects: every statement it would send to
 * SQL Server is recorded instead, so the generated T-SQL can be checked where no SQL Server runs.
 * A SELECT finds no rows, unless `answer` gives some for it.
 */
export function recordingMssql(answer: (sql: string) => object[] | undefined = () => undefined): { sequelize: Sequelize; statements: string[] } {
  const sequelize = new Sequelize({ dialect: 'mssql', host: 'sql.invalid', database: 'billing', logging: false });
  const statements: string[] = [];
  const record = async (sql: string | { query: string }, options?: { type?: string; plain?: boolean }) => {
    const text = typeof sql === 'string' ? sql : sql.query;
    statements.push(text);
    if (options?.type === 'SELECT') return options.plain ? null : (answer(text) ?? []);
    return [[], 0];
  };
  (sequelize as unknown as { query: typeof record }).query = record;
  return { sequelize, statements };
}
