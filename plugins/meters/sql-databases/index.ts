import DecimalJs from 'decimal.js';
import {
  Aggregation, MeteringStatus, meterResources, type ResourceMapping,
  type MeterDefinition, type MeterPlugin, type MeteringResult, type PluginContext, type WapUsageRecord,
} from '@wap-billing/plugin-api';

/** Exact decimals whose `toString()` never switches to exponent notation. */
const Exact = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
type Exact = InstanceType<typeof Exact>;

const MB_PER_GB = new Exact(1024);

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

  constructor(readonly id: string) {}

  meters(): readonly MeterDefinition[] {
    return [...this.byProvider.values()].flatMap(m => [m.space, m.databases]);
  }

  meter(record: WapUsageRecord): MeteringResult {
    const meters = this.byProvider.get(record.providerName.toLowerCase());
    if (!meters) return { status: MeteringStatus.NotApplicable };
    const table: ResourceMapping[] = [
      { meterId: meters.space.id, key: 'TotalAllottedSpace', convert: (mb: string) => new Exact(mb).div(MB_PER_GB).toString() },
      { meterId: meters.databases.id, key: 'DatabaseCount' },
    ];
    return meterResources(record, table);
  }
}

export function activate(context: PluginContext): MeterPlugin {
  return new SqlDatabasesMeterPlugin(context.manifest.id);
}
