import {
  Aggregation, MeteringStatus, meterResources, multiplyDecimalText, type ResourceMapping,
  type MeterDefinition, type MeterPlugin, type MeteringResult, type PluginContext, type WapUsageRecord,
} from '@wap-billing/plugin-api';

/** 1/1024 is an exact decimal (10 places): multiplying by it gives exactly the quotient. */
const GB_PER_MB = '0.0009765625';

/** One database engine as WAP reports it: its provider name and the prefix of its meter ids. */
interface Engine {
  readonly provider: string;
  readonly prefix: string;
  readonly name: string;
}
const ENGINES: readonly Engine[] = [
  { provider: 'sqlservers', prefix: 'sqlserver', name: 'SQL Server' },
  { provider: 'mysqlservers', prefix: 'mysql', name: 'MySQL' },
];

/**
 * The meters of one engine. `TotalAllottedSpace` (MB) is space reserved for the tenant over the
 * record's interval, so it is time-weighted into GB-hours: a database grown on the 20th pays the
 * larger size for the rest of the month only, and WAP's short records (minutes) add up to the
 * month without over-billing. `DatabaseCount` is billed at its peak (max), so that dropping
 * databases just before the period ends (which `latest` would reward) does not avoid the charge.
 */
function engineMeters(engine: Engine): { space: MeterDefinition; databases: MeterDefinition } {
  return {
    space: {
      id: `${engine.prefix}.allotted-space`, displayName: `${engine.name} allotted space`, unit: 'GB-hour',
      aggregation: Aggregation.TimeWeighted, description: 'Space allotted to databases (TotalAllottedSpace, MB ÷ 1024) per hour held.',
    },
    databases: {
      id: `${engine.prefix}.databases`, displayName: `${engine.name} databases`, unit: 'database',
      aggregation: Aggregation.Max, description: 'The most databases held at once in the period (DatabaseCount).',
    },
  };
}

class SqlDatabasesMeterPlugin implements MeterPlugin {
  private readonly byProvider = new Map(ENGINES.map(engine => [engine.provider, engineMeters(engine)]));
  private readonly tables = new Map([...this.byProvider].map(([provider, meters]): [string, readonly ResourceMapping[]] => [provider, [
    { meterId: meters.space.id, key: 'TotalAllottedSpace', convert: (mb: string) => multiplyDecimalText(mb, GB_PER_MB) },
    { meterId: meters.databases.id, key: 'DatabaseCount' },
  ]]));

  constructor(readonly id: string) {}

  meters(): readonly MeterDefinition[] {
    return [...this.byProvider.values()].flatMap(m => [m.space, m.databases]);
  }

  meter(record: WapUsageRecord): MeteringResult {
    const table = this.tables.get(record.providerName.toLowerCase());
    return table ? meterResources(record, table) : { status: MeteringStatus.NotApplicable };
  }
}

export function activate(context: PluginContext): MeterPlugin {
  return new SqlDatabasesMeterPlugin(context.manifest.id);
}
