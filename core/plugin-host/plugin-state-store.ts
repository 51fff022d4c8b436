/** What an admin chose for a plugin: whether it runs, and its settings. */
export interface PluginState {
  readonly pluginId: string;
  readonly enabled: boolean;
  readonly settings: Record<string, unknown>;
}

/** Persists admins' choices about plugins; a plugin with no row is enabled with default settings. */
export const PluginStateStore = Symbol('PluginStateStore');
export interface PluginStateStore {
  find(pluginId: string): Promise<PluginState | undefined>;
  /** Inserts or replaces the row; saving the same state twice leaves one row. */
  save(state: PluginState): Promise<void>;
}
