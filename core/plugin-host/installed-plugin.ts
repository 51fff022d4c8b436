import type { PluginKind } from '../plugin-api';
import type { PluginOrigin } from './plugin-discovery';

export type PluginStatus = 'enabled' | 'disabled' | 'failed';

/** What admins see of a plugin: what it is, where it came from, and whether it runs. */
export interface InstalledPlugin {
  /** The manifest's id; for a manifest too broken to name one, the folder's name. */
  readonly id: string;
  readonly kind: PluginKind | `${PluginKind}` | 'unknown';
  readonly version: string;
  readonly displayName: string;
  readonly description?: string;
  readonly origin: PluginOrigin;
  /** The plugin.json path. */
  readonly location: string;
  readonly state: PluginStatus;
  /** Why the plugin failed; absent unless `state` is `failed`. */
  readonly error?: string;
  readonly settingsSchema?: Readonly<Record<string, unknown>>;
}
