/** What a plugin contributes. */
export enum PluginKind {
  /** Turns WAP usage records into metered quantities; see `MeterPlugin`. */
  Meter = 'meter',
  /** Connects invoices, payments and account standing to a payment system; see `PaymentConnector`. */
  Payment = 'payment',
}

/**
 * The `plugin.json` file at the root of a plugin folder (or named by an npm package's
 * `"wap-billing-plugin"` field). The registry validates it before loading anything.
 */
export interface PluginManifest {
  /** Unique across all installed plugins: lower-case letters, digits, dots and dashes (`meter.mysql`). */
  readonly id: string;
  readonly kind: PluginKind | `${PluginKind}`;
  /** The plugin's own version (semver). */
  readonly version: string;
  /** The semver range of this plugin API the plugin was built against, e.g. `^1.0.0`. */
  readonly apiVersion: string;
  /** The entry module, relative to the manifest; it exports `activate` (see `PluginEntry`). */
  readonly main: string;
  readonly displayName: string;
  readonly description?: string;
  /** JSON Schema (draft 2020-12 or 07) of the settings an admin gives the plugin; `{}` when it takes none. */
  readonly settingsSchema: Readonly<Record<string, unknown>>;
}
