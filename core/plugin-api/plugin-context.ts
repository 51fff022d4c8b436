import type { PluginManifest } from './plugin-manifest';

/** Structured logging for a plugin; lines carry the plugin id. Never log secrets from settings. */
export interface PluginLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * What the core hands a plugin when it activates it. The plugin keeps what it needs; the object
 * stays valid for the life of the activation (until the plugin is disabled or the server stops).
 */
export interface PluginContext {
  /** The validated manifest of this plugin. */
  readonly manifest: PluginManifest;
  /** The admin's settings, already validated against `manifest.settingsSchema`. */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly logger: PluginLogger;
  /** The current time (UTC). Use it instead of `new Date()` so that tests can move time. */
  now(): Date;
}

/**
 * What a plugin's entry module exports. `activate` is called once per activation, after the
 * manifest and settings were validated; it returns the plugin object of the manifest's kind
 * (`MeterPlugin` or `PaymentConnector`). A throw (or rejected promise) marks the plugin failed
 * with the error's message; the server keeps running.
 */
export interface PluginEntry<T> {
  activate(context: PluginContext): T | Promise<T>;
}
