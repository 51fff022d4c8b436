/** Metering: WAP usage records → metered usage, and metered usage → billed quantities. */
export * from './metered-usage';
export * from './meter-usage-record';
export * from './aggregation/period';
export * from './aggregation/partial-aggregate';
export * from './aggregation/aggregate-usage';
export * from './aggregation/rollup';
export * from './aggregation/stored-partial';
export * from './declarative-meter-schema';
export * from './declarative-meter-validation';
export * from './declarative-meter-plugin';
