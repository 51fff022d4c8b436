/**
 * The published plugin API: the only module a plugin may import, as `@wap-billing/plugin-api`.
 * It imports nothing else of the core. See docs/plugins.md for writing, testing and shipping a plugin.
 */
export * from './version';
export * from './plugin-manifest';
export * from './plugin-context';
export * from './meter-plugin';
export * from './payment-connector';
export * from './resource-mapping';
export { multiplyDecimalText, roundDecimalText, signOfDecimalText } from './decimal-text';
