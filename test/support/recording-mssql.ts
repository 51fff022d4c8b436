import { Sequelize } from 'sequelize';

/**
 * A Sequelize instance of the mssql dialect that never connects: every statement it would send to
 * SQL Server is recorded instead, so the generated T-SQL can be checked where no SQL Server runs.
 * A SELECT finds no rows, unless `answer` gives some for it.
 */
export function recordingMssql(answer: (sql: string) => object[] | undefined = () => undefined): RecordingMssql {
  const sequelize = new Sequelize({ dialect: 'mssql', host: 'sql.invalid', database: 'billing', logging: false });
  const statements: string[] = [];
  const bindings: (Record<string, unknown> | undefined)[] = [];
  const record = async (sql: string | { query: string }, options?: { type?: string; plain?: boolean; bind?: Record<string, unknown> }) => {
    let text = typeof sql === 'string' ? sql : sql.query;
    // Bound values as the dialect sends them to tedious: named @parameters beside the text.
    if (options?.bind) [text] = (sequelize as unknown as { dialect: MssqlDialect }).dialect.Query.formatBindParameters(text, options.bind, 'mssql');
    statements.push(text);
    bindings.push(options?.bind);
    if (options?.type === 'SELECT') return options.plain ? null : (answer(text) ?? []);
    return [[], 0];
  };
  (sequelize as unknown as { query: typeof record }).query = record;
  return { sequelize, statements, bindings };
}

export interface RecordingMssql {
  readonly sequelize: Sequelize;
  /** Each statement's text, in the order sent. */
  readonly statements: string[];
  /** The values bound to each statement, by parameter name without its `@`; undefined for a statement without. */
  readonly bindings: (Record<string, unknown> | undefined)[];
}

interface MssqlDialect {
  Query: { formatBindParameters(sql: string, values: Record<string, unknown>, dialect: string): [string, Record<string, unknown>] };
}
