/**
 * The version of this plugin API (semver). A plugin's manifest names the range it needs in
 * `apiVersion`; the registry refuses a plugin whose range this version does not satisfy.
 * Bump the major version for any change that can break a compiled plugin.
 */
export const PLUGIN_API_VERSION = '1.2.0';

/** The module name plugins import; the loader resolves it to this API, whatever the plugin's location. */
export const PLUGIN_API_MODULE = '@wap-billing/plugin-api';
