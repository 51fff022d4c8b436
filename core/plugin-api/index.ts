/**
 * The published plugin API: the only module a plugin may import, as `@wap-billing/plugin-api`.
 * It imports nothing else of the core. See docs/plugins.md for writing, testing and shipping a plugin.
 * Plugins receive it as `published.ts` makes it; the core's hot paths import their values
 * (`Aggregation`, `MeteringStatus`) from the modules that define them, for the reason given there.
 */
export * from './version';
export * from './plugin-manifest';
export * from './plugin-context';
export * from './meter-plugin';
export * from './payment-connector';
export * from './resource-mapping';
export { multiplyDecimalText, roundDecimalText, signOfDecimalText } from './decimal-text';
