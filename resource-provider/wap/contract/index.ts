/** Every WAP payload the resource provider reads or writes, as JSON schemas (for validation now, an OpenAPI document later). */
export * from './schema-kit';
export * from './subscription';
export * from './subscription-state';
export * from './quota';
export * from './usage-summary';
export * from './usage-event';
export * from './admin-api';
export { schemaProblem, validBody } from './validate';
